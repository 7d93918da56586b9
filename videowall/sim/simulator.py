"""Starts and stops the simulator's RTSP server process (``gst_server.py``) from the 3.12 client side.

The server needs Debian's own ``/usr/bin/python3`` (the only interpreter with the GStreamer gi bindings);
``VIDEOWALL_SIM_PYTHON`` names another one. No GStreamer import here. Methods are not thread-safe: one
owner (a test fixture, the demo, the CLI) drives an instance.
"""

from __future__ import annotations

import json
import os
import selectors
import signal
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path
from types import TracebackType
from typing import IO

from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.runtime.redaction import register_secret

DEFAULT_PYTHON = "/usr/bin/python3"
SERVER_SCRIPT = Path(__file__).with_name("gst_server.py")
INSTALL_HINT = ("sudo apt-get install python3-gi python3-numpy gir1.2-gst-rtsp-server-1.0 gstreamer1.0-rtsp "
                "gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad "
                "gstreamer1.0-plugins-ugly")
_CANNOT_START_EXIT = 2
_MISSING_BINDINGS_EXIT = 3
_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def server_python() -> str:
    return os.environ.get("VIDEOWALL_SIM_PYTHON") or DEFAULT_PYTHON


LOOKS = ("test", "scene")


class SimulatorProcess:
    """One simulator server process serving ``cameras`` cameras at rtsp://host:port/camN/{main,sub}."""

    def __init__(self, cameras: int, port: int = 0, host: str = "127.0.0.1", user: str | None = None,
                 password: str | None = None, main_size: tuple[int, int] = (1280, 720), fps: int = 25,
                 max_seconds: float | None = None, auth: str = "both", onvif: bool = False,
                 ptz_cameras: tuple[int, ...] = (), clock_offset_s: float = 0.0, onvif_auth: str = "both",
                 discovery_multicast: bool = False, motion_cameras: tuple[int, ...] = (),
                 tamper_cameras: tuple[int, ...] = (), no_events_cameras: tuple[int, ...] = (),
                 look: str = "test", timezone: str | None = None) -> None:
        """``look``: "test" (camera colours, moving box, pixel time code: what tests read back) or "scene"
        (a street with traffic and the time burned in: what a person looking at the demo should see);
        ``timezone``: the zone of the burned-in clock (IANA name; default the machine's)."""
        if cameras < 1:
            raise VideowallError(ErrorKind.INVALID_INPUT, "The simulator needs at least one camera.")
        if auth not in ("basic", "digest", "both"):
            raise VideowallError(ErrorKind.INVALID_INPUT, f"Unknown RTSP auth method set: {auth}.")
        if onvif_auth not in ("wsse", "digest", "both"):
            raise VideowallError(ErrorKind.INVALID_INPUT, f"Unknown ONVIF auth method set: {onvif_auth}.")
        if look not in LOOKS:
            raise VideowallError(ErrorKind.INVALID_INPUT, f"Unknown simulator look: {look}.")
        if (user is None) != (password is None):
            raise VideowallError(ErrorKind.INVALID_INPUT, "Give the simulator both a user and a password, or neither.")
        self.cameras = cameras
        self.host = host
        self.user = user
        self.auth = auth
        self._password = password
        register_secret(password)
        self.main_size = main_size
        self.look = look
        self.timezone = timezone
        self.fps = fps
        self.max_seconds = max_seconds
        # ONVIF (SOAP on HTTP + WS-Discovery); PTZ cameras need it, so naming one turns it on.
        self.ptz_cameras = tuple(sorted(set(ptz_cameras)))
        self.onvif = onvif or bool(self.ptz_cameras)
        self.clock_offset_s = clock_offset_s
        self.onvif_auth = onvif_auth  # WS-UsernameToken ("wsse"), HTTP Digest ("digest") or either ("both")
        self.discovery_multicast = discovery_multicast  # also answer on 239.255.255.250:3702
        # ONVIF events (onvif_events.py): every ONVIF camera has the service but ``no_events_cameras``.
        self.motion_cameras, self.tamper_cameras = tuple(motion_cameras), tuple(tamper_cameras)
        self.no_events_cameras = tuple(no_events_cameras)
        self._onvif_ports: tuple[int, int] | None = None
        self._requested_port = port
        self._port: int | None = None
        self._proc: subprocess.Popen[str] | None = None
        self._stderr: IO[bytes] | None = None

    @property
    def port(self) -> int:
        """The listening port; known once started (a requested fixed port is known before)."""
        if self._port is not None:
            return self._port
        if self._requested_port:
            return self._requested_port
        raise VideowallError(ErrorKind.SIMULATOR_ERROR, "The simulator has not been started yet.")

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    @property
    def is_running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def url(self, camera: int, profile: str = "sub") -> str:
        """rtsp://host:port/camN/profile, never with credentials."""
        if not 1 <= camera <= self.cameras or profile not in ("main", "sub"):
            raise VideowallError(ErrorKind.INVALID_INPUT, f"No simulated stream cam{camera}/{profile}.")
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"rtsp://{host}:{self.port}/cam{camera}/{profile}"

    @property
    def onvif_port(self) -> int:
        """The ONVIF HTTP port (started with ``onvif=True`` or PTZ cameras)."""
        if self._onvif_ports is None:
            raise VideowallError(ErrorKind.SIMULATOR_ERROR, "The simulator's ONVIF service is not running.")
        return self._onvif_ports[0]

    @property
    def discovery_port(self) -> int:
        """The UDP port answering WS-Discovery Probes (unicast)."""
        if self._onvif_ports is None:
            raise VideowallError(ErrorKind.SIMULATOR_ERROR, "The simulator's ONVIF service is not running.")
        return self._onvif_ports[1]

    def onvif_url(self, camera: int) -> str:
        """http://host:port/onvif/camN/device_service of camera ``camera``."""
        if not 1 <= camera <= self.cameras:
            raise VideowallError(ErrorKind.INVALID_INPUT, f"No simulated camera {camera}.")
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.onvif_port}/onvif/cam{camera}/device_service"

    def send_event(self, camera: int, kind: str, timeout_s: float = 5, **fields) -> int | None:
        """Make camera ``camera`` report an event (see ``onvif_events.SimEvents.command``); its seq, if any."""
        body = json.dumps({"camera": camera, "kind": kind, **fields}).encode()
        request = urllib.request.Request(f"http://{self._http_host()}:{self.onvif_port}/sim/events", data=body,
                                         headers={"Content-Type": "application/json"})
        try:
            with _NO_PROXY.open(request, timeout=timeout_s) as reply:
                return json.loads(reply.read()).get("seq")
        except (OSError, ValueError) as err:
            raise VideowallError(ErrorKind.SIMULATOR_ERROR, f"The simulator refused the event {kind!r}.",
                                 str(err)) from err

    def events_sent(self, timeout_s: float = 5) -> dict[int, int]:
        """{event seq: epoch ns at which the reply carrying it to a subscriber was built}."""
        url = f"http://{self._http_host()}:{self.onvif_port}/sim/events/sent"
        with _NO_PROXY.open(url, timeout=timeout_s) as reply:
            return {int(seq): int(ns) for seq, ns in json.loads(reply.read())}

    def _http_host(self) -> str:
        return f"[{self.host}]" if ":" in self.host else self.host

    def start(self, timeout_s: float = 15) -> None:
        """Spawn the server and wait for its READY line; raises VideowallError(SIMULATOR_ERROR) on failure."""
        if self.is_running:
            return
        self.stop()  # reap a server that ended by itself (max_seconds) and close its files
        port = self._port or self._requested_port
        # stderr goes to a file, not a pipe: nobody drains it while the server runs, and it explains failures.
        # Own session: a terminal's Ctrl-C reaches only the owner, which then stops the server in order; the
        # server still exits by itself when the owner dies (it polls its parent pid).
        self._stderr = tempfile.TemporaryFile()
        try:
            self._proc = subprocess.Popen(
                self._command(port), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr,
                text=True, encoding="utf-8", close_fds=True, start_new_session=True)
        except OSError as err:
            self._close_stderr()
            raise VideowallError(ErrorKind.SIMULATOR_ERROR,
                                 f"Cannot run the simulator's Python ({server_python()}). Install it with: "
                                 f"{INSTALL_HINT}", str(err)) from err
        assert self._proc.stdin is not None
        try:
            if self._password is not None:
                self._proc.stdin.write(self._password + "\n")
            self._proc.stdin.close()
        except BrokenPipeError:  # died at once (no bindings?): _wait_ready reports why
            pass
        self._port = self._wait_ready(timeout_s)

    def stop(self, timeout_s: float = 5) -> None:
        """SIGTERM, then SIGKILL if it does not exit within ``timeout_s``; waits for the process either way."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        _terminate(proc, timeout_s)
        if proc.stdout is not None:
            proc.stdout.close()
        self._close_stderr()

    def restart(self, timeout_s: float = 15) -> None:
        """Stop and start again on the same port (an outage and a recovery, as a camera would have)."""
        self.stop()
        self.start(timeout_s)

    def __enter__(self) -> SimulatorProcess:
        self.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    def _command(self, port: int) -> list[str]:
        width, height = self.main_size
        # -E: ignore PYTHONPATH & co, which may point the 3.11 server at the client's 3.12 packages.
        command = [server_python(), "-E", str(SERVER_SCRIPT), "--cameras", str(self.cameras), "--host", self.host,
                   "--port", str(port), "--main-size", f"{width}x{height}", "--fps", str(self.fps),
                   "--look", self.look]
        if self.timezone:
            command += ["--timezone", self.timezone]
        if self.user is not None:
            command += ["--user", self.user, "--auth", self.auth]
        if self.max_seconds is not None:
            command += ["--max-seconds", str(self.max_seconds)]
        if self.onvif:
            command += ["--onvif-port", str(self._onvif_ports[0] if self._onvif_ports else 0),
                        "--ptz-cameras", ",".join(map(str, self.ptz_cameras)),
                        "--clock-offset-s", str(self.clock_offset_s), "--onvif-auth", self.onvif_auth]
            if self.discovery_multicast:
                command.append("--discovery-multicast")
            for flag, cameras in (("--motion-cameras", self.motion_cameras), ("--tamper", self.tamper_cameras),
                                  ("--no-events", self.no_events_cameras)):
                if cameras:
                    command += [flag, ",".join(map(str, cameras))]
        return command

    def _wait_ready(self, timeout_s: float) -> int:
        proc = self._proc
        assert proc is not None and proc.stdout is not None
        deadline = time.monotonic() + timeout_s
        with selectors.DefaultSelector() as selector:
            selector.register(proc.stdout, selectors.EVENT_READ)
            while (remaining := deadline - time.monotonic()) > 0:
                if not selector.select(remaining):
                    continue
                line = proc.stdout.readline()
                if line.startswith("READY "):
                    ports = [int(part) for part in line.split()[1:]]
                    if len(ports) >= 3:
                        self._onvif_ports = (ports[1], ports[2])
                    return ports[0]
                if not line:  # EOF: the server is exiting
                    _wait_quietly(proc, 5)
                    break
        return self._fail_start(timeout_s)

    def _close_stderr(self) -> str:
        """Closes the server's stderr file and returns its text."""
        stderr, self._stderr = self._stderr, None
        if stderr is None:
            return ""
        stderr.seek(0)
        text = stderr.read().decode(errors="replace")
        stderr.close()
        return text

    def _fail_start(self, timeout_s: float) -> int:
        proc = self._proc
        assert proc is not None
        running = proc.poll() is None
        _terminate(proc, 5)
        stderr = self._close_stderr()
        self.stop()
        reason = stderr.strip().splitlines()[-1] if stderr.strip() else "no reason given"
        if proc.returncode == _MISSING_BINDINGS_EXIT:
            raise VideowallError(
                ErrorKind.SIMULATOR_ERROR,
                f"The camera simulator needs GStreamer's Python bindings and numpy for {server_python()} "
                f"({reason.removeprefix('MISSING-BINDINGS ')}). Install them with: {INSTALL_HINT}", stderr)
        if proc.returncode == _CANNOT_START_EXIT:
            raise VideowallError(ErrorKind.SIMULATOR_ERROR,
                                 f"The camera simulator could not start ({reason}). Is the port in use?", stderr)
        what = f"did not start within {timeout_s:g} s" if running else f"exited with code {proc.returncode}"
        raise VideowallError(
            ErrorKind.SIMULATOR_ERROR,
            f"The camera simulator {what} (port {self._port or self._requested_port or 'auto'}). "
            f"If GStreamer is missing, install it with: {INSTALL_HINT}", stderr)


def _terminate(proc: subprocess.Popen[str], timeout_s: float) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout_s)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout_s)


def _wait_quietly(proc: subprocess.Popen[str], timeout_s: float) -> None:
    try:
        proc.wait(timeout_s)
    except subprocess.TimeoutExpired:
        pass
