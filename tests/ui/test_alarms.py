"""The alarms GUI against the simulator's real ONVIF event service: alarm rows, pop-up, handling with a
required comment, "bookmark this", the alarm monitor, event search and unsupported cameras."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from ui.alarms.attach import attach_alarms
from ui.alarms.panel import POPUP_MONITOR
from ui.app import create_application
from ui.main_window import MainWindow
from videowall.events.model import AlarmState, EventKind
from videowall.events.subscriptions import SubscriptionState
from videowall.model.camera import Credentials
from videowall.onvif.saved import add_camera

USER, PASSWORD = "alarm-op", "Al4rm-s3cret"


@pytest.fixture(scope="module")
def alarm_sim(sim_factory):
    """Three quiet cameras; camera 3 has no event service."""
    return sim_factory(cameras=3, user=USER, password=PASSWORD, onvif=True, main_size=(640, 360), fps=5,
                       no_events_cameras=(3,))


@pytest.fixture
def alarms_ui(qtbot, station, alarm_sim):
    create_application(offscreen=True, language="en")
    ids = [add_camera(station.cameras, station.secrets, f"Kamera {n}", alarm_sim.onvif_url(n),
                      Credentials(USER, PASSWORD))[0].id for n in range(1, 4)]
    window = MainWindow(station, [None, None, None, None], extra_screens=False)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    ui = attach_alarms(window)
    qtbot.waitUntil(lambda: ui.controller.service is not None and all(
        (s := ui.controller.service.subscriptions.status(cid)) is not None
        and s.state in (SubscriptionState.SUBSCRIBED, SubscriptionState.NOT_SUPPORTED) for cid in ids), timeout=20_000)
    yield window, ui, ids
    ui.close()
    window.close()


def _row(ui, kind: EventKind, camera_id: int):
    model = ui.panel.model
    for row in range(model.rowCount()):
        alarm = model.alarm(row)
        if alarm.kind is kind and alarm.camera_id == camera_id:
            return alarm
    return None


def test_an_input_on_the_camera_is_an_alarm_row_and_pops_onto_the_chosen_tile(qtbot, alarms_ui, alarm_sim):
    window, ui, ids = alarms_ui
    ui.panel.popup_tile.setValue(3)
    alarm_sim.send_event(2, "input", input="4")
    qtbot.waitUntil(lambda: _row(ui, EventKind.DIGITAL_INPUT, ids[1]) is not None, timeout=15_000)
    alarm = _row(ui, EventKind.DIGITAL_INPUT, ids[1])
    assert (alarm.priority, alarm.state, alarm.source) == (2, AlarmState.NEW, "4")
    row = ui.panel.model.row_of(alarm.id)
    cells = [ui.panel.model.index(row, column).data() for column in range(7)]
    assert cells[:4] == ["2", "new", "Kamera 2", "digital input (4)"] and cells[5] == "1"
    qtbot.waitUntil(lambda: window.wall.cameras()[2] == ids[1], timeout=5000)
    assert ui.popup.shown[-1] == (alarm.id, "tile", 2)


def test_acknowledge_then_close_with_a_required_comment(qtbot, alarms_ui, alarm_sim, station):
    _window, ui, ids = alarms_ui
    alarm_sim.send_event(1, "tamper")
    qtbot.waitUntil(lambda: _row(ui, EventKind.TAMPER, ids[0]) is not None, timeout=15_000)
    alarm = _row(ui, EventKind.TAMPER, ids[0])
    ui.panel.select_alarm(alarm.id)
    ui.panel.acknowledge_button.click()
    qtbot.waitUntil(lambda: _row(ui, EventKind.TAMPER, ids[0]).state is AlarmState.ACKNOWLEDGED, timeout=5000)
    assert _row(ui, EventKind.TAMPER, ids[0]).acknowledged_by == station.operator
    ui.panel.select_alarm(alarm.id)
    dialog = ui.panel.close_selected()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.comment.setPlainText("   ")
    assert not ok.isEnabled()
    dialog.comment.setPlainText("Kamera zasłonięta workiem; patrol wysłany.")
    ok.click()
    qtbot.waitUntil(lambda: _row(ui, EventKind.TAMPER, ids[0]) is None, timeout=5000)
    ui.panel.show_closed.setChecked(True)
    qtbot.waitUntil(lambda: _row(ui, EventKind.TAMPER, ids[0]) is not None, timeout=5000)
    closed = _row(ui, EventKind.TAMPER, ids[0])
    assert closed.state is AlarmState.CLOSED and closed.comment == "Kamera zasłonięta workiem; patrol wysłany."


def test_bookmark_this_prefills_the_alarm_time_range(qtbot, alarms_ui, alarm_sim, station):
    window, ui, ids = alarms_ui
    alarm_sim.send_event(2, "video_loss")
    qtbot.waitUntil(lambda: _row(ui, EventKind.VIDEO_LOSS, ids[1]) is not None, timeout=15_000)
    alarm = _row(ui, EventKind.VIDEO_LOSS, ids[1])
    ui.panel.select_alarm(alarm.id)
    ui.panel.bookmark_button.click()
    qtbot.waitUntil(lambda: len(station.bookmarks().search()) == 1, timeout=10_000)
    bookmark = station.bookmarks().search()[0]
    settings = station.settings
    assert bookmark.camera_ids == (ids[1],) and bookmark.at_utc == alarm.first_utc
    assert (alarm.first_utc - bookmark.start_utc).total_seconds() == settings.bookmark_pre_roll_s
    assert (bookmark.end_utc - alarm.last_utc).total_seconds() >= settings.bookmark_post_roll_s
    assert f"Alarm {alarm.id}" in bookmark.description and "video loss" in bookmark.description
    qtbot.waitUntil(lambda: window.bookmarks.editor(bookmark.id) is not None, timeout=5000)


def test_the_alarm_monitor_takes_the_camera_when_chosen(qtbot, alarms_ui, alarm_sim):
    _window, ui, ids = alarms_ui
    ui.panel.popup_target.setCurrentIndex(ui.panel.popup_target.findData(POPUP_MONITOR))
    alarm_sim.send_event(1, "input", input="8")
    qtbot.waitUntil(lambda: ui.popup.monitor is not None and ui.popup.monitor.isVisible(), timeout=15_000)
    assert ui.popup.monitor.cameras()[0] == ids[0]


def test_a_camera_without_events_is_named_and_the_search_finds_events(qtbot, alarms_ui, alarm_sim):
    _window, ui, ids = alarms_ui
    qtbot.waitUntil(lambda: "Kamera 3" in ui.panel.status.text(), timeout=10_000)
    assert "the camera does not support ONVIF events" in ui.panel.status.text()
    alarm_sim.send_event(2, "input", input="5")
    qtbot.waitUntil(lambda: _row(ui, EventKind.DIGITAL_INPUT, ids[1]) is not None, timeout=15_000)
    search = ui.search
    search.camera.setCurrentIndex(search.camera.findData(ids[1]))
    search.kind.setCurrentIndex(search.kind.findData(EventKind.DIGITAL_INPUT))
    search.search()
    qtbot.waitUntil(lambda: search.table.rowCount() >= 1, timeout=5000)
    assert search.table.item(0, 1).text() == "Kamera 2" and search.table.item(0, 5).text() == "5"
    with qtbot.waitSignal(search.playback_requested, timeout=2000) as asked:
        search.table.cellDoubleClicked.emit(0, 0)
    assert asked.args[0] == ids[1]
