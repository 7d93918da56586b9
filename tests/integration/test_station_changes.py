"""Two station processes on one real PostgreSQL server: a bookmark made at A is heard at B; with the server
stopped (by its PID) B says it is unreachable and A's write is refused with a clear error, nothing half
saved; once the server is started again on the same data, B hears that it is back, reads everything again
and hears new changes as before."""

from __future__ import annotations

import queue
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.fixtures import postgres as pg
from tests.fixtures.processes import stop_process
from videowall.storage.cameras import CameraStore
from videowall.storage.postgres import open_postgres

REPO = Path(__file__).resolve().parents[2]
LINE_TIMEOUT_S = 90.0


class StationProcess:
    def __init__(self, url: str, password: str, data_dir: Path) -> None:
        self.process = subprocess.Popen([sys.executable, "-m", "tests.fixtures.change_station", url, str(data_dir)],
                                        cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.send(password)

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.strip())

    def send(self, line: str) -> None:
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def expect(self, wanted: Callable[[str], bool], what: str) -> str:
        """The first line from now on for which ``wanted`` is true (lines before it are passed over)."""
        while True:
            try:
                line = self.lines.get(timeout=LINE_TIMEOUT_S)
            except queue.Empty:
                raise AssertionError(f"the station never said {what}") from None
            if wanted(line):
                return line

    def stop(self) -> None:
        if self.process.poll() is None:
            self.send("quit")
        try:
            self.process.wait(timeout=30)
        finally:
            stop_process(self.process)


@pytest.fixture
def own_server() -> Iterator[dict]:
    """A cluster of this test's own, since the test stops and starts it."""
    base, password, run_as = pg.init_cluster()
    server = {"base": base, "password": password, "run_as": run_as, "port": pg._free_port()}
    server["server"] = pg.launch(base, password, server["port"], run_as)
    try:
        yield server
    finally:
        pg.stop_server(server["server"], base)


def test_a_bookmark_made_at_one_station_is_heard_at_the_other_across_a_server_restart(own_server, tmp_path):
    server = own_server["server"]
    url = server.url(server.create_database())
    db = open_postgres(url, server.admin_password, create=True)
    camera = CameraStore(db).add("Rynek", "rtsp://127.0.0.1:8554/cam1")
    db.close()
    a = StationProcess(url, server.admin_password, tmp_path / "a")
    b = StationProcess(url, server.admin_password, tmp_path / "b")
    try:
        a.expect(lambda line: line == "ready", "ready")
        b.expect(lambda line: line == "ready", "ready")
        a.send(f"bookmark {camera.id}")
        made = a.expect(lambda line: line.startswith(("made", "error")), "what became of the bookmark")
        assert made.startswith("made"), made
        first = made.split()[1]
        b.expect(lambda line: line == f"heard bookmarks {first} insert", f"the bookmark {first}")

        pg.halt(server)
        b.expect(lambda line: line == "reachable 0", "that the server is unreachable")
        a.send(f"bookmark {camera.id}")
        assert a.expect(lambda line: line.startswith(("made", "error")), "an answer") == "error unreachable"

        own_server["server"] = pg.launch(own_server["base"], own_server["password"], own_server["port"],
                                         own_server["run_as"])
        b.expect(lambda line: line == "reachable 1", "that the server is back")
        b.expect(lambda line: line == "heard * None resync", "to read everything again")
        a.send(f"bookmark {camera.id}")
        second = a.expect(lambda line: line.startswith(("made", "error")), "an answer")
        assert second.startswith("made"), second
        b.expect(lambda line: line == f"heard bookmarks {second.split()[1]} insert", "the new bookmark")
        b.send("count")
        assert b.expect(lambda line: line.startswith("bookmarks"), "its bookmarks") == "bookmarks 2"
    finally:
        a.stop()
        b.stop()
