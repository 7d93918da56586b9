"""``videowall bookmark`` run as a real subprocess against a temporary data directory."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from videowall.config.paths import database_path
from videowall.storage.cameras import CameraStore
from videowall.storage.db import open_database

REPO_ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-m", "videowall.cli"]
TIMEOUT_S = 60


@pytest.fixture
def data(tmp_path) -> Path:
    root = tmp_path / "data"
    root.mkdir()
    (root / "settings.json").write_text(json.dumps({"version": 3, "timezone": "Europe/Warsaw"}), encoding="utf-8")
    conn = open_database(database_path(root))
    try:
        cameras = CameraStore(conn)
        cameras.add("Brama", "rtsp://127.0.0.1:8554/cam1")
        cameras.add("Rynek", "rtsp://127.0.0.1:8554/cam2")
    finally:
        conn.close()
    return root


def _run(args: list[str], data: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VIDEOWALL_")}
    return subprocess.run([*CLI, *args, "--data-dir", str(data)], capture_output=True, text=True, env=env,
                          cwd=REPO_ROOT, stdin=subprocess.DEVNULL, timeout=TIMEOUT_S)


def _ok(args: list[str], data: Path) -> str:
    done = _run(args, data)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _fails(args: list[str], data: Path) -> str:
    done = _run(args, data)
    assert done.returncode == 1, done.stdout
    assert done.stderr.startswith("videowall: ")
    return done.stderr


def _listed_ids(args: list[str], data: Path) -> list[int]:
    out = _ok(["bookmark", "list", *args], data)
    return [] if out.startswith("No bookmarks") else [int(line.split("\t")[0]) for line in out.splitlines()]


def test_add_edit_evidence_release_and_show_history(data):
    out = _ok(["bookmark", "add", "--camera", "Brama,2", "--at", "2026-07-01T12:00:00", "--category", "kradzież",
               "--description", "Kradzież roweru", "--place", "ul. Floriańska", "--pre", "10", "--post", "20"], data)
    assert out.startswith("Bookmark 1 created.")
    # Read in the station's zone (CEST in July) and printed in it.
    assert "2026-07-01 11:59:50 CEST – 2026-07-01 12:00:20 CEST" in out
    assert "Brama (1), Rynek (2)" in out

    out = _ok(["bookmark", "edit", "1", "--end", "2026-07-01T12:05:00", "--result", "sprawca ujęty"], data)
    assert "saved as revision 2" in out and "12:05:00 CEST" in out

    assert "case number is required" in _fails(["bookmark", "evidence", "1", "--reason", "wniosek"], data)
    out = _ok(["bookmark", "evidence", "1", "--reason", "wniosek KMP", "--case", "RSD 5/26"], data)
    assert "evidence in case RSD 5/26" in out
    assert _listed_ids(["--evidence"], data) == [1]
    assert "release the evidence" in _fails(["bookmark", "withdraw", "1", "--reason", "pomyłka"], data)
    assert "can only grow" in _fails(["bookmark", "edit", "1", "--camera", "Brama"], data)

    with sqlite3.connect(database_path(data)) as conn:
        active = conn.execute("SELECT camera_id, case_number FROM legal_holds WHERE released_utc IS NULL"
                              " ORDER BY camera_id").fetchall()
    assert active == [(1, "RSD 5/26"), (2, "RSD 5/26")]

    assert "lifted" in _ok(["bookmark", "release", "1", "--reason", "sprawa umorzona"], data)
    assert _listed_ids(["--evidence"], data) == []

    shown = _ok(["bookmark", "show", "1"], data)
    history = shown[shown.index("History:"):]
    for expected in ("1. ", "created", "2. ", "edited", "end: 2026-07-01 12:00:20 CEST → 2026-07-01 12:05:00 CEST",
                     "result: (empty) → sprawca ujęty", "evidence marked (reason: wniosek KMP)",
                     "case number: (empty) → RSD 5/26", "evidence released (reason: sprawa umorzona)"):
        assert expected in history

    verified = _run(["audit", "verify"], data)
    assert verified.returncode == 0 and verified.stdout.startswith("OK audit log:"), verified.stdout


def test_list_filters_and_withdraw(data):
    _ok(["bookmark", "add", "--camera", "1", "--at", "2026-07-01T08:00:00+02:00", "--category", "kradzież",
         "--description", "Złodziej w sklepie"], data)
    _ok(["bookmark", "add", "--camera", "Rynek", "--at", "2026-07-01T18:00:00", "--category", "akt wandalizmu",
         "--place", "Plac Bohaterów"], data)
    assert _listed_ids([], data) == [2, 1]
    assert _listed_ids(["--camera", "Rynek"], data) == [2]
    assert _listed_ids(["--category", "kradzież"], data) == [1]
    assert _listed_ids(["--text", "zlodziej"], data) == [1]
    assert _listed_ids(["--from", "2026-07-01T12:00", "--to", "2026-07-01T23:00"], data) == [2]
    assert _listed_ids(["--operator", "nobody-here"], data) == []
    line = _ok(["bookmark", "list", "--camera", "1"], data).splitlines()[0].split("\t")
    assert line[:4] == ["1", "2026-07-01 08:00:00 CEST", "theft", "Brama (1)"]     # its Polish name → its key

    assert "withdrawn" in _ok(["bookmark", "withdraw", "2", "--reason", "zła kamera"], data)
    assert _listed_ids([], data) == [1]
    assert _listed_ids(["--withdrawn"], data) == [2, 1]


def test_bad_input_is_reported_in_one_line(data):
    assert "Unknown category" in _fails(["bookmark", "add", "--camera", "1", "--category", "pożar"], data)
    assert "no camera named 'Nowhere'" in _fails(["bookmark", "add", "--camera", "Nowhere", "--category", "inne"],
                                                  data)
    assert "is not a date and time" in _fails(["bookmark", "add", "--camera", "1", "--category", "inne",
                                               "--at", "yesterday"], data)
    assert "There is no bookmark with id 9" in _fails(["bookmark", "show", "9"], data)
    assert "Say what to change" in _fails(["bookmark", "edit", "1"], data)
    assert _listed_ids([], data) == []
