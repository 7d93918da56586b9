"""Schema of the hash-chained audit log (migration "audit log").

The table refuses UPDATE and DELETE, and an INSERT must extend the chain (next sequence number,
``prev_hash`` equal to the last entry's hash). Someone with the raw file can still drop the
triggers and rewrite rows: that is what ``AuditLog.verify`` and the export anchors detect.
AUTOINCREMENT keeps the highest sequence ever issued in ``sqlite_sequence``, which makes a deleted
tail visible too.
"""

from __future__ import annotations

GENESIS_HASH = "0" * 64
TABLE = "audit_log"
TRIGGERS = ("audit_log_no_update", "audit_log_no_delete", "audit_log_extends_chain")

STATEMENTS: tuple[str, ...] = (
    f"""CREATE TABLE {TABLE} (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        recorded_utc TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        details TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        entry_hash TEXT NOT NULL UNIQUE
    )""",
    f"""CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON {TABLE}
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    f"""CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON {TABLE}
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    f"""CREATE TRIGGER audit_log_extends_chain BEFORE INSERT ON {TABLE}
        WHEN NEW.seq IS NOT (SELECT COALESCE(MAX(seq), 0) + 1 FROM {TABLE})
          OR NEW.prev_hash IS NOT COALESCE(
                (SELECT entry_hash FROM {TABLE} ORDER BY seq DESC LIMIT 1), '{GENESIS_HASH}')
        BEGIN SELECT RAISE(ABORT, 'an audit entry must extend the chain'); END""",
)
