"""``videowall server init`` and ``station join`` against a real PostgreSQL server; what two stations share;
and each bad input (address, password, unreachable server, newer schema) as one clear message."""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta, timezone

import pytest

from videowall.audit import AuditLog
from videowall.cli import run
from videowall.events.model import CameraEvent, EventKind
from videowall.events.rules import rule_for
from videowall.events.store import EventStore
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.storage.cameras import CameraStore
from videowall.storage.deployment import deployment_path, open_station_database
from videowall.storage.postgres import open_postgres
from videowall.storage.postgres_schema import VERSION_TABLE


def _cli(monkeypatch, capsys, args: list[str], stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = run(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def initialised(postgres_server, postgres_url, monkeypatch, capsys):
    code, out, err = _cli(monkeypatch, capsys, ["server", "init", "--db", postgres_url, "--password-stdin"],
                          postgres_server.admin_password + "\n")
    assert code == 0, err
    assert "Created the deployment" in out and "schema version" in out
    return postgres_url


def test_two_joined_stations_share_cameras_and_one_audit_chain(initialised, postgres_server, tmp_path, monkeypatch,
                                                               capsys):
    stations = [tmp_path / "station-1", tmp_path / "station-2"]
    for root in stations:
        code, out, err = _cli(monkeypatch, capsys, ["station", "join", initialised, "--password-stdin",
                                                    "--data-dir", str(root)], postgres_server.admin_password + "\n")
        assert code == 0, err
        assert "now uses the shared database" in out
        saved = deployment_path(root).read_text(encoding="utf-8")
        assert json.loads(saved)["url"] == initialised and postgres_server.admin_password not in saved
    code, _, err = _cli(monkeypatch, capsys, ["camera", "add", "--name", "Brama", "--url", "rtsp://127.0.0.1/cam1",
                                              "--data-dir", str(stations[0])])
    assert code == 0, err
    code, out, _ = _cli(monkeypatch, capsys, ["camera", "list", "--data-dir", str(stations[1])])
    assert code == 0 and "Brama" in out
    code, out, _ = _cli(monkeypatch, capsys, ["station", "status", "--data-dir", str(stations[1])])
    assert out.strip() == f"shared database {initialised}"
    first, second = open_station_database(stations[0]), open_station_database(stations[1])
    try:
        assert [c.name for c in CameraStore(second).list()] == ["Brama"]
        AuditLog(first).append("test.first", {}, actor="station-1")
        AuditLog(second).append("test.second", {}, actor="station-2")
        assert [e.action for e in AuditLog(first).entries()][-2:] == ["test.first", "test.second"]
        assert AuditLog(first).verify() == []
    finally:
        first.close()
        second.close()
    code, out, _ = _cli(monkeypatch, capsys, ["station", "leave", "--data-dir", str(stations[1])])
    assert code == 0 and not deployment_path(stations[1]).exists()
    code, out, _ = _cli(monkeypatch, capsys, ["camera", "list", "--data-dir", str(stations[1])])
    assert "Brama" not in out        # back on its own (empty) database


def test_init_twice_and_joining_an_empty_database_are_refused(initialised, postgres_server, tmp_path, monkeypatch,
                                                              capsys):
    code, _, err = _cli(monkeypatch, capsys, ["server", "init", "--db", initialised, "--password-stdin"],
                        postgres_server.admin_password + "\n")
    assert code == 1 and "already is a videowall deployment" in err
    empty = postgres_server.url(postgres_server.create_database())
    code, _, err = _cli(monkeypatch, capsys, ["station", "join", empty, "--password-stdin", "--data-dir",
                                              str(tmp_path / "s")], postgres_server.admin_password + "\n")
    assert code == 1 and "not a videowall deployment yet" in err
    assert not deployment_path(tmp_path / "s").exists()


@pytest.mark.parametrize("url, words", [
    ("mysql://u@h/db", "must start with postgresql://"),
    ("postgresql://u:secret@h/db", "Do not put the password in the database address"),
    ("postgresql://h/db", "needs a user, a host and a database name"),
    ("postgresql://u@h/db?password=x", "Unknown database option 'password'"),
    ("not a url at all", "must look like postgresql://"),
])
def test_bad_addresses_are_refused_before_asking_for_a_password(url, words, tmp_path, monkeypatch, capsys):
    code, _, err = _cli(monkeypatch, capsys, ["station", "join", url, "--data-dir", str(tmp_path)])
    assert code == 1 and words in err
    assert "secret" not in err.replace("secret'", "")
    assert not deployment_path(tmp_path).exists()


def test_a_wrong_password_is_a_clear_message_and_never_echoed(initialised, tmp_path, monkeypatch, capsys):
    code, _, err = _cli(monkeypatch, capsys, ["station", "join", initialised, "--password-stdin", "--data-dir",
                                              str(tmp_path)], "not-the-password-42\n")
    assert code == 1 and "refused the user or password" in err
    assert "not-the-password-42" not in err
    assert not deployment_path(tmp_path).exists()


def test_an_unreachable_server_is_a_clear_message(tmp_path, monkeypatch, capsys):
    import socket

    with socket.socket() as sock:       # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    code, _, err = _cli(monkeypatch, capsys, ["station", "join", f"postgresql://u@127.0.0.1:{port}/videowall",
                                              "--password-stdin", "--data-dir", str(tmp_path)], "pw\n")
    assert code == 1 and "cannot be reached" in err


