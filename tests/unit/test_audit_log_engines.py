"""The audit log on each engine, and on PostgreSQL with several stations writing at once: one chain, no fork."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import exc

from videowall.audit import AuditLog
from tests.fixtures.clock import FakeClock
from videowall.storage.postgres import open_postgres
from tests.fixtures.processes import stop_process

START = datetime(2026, 5, 6, 7, 8, 9, tzinfo=timezone.utc)
REPO = Path(__file__).resolve().parents[2]


def _filled(database, count: int = 5) -> AuditLog:
    log = AuditLog(database, FakeClock(start_utc=START))
    for n in range(count):
        log.append("evidence.export.started", {"n": n, "case": "II K 12/26"}, actor="jan.kowalski")
    return log


def test_appends_chain_and_verify_on_each_engine(database):
    log = _filled(database)
    entries = log.entries()
    assert [e.seq for e in entries] == [1, 2, 3, 4, 5]
    assert all(after.prev_hash == before.entry_hash for before, after in zip(entries, entries[1:]))
    assert [e.seq for e in log.entries(action_prefix="evidence.", limit=2)] == [1, 2]
    assert log.verify() == []
    assert log.verify(anchors=((3, entries[2].entry_hash),)) == []


@pytest.mark.parametrize("statement", ["UPDATE audit_log SET actor = 'x' WHERE seq = 2",
                                       "DELETE FROM audit_log WHERE seq = 5"])
def test_the_log_refuses_rewriting_on_each_engine(database, statement):
    _filled(database)
    with pytest.raises(exc.DatabaseError, match="append-only"):
        database.execute(statement)


def test_an_insert_that_does_not_extend_the_chain_is_refused_on_each_engine(database):
    log = _filled(database, 2)
    with pytest.raises(exc.DatabaseError, match="extend the chain"):
        database.execute("INSERT INTO audit_log VALUES (7, 'x', 'a', 'b', '{}', :prev, 'f00')",
                         {"prev": log.head()[1]})


def test_tampering_by_the_server_owner_is_found(postgres_server, postgres_url):
    db = open_postgres(postgres_url, postgres_server.admin_password, create=True)
    try:
        log = _filled(db)
        database = postgres_url.rsplit("/", 1)[1]
        with postgres_server.admin(database) as admin:   # what the owner of the server can do
            admin.execute("ALTER TABLE audit_log DISABLE TRIGGER USER")
            admin.execute("UPDATE audit_log SET actor = 'ktoś inny' WHERE seq = 2")
            admin.execute("DELETE FROM audit_log WHERE seq = 5")
        problems = log.verify()
        assert problems[0] == "entry 2: its content does not match its hash (edited?)"
        assert "entries 5–5 were deleted from the end of the log (sequence numbers up to 5 were issued)" in problems
        assert any("append-only protection was removed" in p for p in problems)
    finally:
        db.close()


def test_four_stations_writing_at_once_make_one_chain(postgres_server, postgres_url):
    open_postgres(postgres_url, postgres_server.admin_password, create=True).close()
    per_station = 25
    writers = [subprocess.Popen([sys.executable, "-m", "tests.fixtures.audit_writer", postgres_url,
                                 str(per_station), f"station-{n}"], cwd=REPO, stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for n in range(4)]
    try:
        for writer in writers:      # all are started and waiting for the password: they begin together
            writer.stdin.write(postgres_server.admin_password + "\n")
            writer.stdin.flush()
        outputs = [writer.communicate(timeout=240) for writer in writers]
    finally:
        for writer in writers:
            stop_process(writer)
    assert [writer.returncode for writer in writers] == [0] * 4, [err for _, err in outputs]
    taken = sorted(int(seq) for out, _ in outputs for seq in out.split())
    assert taken == list(range(1, 4 * per_station + 1))      # every number once: no two writers on one head
    db = open_postgres(postgres_url, postgres_server.admin_password)
    try:
        log = AuditLog(db)
        assert log.verify() == []
        entries = log.entries()
        assert len({e.prev_hash for e in entries}) == len(entries)          # no entry has two successors
        assert {e.actor for e in entries} == {f"station-{n}" for n in range(4)}
    finally:
        db.close()
