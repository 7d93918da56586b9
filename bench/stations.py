"""Benchmark: live change propagation between stations on one PostgreSQL server.

    .venv/bin/python bench/stations.py                      # 4 stations, 100 bookmarks each
    .venv/bin/python bench/stations.py --stations 2 --changes 100 --json out.json

Starts a throw-away PostgreSQL cluster (the test suite's, from the distribution's ``postgresql``), creates a
deployment with one camera, and starts N station processes on it, each with its ``ChangeListener``. At a
common start every station makes its bookmarks one after another (each through ``BookmarkStore.create``:
bookmark, its camera, history row and audit entry in one transaction, the audit chain's lock shared by all
stations). The latency of a change is from the moment the station that made it called ``create`` to the
moment each *other* station's feed delivered it (``time.monotonic``, one clock for all processes on Linux).

Baseline, measured in the same run on the same server: a bare psycopg NOTIFY → LISTEN round trip between two
connections (from calling ``NOTIFY`` in autocommit to the other's ``notifies()`` yielding it). The ratio
says what the product adds over the database's own path: the write transaction and its contention, the
trigger, the listener thread and the feed. ``write`` is the ``create`` call itself and ``after_commit`` the time
from its return to the other stations' delivery (slightly negative when they hear the commit before the
maker's call has returned). The 1-minute load average is printed with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.measure import percentile  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def baseline_ms(server, database: str, rounds: int) -> list[float]:
    listener, sender = server.admin(database), server.admin(database)
    try:
        listener.execute("LISTEN bench_baseline")
        found = []
        for n in range(rounds):
            sent = time.monotonic()
            sender.execute(f"NOTIFY bench_baseline, '{n}'")
            for _ in listener.notifies(timeout=30, stop_after=1):
                found.append((time.monotonic() - sent) * 1000)
        return found
    finally:
        listener.close()
        sender.close()


def station_main(url: str, changes: int, expected: int) -> int:
    """One station process: listen, wait for 'go', make ``changes`` bookmarks, report until ``expected`` heard."""
    from videowall.bookmarks.store import BookmarkStore
    from videowall.recording.holds import HoldStore
    from videowall.recording.index import RecordingStore
    from videowall.storage.change_listener import ChangeListener
    from videowall.storage.postgres import open_postgres

    db = open_postgres(url, sys.stdin.readline().rstrip("\n"))
    heard: queue.Queue[tuple[int, float]] = queue.Queue()
    listener = ChangeListener(db)
    listener.feed.subscribe(lambda change: heard.put((change.row_id, time.monotonic()))
                            if change.table == "bookmarks" and change.kind == "insert" else None)
    listener.start()
    listener.connected.wait()
    camera = int(db.scalar("SELECT min(id) FROM cameras"))
    with tempfile.TemporaryDirectory() as root:
        store = RecordingStore(db, Path(root))
        bookmarks = BookmarkStore(store, HoldStore(store))
        print("ready", flush=True)
        sys.stdin.readline()
        made = []
        for _ in range(changes):
            asked = time.monotonic()
            bookmark = bookmarks.create(at_utc=datetime.now(timezone.utc), camera_ids=[camera], category="incident",
                                        operator=f"station-{os.getpid()}")
            made.append((bookmark.id, asked, time.monotonic()))
        got = [heard.get(timeout=120) for _ in range(expected)]
    listener.stop()
    db.close()
    print(json.dumps({"made": made, "heard": got}), flush=True)
    return 0


def run(stations: int, changes: int) -> dict:
    from tests.fixtures import postgres as pg
    from videowall.storage.cameras import CameraStore
    from videowall.storage.postgres import open_postgres

    server, base = pg.start_server()
    try:
        database = server.create_database()
        url = server.url(database)
        db = open_postgres(url, server.admin_password, create=True)
        CameraStore(db).add("Rynek", "rtsp://127.0.0.1:8554/cam1")
        db.close()
        bare = baseline_ms(server, database, changes)
        procs = [subprocess.Popen([sys.executable, __file__, "--station", url, str(changes), str(stations * changes)],
                                  cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
                 for _ in range(stations)]
        try:
            for proc in procs:
                proc.stdin.write(server.admin_password + "\n")
                proc.stdin.flush()
            for proc in procs:
                assert proc.stdout.readline().strip() == "ready"
            for proc in procs:                      # all listening: begin together
                proc.stdin.write("go\n")
                proc.stdin.flush()
            reports = [json.loads(proc.stdout.readline()) for proc in procs]
        finally:
            for proc in procs:
                proc.wait(timeout=120)
    finally:
        pg.stop_server(server, base)
    made = {row_id: (n, asked, done) for n, report in enumerate(reports) for row_id, asked, done in report["made"]}
    at_others = [(made[row_id], at) for n, report in enumerate(reports) for row_id, at in report["heard"]
                 if made[row_id][0] != n]
    latencies = [(at - asked) * 1000 for (_, asked, _), at in at_others]
    after_commit = [(at - done) * 1000 for (_, _, done), at in at_others]
    writes = [(done - asked) * 1000 for _, asked, done in made.values()]
    result = {"stations": stations, "changes_each": changes, "heard_at_others": len(latencies),
              "expected_at_others": stations * (stations - 1) * changes, "load_1min": round(os.getloadavg()[0], 2)}
    for name, values in (("baseline", bare), ("propagation", latencies), ("write", writes),
                         ("after_commit", after_commit)):
        result[name] = {"p50_ms": round(percentile(values, 50), 1), "p95_ms": round(percentile(values, 95), 1),
                        "max_ms": round(max(values), 1)}
    result["ratio_p50"] = round(result["propagation"]["p50_ms"] / result["baseline"]["p50_ms"], 1)
    result["ratio_p95"] = round(result["propagation"]["p95_ms"] / result["baseline"]["p95_ms"], 1)
    result["ratio_after_commit_p95"] = round(result["after_commit"]["p95_ms"] / result["baseline"]["p95_ms"], 1)
    return result


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--station":
        return station_main(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stations", type=int, default=4, choices=(2, 3, 4))
    parser.add_argument("--changes", type=int, default=100)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    result = run(args.stations, args.changes)
    print(f"{args.stations} stations × {args.changes} bookmarks; heard at other stations: "
          f"{result['heard_at_others']} of {result['expected_at_others']} (load {result['load_1min']})")
    for name in ("baseline", "propagation", "write", "after_commit"):
        figures = result[name]
        print(f"{name:12s} p50 {figures['p50_ms']:7.1f} ms   p95 {figures['p95_ms']:7.1f} ms   "
              f"max {figures['max_ms']:7.1f} ms")
    print(f"ratio propagation / bare NOTIFY: p50 {result['ratio_p50']}×, p95 {result['ratio_p95']}×; "
          f"after commit / bare NOTIFY: p95 {result['ratio_after_commit_p95']}×")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
