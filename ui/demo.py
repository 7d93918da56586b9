"""`videowall demo`: the operator's full window on the built-in simulator's cameras (street scenes with the time
burned in), with an hour of recorded footage and a few bookmarks, in a throw-away data dir."""

from __future__ import annotations

import logging
import shutil
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from ui.demo_content import DemoFootage, add_demo_bookmarks
from ui.runner import run_wall
from videowall.sim.simulator import SimulatorProcess
from videowall.station import Station

log = logging.getLogger(__name__)

DEMO_PLACES = [
    ("Śródmieście", "Rynek Główny"), ("Śródmieście", "ul. Floriańska"), ("Śródmieście", "Plac Nowy"),
    ("Podgórze", "Rondo Grunwaldzkie"), ("Podgórze", "ul. Kalwaryjska"), ("Nowa Huta", "Plac Centralny"),
    ("Nowa Huta", "al. Róż"), ("Krowodrza", "ul. Królewska"), ("Krowodrza", "Park Jordana"),
    ("Dębniki", "Bulwar Wołyński"), ("Dębniki", "ul. Konopnickiej"), ("Bronowice", "Pętla Bronowice"),
    ("Prądnik", "ul. Opolska"), ("Czyżyny", "Rondo Czyżyńskie"), ("Zwierzyniec", "Błonia"),
    ("Grzegórzki", "Rondo Mogilskie"),
]


def register_demo_cameras(station: Station, sim: SimulatorProcess, count: int) -> list[int]:
    """Save the simulator's cameras; its PTZ cameras are onboarded through ONVIF (as an installer would)."""
    from videowall.onvif.saved import add_camera

    ids = []
    for i in range(1, count + 1):
        district, place = DEMO_PLACES[(i - 1) % len(DEMO_PLACES)]
        if i in sim.ptz_cameras:
            camera, _report = add_camera(station.cameras, None, f"PTZ {i:02d}", sim.onvif_url(i), None)
            camera = station.cameras.update(camera.id, location=place, group=district)
        else:
            camera = station.cameras.add(name=f"CAM {i:02d}", main_url=sim.url(i, "main"),
                                         sub_url=sim.url(i, "sub"), location=place, group=district)
        ids.append(camera.id)
    return ids


def footage_cameras(station: Station, ids: list[int]) -> list[tuple[int, int, str]]:
    """(camera id, simulator camera number, name) of the demo cameras, for their recorded footage."""
    names = {camera.id: camera.name for camera in station.cameras.list()}
    return [(camera_id, number, names[camera_id]) for number, camera_id in enumerate(ids, start=1)]


def run_demo(cameras: int = 9, port: int = 0, offscreen: bool = False, seconds: float | None = None,
             report: Path | None = None, data_dir: Path | None = None, language: str | None = None) -> int:
    temp_dir = None if data_dir else Path(tempfile.mkdtemp(prefix="videowall-demo-"))
    root = data_dir or temp_dir
    station = Station.open(root, secrets_kind="memory")
    sim = footage = None
    try:
        sim = SimulatorProcess(cameras=cameras, port=port, ptz_cameras=(1,), look="scene",
                               timezone=station.settings.timezone,
                               max_seconds=None if seconds is None else seconds + 60)
        sim.start()
        ids = register_demo_cameras(station, sim, cameras)
        now = datetime.now(timezone.utc).replace(microsecond=0)
        add_demo_bookmarks(station, ids, now)
        footage = DemoFootage(station, footage_cameras(station, ids), now)
        footage.start()
        return run_wall(station, ids, offscreen=offscreen, seconds=seconds, report=report, language=language,
                        main_window=True)
    finally:
        started = time.monotonic()
        if footage is not None:
            footage.stop()
        station.close()
        if sim is not None:
            sim.stop()
        if temp_dir is not None:
            shutil.rmtree(temp_dir, ignore_errors=True)
        log.info("demo shut down in %.2f s", time.monotonic() - started)
