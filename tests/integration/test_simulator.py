"""The camera simulator against real clients: PyAV over TCP and UDP, raw RTSP requests, real processes."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import av
import numpy as np
import pytest

from tests.fixtures.waiting import wait_for
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.sim import palette, pixelcode
from videowall.sim.simulator import SimulatorProcess

REPO = Path(__file__).resolve().parents[2]
PASSWORD = "pa:ss@w0rd-Ü"
EXIT_WAIT_S = 30  # a liveness bound for processes expected to exit, not a timing assertion
FRAME_ON_ITS_WAY_MS = 5000   # painted before the client connected, still queued in a starved server


def open_stream(url: str, transport: str = "tcp") -> av.container.InputContainer:
    options = {"rtsp_transport": transport, "timeout": "5000000", "analyzeduration": "100000"}
    return av.open(url, options=options, timeout=5)


def read_frames(url: str, count: int, transport: str = "tcp") -> list[tuple[np.ndarray, float]]:
    """``count`` decoded frames as (BGRA image, arrival time in epoch ms)."""
    frames = []
    with open_stream(url, transport) as container:
        for frame in container.decode(video=0):
            frames.append((frame.to_ndarray(format="bgra"), time.time() * 1000))
            if len(frames) == count:
                return frames
    raise AssertionError("stream ended early")


def patch_mean(image: np.ndarray) -> tuple[float, float, float]:
    x, y, w, h = palette.patch_rect(image.shape[1], image.shape[0])
    mean = image[y:y + h, x:x + w, :3].reshape(-1, 3).mean(axis=0)
    return float(mean[0]), float(mean[1]), float(mean[2])


def with_credentials(url: str, user: str, password: str) -> str:
    quoted = "".join(c if c.isalnum() else "".join(f"%{b:02X}" for b in c.encode()) for c in password)
    return url.replace("rtsp://", f"rtsp://{user}:{quoted}@", 1)


def describe(port: int, path: str) -> str:
    """The response head of a bare RTSP DESCRIBE (no credentials)."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(f"DESCRIBE rtsp://127.0.0.1:{port}{path} RTSP/1.0\r\nCSeq: 1\r\n\r\n".encode())
        return sock.recv(4096).decode(errors="replace")


