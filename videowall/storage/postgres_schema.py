"""What a PostgreSQL deployment has beyond ``schema.metadata``: the case-insensitive collation, the version
row, and the triggers that keep the audit log and bookmark history append-only (the same rules as the
SQLite triggers of ``schema_audit`` and ``schema_bookmarks``).

``audit_log_issued`` keeps the highest audit sequence number ever written, in the same transaction as
the entry (SQLite's ``sqlite_sequence`` does this there): a deleted tail stays visible to ``verify``.
"""

from __future__ import annotations

from videowall.storage.changes import CHANNEL, WATCHED
from videowall.storage.schema_audit import GENESIS_HASH

VERSION_TABLE = "videowall_schema"
ISSUED_TABLE = "audit_log_issued"
AUDIT_TRIGGERS = ("audit_log_no_update", "audit_log_no_delete", "audit_log_extends_chain")

BEFORE_TABLES: tuple[str, ...] = (
    "CREATE COLLATION IF NOT EXISTS nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false)",
)

AFTER_TABLES: tuple[str, ...] = (
    f"""CREATE TABLE {VERSION_TABLE} (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        version INTEGER NOT NULL
    )""",
    f"CREATE TABLE {ISSUED_TABLE} (singleton INTEGER PRIMARY KEY CHECK (singleton = 1), seq BIGINT NOT NULL)",
    """CREATE FUNCTION videowall_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION USING MESSAGE = TG_ARGV[0]; END $$""",
    f"""CREATE FUNCTION audit_log_extends_chain() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE last_seq BIGINT; last_hash TEXT;
        BEGIN
            SELECT seq, entry_hash INTO last_seq, last_hash FROM audit_log ORDER BY seq DESC LIMIT 1;
            IF NEW.seq IS DISTINCT FROM COALESCE(last_seq, 0) + 1
               OR NEW.prev_hash IS DISTINCT FROM COALESCE(last_hash, '{GENESIS_HASH}') THEN
                RAISE EXCEPTION 'an audit entry must extend the chain';
            END IF;
            INSERT INTO {ISSUED_TABLE} (singleton, seq) VALUES (1, NEW.seq)
                ON CONFLICT (singleton) DO UPDATE SET seq = GREATEST({ISSUED_TABLE}.seq, excluded.seq);
            RETURN NEW;
        END $$""",
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION videowall_refuse('the audit log is append-only')""",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION videowall_refuse('the audit log is append-only')""",
    """CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION videowall_refuse('the audit log is append-only')""",
    """CREATE TRIGGER audit_log_extends_chain BEFORE INSERT ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_extends_chain()""",
    """CREATE TRIGGER bookmarks_no_delete BEFORE DELETE ON bookmarks
        FOR EACH ROW EXECUTE FUNCTION videowall_refuse('bookmarks are withdrawn, never deleted')""",
    """CREATE TRIGGER bookmark_revisions_no_update BEFORE UPDATE ON bookmark_revisions
        FOR EACH ROW EXECUTE FUNCTION videowall_refuse('bookmark history is append-only')""",
    """CREATE TRIGGER bookmark_revisions_no_delete BEFORE DELETE ON bookmark_revisions
        FOR EACH ROW EXECUTE FUNCTION videowall_refuse('bookmark history is append-only')""",
)

CHANGE_FUNCTION = "videowall_notify_change"
CHANGE_TRIGGERS: tuple[str, ...] = (
    f"""CREATE OR REPLACE FUNCTION {CHANGE_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE changed JSONB;
        BEGIN
            changed := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
            PERFORM pg_notify('{CHANNEL}', json_build_object('table', TG_ARGV[0], 'id', (changed ->> TG_ARGV[1])::BIGINT,
                                                             'kind', lower(TG_OP))::text);
            RETURN NULL;
        END $$""",
    *(f"""CREATE OR REPLACE TRIGGER videowall_changed_{table} AFTER INSERT OR UPDATE OR DELETE ON {table}
          FOR EACH ROW EXECUTE FUNCTION {CHANGE_FUNCTION}('{published}', '{column}')"""
      for table, (published, column) in WATCHED.items()),
)
