"""PTZ leases on each engine (a real SQLite file, a real PostgreSQL server): one holder at a time, renewal, release,
expiry on the injected clock, takeover by a higher role (audited), refusals that name the holder."""

from __future__ import annotations

import threading
from datetime import datetime, timezone

import pytest

from tests.fixtures.clock import FakeClock
from videowall.access.roles import Permission, Role
from videowall.access.session import Session
from videowall.audit import AuditLog
from videowall.onvif.ptz_gate import PtzGate
from videowall.onvif.ptz_lease import LEASE_S, TAKEN_OVER_ACTION, Holder, PtzLeaseHeld, PtzLeases
from videowall.onvif.ptz_queue import PtzAction
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.storage.cameras import CameraStore
from videowall.storage.db import open_database
from videowall.storage.postgres import open_postgres

START = datetime(2026, 3, 4, 8, 0, tzinfo=timezone.utc)
KOWALSKA = Holder("jkowalska", "J. Kowalska", Role.OPERATOR, "station 2")
NOWAK = Holder("anowak", "A. Nowak", Role.OPERATOR, "station 1")
WISNIEWSKI = Holder("pwisniewski", "P. Wiśniewski", Role.SUPERVISOR, "station 3")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(start_utc=START)


@pytest.fixture
def camera(database) -> int:
    return CameraStore(database).add("Rynek", "rtsp://127.0.0.1:8554/rynek").id


@pytest.fixture
def leases(database, clock) -> PtzLeases:
    return PtzLeases(database, clock)


def test_the_first_move_takes_the_lease_and_later_moves_renew_it(leases, camera, clock):
    first = leases.take(camera, KOWALSKA, "Rynek")
    assert (first.holder, first.taken_utc, first.expires_utc.timestamp() - START.timestamp()) == (KOWALSKA, START,
                                                                                                  LEASE_S)
    clock.advance(20)
    renewed = leases.take(camera, KOWALSKA, "Rynek")
    assert renewed.taken_utc == START                       # still the same lease
    clock.advance(20)                                       # 40 s after taking, 20 s after the renewal: still held
    current = leases.current(camera)
    assert current is not None and current.holder == KOWALSKA
    assert current.taken_utc == START and current.renewed_utc == renewed.renewed_utc


def test_another_operator_is_refused_with_the_holder_named(leases, camera):
    leases.take(camera, KOWALSKA, "Rynek")
    with pytest.raises(PtzLeaseHeld) as refused:
        leases.take(camera, NOWAK, "Rynek")
    assert refused.value.kind is ErrorKind.PERMISSION_DENIED
    assert refused.value.user_message.startswith("PTZ: J. Kowalska, station 2 — ")
    assert "'Rynek'" in refused.value.user_message
    assert refused.value.lease.holder == KOWALSKA
    assert leases.current(camera).holder == KOWALSKA        # nothing changed


def test_the_same_person_at_another_station_is_another_holder(leases, camera):
    leases.take(camera, KOWALSKA, "Rynek")
    with pytest.raises(PtzLeaseHeld):
        leases.take(camera, Holder(KOWALSKA.login, KOWALSKA.full_name, Role.OPERATOR, "station 5"), "Rynek")


def test_a_stop_releases_and_an_idle_lease_runs_out(leases, camera, clock):
    leases.take(camera, KOWALSKA)
    assert leases.release(camera, NOWAK) is False           # not theirs
    assert leases.release(camera, KOWALSKA) is True
    assert leases.current(camera) is None
    assert leases.take(camera, NOWAK).holder == NOWAK
    clock.advance(LEASE_S - 0.001)
    with pytest.raises(PtzLeaseHeld):
        leases.take(camera, KOWALSKA)
    clock.advance(0.001)                                    # 30 s without a move: free
    assert leases.current(camera) is None
    taken = leases.take(camera, KOWALSKA)
    assert (taken.holder, taken.taken_utc) == (KOWALSKA, clock.now_utc())   # a new lease, not NOWAK's renewed


def test_a_supervisor_takes_over_and_the_audit_chain_records_it(database, leases, camera):
    leases.take(camera, KOWALSKA, "Rynek")
    taken = leases.take(camera, WISNIEWSKI, "Rynek")
    assert taken.holder == WISNIEWSKI and leases.current(camera).holder == WISNIEWSKI
    log = AuditLog(database)
    [entry] = log.entries(action_prefix=TAKEN_OVER_ACTION)
    assert entry.actor == "P. Wiśniewski (shift supervisor)"
    assert entry.details == {"camera_id": camera, "camera": "Rynek",
                             "from": {"login": "jkowalska", "name": "J. Kowalska", "role": "operator",
                                      "station": "station 2"},
                             "to": {"login": "pwisniewski", "name": "P. Wiśniewski", "role": "supervisor",
                                    "station": "station 3"}}
    assert log.verify() == []
    leases.take(camera, WISNIEWSKI, "Rynek")                # renewing is no takeover
    assert len(log.entries(action_prefix=TAKEN_OVER_ACTION)) == 1
    with pytest.raises(PtzLeaseHeld, match="^PTZ: P. Wiśniewski, station 3 — "):
        leases.take(camera, KOWALSKA, "Rynek")              # the operator cannot take it back


