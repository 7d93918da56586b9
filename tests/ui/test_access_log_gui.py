"""The access log in the GUI (offscreen, real widgets, a real station database): the reason dialog, playback that
asks for it and logs each camera's session, and the supervisor's access log screen."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtWidgets import QDialogButtonBox

from tests.fixtures.clock import FakeClock
from tests.fixtures.segments import write_segments
from ui.access.access_log_dialog import AccessLogDialog
from ui.access.reason_dialog import ReasonDialog, ShiftCaseMemory, ask_purpose, what_text
from ui.app import create_application
from ui.recording_controller import RecordingController
from videowall.access.purpose import NO_PURPOSE, Purpose, ViewKind
from videowall.access.roles import Role
from videowall.recording.timebase import to_us

PASSWORD = "Zmiana-nocna-2026"
START = datetime(2026, 11, 21, 21, 0, tzinfo=timezone.utc)


def _people(station):
    gate = station.cameras.add("Brama", "rtsp://127.0.0.1:9/gate", group="Ratusz")
    station.users.add("kpp", "Kamil Policja", Role.POLICE, PASSWORD, groups=("Ratusz",))
    station.users.add("sup", "Stefan Ul", Role.SUPERVISOR, PASSWORD)
    station.users.add("op", "Olga Pol", Role.OPERATOR, PASSWORD)
    return gate


def test_the_reason_dialog_needs_both_fields_and_speaks_polish(qtbot):
    create_application(offscreen=True, language="pl")
    try:
        dialog = ReasonDialog(what_text(ViewKind.PLAYBACK, ["Brama"]), "RSD 9/26")
        qtbot.addWidget(dialog)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert dialog.windowTitle() == "Powód dostępu" and dialog.case_edit.text() == "RSD 9/26"
        assert not ok.isEnabled()
        qtbot.keyClicks(dialog.reason_edit, "  rower   skradziony")
        assert ok.isEnabled()
        dialog.case_edit.clear()
        assert not ok.isEnabled()
        dialog.case_edit.setText("RSD 10/26")
        assert dialog.purpose() == Purpose("rower skradziony", "RSD 10/26")
    finally:
        create_application(offscreen=True, language="en")


def test_the_case_number_is_remembered_for_the_shift_only(station):
    clock = FakeClock(datetime(2026, 6, 30, 5, 0, tzinfo=timezone.utc))     # 07:00 in Warsaw, the day shift
    memory = ShiftCaseMemory(station, clock)
    memory.remember("RSD 1/26")
    clock.advance(10 * 3600)                                                  # 17:00: the same shift
    assert memory.last() == "RSD 1/26"
    clock.advance(2 * 3600)                                                   # 19:00: the night shift
    assert memory.last() == ""


def test_no_dialog_where_no_reason_is_required(qtbot, station):
    create_application(offscreen=True, language="en")
    _people(station)
    station.login("op", PASSWORD)
    assert ask_purpose(station, ViewKind.PLAYBACK, ["Brama"], ShiftCaseMemory(station)) is NO_PURPOSE


def _view_actions(station):
    with station.audit() as log:
        return [(e.action, e.details) for e in log.entries(action_prefix="view.")]


def test_police_playback_asks_the_reason_and_logs_the_session(qtbot, station, packets):
    create_application(offscreen=True, language="en")
    gate = _people(station)
    write_segments(station.recording_service().store, gate.id, START, [0, 2, 4], packets)
    station.login("kpp", PASSWORD)
    answers = [None, Purpose.of("kradzież roweru", "RSD 3/26")]
    asked = []
    controller = RecordingController(station, ask_purpose=lambda names: asked.append(names) or answers.pop(0))
    opened = []
    controller.playback_opened.connect(opened.append)
    try:
        controller.open_playback([gate.id], to_us(START + timedelta(seconds=1)))   # cancelled: nothing opens
        assert asked == [["Brama"]] and _view_actions(station) == []
        controller.open_playback([gate.id], to_us(START + timedelta(seconds=1)))
        qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
        playback = opened[0]
        qtbot.waitUntil(lambda: playback.seen_us is not None, timeout=15_000)
        playback.close()
        qtbot.waitUntil(lambda: len(_view_actions(station)) == 2, timeout=10_000)
    finally:
        controller.close()
    (started, start), (ended, end) = _view_actions(station)
    assert (started, ended) == ("view.started", "view.ended")
    assert (start["kind"], start["reason"], start["case_number"], start["role"]) == (
        "playback", "kradzież roweru", "RSD 3/26", "police")
    assert end["footage_from_utc"].startswith("2026-11-21T21:00:0")


def test_police_playback_without_a_reason_is_refused_by_the_core(qtbot, station):
    create_application(offscreen=True, language="en")
    gate = _people(station)
    station.login("kpp", PASSWORD)
    controller = RecordingController(station, ask_purpose=lambda names: NO_PURPOSE)   # a dialog bypassed
    warnings = []
    controller.warnings_changed.connect(warnings.append)
    try:
        controller.open_playback([gate.id], to_us(START))
        qtbot.waitUntil(lambda: bool(warnings), timeout=10_000)
    finally:
        controller.close()
    assert "requires a reason and a case number to play back" in warnings[-1][-1]
    assert _view_actions(station) == []


def test_the_supervisor_screen_lists_and_filters_sessions(qtbot, station):
    create_application(offscreen=True, language="en")
    gate = _people(station)
    square = station.cameras.add("Rynek", "rtsp://127.0.0.1:9/square")
    station.login("kpp", PASSWORD)
    ticket = station.begin_view(ViewKind.LIVE, gate.id, Purpose.of("pościg", "RSD 4/26"))
    station.end_view(ticket)
    station.lock()
    station.login("op", PASSWORD)
    station.begin_view(ViewKind.LIVE, square.id)
    dialog = AccessLogDialog(station)
    qtbot.addWidget(dialog)
    dialog.search()                                   # an operator may not read it: the core says why
    qtbot.waitUntil(lambda: dialog.search_button.isEnabled(), timeout=10_000)
    assert "may not read the access log" in dialog.status.text() and dialog.table.rowCount() == 0
    station.lock()
    station.login("sup", PASSWORD)
    dialog.search()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=10_000)
    cells = [dialog.table.item(0, column).text() for column in range(8)]
    assert cells[1:3] == ["live", "Brama"] and cells[4] == "Kamil Policja (police viewer)"
    assert cells[6:] == ["RSD 4/26", "pościg"]
    assert dialog.table.item(1, 0).text().endswith("not closed")
    assert "Times in Europe/Warsaw" in dialog.status.text()
    dialog.camera_combo.setCurrentIndex(dialog.camera_combo.findText("Rynek"))
    dialog.search()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10_000)
    assert dialog.table.item(0, 4).text() == "Olga Pol (operator)"


def test_live_sessions_follow_the_wall_and_the_person(qtbot, station):
    from ui.access.live_log import LiveViewLog

    create_application(offscreen=True, language="en")
    gate = _people(station)
    square = station.cameras.add("Rynek", "rtsp://127.0.0.1:9/square", group="Ratusz")
    station.login("kpp", PASSWORD)
    asked = []
    live = LiveViewLog(station, lambda names: asked.append(list(names)) or Purpose.of("pościg", "RSD 5/26"))
    refusals = []
    live.refused.connect(refusals.append)
    live.wall_shows(1, [gate.id, None, square.id])
    live.wall_shows(2, [gate.id])                      # the same camera on a second wall: one session
    live.wall_shows(1, [None, None, square.id])        # still on wall 2: its session goes on
    live.wall_shows(2, [])                             # off every wall: it ends
    qtbot.waitUntil(lambda: len(_view_actions(station)) == 3, timeout=10_000)
    assert asked == [["Brama", "Rynek"]]               # once per login
    station.lock()
    live.person_changed()                              # the police viewer's session of Rynek ends
    station.login("op", PASSWORD)
    live.person_changed()                              # the operator's begins, without a reason
    live.close()
    actions = _view_actions(station)
    assert [(a, d.get("camera_id"), d.get("role")) for a, d in actions] == [
        ("view.started", gate.id, "police"), ("view.started", square.id, "police"), ("view.ended", gate.id, None),
        ("view.ended", square.id, None), ("view.started", square.id, "operator"), ("view.ended", square.id, None)]
    assert actions[0][1]["reason"] == "pościg" and asked == [["Brama", "Rynek"]] and refusals == []


def test_live_without_the_reason_is_not_logged_and_says_why(qtbot, station):
    from ui.access.live_log import LiveViewLog

    create_application(offscreen=True, language="en")
    gate = _people(station)
    station.login("kpp", PASSWORD)
    live = LiveViewLog(station, lambda names: None)    # the police viewer cancelled the dialog
    refusals = []
    live.refused.connect(refusals.append)
    live.wall_shows(1, [gate.id])
    qtbot.waitUntil(lambda: bool(refusals), timeout=10_000)
    live.close()
    assert "to watch this live video" in refusals[0].user_message and _view_actions(station) == []


def test_the_menu_opens_the_access_log_for_supervisors_only(qtbot, station):
    from ui.main_window import MainWindow

    create_application(offscreen=True, language="en")
    gate = _people(station)
    station.login("op", PASSWORD)
    station.begin_view(ViewKind.LIVE, gate.id)
    window = MainWindow(station, [None], extra_screens=False)
    qtbot.addWidget(window)
    action = next(a for a in window.menus["incidents"].actions() if a.text() == "Access log…")
    action.trigger()
    assert "may not read the access log" in window.statusBar().currentMessage()
    assert window.access_log_dialog is None
    station.lock()
    station.login("sup", PASSWORD)
    action.trigger()
    dialog = window.access_log_dialog
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10_000)
    dialog.close()
    window.close()
