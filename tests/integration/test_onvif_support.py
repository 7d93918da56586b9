"""Shared pieces of the ONVIF/PTZ tests (no tests here): PTZ simulator, PyAV frame grabber, hostile peers."""

from __future__ import annotations

import http.server
import socket
import ssl
import threading
import time
from urllib.parse import quote

import av
import numpy as np
import pytest

USER, PASSWORD = "operator", "Pt2-s3cret-pw"


@pytest.fixture(scope="session")
def ptz_sim(sim_factory):
    """Two cameras with ONVIF + auth; camera 1 is a PTZ camera. Tests must leave it stopped."""
    return sim_factory(cameras=2, user=USER, password=PASSWORD, ptz_cameras=(1,), main_size=(640, 360))


def with_credentials(uri: str) -> str:
    scheme, rest = uri.split("://", 1)
    return f"{scheme}://{quote(USER)}:{quote(PASSWORD, safe='')}@{rest}"


class FrameGrabber:
    """Decodes an RTSP stream on its own thread and keeps the newest frame's grey centre (no GUI)."""

    def __init__(self, uri: str) -> None:
        self._container = av.open(uri, options={"rtsp_transport": "tcp", "analyzeduration": "100000",
                                                "stimeout": "5000000", "timeout": "5000000"}, timeout=5)
        self._lock = threading.Lock()
        self._latest: tuple[int, np.ndarray] | None = None
        self._count = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        for frame in self._container.decode(video=0):
            gray = frame.to_ndarray(format="gray")
            h, w = gray.shape
            centre = gray[h // 4: h * 3 // 4, w // 8: w * 5 // 8].astype(np.int16)  # no text, patch or code
            with self._lock:
                self._count += 1
                self._latest = (self._count, centre)
            if self._stop.is_set():
                break

    def frame_after(self, timeout_s: float = 10.0) -> np.ndarray:
        """The first frame decoded after this call (so it shows the state from now on)."""
        with self._lock:
            start = self._count
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            with self._lock:
                if self._latest is not None and self._latest[0] > start + 2:  # skip frames already in flight
                    return self._latest[1]
            time.sleep(0.02)
        raise AssertionError("no frame decoded")

    def close(self) -> None:
        self._stop.set()
        self._thread.join(10)
        self._container.close()


def difference(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.abs(a - b).mean())


class HostileServer:
    """An HTTP(S) server on 127.0.0.1 answering every POST with the same body (a hostile 'camera')."""

    def __init__(self, body: bytes, tls: ssl.SSLContext | None = None) -> None:
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                self.send_response(200)
                self.send_header("Content-Type", "application/soap+xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_args) -> None:
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        if tls is not None:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        scheme = "https" if tls is not None else "http"
        self.url = f"{scheme}://127.0.0.1:{self._server.server_address[1]}/onvif/device_service"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


class SilentServer:
    """Accepts TCP connections and never answers (a hung camera)."""

    def __init__(self) -> None:
        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(16)
        self._accepted: list[socket.socket] = []
        self._closed = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}/onvif/device_service"

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            self._accepted.append(conn)

    def close(self) -> None:
        self._closed.set()
        self._sock.close()
        for conn in self._accepted:
            conn.close()