def test_a_schema_from_a_newer_videowall_is_refused_and_left_untouched(initialised, postgres_server):
    database = initialised.rsplit("/", 1)[1]
    with postgres_server.admin(database) as admin:
        admin.execute(f"UPDATE {VERSION_TABLE} SET version = version + 5")
    with pytest.raises(VideowallError) as err:
        open_postgres(initialised, postgres_server.admin_password)
    assert err.value.kind is ErrorKind.STORAGE_ERROR and "newer videowall" in err.value.user_message
    with postgres_server.admin(database) as admin:
        assert admin.execute(f"SELECT version FROM {VERSION_TABLE}").fetchone()[0] > 7


def test_init_refuses_a_database_holding_other_tables(postgres_server, postgres_url):
    with postgres_server.admin(postgres_url.rsplit("/", 1)[1]) as admin:
        admin.execute("CREATE TABLE payroll (id INTEGER)")
    with pytest.raises(VideowallError) as err:
        open_postgres(postgres_url, postgres_server.admin_password, create=True)
    assert "already holds other tables" in err.value.user_message


def test_a_deployment_of_an_older_version_is_upgraded_by_the_same_migrations(postgres_server, postgres_url):
    from videowall.storage.migrations import MIGRATIONS, latest_version
    from videowall.storage.postgres import schema_version
    from videowall.storage.schema import BASELINE_VERSION

    older = open_postgres(postgres_url, postgres_server.admin_password, create=True,
                          migrations=MIGRATIONS[:BASELINE_VERSION])
    try:
        assert schema_version(older) == BASELINE_VERSION
        assert older.scalar("SELECT to_regclass('users') IS NULL")
        CameraStore(older).add("Brama", "rtsp://127.0.0.1/cam1")
    finally:
        older.close()
    upgraded = open_postgres(postgres_url, postgres_server.admin_password)
    try:
        assert schema_version(upgraded) == latest_version()
        assert upgraded.scalar("SELECT count(*) FROM users") == 0
        assert [c.name for c in CameraStore(upgraded).list()] == ["Brama"]
    finally:
        upgraded.close()


def test_a_joined_stations_shift_record_lists_the_alarms_of_the_shared_database(initialised, postgres_server,
                                                                                tmp_path, monkeypatch, capsys):
    root = tmp_path / "station"
    code, _, err = _cli(monkeypatch, capsys, ["station", "join", initialised, "--password-stdin", "--data-dir",
                                              str(root)], postgres_server.admin_password + "\n")
    assert code == 0, err
    at = datetime(2026, 12, 3, 9, 0, tzinfo=timezone.utc)
    other = open_postgres(initialised, postgres_server.admin_password)     # another station raised the alarm
    try:
        camera = CameraStore(other).add("Brama", "rtsp://127.0.0.1:1/gate")
        event = CameraEvent(camera.id, EventKind.TAMPER, at, True, source="vs0")
        EventStore(other).merge_alarm(event, rule_for([], EventKind.TAMPER, camera.id, ""), 1, at)
    finally:
        other.close()
    out_pdf = tmp_path / "shift.pdf"
    code, out, err = _cli(monkeypatch, capsys, ["activity-record", "--from", (at - timedelta(hours=1)).isoformat(),
                                                "--to", (at + timedelta(hours=1)).isoformat(), "--out", str(out_pdf),
                                                "--data-dir", str(root)])
    assert code == 0, err
    assert "1 alarm(s)" in out and out_pdf.stat().st_size > 0
