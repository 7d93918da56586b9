"""Views on keys and the next tour step are pre-opened, so recalling them opens no session and starts from the
kept GOP; views neither shown nor warm are closed. Real wall, real simulator, real ViewStore."""

from __future__ import annotations

import pytest

from tests.ui.conftest import add_sim_cameras
from tests.ui.test_wall_views import wait_shows
from ui.views.views_panel import ViewsPanel
from ui.views.warmup import ViewWarmup
from ui.wall.tour import Tour
from videowall.media.types import SessionState
from videowall.model.camera import Profile
from videowall.model.layout import uniform
from tests.fixtures.clock import FakeClock
from videowall.storage.views import View

WAIT_MS = 20_000


@pytest.fixture
def warm_wall(qtbot, station, simulator, open_wall):
    ids = add_sim_cameras(station, simulator, 9)
    station.views.save(View("North", uniform(2), tuple(ids[0:4]), hotkey=2))
    station.views.save(View("South", uniform(2), tuple(ids[4:8]), hotkey=3))
    station.views.save(View("Gate", uniform(1), (ids[8],)))                  # no key: not pre-opened
    wall = open_wall(ids[0:4], size=(1280, 720))                             # 2×2 tiles of 639×359: sub
    warmup = ViewWarmup(station.supervisor, station.views)
    warmup.watch(wall)
    yield ids, wall, warmup
    warmup.deleteLater()


def test_a_keyed_view_is_warm_and_recalling_it_opens_no_session(qtbot, station, simulator, warm_wall):
    ids, wall, _ = warm_wall
    sup = station.supervisor
    wait_shows(qtbot, wall, [1, 2, 3, 4], watch_black=False)
    qtbot.waitUntil(lambda: all(sup.is_warm(cam, Profile.SUB) for cam in ids[4:8]), timeout=WAIT_MS)
    assert not sup.is_warm(ids[8], Profile.MAIN) and not sup.is_warm(ids[8], Profile.SUB)
    qtbot.waitUntil(lambda: sup.stats().warm_ready == 4, timeout=WAIT_MS)    # each holds a GOP
    before = sup.stats()

    south = station.views.get("South")
    wall.show_view(south.layout, south.cameras)
    assert all(t.current_frame is not None for t in wall.tiles), "a switched tile went black"
    black = wait_shows(qtbot, wall, [5, 6, 7, 8])
    assert not black, f"tiles {sorted(set(black))} showed black during the switch"
    after = sup.stats()
    assert after.sessions_opened == before.sessions_opened, "the switch opened new sessions"
    assert after.gop_starts - before.gop_starts >= 4, "tiles waited for a keyframe instead of the kept GOP"
    # The view left behind is on a key too: its sessions stay open, decoders idle.
    assert all(sup.is_warm(cam, Profile.SUB) for cam in ids[0:4]) and sup.session_count() == 8
    qtbot.waitUntil(lambda: sup.live_decoder_count() == 4, timeout=WAIT_MS)


def test_a_view_neither_shown_nor_warm_is_closed_after_the_switch(qtbot, station, simulator, warm_wall):
    ids, wall, _ = warm_wall
    sup = station.supervisor
    gate = station.views.get("Gate")
    wall.show_view(gate.layout, gate.cameras)                                # one big tile: main stream
    wait_shows(qtbot, wall, [9], watch_black=False)
    assert sup.session_status(ids[8], Profile.MAIN).state is SessionState.LIVE
    north = station.views.get("North")
    wall.show_view(north.layout, north.cameras)
    assert sup.session_status(ids[8], Profile.MAIN).state is SessionState.STOPPED
    wait_shows(qtbot, wall, [1, 2, 3, 4])
    qtbot.waitUntil(lambda: sup.session_count() == 8, timeout=WAIT_MS)        # North shown + South warm


def test_the_next_tour_step_is_warm_and_a_hidden_wall_warms_nothing(qtbot, station, simulator, warm_wall):
    ids, wall, _ = warm_wall
    sup = station.supervisor
    clock = FakeClock()
    wall.view_tour = Tour(["North", "Gate"], dwell_s=30, clock=clock)        # shows North, Gate comes next
    qtbot.waitUntil(lambda: sup.is_warm(ids[8], Profile.MAIN), timeout=WAIT_MS)
    wall.set_tile_tour(0, Tour([ids[0], ids[8]], dwell_s=10, clock=clock))  # tile 0 shows camera 9 next: sub
    qtbot.waitUntil(lambda: sup.is_warm(ids[8], Profile.SUB), timeout=WAIT_MS)
    wall.view_tour = None
    qtbot.waitUntil(lambda: not sup.is_warm(ids[8], Profile.MAIN), timeout=WAIT_MS)
    assert sup.session_status(ids[8], Profile.MAIN).state is SessionState.STOPPED
    wall.hide()
    qtbot.waitUntil(lambda: sup.stats().warm_sessions == 0, timeout=WAIT_MS)
    assert sup.session_count() == 4                                           # the wall's own cameras


def test_a_view_put_on_a_key_is_warmed_when_the_views_panel_reloads(qtbot, station, simulator, warm_wall):
    ids, wall, warmup = warm_wall
    panel = ViewsPanel(station.views)
    qtbot.addWidget(panel)
    panel.views_changed.connect(warmup.schedule)
    qtbot.waitUntil(lambda: station.supervisor.is_warm(ids[4], Profile.SUB), timeout=WAIT_MS)
    assert not station.supervisor.is_warm(ids[8], Profile.MAIN)
    station.views.save(View("Gate", uniform(1), (ids[8],), hotkey=4))      # a full-wall tile: main stream
    panel.reload()
    qtbot.waitUntil(lambda: station.supervisor.is_warm(ids[8], Profile.MAIN), timeout=WAIT_MS)
    assert "Gate" in panel.names()
