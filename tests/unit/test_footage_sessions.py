"""Station sessions of the recording server: tokens shown once, kept hashed, expiring, revocable (on both engines)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from videowall.footage.sessions import SessionStore, token_digest
from tests.fixtures.clock import FakeClock
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.runtime.redaction import redact


@pytest.fixture
def conn(database):
    return database


def test_a_token_is_kept_only_as_its_hash(conn):
    clock = FakeClock()
    session, token = SessionStore(conn, clock).issue("j.kowalska", 7)
    rows = conn.execute("SELECT user_name, token_sha256 FROM recorder_sessions").fetchall()
    assert rows == [("j.kowalska", token_digest(token))]
    assert token not in str(rows)
    assert token not in redact(f"Authorization: Bearer {token}")
    assert SessionStore(conn, clock).check(token) == session


def test_sessions_expire_and_are_revoked_per_user(conn):
    clock = FakeClock()
    store = SessionStore(conn, clock)
    _, short = store.issue("a.nowak", 1)
    _, other = store.issue("p.wisniewski", 30)
    clock.advance(timedelta(days=1, seconds=1).total_seconds())
    assert store.check(short) is None
    assert store.check(other) is not None
    assert store.revoke_user("p.wisniewski") == 1
    assert store.check(other) is None
    assert store.check("a guessed token") is None


@pytest.mark.parametrize("user, days", [("", 1), ("x" * 101, 1), ("tab\there", 1), ("ok", 0), ("ok", 401)])
def test_bad_session_requests_say_what_is_wrong(conn, user, days):
    with pytest.raises(VideowallError) as refused:
        SessionStore(conn, FakeClock()).issue(user, days)
    assert refused.value.kind is ErrorKind.INVALID_INPUT
