"""The append-only, hash-chained audit log in SQLite (table ``audit_log``, see ``schema_audit``)."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from typing import Any

from videowall.audit.entry import AuditEntry, check_details, entry_hash, format_utc, parse_utc
from videowall.runtime.clock import SYSTEM_CLOCK, Clock
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.storage.db import transaction
from videowall.storage.schema_audit import GENESIS_HASH, TABLE, TRIGGERS

MAX_ACTION_CHARS = 100
MAX_ACTOR_CHARS = 200
_COLUMNS = "seq, recorded_utc, actor, action, details, prev_hash, entry_hash"


class AuditLog:
    """Appends and reads audit entries on ``conn`` (a database opened with the "audit log" migration).

    Thread-safe for its own calls (a lock serialises them); the connection must not be used by
    other threads at the same time. Appends take SQLite's write lock, so two processes sharing
    the database still produce one chain.
    """

    def __init__(self, conn: sqlite3.Connection, clock: Clock = SYSTEM_CLOCK) -> None:
        self._conn = conn
        self._clock = clock
        self._lock = threading.Lock()
        row = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)).fetchone()
        if row is None:
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
                    seq, prev = self._head()
                    seq += 1
                    digest = entry_hash(seq, recorded, actor, action, details_copy, prev)
                    self._conn.execute(
                        f"INSERT INTO {TABLE} ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (seq, recorded, actor, action, details_text, prev, digest))
            except sqlite3.Error as err:
                raise VideowallError(ErrorKind.STORAGE_ERROR, f"Could not write to the audit log: {err}.",
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
        sql = f"SELECT {_COLUMNS} FROM {TABLE} WHERE seq >= ?"
        params: list[Any] = [first_seq]
        if last_seq is not None:
            sql += " AND seq <= ?"
            params.append(last_seq)
        if action_prefix:
            sql += " AND substr(action, 1, ?) = ?"
            params += [len(action_prefix), action_prefix]
        sql += " ORDER BY seq"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
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
            rows = self._conn.execute(f"SELECT {_COLUMNS} FROM {TABLE} ORDER BY seq").fetchall()
            issued = self._conn.execute("SELECT seq FROM sqlite_sequence WHERE name = ?", (TABLE,)).fetchone()
            triggers = {row[0] for row in self._conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (TABLE,))}
        problems = list(_chain_problems(rows))
        last_seq = rows[-1][0] if rows else 0
        if issued is not None and int(issued[0]) > last_seq:
            problems.append(f"entries {last_seq + 1}–{int(issued[0])} were deleted from the end of the log "
                            f"(sequence numbers up to {int(issued[0])} were issued)")
        by_seq = {row[0]: row[6] for row in rows}
        for seq, digest in anchors:
            if by_seq.get(seq) != digest:
                problems.append(f"entry {seq}: does not match the anchor {digest[:16]}… recorded outside the log")
        missing = [name for name in TRIGGERS if name not in triggers]
        if missing:
            problems.append(f"the append-only protection was removed (missing triggers: {', '.join(missing)})")
        return problems

    def _head(self) -> tuple[int, str]:
        row = self._conn.execute(f"SELECT seq, entry_hash FROM {TABLE} ORDER BY seq DESC LIMIT 1").fetchone()
        return (0, GENESIS_HASH) if row is None else (int(row[0]), str(row[1]))


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
