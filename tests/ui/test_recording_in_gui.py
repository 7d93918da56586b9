"""Recording inside the GUI app, against the real simulator: marked cameras record, playback opens on them."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from ui.i18n import I18N_DIR
from ui.recording_controller import RecordingController
from videowall.model.camera import Profile
from videowall.recording.recorder_types import RecorderState


def test_marked_camera_records_and_playback_opens_on_it(qtbot, station, sim_factory):
    sim = sim_factory(cameras=1)
    cam = station.cameras.add(name="Rynek", main_url=sim.url(1, "main"), sub_url=sim.url(1, "sub"),
                              record=True, record_profile=Profile.SUB)
    controller = RecordingController(station)
    warnings = []
    controller.warnings_changed.connect(warnings.append)
    assert controller.start_if_configured()
    qtbot.waitUntil(lambda: station.recording is not None and any(
        r.state is RecorderState.RECORDING for r in station.recording.status().recorders), timeout=20_000)
    qtbot.waitUntil(lambda: station.recording.store.segment_count() >= 1, timeout=20_000)
    with qtbot.waitSignal(controller.playback_opened, timeout=10_000) as opened:
        controller.open_playback([cam.id, None])
    window = opened.args[0]
    qtbot.addWidget(window)
    assert [tile.camera_id for tile in window.tiles] == [cam.id]
    window.back_to_live_requested.emit()
    assert not window.isVisible()
    assert warnings in ([], [[]])           # nothing went wrong: no warning was shown
    controller.close()


def test_nothing_records_when_no_camera_is_marked(station):
    station.cameras.add(name="Plac", main_url="rtsp://127.0.0.1:9/x")
    assert not RecordingController(station).start_if_configured()
    assert station.recording is None


def test_every_playback_text_has_a_polish_translation():
    sources = set()
    for module in (Path(__file__).resolve().parents[2] / "ui" / "playback").glob("*.py"):
        sources |= set(re.findall(r'\btr\("([^"]+)"\)', module.read_text(encoding="utf-8")))
    root = ET.parse(I18N_DIR / "playback_pl.ts").getroot()
    translated = {m.findtext("source") for m in root.iter("message") if m.findtext("translation")}
    assert sources and sources <= translated
