"""View sessions in the audit chain and the access log read back from it, on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests.fixtures.clock import FakeClock
from videowall.audit.access_list import access_sessions
from videowall.access.purpose import (NO_PURPOSE, Purpose, ReasonRequired, ViewKind, check_purpose,
                                      reason_required)
from videowall.access.roles import Role
from videowall.access.session import Session
from videowall.audit.view_log import end_view, start_view
from videowall.audit import AuditLog
from videowall.config.settings import DEFAULT_REASON_RULES
from videowall.runtime.errors import ErrorKind, VideowallError

START = datetime(2026, 3, 4, 8, 0, tzinfo=timezone.utc)
POLICE = Session("kpp", "Kamil Policja", Role.POLICE, frozenset({"Ratusz"}))
OPERATOR = Session("op", "Olga Pol", Role.OPERATOR, frozenset())


def _view(log, session, camera_id, kind, purpose=NO_PURPOSE, **footage):
    return start_view(log, actor=session.operator, login=session.login, role=session.role.value,
                      station="Stanowisko 2", camera_id=camera_id, camera_name=f"Kamera {camera_id}",
                      kind=kind.value, reason=purpose.reason, case_number=purpose.case_number, **footage)


def test_sessions_are_logged_in_the_chain_and_listed_by_camera_and_period(database):
    clock = FakeClock(start_utc=START)
    log = AuditLog(database, clock)
    purpose = Purpose.of("  zgłoszenie   kradzieży ", "RSD 12/26")
    footage = START - timedelta(hours=2)
    playback = _view(log, POLICE, 7, ViewKind.PLAYBACK, purpose, footage_from=footage)
    clock.advance(60)
    live = _view(log, OPERATOR, 8, ViewKind.LIVE)
    clock.advance(600)
    end_view(log, playback, footage, footage + timedelta(minutes=5))
    clock.advance(3600)
    crashed = _view(log, OPERATOR, 7, ViewKind.LIVE)    # its station stops: no end entry
    assert log.verify() == []

    listed = access_sessions(log)
    assert [s.start_seq for s in listed] == [playback.start_seq, live.start_seq, crashed.start_seq]
    first = listed[0]
    assert (first.kind, first.actor, first.camera_ids, first.cameras, first.station) == (
        "playback", "Kamil Policja (police viewer)", (7,), ("Kamera 7",), "Stanowisko 2")
    assert (first.reason, first.case_number) == ("zgłoszenie kradzieży", "RSD 12/26")
    assert (first.started_utc, first.ended_utc) == (START, START + timedelta(seconds=660))
    assert (first.footage_from_utc, first.footage_to_utc) == (footage, footage + timedelta(minutes=5))
    assert listed[1].ended_utc is None and listed[1].footage_from_utc is None

    assert [s.start_seq for s in access_sessions(log, camera_id=7)] == [playback.start_seq, crashed.start_seq]
    later = access_sessions(log, start_utc=START + timedelta(minutes=30), end_utc=START + timedelta(hours=3))
    # The live session never closed, so it may still be open then; the closed playback ended before.
    assert [s.start_seq for s in later] == [live.start_seq, crashed.start_seq]


def test_exports_are_listed_with_their_reason(database):
    log = AuditLog(database, FakeClock(start_utc=START))
    log.append("evidence.export.started", {"camera_ids": [3, 4], "case_number": "II K 5/26", "reason": "wniosek KPP",
                                           "from_utc": "2026-03-04T06:00:00.000000Z",
                                           "to_utc": "2026-03-04T06:10:00.000000Z"}, actor="Stefan Ul (shift supervisor)")
    (export,) = access_sessions(log, camera_id=4)
    assert (export.kind, export.case_number, export.reason, export.camera_ids) == ("export", "II K 5/26",
                                                                                   "wniosek KPP", (3, 4))
    assert export.footage_from_utc == datetime(2026, 3, 4, 6, 0, tzinfo=timezone.utc)


def test_a_period_ending_before_it_starts_is_refused(database):
    with pytest.raises(VideowallError, match="after its start"):
        access_sessions(AuditLog(database), start_utc=START, end_utc=START)


def test_the_default_rules_ask_police_viewers_and_not_operators():
    assert reason_required(DEFAULT_REASON_RULES, Role.POLICE, ViewKind.LIVE)
    assert reason_required(DEFAULT_REASON_RULES, Role.POLICE, ViewKind.PLAYBACK)
    assert not reason_required(DEFAULT_REASON_RULES, Role.OPERATOR, ViewKind.PLAYBACK)
    assert reason_required(("playback",), Role.OPERATOR, ViewKind.PLAYBACK)
    assert not reason_required(("playback",), Role.OPERATOR, ViewKind.LIVE)
    assert not reason_required((), Role.POLICE, ViewKind.LIVE)


def test_a_missing_reason_or_case_number_is_refused_with_what_is_missing():
    with pytest.raises(ReasonRequired) as err:
        check_purpose(DEFAULT_REASON_RULES, Role.POLICE, ViewKind.LIVE, Purpose.of("patrol", " "))
    assert err.value.kind is ErrorKind.PERMISSION_DENIED
    assert "reason and a case number to watch this live video" in err.value.user_message
    check_purpose(DEFAULT_REASON_RULES, Role.POLICE, ViewKind.LIVE, Purpose.of("patrol", "RSD 1/26"))
    with pytest.raises(VideowallError, match="printable"):
        Purpose.of("a\x00b", "RSD 1/26")