def test_taking_a_free_camera_is_no_takeover(database, leases, camera):
    leases.take(camera, WISNIEWSKI)
    assert AuditLog(database).entries(action_prefix=TAKEN_OVER_ACTION) == []


def test_leases_of_several_cameras(database, leases, camera):
    other = CameraStore(database).add("Dworzec", "rtsp://127.0.0.1:8554/dworzec").id
    leases.take(camera, KOWALSKA)
    leases.take(other, NOWAK)
    assert {cid: lease.holder for cid, lease in leases.held([camera, other, 999]).items()} == {
        camera: KOWALSKA, other: NOWAK}
    assert leases.held([]) == {}


def _gate(leases: PtzLeases, database, holder: Holder) -> PtzGate:
    cameras = CameraStore(database)
    session = Session(holder.login, holder.full_name, holder.role, frozenset())

    def require(permission: Permission, camera_ids: tuple[int, ...]) -> None:
        for camera_id in camera_ids:
            session.require(permission, cameras.get(camera_id))

    return PtzGate(leases, lambda: holder, require, lambda camera_id: cameras.get(camera_id).name)


def test_the_gate_takes_on_moves_skips_a_stop_of_someone_elses_camera_and_releases_on_stop(database, leases, camera):
    mine = _gate(leases, database, KOWALSKA)
    theirs = _gate(leases, database, NOWAK)
    assert mine.before(camera, PtzAction.MOVE) is True
    with pytest.raises(PtzLeaseHeld, match="^PTZ: J. Kowalska, station 2"):
        theirs.before(camera, PtzAction.GOTO)
    assert theirs.before(camera, PtzAction.PRESETS) is True   # reading presets moves nothing
    assert theirs.before(camera, PtzAction.STOP) is False     # would stop Kowalska's move
    assert mine.before(camera, PtzAction.STOP) is True
    mine.stopped(camera)
    assert leases.current(camera) is None
    assert theirs.before(camera, PtzAction.STOP) is True      # a free camera may always be stopped


def test_the_gate_refuses_a_person_without_ptz_permission(database, leases, camera):
    police = _gate(leases, database, Holder("k.policja", "K. Policjant", Role.POLICE, "KPP"))
    with pytest.raises(VideowallError) as refused:
        police.before(camera, PtzAction.MOVE)
    assert refused.value.kind is ErrorKind.PERMISSION_DENIED and not isinstance(refused.value, PtzLeaseHeld)
    assert refused.value.user_message == ("K. Policjant (police viewer) may not move PTZ cameras: the role "
                                          "'police viewer' does not allow it.")
    assert leases.current(camera) is None


def _stations(database, request, tmp_path, count: int) -> list:
    """``count`` more connections to the test's database, as many stations would have."""
    if database.dialect == "sqlite":
        return [open_database(tmp_path / "videowall.sqlite3") for _ in range(count)]
    password = request.getfixturevalue("postgres_server").admin_password
    return [open_postgres(database.where, password) for _ in range(count)]


def test_stations_racing_for_a_free_camera_get_one_holder(database, camera, clock, request, tmp_path):
    connections = _stations(database, request, tmp_path, 4)
    holders = [Holder(f"op{n}", f"Operator {n}", Role.OPERATOR, f"station {n}") for n in range(4)]
    start = threading.Barrier(len(holders))
    outcomes: dict[str, str] = {}

    def race(conn, holder: Holder) -> None:
        leases = PtzLeases(conn, clock)
        start.wait()
        for _ in range(10):             # each renews what it holds, or is refused
            try:
                leases.take(camera, holder)
                outcomes[holder.login] = "holds"
            except PtzLeaseHeld as refused:
                outcomes[holder.login] = refused.lease.holder.login

    threads = [threading.Thread(target=race, args=pair) for pair in zip(connections, holders)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
    finally:
        for conn in connections:
            conn.close()
    winners = [login for login, outcome in outcomes.items() if outcome == "holds"]
    assert len(outcomes) == 4 and len(winners) == 1, outcomes
    assert all(outcome in ("holds", winners[0]) for outcome in outcomes.values())
    assert PtzLeases(database, clock).current(camera).holder.login == winners[0]
