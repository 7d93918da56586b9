"""``videowall alarm`` and ``videowall events`` run as real subprocesses against a temporary data directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from videowall.config.paths import database_path
from videowall.events.engine import AlarmEngine
from videowall.events.model import CameraEvent, EventKind
from videowall.events.store import EventStore
from videowall.storage.cameras import CameraStore
from videowall.storage.db import open_database

REPO_ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-m", "videowall.cli"]
AT = datetime(2026, 12, 3, 9, 30, tzinfo=timezone.utc)        # 10:30 in Warsaw


@pytest.fixture
def data(tmp_path) -> Path:
    root = tmp_path / "data"
    root.mkdir()
    (root / "settings.json").write_text(json.dumps({"version": 3, "timezone": "Europe/Warsaw"}), encoding="utf-8")
    conn = open_database(database_path(root))
    try:
        cameras = CameraStore(conn)
        gate = cameras.add("Brama", "rtsp://127.0.0.1:8554/cam1", group="Ratusz")
        engine = AlarmEngine(EventStore(conn), cameras.get)
        for n in range(3):
            engine.submit(CameraEvent(gate.id, EventKind.DIGITAL_INPUT, AT, source="IN1"))
        engine.submit(CameraEvent(gate.id, EventKind.MOTION, AT, active=False, source="vs0"))
        assert engine.wait_idle(10)
        engine.close()
    finally:
        conn.close()
    return root


def _run(args: list[str], data: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VIDEOWALL_")}
    return subprocess.run([*CLI, *args, "--data-dir", str(data)], capture_output=True, text=True, env=env,
                          cwd=REPO_ROOT, stdin=subprocess.DEVNULL, timeout=60)


def test_alarm_list_and_event_search_in_station_time(data):
    listed = _run(["alarm", "list"], data)
    assert listed.returncode == 0
    assert "P2 new" in listed.stdout and "2026-12-03 10:30:00" in listed.stdout and "×3" in listed.stdout
    found = _run(["events", "--camera", "Brama", "--kind", "motion", "--from", "2026-12-03T10:00"], data)
    assert found.returncode == 0 and "motion off vs0" in found.stdout and "1 event(s)." in found.stdout
    none = _run(["events", "--to", "2026-12-03T10:00"], data)
    assert "0 event(s)." in none.stdout


def test_rules_are_saved_listed_and_bad_ones_refused_clearly(data):
    saved = _run(["alarm", "rule", "--kind", "motion", "--priority", "0", "--group", "Ratusz"], data)
    assert saved.returncode == 0, saved.stderr
    rules = _run(["alarm", "rules"], data).stdout.splitlines()
    assert rules[0].split()[:3] == ["motion", "group", "Ratusz"] and "no alarm" in rules[0]
    bad = _run(["alarm", "rule", "--kind", "tamper", "--priority", "7"], data)
    assert bad.returncode != 0 and "priority is 1 (most urgent) to 5" in bad.stderr and "Traceback" not in bad.stderr
    unknown = _run(["events", "--camera", "Nie ma"], data)
    assert unknown.returncode != 0 and "no camera named" in unknown.stderr
