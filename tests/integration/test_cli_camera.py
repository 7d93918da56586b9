"""``videowall camera`` run as a real subprocess against a temporary data directory.

The credentials test talks to a real Secret Service: gnome-keyring-daemon, unlocked, on a private
D-Bus session bus (``dbus-run-session``), with HOME and XDG directories pointing into a temp dir so
the developer's own keyring is never touched.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fixtures.processes import stop_process
from tests.fixtures.waiting import wait_for

REPO_ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-m", "videowall.cli"]
URL = "rtsp://127.0.0.1:8554/cam1"
SUB_URL = "rtsp://127.0.0.1:8554/cam1-sub"
TIMEOUT_S = 60
# Reads the expected password from stdin and prints only whether the data dir's station finds it in the keyring.
CHECK_STORED = """
import sys
from videowall.config.paths import database_path
from videowall.storage.station_secrets import open_station_secrets
from videowall.storage.db import open_database
store = open_station_secrets(open_database(database_path(sys.argv[1])), "os")
creds = store.get(int(sys.argv[2]))
expected = sys.stdin.read()
state = "absent" if creds is None else ("match" if creds.password == expected else "differs")
print(store.backend_name, state, creds.username if creds else "-")
"""
# Writes a keyring entry as videowall before migration 7 did: one key "camera:<id>" for every data dir.
WRITE_LEGACY = """
import json, sys
import keyring
keyring.set_password("videowall", "camera:" + sys.argv[1], json.dumps({"username": sys.argv[2],
                                                                       "password": sys.stdin.read()}))
