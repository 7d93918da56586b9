"""Two (then three) station processes on one real PostgreSQL move the simulator's PTZ camera through the core's
PTZ queues: one operator at a time, the other refused with the holder named, a lease idle for 30 s (on the
stations' fake lease clocks) free again, and a supervisor's takeover written to the audit chain."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fixtures.onvif import PASSWORD, USER
from tests.fixtures.processes import stop_process
from videowall.audit import AuditLog
from videowall.model.camera import Credentials
from videowall.onvif.onboarding import probe
from videowall.onvif.ptz_lease import LEASE_S, TAKEN_OVER_ACTION
from videowall.onvif.saved import add_camera
from videowall.storage.cameras import CameraStore
from videowall.storage.postgres import open_postgres

REPO = Path(__file__).resolve().parents[2]
ANSWER_TIMEOUT_S = 180.0


class StationProcess:
    def __init__(self, url: str, password: str, login: str, name: str, role: str, station: str) -> None:
        self.process = subprocess.Popen([sys.executable, "-m", "tests.fixtures.ptz_station", url, login, name, role,
                                         station], cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True)
        self.process.stdin.write(f"{password}\n{USER}\n{PASSWORD}\n")
        self.process.stdin.flush()

    def ask(self, command: str) -> dict:
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        line = _read_line(self.process, ANSWER_TIMEOUT_S)
        assert line, f"the station process ended: {self.process.stderr.read()}"
        return json.loads(line)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.close()       # end of commands: it stops its queues and exits
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                pass
        stop_process(self.process)


def _read_line(process: subprocess.Popen, timeout_s: float) -> str:
    import selectors

    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        if not selector.select(timeout_s):
            raise AssertionError(f"no answer from the station process within {timeout_s:.0f} s")
    return process.stdout.readline()


@pytest.fixture
def deployment(postgres_server, postgres_url, ptz_sim):
    db = open_postgres(postgres_url, postgres_server.admin_password, create=True)
    report = probe(ptz_sim.onvif_url(1), Credentials(USER, PASSWORD))
    camera, _ = add_camera(CameraStore(db), None, "Rynek PTZ", ptz_sim.onvif_url(1), None, report=report)
    yield db, camera.id
    db.close()


def test_one_station_moves_at_a_time_and_a_supervisor_takes_over(postgres_server, postgres_url, deployment):
    db, camera = deployment
    password = postgres_server.admin_password
    stations = [StationProcess(postgres_url, password, "jkowalska", "J. Kowalska", "operator", "station 2"),
                StationProcess(postgres_url, password, "anowak", "A. Nowak", "operator", "station 1")]
    a, b = stations
    try:
        assert a.ask(f"move {camera}") == {"ok": True}
        refused = b.ask(f"move {camera}")
        assert (refused["ok"], refused["kind"], refused["holder"]) == (False, "permission_denied",
                                                                        "J. Kowalska, station 2")
        assert refused["message"].startswith("PTZ: J. Kowalska, station 2 — ")
        assert b.ask(f"holder {camera}") == {"holder": "J. Kowalska, station 2"}
        assert b.ask(f"stop {camera}") == {"ok": True}          # skipped: A's move is A's to stop
        assert a.ask(f"holder {camera}") == {"holder": "J. Kowalska, station 2"}

        for station in stations:                                # A idles past the lease on both clocks
            station.ask(f"advance {LEASE_S + 1}")
        assert b.ask(f"holder {camera}") == {"holder": None}
        assert b.ask(f"move {camera}") == {"ok": True}
        assert a.ask(f"holder {camera}") == {"holder": "A. Nowak, station 1"}
        assert a.ask(f"move {camera}")["holder"] == "A. Nowak, station 1"

        stations.append(StationProcess(postgres_url, password, "pwisniewski", "P. Wiśniewski", "supervisor",
                                       "station 3"))
        supervisor = stations[-1]
        supervisor.ask(f"advance {LEASE_S + 1}")                # its clock where the others' are
        assert supervisor.ask(f"move {camera}") == {"ok": True}
        assert b.ask(f"holder {camera}") == {"holder": "P. Wiśniewski, station 3"}
        assert b.ask(f"move {camera}")["holder"] == "P. Wiśniewski, station 3"
        assert supervisor.ask(f"stop {camera}") == {"ok": True}
        assert b.ask(f"holder {camera}") == {"holder": None}     # released by the stop
    finally:
        for station in stations:
            station.close()
    assert [s.process.returncode for s in stations] == [0, 0, 0], [s.process.stderr.read() for s in stations]
    log = AuditLog(db)
    [entry] = log.entries(action_prefix=TAKEN_OVER_ACTION)
    assert entry.actor == "P. Wiśniewski (shift supervisor)"
    assert (entry.details["from"]["name"], entry.details["from"]["station"]) == ("A. Nowak", "station 1")
    assert (entry.details["to"]["name"], entry.details["to"]["station"]) == ("P. Wiśniewski", "station 3")
    assert entry.details["camera"] == "Rynek PTZ"
    assert log.verify() == []