def _gone(pid: int) -> bool:
    """``pid`` has exited (a zombie left for a foreign parent to reap counts as exited)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return True
    return state in ("Z", "X")


def wait_gone(pid: int) -> bool:
    return wait_for(lambda: _gone(pid), f"process {pid} to exit", EXIT_WAIT_S)


@pytest.mark.parametrize(("camera", "profile", "transport", "size"), [
    (1, "sub", "tcp", (640, 360)),
    (5, "sub", "udp", (640, 360)),
    (9, "main", "tcp", (1280, 720)),
    (2, "main", "udp", (1280, 720)),
])
def test_stream_has_size_fresh_time_code_own_colour_and_motion(simulator, camera, profile, transport, size):
    opened = time.time() * 1000
    frames = read_frames(simulator.url(camera, profile), 27, transport)
    first, arrived = frames[0]
    last = frames[-1][0]
    assert (first.shape[1], first.shape[0]) == size
    captured = pixelcode.decode_timestamp(first)
    assert captured is not None
    # Painted by the server (same clock) while this client watched, give or take a frame already on its
    # way when it connected; and before it arrived.
    assert opened - FRAME_ON_ITS_WAY_MS <= captured <= arrived
    later = pixelcode.decode_timestamp(last)
    assert later is not None and later > captured
    assert palette.match_camera(patch_mean(first), simulator.cameras) == camera
    assert max(abs(a - b) for a, b in zip(patch_mean(first), palette.camera_color(camera))) < 12
    above_code = pixelcode.code_rect(*size)[1]
    moved = np.abs(first[:above_code].astype(int) - last[:above_code].astype(int)).max(axis=2) > 40
    assert moved.mean() > 0.002, "the box should have moved in about a second"


def test_time_code_reads_from_a_192x108_bilinear_tile(simulator):
    with open_stream(simulator.url(4, "sub")) as container:
        frame = next(container.decode(video=0))
        tile = frame.reformat(width=192, height=108, format="bgra", interpolation="BILINEAR").to_ndarray()
    assert pixelcode.decode_timestamp(tile) == pixelcode.decode_timestamp(frame.to_ndarray(format="bgra"))
    assert pixelcode.decode_timestamp(tile) is not None


def test_each_of_nine_cameras_shows_its_own_colour(simulator):
    for camera in range(1, 10):
        image = read_frames(simulator.url(camera, "sub"), 1)[0][0]
        assert palette.match_camera(patch_mean(image), 9) == camera


def test_two_clients_of_one_mount_both_get_frames(simulator):
    with open_stream(simulator.url(3, "sub"), "tcp") as one, open_stream(simulator.url(3, "sub"), "udp") as two:
        a, b = next(one.decode(video=0)), next(two.decode(video=0))
        assert a.width == b.width == 640


def test_mounts_keep_serving_after_many_client_cycles(sim_factory):
    # Each DESCRIBE builds a media and the hang-up tears it down; a stale teardown once starved a newer media.
    sim = sim_factory(cameras=3)
    for cycle in range(120):
        assert describe(sim.port, f"/cam{1 + cycle % 3}/sub").startswith("RTSP/1.0 200"), f"cycle {cycle}"
    assert read_frames(sim.url(1), 1)


def test_auth_refuses_missing_and_wrong_password_and_admits_right_one(sim_factory):
    sim = sim_factory(cameras=1, user="operator", password=PASSWORD)
    url = sim.url(1, "sub")
    for attempt in (url, with_credentials(url, "operator", "wrong")):
        for transport in ("tcp", "udp"):
            with pytest.raises(av.error.HTTPUnauthorizedError):
                open_stream(attempt, transport).close()
    good = with_credentials(url, "operator", PASSWORD)
    for transport in ("tcp", "udp"):
        image = read_frames(good, 1, transport)[0][0]
        assert palette.match_camera(patch_mean(image), 1) == 1
    head = describe(sim.port, "/cam1/main")
    assert head.startswith("RTSP/1.0 401")
    assert "Basic" in head and "Digest" in head     # FFmpeg above took Digest, the stronger one


def test_basic_only_auth_admits_the_right_password(sim_factory):
    sim = sim_factory(cameras=1, user="operator", password=PASSWORD, auth="basic")
    head = describe(sim.port, "/cam1/sub")
    assert head.startswith("RTSP/1.0 401") and "Basic" in head and "Digest" not in head
    assert read_frames(with_credentials(sim.url(1), "operator", PASSWORD), 1)[0][0].shape == (360, 640, 4)


def test_password_stays_out_of_the_server_command_line_and_environment(sim_factory):
    sim = sim_factory(cameras=1, user="operator", password=PASSWORD)
    secret = PASSWORD.encode()
    assert secret not in Path(f"/proc/{sim.pid}/cmdline").read_bytes()
    assert secret not in Path(f"/proc/{sim.pid}/environ").read_bytes()
    assert PASSWORD not in sim.url(1) and "operator" not in sim.url(1)


def test_without_auth_a_describe_is_answered(simulator):
    assert describe(simulator.port, "/cam1/sub").startswith("RTSP/1.0 200")
    assert describe(simulator.port, "/cam10/sub").startswith("RTSP/1.0 404")


def test_stop_refuses_connections_and_restart_serves_again_on_the_same_port(sim_factory):
    sim = sim_factory(cameras=2)
    port, url = sim.port, sim.url(2, "sub")
    assert read_frames(url, 1)
    old_pid = sim.pid
    sim.stop()
    assert not sim.is_running and sim.pid is None
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=5).close()
    sim.restart()
    assert sim.is_running and sim.port == port and sim.pid != old_pid
    assert palette.match_camera(patch_mean(read_frames(url, 1)[0][0]), 2) == 2


def test_server_exits_by_itself_after_max_seconds():
    sim = SimulatorProcess(cameras=1, max_seconds=1)
    sim.start()
    try:
        assert wait_gone(sim.pid)
    finally:
        sim.stop()


def test_server_exits_when_its_parent_dies():
    owner = (
        "import sys; from videowall.sim.simulator import SimulatorProcess\n"
        "sim = SimulatorProcess(cameras=1, max_seconds=120); sim.start()\n"
        "print(sim.pid, flush=True); sys.stdin.read()\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", owner], cwd=REPO, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        server_pid = int(parent.stdout.readline())
        parent.send_signal(signal.SIGKILL)     # no clean-up code runs in the owner
        parent.wait(EXIT_WAIT_S)
        assert wait_gone(server_pid)
    finally:
        parent.kill()
        parent.wait()


def test_a_busy_port_is_a_simulator_error(simulator):
    with pytest.raises(VideowallError) as caught:
        SimulatorProcess(cameras=1, port=simulator.port, max_seconds=30).start()
    assert caught.value.kind is ErrorKind.SIMULATOR_ERROR


def test_missing_gstreamer_bindings_say_what_to_install(monkeypatch):
    monkeypatch.setenv("VIDEOWALL_SIM_PYTHON", sys.executable)   # the venv's Python has no gi
    with pytest.raises(VideowallError) as caught:
        SimulatorProcess(cameras=1, max_seconds=30).start()
    assert caught.value.kind is ErrorKind.SIMULATOR_ERROR
    assert "apt-get install" in caught.value.user_message
    monkeypatch.setenv("VIDEOWALL_SIM_PYTHON", str(REPO / "no-such-python"))
    with pytest.raises(VideowallError) as caught:
        SimulatorProcess(cameras=1).start()
    assert caught.value.kind is ErrorKind.SIMULATOR_ERROR


def test_cli_prints_urls_and_stops_after_seconds():
    result = subprocess.run(
        [sys.executable, "-m", "videowall.cli", "sim", "--cameras", "2", "--port", "0", "--seconds", "0.5"],
        cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "/cam1/main" in result.stdout and "/cam2/sub" in result.stdout
    pid = int(result.stdout.split("pid ")[1].split()[0])
    assert wait_gone(pid)


def test_cli_refuses_a_user_without_password_stdin():
    result = subprocess.run(
        [sys.executable, "-m", "videowall.cli", "sim", "--user", "operator", "--seconds", "0.5"],
        cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "--password-stdin" in result.stderr
