"""The append-only, hash-chained audit log (table ``audit_log``; ``schema_audit``, ``postgres_schema``)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from typing import Any

from sqlalchemy import exc

from videowall.audit.entry import AuditEntry, check_details, entry_hash, format_utc, parse_utc
from videowall.runtime.clock import SYSTEM_CLOCK, Clock
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.storage.database import SQLITE, Database, reason, transaction
from videowall.storage.postgres_schema import AUDIT_TRIGGERS as PG_TRIGGERS
from videowall.storage.postgres_schema import ISSUED_TABLE
from videowall.storage.schema_audit import GENESIS_HASH, TABLE, TRIGGERS

MAX_ACTION_CHARS = 100
MAX_ACTOR_CHARS = 200
_COLUMNS = "seq, recorded_utc, actor, action, details, prev_hash, entry_hash"


class AuditLog:
    """Appends and reads audit entries on ``conn`` (a database opened with the "audit log" migration).

    Thread-safe for its own calls (a lock serialises them). Appends take SQLite's write lock, or on
    PostgreSQL the chain's advisory lock, before reading the head: processes and stations sharing the
    database still produce one chain.
    """

    def __init__(self, conn: Database, clock: Clock = SYSTEM_CLOCK) -> None:
        self._conn = conn
        self._clock = clock
        self._lock = threading.Lock()
        if not _has_table(conn, TABLE):
            raise VideowallError(ErrorKind.STORAGE_ERROR,
                                 "This database has no audit log table; it was opened without the "
                                 "\"audit log\" migration.")

    def append(self, action: str, details: dict[str, Any], actor: str = "system") -> AuditEntry:
        """Add one entry at the end of the chain and return it."""
        action = _clean(action, "action", MAX_ACTION_CHARS)
        actor = _clean(actor, "actor", MAX_ACTOR_CHARS)
        details_text = check_details(details)
        details_copy = json.loads(details_text)
        recorded = format_utc(self._clock.now_utc())
        with self._lock:
            try:
                with transaction(self._conn):
                    self._conn.lock_chain()
                    seq, prev = self._head()
                    seq += 1
                    digest = entry_hash(seq, recorded, actor, action, details_copy, prev)
                    self._conn.execute(
                        f"INSERT INTO {TABLE} ({_COLUMNS}) VALUES (:seq, :recorded, :actor, :action, :details,"
                        " :prev, :digest)",
                        {"seq": seq, "recorded": recorded, "actor": actor, "action": action,
                         "details": details_text, "prev": prev, "digest": digest})
            except exc.SQLAlchemyError as err:
                raise VideowallError(ErrorKind.STORAGE_ERROR, f"Could not write to the audit log: {reason(err)}.",
                                     detail=repr(err)) from err
        return AuditEntry(seq, parse_utc(recorded), actor, action, details_copy, prev, digest)

    def head(self) -> tuple[int, str]:
        """(sequence number, entry hash) of the last entry; (0, 64 zeros) for an empty log."""
        with self._lock:
            return self._head()

    def entries(self, first_seq: int = 1, last_seq: int | None = None, action_prefix: str | None = None,
                limit: int | None = None) -> list[AuditEntry]:
        """Entries with ``first_seq <= seq <= last_seq`` in chain order, optionally only actions
        starting with ``action_prefix``. Rows too damaged to parse raise STORAGE_CORRUPT."""
        sql = f"SELECT {_COLUMNS} FROM {TABLE} WHERE seq >= :first"
        params: dict[str, Any] = {"first": first_seq}
        if last_seq is not None:
            sql += " AND seq <= :last"
            params["last"] = last_seq
        if action_prefix:
            sql += " AND substr(action, 1, :length) = :prefix"
            params.update(length=len(action_prefix), prefix=action_prefix)
        sql += " ORDER BY seq"
        if limit is not None:
            sql += " LIMIT :limit"
            params["limit"] = int(limit)
        with self._lock:
            rows = self._conn.execute(sql, params).fetchall()
        entries = []
        for row in rows:
            entry, problem = _parse_row(row)
            if entry is None:
                raise VideowallError(ErrorKind.STORAGE_CORRUPT, f"The audit log is damaged: {problem}.")
            entries.append(entry)
        return entries

    def verify(self, anchors: tuple[tuple[int, str], ...] = ()) -> list[str]:
        """Check the whole chain; return one line per problem, the first broken entry first.

        ``anchors`` are (seq, entry_hash) pairs known from outside (e.g. ``audit_anchor`` of exported
        manifests): a rewritten chain that is consistent in itself still fails on them.
        """
        with self._lock:
            rows = [tuple(row) for row in self._conn.execute(f"SELECT {_COLUMNS} FROM {TABLE} ORDER BY seq")]
            issued, triggers, expected = _protection(self._conn)
        problems = list(_chain_problems(rows))
        last_seq = rows[-1][0] if rows else 0
        if issued is not None and issued > last_seq:
            problems.append(f"entries {last_seq + 1}–{issued} were deleted from the end of the log "
                            f"(sequence numbers up to {issued} were issued)")
        by_seq = {row[0]: row[6] for row in rows}
        for seq, digest in anchors:
            if by_seq.get(seq) != digest:
                problems.append(f"entry {seq}: does not match the anchor {digest[:16]}… recorded outside the log")
        missing = [name for name in expected if name not in triggers]
        if missing:
            problems.append(f"the append-only protection was removed (missing triggers: {', '.join(missing)})")
        return problems

    def _head(self) -> tuple[int, str]:
        row = self._conn.execute(f"SELECT seq, entry_hash FROM {TABLE} ORDER BY seq DESC LIMIT 1").fetchone()
        return (0, GENESIS_HASH) if row is None else (int(row[0]), str(row[1]))


def _has_table(conn: Database, name: str) -> bool:
    if conn.dialect == SQLITE:
        sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"
    else:
        sql = "SELECT 1 WHERE to_regclass(:name) IS NOT NULL"
    return conn.scalar(sql, {"name": name}) is not None


def _protection(conn: Database) -> tuple[int | None, set[str], tuple[str, ...]]:
    """(highest sequence number ever issued, the log's triggers, the triggers it must have) on this engine."""
    if conn.dialect == SQLITE:
        issued = conn.scalar("SELECT seq FROM sqlite_sequence WHERE name = :name", {"name": TABLE})
        triggers = {row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = :name", {"name": TABLE})}
        return (None if issued is None else int(issued)), triggers, TRIGGERS
    issued = conn.scalar(f"SELECT seq FROM {ISSUED_TABLE} WHERE singleton = 1")
    triggers = {row[0] for row in conn.execute(
        "SELECT tgname FROM pg_trigger WHERE tgrelid = to_regclass(:name) AND NOT tgisinternal"
        " AND tgenabled <> 'D'", {"name": TABLE})}   # a disabled trigger protects nothing
    return (None if issued is None else int(issued)), triggers, PG_TRIGGERS


def _chain_problems(rows: list[tuple]) -> Iterator[str]:
    expected_seq, expected_prev = 1, GENESIS_HASH
    for row in rows:
        seq, stored_hash = int(row[0]), str(row[6])
        if seq != expected_seq:
            gap = f"entry {expected_seq}" if seq == expected_seq + 1 else f"entries {expected_seq}–{seq - 1}"
            yield f"{gap} missing: the log jumps from entry {expected_seq - 1} to entry {seq} (deleted?)"
        elif row[5] != expected_prev:
            yield (f"entry {seq}: its link to entry {seq - 1} is broken (entry {seq - 1} was changed or "
                   "replaced, or this one was)")
        entry, problem = _parse_row(row)
        if entry is None:
            yield f"entry {seq}: {problem}"
        elif entry.recomputed_hash() != stored_hash:
            yield f"entry {seq}: its content does not match its hash (edited?)"
        elif check_details(entry.details) != row[4]:
            yield f"entry {seq}: its details were rewritten (not in canonical form)"
        expected_seq, expected_prev = seq + 1, stored_hash


def _parse_row(row: tuple) -> tuple[AuditEntry | None, str]:
    seq, recorded, actor, action, details_text, prev_hash, digest = row
    try:
        details = json.loads(details_text)
        if not isinstance(details, dict):
            raise ValueError("details are not a JSON object")
        return AuditEntry(int(seq), parse_utc(str(recorded)), str(actor), str(action), details,
                          str(prev_hash), str(digest)), ""
    except (ValueError, TypeError) as err:
        return None, f"unreadable ({err})"


def _clean(value: str, what: str, limit: int) -> str:
    text = str(value).strip()
    if not text or len(text) > limit or any(ord(ch) < 32 for ch in text):
        raise VideowallError(ErrorKind.INVALID_INPUT,
                             f"An audit {what} must be 1–{limit} printable characters, got {value!r}.")
    return text
