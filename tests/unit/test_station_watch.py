"""StationWatch on a real database and audit log; the sessions' states are set by hand (a camera dropping
between two polls is a timing fault the integration test cannot cause on purpose)."""

from __future__ import annotations

from datetime import datetime, timezone

from tests.fixtures.clock import FakeClock
from videowall.audit import AuditLog
from videowall.events.model import EventKind
from videowall.events.station_watch import EXPORT_FAILED_ACTION, StationWatch
from videowall.media.types import SessionState, SessionStatus
from videowall.model.camera import Profile
from videowall.storage.cameras import CameraStore
from videowall.storage.db import open_database

T0 = datetime(2026, 12, 3, 8, 0, tzinfo=timezone.utc)


class _Sessions:
    """The supervisor's ``session_status`` as the watch reads it."""

    def __init__(self) -> None:
        self.states: dict[tuple[int, Profile], SessionState] = {}

    def session_status(self, camera_id: int, profile: Profile) -> SessionStatus:
        return SessionStatus(self.states.get((camera_id, profile), SessionState.STOPPED))


def _watch(tmp_path, sessions):
    conn = open_database(tmp_path / "videowall.db")
    cameras = CameraStore(conn)
    camera = cameras.add("Brama", "rtsp://127.0.0.1:1/gate")
    events = []
    audit = AuditLog(conn, FakeClock(T0))
    return camera, audit, events, lambda: StationWatch(sessions, cameras.list, lambda: None, audit,
                                                       events.append, FakeClock(T0))


def test_a_stream_live_when_watching_starts_and_lost_before_the_first_poll_is_lost(tmp_path):
    sessions = _Sessions()
    camera, _, events, make = _watch(tmp_path, sessions)
    sessions.states[(camera.id, Profile.SUB)] = SessionState.LIVE
    watch = make()
    sessions.states[(camera.id, Profile.SUB)] = SessionState.RECONNECTING
    watch.poll()
    assert [(e.kind, e.source) for e in events] == [(EventKind.STREAM_LOST, "sub")]
    sessions.states[(camera.id, Profile.SUB)] = SessionState.LIVE
    watch.poll()
    assert events[-1].kind is EventKind.STREAM_RESTORED


def test_a_stream_never_seen_live_or_closed_by_its_owner_raises_nothing(tmp_path):
    sessions = _Sessions()
    camera, _, events, make = _watch(tmp_path, sessions)
    sessions.states[(camera.id, Profile.MAIN)] = SessionState.UNREACHABLE
    watch = make()
    watch.poll()
    sessions.states[(camera.id, Profile.MAIN)] = SessionState.LIVE
    watch.poll()
    sessions.states[(camera.id, Profile.MAIN)] = SessionState.STOPPED
    watch.poll()
    assert events == []


def test_every_failed_export_is_one_event_however_many_and_older_ones_are_not(tmp_path):
    sessions = _Sessions()
    _, audit, events, make = _watch(tmp_path, sessions)
    audit.append(EXPORT_FAILED_ACTION, {"stage": "write", "error": "before"}, actor="jan")
    watch = make()
    for n in range(150):
        audit.append(EXPORT_FAILED_ACTION, {"stage": "write", "error": f"USB removed {n}"}, actor="anna")
        audit.append("evidence.export.done", {}, actor="anna")
    watch.poll()
    watch.poll()
    assert [e.data["message"] for e in events] == [f"USB removed {n}" for n in range(150)]
    assert all(e.kind is EventKind.EXPORT_FAILED and e.data["operator"] == "anna" for e in events)


def test_a_ptz_takeover_by_any_station_is_one_event_naming_both(tmp_path):
    from videowall.access.roles import Role
    from videowall.onvif.ptz_lease import Holder, PtzLeases

    sessions = _Sessions()
    camera, audit, events, make = _watch(tmp_path, sessions)
    watch = make()
    leases = PtzLeases(open_database(tmp_path / "videowall.db"), FakeClock(T0))   # another station's connection
    leases.take(camera.id, Holder("jkowalska", "J. Kowalska", Role.OPERATOR, "station 2"), "Brama")
    leases.take(camera.id, Holder("pwisniewski", "P. Wiśniewski", Role.SUPERVISOR, "station 3"), "Brama")
    leases.close()
    watch.poll()
    watch.poll()
    [event] = events
    assert (event.camera_id, event.kind, event.source) == (camera.id, EventKind.PTZ_TAKEN_OVER, "station 3")
    assert event.data == {"operator": "P. Wiśniewski (shift supervisor)", "taken_from": "J. Kowalska, station 2"}
