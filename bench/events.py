"""Events benchmark against the simulator's ONVIF event service (SOAP over HTTP on 127.0.0.1).

1. Latency: an event on the camera's wire → its alarm row in the alarm list (a real AlarmsPanel, offscreen,
   through subscriptions → alarm engine → SQLite → queued signal → table model). "On the wire" is when the
   simulator built the PullMessages reply carrying the event (epoch ns, same machine clock). Baseline in the
   same run: the same events read by a bare PullPointSession loop (wire → parsed, no engine, DB or Qt).
2. A storm (1,000 events a second from one camera for 3 s): gaps between the ticks of a 10 ms GUI timer
   during it against the same gaps just before it, and the storm shown as one alarm counting every event.
3. Idle cost: N cameras subscribed (long-poll PullMessages), CPU of this process in % of one core and its
   thread count, against the same process idle before subscribing.

    .venv/bin/python -m bench.events [--events 30] [--cameras 100] [--idle-seconds 30]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("VIDEOWALL_KEYRING", "memory")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402

from bench.measure import percentile, process_cpu_s  # noqa: E402
from ui.alarms.controller import AlarmsController  # noqa: E402
from ui.alarms.panel import AlarmsPanel  # noqa: E402
from ui.app import create_application  # noqa: E402
from videowall.events.model import EventKind  # noqa: E402
from videowall.events.subscriptions import SubscriptionState  # noqa: E402
from videowall.events.topics import parse_notification  # noqa: E402
from videowall.model.camera import Credentials  # noqa: E402
from videowall.onvif.events import PullPointSession, new_http_client  # noqa: E402
from videowall.onvif.saved import add_camera  # noqa: E402
from videowall.sim.simulator import SimulatorProcess  # noqa: E402
from videowall.station import Station  # noqa: E402

USER, PASSWORD = "bench", "bench-pw-123"
STORM_PER_S, STORM_S = 1000, 3
TICK_MS = 10


def _summary(values: list[float]) -> dict:
    return {"n": len(values), "p50_ms": round(percentile(values, 50) or -1, 1),
            "p95_ms": round(percentile(values, 95) or -1, 1)}


def _wait(condition, what: str, timeout_s: float = 30.0, app=None):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if app is not None:
            app.processEvents()
        value = condition()
        if value:
            return value
        time.sleep(0.001)
    raise RuntimeError(f"timed out waiting for {what}")


def bare_pull_latency(sim: SimulatorProcess, events: int) -> list[float]:
    """Baseline: wire → parsed by a bare PullPointSession loop on its own event loop."""
    parsed_ns: dict[int, int] = {}
    stop = threading.Event()

    async def loop() -> None:
        async with new_http_client() as http:
            session = PullPointSession(http, sim.onvif_url(1), Credentials(USER, PASSWORD), pull_timeout_s=5)
            await session.open()
            while not stop.is_set():
                for message in await session.pull():
                    event = parse_notification(message, 1, session.clock_offset, datetime.now(timezone.utc))
                    seq = event.data.get("data.SimSeq")
                    if seq:
                        parsed_ns[int(seq)] = time.time_ns()
            await session.close()

    thread = threading.Thread(target=asyncio.run, args=(loop(),), daemon=True)
    thread.start()
    seqs = []
    time.sleep(1.0)                          # subscribed (the first pull is under way)
    for i in range(events):
        seqs.append(sim.send_event(1, "input", input=f"base{i}"))
        _wait(lambda s=seqs[-1]: s in parsed_ns, "the baseline event")
    stop.set()
    sent = sim.events_sent()
    thread.join(10)
    return [(parsed_ns[s] - sent[s]) / 1e6 for s in seqs]


def alarm_row_latency(sim: SimulatorProcess, events: int, data_dir: Path) -> list[float]:
    app = create_application(offscreen=True, language="en")
    station = Station.open(data_dir, secrets_kind="memory")
    camera, _ = add_camera(station.cameras, station.secrets, "Bench", sim.onvif_url(1), Credentials(USER, PASSWORD))
    controller = AlarmsController(station)
    panel = AlarmsPanel(controller)
    panel.resize(900, 400)
    panel.show()
    row_ns: dict[str, int] = {}

    def on_reset() -> None:
        now = time.time_ns()
        for row in range(panel.model.rowCount()):
            alarm = panel.model.alarm(row)
            if alarm.kind is EventKind.DIGITAL_INPUT:
                row_ns.setdefault(alarm.source, now)

    panel.model.modelReset.connect(on_reset)
    controller.start()
    _wait(lambda: controller.service is not None and (s := controller.service.subscriptions.status(camera.id))
          is not None and s.state is SubscriptionState.SUBSCRIBED, "the subscription", app=app)
    app.processEvents()
    time.sleep(0.5)
    seqs = {}
    try:
        for i in range(events):
            source = f"b{i}"
            seqs[source] = sim.send_event(1, "input", input=source)
            _wait(lambda s=source: s in row_ns, "the alarm row", app=app)
        sent = sim.events_sent()
        calm = _gui_gaps_ms(STORM_S)
        sim.send_event(1, "storm", count=int(STORM_PER_S * STORM_S), per_s=STORM_PER_S)
        storm = _gui_gaps_ms(STORM_S)
        storm_alarm = _wait(lambda: next((a for a in controller.service.store.alarms()
                                          if a.source == "storm" and a.count == STORM_PER_S * STORM_S // 2), None),
                            "the storm's alarm with every event counted", app=app)
        storm_rows = sum(1 for row in range(panel.model.rowCount()) if panel.model.alarm(row).source == "storm")
    finally:
        controller.close()
        panel.close()
        station.close()
    gui = {"storm_events_per_s": STORM_PER_S, "storm_s": STORM_S, "gui_tick_gap_calm": _gap_summary(calm),
           "gui_tick_gap_storm": _gap_summary(storm), "storm_alarm_count": storm_alarm.count,
           "storm_alarm_rows": storm_rows}
    return [(row_ns[source] - sent[seq]) / 1e6 for source, seq in seqs.items()], gui


def _gui_gaps_ms(seconds: float) -> list[float]:
    """Gaps between the ticks of a 10 ms GUI timer while the event loop runs for ``seconds``."""
    gaps, last = [], [time.monotonic()]

    def tick() -> None:
        now = time.monotonic()
        gaps.append((now - last[0]) * 1000)
        last[0] = now

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    timer.start()
    loop.exec()
    timer.stop()
    return gaps


def _gap_summary(gaps: list[float]) -> dict:
    return {"p50_ms": round(percentile(gaps, 50) or -1, 1), "p95_ms": round(percentile(gaps, 95) or -1, 1),
            "max_ms": round(max(gaps), 1) if gaps else -1}


def _threads() -> int:
    return len(os.listdir("/proc/self/task"))


def _thread_names() -> list[str]:
    return sorted(thread.name for thread in threading.enumerate())


def idle_cost(cameras: int, seconds: float, data_dir: Path) -> dict:
    sim = SimulatorProcess(cameras=cameras, onvif=True, user=USER, password=PASSWORD, main_size=(640, 360),
                           fps=5, max_seconds=seconds * 3 + 300)
    sim.start()
    station = Station.open(data_dir, secrets_kind="memory")
    try:
        for n in range(1, cameras + 1):
            add_camera(station.cameras, station.secrets, f"Cam {n}", sim.onvif_url(n), Credentials(USER, PASSWORD))
        before_threads = _threads()
        cpu0, t0 = process_cpu_s(os.getpid()), time.monotonic()
        time.sleep(seconds)
        baseline = (process_cpu_s(os.getpid()) - cpu0) / (time.monotonic() - t0)
        service = station.events()
        service.subscribe_all()
        _wait(lambda: sum(1 for s in service.subscriptions.statuses().values()
                          if s.state is SubscriptionState.SUBSCRIBED) == cameras, "every subscription", 120)
        time.sleep(2.0)                      # the first pulls of every camera are under way
        cpu0, t0 = process_cpu_s(os.getpid()), time.monotonic()
        time.sleep(seconds)
        subscribed = (process_cpu_s(os.getpid()) - cpu0) / (time.monotonic() - t0)
        threads, names = _threads(), _thread_names()
        pulls = len([r for r in _requests(sim) if r[3] == "PullMessages"])
    finally:
        station.close()
        sim.stop()
    return {"cameras": cameras, "window_s": seconds, "cpu_idle_before_pct": round(baseline * 100, 2),
            "cpu_subscribed_pct": round(subscribed * 100, 2),
            "cpu_added_pct": round((subscribed - baseline) * 100, 2),
            "threads_before": before_threads, "threads_subscribed": threads, "python_threads": names,
            "pull_requests_logged": pulls}


def _requests(sim: SimulatorProcess) -> list:
    with urllib.request.urlopen(f"http://127.0.0.1:{sim.onvif_port}/sim/requests", timeout=5) as reply:
        return json.loads(reply.read())


def run(events: int, cameras: int, idle_seconds: float) -> dict:
    with tempfile.TemporaryDirectory(prefix="videowall-bench-events-") as tmp:
        sim = SimulatorProcess(cameras=1, onvif=True, user=USER, password=PASSWORD, main_size=(640, 360), fps=5,
                               max_seconds=900)
        sim.start()
        try:
            baseline = bare_pull_latency(sim, events)
            product, storm = alarm_row_latency(sim, events, Path(tmp) / "latency")
        finally:
            sim.stop()
        idle = idle_cost(cameras, idle_seconds, Path(tmp) / "idle")
    base, full = _summary(baseline), _summary(product)
    return {"wire_to_parsed_bare": base, "wire_to_alarm_row": full,
            "ratio_p50": round(full["p50_ms"] / base["p50_ms"], 2) if base["p50_ms"] > 0 else None,
            "storm": storm, "idle": idle}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=30)
    parser.add_argument("--cameras", type=int, default=100)
    parser.add_argument("--idle-seconds", type=float, default=30.0)
    args = parser.parse_args(argv)
    print(json.dumps(run(args.events, args.cameras, args.idle_seconds), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
