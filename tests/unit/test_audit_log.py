"""The hash-chained audit log on real SQLite files: appends, triggers, and tampering found by verify."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from datetime import datetime, timezone

import pytest

from videowall.audit import AuditLog
from videowall.audit.entry import canonical_json
from tests.fixtures.clock import FakeClock
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.storage.db import open_database
from videowall.storage.migrations import MIGRATIONS
from videowall.storage.schema_audit import GENESIS_HASH, TRIGGERS

START = datetime(2026, 5, 6, 7, 8, 9, 123456, tzinfo=timezone.utc)


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "videowall.sqlite3"


@pytest.fixture
def log(db_path):
    conn = open_database(db_path)
    clock = FakeClock(start_utc=START)
    audit = AuditLog(conn, clock)
    for number in range(1, 6):
        audit.append("evidence.export.started", {"n": number, "case": "II K 12/26", "ok": True}, actor="jan.kowalski")
        clock.advance(1.5)
    yield audit
    conn.close()


def _tamper(db_path, *statements):
    """What someone with the raw database file can do: drop the protection and rewrite rows."""
    raw = sqlite3.connect(db_path)
    for name in TRIGGERS:
        raw.execute(f"DROP TRIGGER IF EXISTS {name}")
    for statement in statements:
        raw.execute(statement)
    raw.commit()
    raw.close()


def test_entries_chain_from_genesis_and_hash_is_recomputable_by_anyone(log):
    entries = log.entries()
    assert [e.seq for e in entries] == [1, 2, 3, 4, 5]
    assert entries[0].prev_hash == GENESIS_HASH
    for before, after in zip(entries, entries[1:]):
        assert after.prev_hash == before.entry_hash
    line = json.loads(entries[2].to_json_line())
    # The documented recipe: SHA-256 of the canonical JSON of every field but the hash itself.
    preimage = {key: value for key, value in line.items() if key != "entry_hash"}
    assert hashlib.sha256(canonical_json(preimage).encode()).hexdigest() == line["entry_hash"]
    assert line["recorded_utc"] == "2026-05-06T07:08:12.123456Z"
    assert log.head() == (5, entries[-1].entry_hash)
    assert log.verify() == []


def test_filters_by_range_and_action_prefix(log):
    log.append("recording.hold.placed", {"camera_id": 3, "reason": "sprawa II K 12/26 — zabezpieczenie"})
    assert [e.seq for e in log.entries(first_seq=2, last_seq=3)] == [2, 3]
    holds = log.entries(action_prefix="recording.")
    assert [(e.seq, e.actor, e.details["reason"]) for e in holds] == [
        (6, "system", "sprawa II K 12/26 — zabezpieczenie")]
    assert len(log.entries(limit=2)) == 2


def test_update_and_delete_are_refused_by_the_database(log, db_path):
    raw = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        raw.execute("UPDATE audit_log SET actor = 'x' WHERE seq = 2")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        raw.execute("DELETE FROM audit_log WHERE seq = 5")
    with pytest.raises(sqlite3.IntegrityError, match="extend the chain"):
        raw.execute("INSERT INTO audit_log VALUES (6, 'x', 'a', 'b', '{}', ?, 'f00')", (GENESIS_HASH,))
    raw.close()
    assert log.verify() == []


def test_edited_entry_is_named(log, db_path):
    _tamper(db_path, "UPDATE audit_log SET details = '{\"case\":\"II K 99/26\",\"n\":3,\"ok\":true}' WHERE seq = 3")
    problems = log.verify()
    assert problems[0] == "entry 3: its content does not match its hash (edited?)"
    assert any("append-only protection was removed" in p for p in problems)


def test_edited_entry_with_recomputed_hash_breaks_the_next_link(log, db_path):
    forged = log.entries(first_seq=2, last_seq=2)[0]
    details = dict(forged.details, case="II K 99/26")
    from videowall.audit.entry import entry_hash, format_utc
    digest = entry_hash(2, format_utc(forged.recorded_utc), forged.actor, forged.action, details, forged.prev_hash)
    _tamper(db_path, f"UPDATE audit_log SET details = '{canonical_json(details)}', entry_hash = '{digest}' WHERE seq = 2")
    assert log.verify()[0].startswith("entry 3: its link to entry 2 is broken")


def test_deleted_middle_and_tail_entries_are_named(log, db_path):
    _tamper(db_path, "DELETE FROM audit_log WHERE seq = 2", "DELETE FROM audit_log WHERE seq = 5")
    problems = log.verify()
    assert problems[0] == "entry 2 missing: the log jumps from entry 1 to entry 3 (deleted?)"
    assert "entries 5–5 were deleted from the end of the log (sequence numbers up to 5 were issued)" in problems


def test_rewritten_consistent_chain_fails_against_an_outside_anchor(log, db_path):
    anchor = log.head()
    _tamper(db_path, "DELETE FROM audit_log", "DELETE FROM sqlite_sequence")
    conn = sqlite3.connect(db_path, isolation_level=None)
    from videowall.storage.schema_audit import STATEMENTS
    for statement in STATEMENTS[1:]:
        conn.execute(statement)
    forged_log = AuditLog(conn, FakeClock(start_utc=START))
    for number in range(5):
        forged_log.append("evidence.export.started", {"n": number})
    assert forged_log.verify() == []
    assert forged_log.verify(anchors=(anchor,)) == [
        f"entry 5: does not match the anchor {anchor[1][:16]}… recorded outside the log"]
    conn.close()


def test_appends_from_two_threads_make_one_chain(db_path):
    conn = open_database(db_path)
    audit = AuditLog(conn)
    threads = [threading.Thread(target=lambda t=t: [audit.append("test.thread", {"t": t, "i": i}) for i in range(20)])
               for t in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert audit.head()[0] == 40
    assert audit.verify() == []
    conn.close()


def test_two_connections_share_one_chain(db_path):
    first = open_database(db_path)
    second = open_database(db_path)
    AuditLog(first).append("a.one", {})
    AuditLog(second).append("a.two", {})
    AuditLog(first).append("a.three", {})
    assert [e.action for e in AuditLog(second).entries()] == ["a.one", "a.two", "a.three"]
    assert AuditLog(first).verify() == []
    first.close()
    second.close()


@pytest.mark.parametrize("action, details, actor", [
    ("", {}, "system"),
    ("x\ny", {}, "system"),
    ("ok", {"when": datetime.now(timezone.utc)}, "system"),
    ("ok", {"dt": float("nan")}, "system"),
    ("ok", {1: "non-text key"}, "system"),
    ("ok", {}, "   "),
])
def test_bad_entries_are_refused_before_writing(log, action, details, actor):
    with pytest.raises(VideowallError) as err:
        log.append(action, details, actor)
    assert err.value.kind is ErrorKind.INVALID_INPUT
    assert log.head()[0] == 5


def test_database_without_the_migration_is_a_clear_error(tmp_path):
    conn = open_database(tmp_path / "plain.sqlite3", migrations=MIGRATIONS[:1])   # cameras only
    with pytest.raises(VideowallError, match="no audit log table"):
        AuditLog(conn)
    conn.close()
