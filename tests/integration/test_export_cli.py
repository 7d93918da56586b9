"""``videowall export``, ``verify``, ``audit verify`` and ``signing-key`` as an operator runs them."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.fixtures.footage import CAMERA_NAMES
from videowall import cli
from videowall.commands.export import export_command
from videowall.runtime.local_time import parse_local_time
from videowall.station import Station
from videowall.storage.schema_audit import TRIGGERS

WARSAW = ZoneInfo("Europe/Warsaw")


def _run(argv: list[str], capsys) -> tuple[int, str, str]:
    code = cli.run(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def station_dir(tmp_path, footage):
    """A station data dir holding the recorded footage: its database (cameras, recordings index) and files."""
    return Path(shutil.copytree(footage.directory, tmp_path / "station"))


@pytest.fixture
def empty_station_dir(tmp_path, simulator):
    data_dir = tmp_path / "empty"
    station = Station.open(data_dir)
    try:
        for camera, name in zip((1, 2), CAMERA_NAMES):
            station.cameras.add(name, simulator.url(camera, "main"))
    finally:
        station.close()
    return data_dir


def _export_argv(footage, data_dir, out_dir, exhibit="SM-2026-000900") -> list[str]:
    start, end = footage.common_range()
    local = lambda moment: moment.astimezone(WARSAW).replace(tzinfo=None).isoformat()   # as typed by an operator
    return ["export", "--camera", f"1,{CAMERA_NAMES[1]}", "--from", local(start + timedelta(seconds=1)),
            "--to", local(end - timedelta(seconds=1)), "--exhibit", exhibit, "--case", "RSD-900/26",
            "--authority", "Komenda Miejska Policji w Krakowie", "--reason", "kradzież roweru",
            "--officer", "Anna Nowak", "--organisation", "Straż Miejska Miasta Krakowa", "--out", str(out_dir),
            "--data-dir", str(data_dir)]


def test_export_then_verify_then_audit_verify(station_dir, footage, tmp_path, capsys):
    out_dir = tmp_path / "usb"
    out_dir.mkdir()
    code, out, _err = _run(_export_argv(footage, station_dir, out_dir), capsys)
    assert code == 0
    package = out_dir / "SM-2026-000900"
    assert f"Exported SM-2026-000900 to {package}" in out and "read back from the medium and verified" in out
    assert len(list((package / "video").glob("CAM00[12]_*.mp4"))) == 2

    code, out, _err = _run(["verify", str(package)], capsys)
    assert code == 0 and out.startswith(f"OK {package}: signature by ")

    (package / "video" / "notes.txt").write_text("dopisane")
    (package / "SHA256SUMS").write_text("")
    code, out, _err = _run(["verify", str(package), "--no-framehash"], capsys)
    assert code == 1
    assert out.splitlines() == ["FAIL video/notes.txt: extra file, not in the manifest"] + [
        f"FAIL {name}: not listed in SHA256SUMS" for name in sorted(
            p.relative_to(package).as_posix() for p in package.rglob("*")
            if p.is_file() and p.name not in ("SHA256SUMS", "notes.txt"))]

    code, out, _err = _run(["audit", "verify", "--data-dir", str(station_dir)], capsys)
    assert code == 0 and out.startswith("OK audit log: ") and "chain intact" in out

    raw = sqlite3.connect(station_dir / "videowall.sqlite3")
    for name in TRIGGERS:
        raw.execute(f"DROP TRIGGER {name}")
    started = raw.execute("SELECT seq FROM audit_log WHERE action = 'evidence.export.started'").fetchone()[0]
    raw.execute("UPDATE audit_log SET actor = 'ktoś inny' WHERE seq = ?", (started,))
    raw.commit()
    raw.close()
    code, out, _err = _run(["audit", "verify", "--data-dir", str(station_dir)], capsys)
    assert code == 1
    assert out.splitlines()[0] == f"FAIL audit log: entry {started}: its content does not match its hash (edited?)"


def test_export_through_an_injected_index(empty_station_dir, footage, tmp_path, capsys):
    """How a caller with its own RecordingIndex (e.g. the GUI's) runs the same command."""
    args = cli.build_parser().parse_args(_export_argv(footage, empty_station_dir, tmp_path))
    assert args.command == "export"
    assert export_command(args, recordings=lambda station: contextlib.nullcontext(footage.index)) == 0
    assert "read back from the medium and verified" in capsys.readouterr().out


def test_export_from_a_station_without_recordings_says_so(empty_station_dir, footage, tmp_path, capsys):
    code, _out, err = _run(_export_argv(footage, empty_station_dir, tmp_path), capsys)
    assert code == 1 and "There is no recording of camera 1 (Rynek Główny) between" in err


def test_export_of_an_unknown_camera_is_an_error(station_dir, footage, tmp_path, capsys):
    argv = _export_argv(footage, station_dir, tmp_path)
    argv[argv.index("--camera") + 1] = "Kamera Nieistniejąca"
    code, _out, err = _run(argv, capsys)
    assert code == 1 and "Kamera Nieistniejąca" in err


def test_verify_of_a_folder_that_is_not_a_package(tmp_path, capsys):
    code, out, _err = _run(["verify", str(tmp_path)], capsys)
    assert code == 1 and "FAIL manifest.json: missing" in out


def test_signing_key_show_prints_fingerprints(tmp_path, capsys):
    code, out, _err = _run(["signing-key", "show", "--data-dir", str(tmp_path / "d"), "--organisation", "SM"], capsys)
    assert code == 0
    assert out.startswith("station key, RSA-3072 PKCS#1 v1.5 SHA-256") and "SHA-1 (Windows thumbprint" in out


def test_times_without_offset_are_station_local():
    assert parse_local_time("2026-07-01T12:00:00", WARSAW).utcoffset() == timedelta(hours=2)
    assert parse_local_time("2026-01-01T12:00:00Z", WARSAW).utcoffset() == timedelta(0)
    with pytest.raises(Exception, match="not a date and time"):
        parse_local_time("wczoraj", WARSAW)