"""


def _env(**extra: str | Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("VIDEOWALL_") and k != "PYTHON_KEYRING_BACKEND"}
    env.update({k: str(v) for k, v in extra.items()})
    return env


def _run(args: list[str], env: dict[str, str], stdin_text: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*CLI, *args], input=stdin_text, stdin=subprocess.DEVNULL if stdin_text is None else None,
        capture_output=True, text=True, env=env, cwd=REPO_ROOT, timeout=TIMEOUT_S)


def _list_names(data: Path, env: dict[str, str]) -> list[str]:
    listed = _run(["camera", "list", "--data-dir", str(data)], env)
    assert listed.returncode == 0, listed.stderr
    return [line.split("\t")[1] for line in listed.stdout.splitlines()]


@pytest.fixture
def env() -> dict[str, str]:
    return _env(VIDEOWALL_KEYRING="memory")


def test_add_list_remove(tmp_path, env):
    data = tmp_path / "data"
    gate = _run(["camera", "add", "--name", "Gate", "--url", URL, "--sub-url", SUB_URL, "--location", "North",
                 "--group", "Outside", "--transport", "udp", "--data-dir", str(data)], env)
    assert gate.returncode == 0, gate.stderr
    gate_id = gate.stdout.strip().split("\t")[0]
    door = _run(["camera", "add", "--name", "Front door", "--url", URL, "--data-dir", str(data)], env)
    assert door.returncode == 0, door.stderr
    door_id = door.stdout.strip().split("\t")[0]

    plain = _run(["camera", "list", "--data-dir", str(data)], env)
    assert plain.returncode == 0
    assert plain.stdout == f"{gate_id}\tGate\n{door_id}\tFront door\n"
    as_json = json.loads(_run(["camera", "list", "--json", "--data-dir", str(data)], env).stdout)
    assert as_json[0] | {"id": int(gate_id), "name": "Gate", "main_url": URL, "sub_url": SUB_URL,
                         "location": "North", "group": "Outside", "transport": "udp",
                         "has_credentials": False} == as_json[0]
    assert [c["name"] for c in as_json] == ["Gate", "Front door"]

    removed = _run(["camera", "remove", "gate", "--data-dir", str(data)], env)
    assert removed.returncode == 0 and removed.stdout == f"{gate_id}\tGate\n"
    assert _run(["camera", "remove", door_id, "--data-dir", str(data)], env).returncode == 0
    assert _list_names(data, env) == []
    missing = _run(["camera", "remove", "Gate", "--data-dir", str(data)], env)
    assert missing.returncode != 0 and "no camera named 'Gate'" in missing.stderr


def test_data_dir_from_environment_is_created_private(tmp_path):
    data = tmp_path / "from-env"
    env = _env(VIDEOWALL_KEYRING="memory", VIDEOWALL_DATA_DIR=data)
    assert _run(["camera", "add", "--name", "Gate", "--url", URL], env).returncode == 0
    assert (data / "videowall.sqlite3").is_file()
    assert data.stat().st_mode & 0o777 == 0o700


@pytest.mark.parametrize("url, words", [
    ("http://127.0.0.1/cam1", "URL"),
    ("127.0.0.1:554/cam1", "URL"),
    ("rtsp://", "URL"),
])
def test_wrong_or_malformed_url_is_refused_clearly(tmp_path, env, url, words):
    data = tmp_path / "data"
    result = _run(["camera", "add", "--name", "Gate", "--url", url, "--data-dir", str(data)], env)
    assert result.returncode != 0
    assert result.stderr.startswith("videowall: Main stream URL:") and words in result.stderr
    assert "Traceback" not in result.stderr
    assert _list_names(data, env) == []


def test_url_with_embedded_password_is_refused_without_echoing_it(tmp_path, env):
    data = tmp_path / "data"
    result = _run(["camera", "add", "--name", "Gate", "--url", "rtsp://admin:Hunter2Secret@127.0.0.1/cam1",
                   "--data-dir", str(data)], env)
    assert result.returncode != 0
    assert "Hunter2Secret" not in result.stdout + result.stderr
    assert _list_names(data, env) == []


def test_duplicate_name_is_refused(tmp_path, env):
    data = tmp_path / "data"
    assert _run(["camera", "add", "--name", "Gate", "--url", URL, "--data-dir", str(data)], env).returncode == 0
    again = _run(["camera", "add", "--name", "GATE", "--url", URL, "--data-dir", str(data)], env)
    assert again.returncode != 0 and "'Gate' already exists" in again.stderr


def test_password_is_never_taken_from_argv_or_a_non_terminal(tmp_path, env):
    data = tmp_path / "data"
    no_stdin = _run(["camera", "add", "--name", "Gate", "--url", URL, "--user", "admin",
                     "--data-dir", str(data)], env)
    assert no_stdin.returncode != 0 and "--password-stdin" in no_stdin.stderr
    no_user = _run(["camera", "add", "--name", "Gate", "--url", URL, "--password-stdin",
                    "--data-dir", str(data)], env, stdin_text="pw\n")
    assert no_user.returncode != 0 and "--user" in no_user.stderr
    argv_password = _run(["camera", "add", "--name", "Gate", "--url", URL, "--password", "x",
                          "--data-dir", str(data)], env)
    assert argv_password.returncode != 0
    assert _list_names(data, env) == []


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal (POSIX)")
def test_password_is_prompted_for_on_a_terminal_without_echo(tmp_path, env):
    import fcntl
    import termios

    data = tmp_path / "data"
    password = f"Tty-{uuid.uuid4().hex}"
    master, slave = os.openpty()
    try:
        # A new session whose controlling terminal is the pty: getpass then prompts on it, not on ours.
        process = subprocess.Popen(
            [*CLI, "camera", "add", "--name", "Gate", "--url", URL, "--user", "admin", "--data-dir", str(data)],
            stdin=slave, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=REPO_ROOT,
            start_new_session=True, preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0))
        os.close(slave)
        shown = _read_until(master, b"Password for admin: ")
        os.write(master, password.encode() + b"\n")
        stdout, stderr = process.communicate(timeout=TIMEOUT_S)
        shown += _read_until(master, None)
    finally:
        os.close(master)
    assert process.returncode == 0, stderr
    assert stdout.decode().endswith("\tGate\n")
    assert password.encode() not in shown + stdout + stderr  # not echoed, not printed
    assert _list_names(data, env) == ["Gate"]


def _read_until(fd: int, marker: bytes | None) -> bytes:
    """Read the pty until ``marker`` appears (or, with None, until it is closed or quiet)."""
    seen = b""
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline and (marker is None or marker not in seen):
        readable, _, _ = select.select([fd], [], [], 0.5 if marker is None else 1)
        if not readable:
            if marker is None:
                break
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # EIO: the other side is closed
            break
        if not chunk:
            break
        seen += chunk
    if marker is not None and marker not in seen:
        pytest.fail(f"no password prompt on the terminal; saw {seen!r}")
    return seen


@pytest.mark.parametrize("no_keyring_env", [
    {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
    {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent/videowall-test-bus"},
], ids=["fail-backend", "no-dbus"])
def test_without_a_keyring_the_camera_is_not_saved(tmp_path, no_keyring_env):
    data = tmp_path / "data"
    env = _env(VIDEOWALL_KEYRING="os", HOME=tmp_path / "home", XDG_RUNTIME_DIR=tmp_path,
               XDG_CONFIG_HOME=tmp_path / "config", **no_keyring_env)
    password = f"Np-{uuid.uuid4().hex}"
    result = _run(["camera", "add", "--name", "Gate", "--url", URL, "--user", "admin", "--password-stdin",
                   "--data-dir", str(data)], env, stdin_text=password + "\n")
    assert result.returncode != 0
    assert "No OS keyring" in result.stderr and "The camera was not saved." in result.stderr
    assert password not in result.stdout + result.stderr
    assert _list_names(data, env) == []


@pytest.fixture(scope="module")
def secret_service_env(tmp_path_factory) -> Iterator[dict[str, str]]:
    missing = [t for t in ("dbus-run-session", "dbus-send", "gnome-keyring-daemon") if shutil.which(t) is None]
    if missing:
        pytest.skip(f"a real Secret Service needs {', '.join(missing)} (apt-get install dbus gnome-keyring)")
    base = tmp_path_factory.mktemp("secret-service")
    runtime = base / "run"
    runtime.mkdir(mode=0o700)
    env = _env(HOME=base / "home", XDG_DATA_HOME=base / "data", XDG_CONFIG_HOME=base / "config",
               XDG_RUNTIME_DIR=runtime)
    bus = subprocess.Popen(["dbus-run-session", "--", "sh", "-c", 'echo "$DBUS_SESSION_BUS_ADDRESS"; exec cat'],
                           stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                           env=env, text=True)
    daemon = None
    try:
        readable, _, _ = select.select([bus.stdout], [], [], TIMEOUT_S)
        address = bus.stdout.readline().strip() if readable else ""
        if not address:
            pytest.fail("dbus-run-session did not start a session bus")
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        daemon = subprocess.Popen(["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
                                  stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  env=env)
        daemon.stdin.write(b"keyring-unlock-password")  # a throw-away keyring in a temp HOME
        daemon.stdin.close()
        _wait_for_bus_name(env, "org.freedesktop.secrets", daemon)
        yield env
    finally:
        for process in (daemon, bus):
            if process is None:
                continue
            if process is bus:
                bus.stdin.close()  # ends `cat`, so dbus-run-session stops its bus
            stop_process(process)


def _wait_for_bus_name(env: dict[str, str], name: str, owner: subprocess.Popen) -> None:
    # Until our daemon owns the name, a client would make D-Bus activate a second, locked one.
    def owned() -> bool:
        if owner.poll() is not None:
            pytest.fail(f"gnome-keyring-daemon exited with {owner.returncode}")
        reply = subprocess.run(["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
                                "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner", f"string:{name}"],
                               env=env, capture_output=True, text=True, timeout=30)
        return "boolean true" in reply.stdout

    wait_for(owned, f"{name} on the session bus", 60, interval_s=0.05)


def test_password_from_stdin_goes_to_the_secret_service_and_nowhere_else(tmp_path, secret_service_env):
    env = dict(secret_service_env, VIDEOWALL_KEYRING="os")
    data = tmp_path / "data"
    password = f"Sv-{uuid.uuid4().hex}"
    outputs: list[str] = []

    def run(args: list[str], stdin_text: str | None = None) -> subprocess.CompletedProcess:
        result = _run(args, env, stdin_text)
        outputs.extend([result.stdout, result.stderr])
        return result

    def stored(camera_id: str) -> str:
        result = subprocess.run([sys.executable, "-c", CHECK_STORED, str(data), camera_id], input=password,
                                capture_output=True, text=True, env=env, cwd=REPO_ROOT, timeout=TIMEOUT_S)
        assert result.returncode == 0, result.stderr
        outputs.extend([result.stdout, result.stderr])
        return result.stdout.strip()

    added = run(["camera", "add", "--name", "Gate", "--url", URL, "--user", "admin", "--password-stdin",
                 "--data-dir", str(data)], stdin_text=password + "\n")
    assert added.returncode == 0, added.stderr
    camera_id = added.stdout.split("\t")[0]
    assert stored(camera_id) == "keyring.backends.SecretService.Keyring match admin"
    listed = run(["camera", "list", "--json", "--data-dir", str(data)])
    assert json.loads(listed.stdout)[0]["has_credentials"] is True

    removed = run(["camera", "remove", "Gate", "--data-dir", str(data)])
    assert removed.returncode == 0, removed.stderr
    assert stored(camera_id) == "keyring.backends.SecretService.Keyring absent -"

    files = [p for p in data.rglob("*") if p.is_file()]
    assert any(p.name == "videowall.sqlite3" for p in files)
    for path in files:
        assert password.encode() not in path.read_bytes(), path
    assert all(password not in text for text in outputs)


def _stored(env: dict[str, str], data: Path, camera_id: str, expected: str) -> str:
    result = subprocess.run([sys.executable, "-c", CHECK_STORED, str(data), camera_id], input=expected,
                            capture_output=True, text=True, env=env, cwd=REPO_ROOT, timeout=TIMEOUT_S)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().split(" ", 1)[1]


def test_two_data_dirs_never_see_each_others_passwords(tmp_path, secret_service_env):
    """The defect: both get camera id 1; A's station used to log in as op2 with B's password."""
    env = dict(secret_service_env, VIDEOWALL_KEYRING="os")
    first, second = tmp_path / "a", tmp_path / "b"
    password_a, password_b = f"A-{uuid.uuid4().hex}", f"B-{uuid.uuid4().hex}"
    for data, user, password in ((first, "op", password_a), (second, "op2", password_b)):
        added = _run(["camera", "add", "--name", "Gate", "--url", URL, "--user", user, "--password-stdin",
                      "--data-dir", str(data)], env, stdin_text=password + "\n")
        assert added.returncode == 0, added.stderr
        assert added.stdout.startswith("1\t")
    assert _stored(env, first, "1", password_a) == "match op"
    assert _stored(env, second, "1", password_b) == "match op2"
    assert _run(["camera", "remove", "Gate", "--data-dir", str(second)], env).returncode == 0
    assert _stored(env, first, "1", password_a) == "match op"
    assert _stored(env, second, "1", password_b) == "absent -"


def test_an_old_shared_entry_goes_to_one_upgraded_data_dir_and_the_other_is_told(tmp_path, secret_service_env):
    from videowall.storage.db import open_database
    from videowall.storage.migrations import MIGRATIONS

    env = dict(secret_service_env, VIDEOWALL_KEYRING="os")
    old_password = f"Old-{uuid.uuid4().hex}"
    dirs = [tmp_path / "live", tmp_path / "test"]
    for data in dirs:   # two data dirs of the old version, each with a camera 1 that has credentials
        conn = open_database(data / "videowall.sqlite3", migrations=MIGRATIONS[:6])
        conn.execute("INSERT INTO cameras (name, main_url, has_credentials, created_utc, updated_utc)"
                     " VALUES ('Gate', :url, 1, 't', 't')", {"url": URL})
        conn.close()
    legacy = subprocess.run([sys.executable, "-c", WRITE_LEGACY, "1", "op"], input=old_password,
                            capture_output=True, text=True, env=env, cwd=REPO_ROOT, timeout=TIMEOUT_S)
    assert legacy.returncode == 0, legacy.stderr
    assert _stored(env, dirs[0], "1", old_password) == "match op"     # the first to read it claims it
    assert _stored(env, dirs[0], "1", old_password) == "match op"     # …and keeps it under its own key
    told = subprocess.run([sys.executable, "-c", CHECK_STORED, str(dirs[1]), "1"], input=old_password,
                          capture_output=True, text=True, env=env, cwd=REPO_ROOT, timeout=TIMEOUT_S)
    assert told.returncode != 0 and "another data dir has already taken" in told.stderr
    assert old_password not in told.stdout + told.stderr
    new_password = f"New-{uuid.uuid4().hex}"
    given = _run(["camera", "credentials", "1", "--user", "op2", "--password-stdin", "--data-dir", str(dirs[1])],
                 env, stdin_text=new_password + "\n")
    assert given.returncode == 0, given.stderr
    assert _stored(env, dirs[1], "1", new_password) == "match op2"
    assert _stored(env, dirs[0], "1", old_password) == "match op"
