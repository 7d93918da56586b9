"""PTZ latency against the simulator: key press → ContinuousMove on the wire, and → first changed frame.

"On the wire" is the time the simulator's HTTP server received the request (epoch ns, same machine clock);
"changed frame" is the first decoded frame (PyAV, sub stream over RTSP/TCP) whose centre differs from the
picture before the press. The key press goes through the real UI path: a QKeyEvent into the tile event
filter → PtzBridge → the camera's PTZ queue thread → zeep → HTTP. Prints p50/p95 in ms, as JSON.

    .venv/bin/python -m bench.ptz_latency [--presses 30] [--auth]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import urllib.request
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from bench.measure import percentile  # noqa: E402
from ui.ptz.bridge import PtzBridge  # noqa: E402
from ui.ptz.tile_controller import TilePtzController  # noqa: E402
from videowall.media.decoder import LiveDecoder  # noqa: E402
from videowall.media.session import StreamSession  # noqa: E402
from videowall.media.types import StreamSource  # noqa: E402
from videowall.model.camera import Credentials  # noqa: E402
from videowall.onvif.client import OnvifClient  # noqa: E402
from videowall.onvif.ptz_device import PtzDevice  # noqa: E402
from videowall.sim.simulator import SimulatorProcess  # noqa: E402

USER, PASSWORD = "bench", "bench-pw-123"


class Frames:
    """The newest frame's grey centre, decoded by the product's own engine (StreamSession + LiveDecoder)."""

    def __init__(self, url: str, credentials: Credentials | None) -> None:
        self._decoder = LiveDecoder()
        self._session = StreamSession(StreamSource(camera_id=1, profile="sub", url=url),
                                      credentials=lambda: credentials)
        self._session.add_consumer(self._decoder)
        self._session.start()

    @property
    def latest(self) -> tuple[int, np.ndarray] | None:
        """(arrival as epoch ns, grey centre: no text, patch or time code) of the newest frame."""
        frame = self._decoder.latest()
        if frame is None:
            return None
        arrived_ns = time.time_ns() - int((time.monotonic() - frame.received_monotonic) * 1e9)
        image = frame.image
        h, w = image.shape[:2]
        centre = image[h // 4: h * 3 // 4, w // 8: w * 5 // 8, :3].mean(axis=2).astype(np.int16)
        return arrived_ns, centre

    def wait_first(self, timeout_s: float = 15.0) -> None:
        deadline = time.monotonic() + timeout_s
        while self.latest is None:
            if time.monotonic() > deadline:
                raise RuntimeError(f"no frame from the simulator's stream: {self._session.status()}")
            time.sleep(0.01)

    def first_change_after(self, t0_ns: int, before: np.ndarray, timeout_s: float = 5.0) -> int | None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            latest = self.latest
            if latest is not None and latest[0] > t0_ns and np.abs(latest[1] - before).mean() > 10:
                return latest[0]
            time.sleep(0.002)
        return None

    def close(self) -> None:
        self._session.close()


def _requests(sim: SimulatorProcess) -> list[list]:
    with urllib.request.urlopen(f"http://127.0.0.1:{sim.onvif_port}/sim/requests", timeout=3) as reply:
        return json.loads(reply.read())


def _wire_time(sim: SimulatorProcess, op: str, after_ns: int, timeout_s: float = 5.0) -> int | None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for arrived, _cam, _service, name in _requests(sim):
            if name == op and arrived > after_ns:
                return arrived
        QCoreApplication.processEvents()
        time.sleep(0.002)
    return None


def _key(widget: QWidget, kind: QEvent.Type, key: Qt.Key) -> None:
    QCoreApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier))


def run(presses: int, auth: bool) -> dict:
    creds = Credentials(USER, PASSWORD) if auth else None
    sim = SimulatorProcess(cameras=1, ptz_cameras=(1,), main_size=(640, 360), max_seconds=600,
                           user=USER if auth else None, password=PASSWORD if auth else None)
    sim.start()
    app = QApplication.instance() or QApplication(sys.argv[:1])

    def factory(_camera_id: int) -> PtzDevice:
        client = OnvifClient(sim.onvif_url(1), creds)
        client.connect()
        return PtzDevice(client, "sub")

    bridge = PtzBridge(factory)
    tile = QWidget()
    TilePtzController(bridge, camera_of=lambda _w: 1, parent=tile).attach(tile)
    url = sim.url(1, "sub")
    frames = Frames(url, Credentials(USER, PASSWORD) if auth else None)
    home = factory(1)
    wire_ms, frame_ms = [], []
    try:
        _key(tile, QEvent.Type.KeyPress, Qt.Key.Key_Left)  # warm-up: connect, load WSDLs, open the session
        _key(tile, QEvent.Type.KeyRelease, Qt.Key.Key_Left)
        _wire_time(sim, "Stop", 0, 15)
        frames.wait_first()
        for i in range(presses):
            home.goto_home()
            time.sleep(0.3)
            before = frames.latest[1]
            key = Qt.Key.Key_Left if i % 2 else Qt.Key.Key_Right
            t0 = time.time_ns()
            _key(tile, QEvent.Type.KeyPress, key)
            wire = _wire_time(sim, "ContinuousMove", t0)
            changed = frames.first_change_after(t0, before)
            _key(tile, QEvent.Type.KeyRelease, key)
            _wire_time(sim, "Stop", t0)
            if wire is not None:
                wire_ms.append((wire - t0) / 1e6)
            if changed is not None:
                frame_ms.append((changed - t0) / 1e6)
    finally:
        frames.close()
        bridge.close()
        home.goto_home()
        sim.stop()
        app.processEvents()

    def summary(values: list[float]) -> dict:
        return {"n": len(values), "p50_ms": round(percentile(values, 50) or -1, 1),
                "p95_ms": round(percentile(values, 95) or -1, 1)}

    return {"auth": auth, "key_to_wire": summary(wire_ms), "key_to_changed_frame": summary(frame_ms)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=30)
    parser.add_argument("--auth", action="store_true", help="WS-UsernameToken on (digest per request)")
    args = parser.parse_args(argv)
    print(json.dumps(run(args.presses, args.auth), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
