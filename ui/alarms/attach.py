"""Puts the alarms feature into the operator's main window: one dock with the alarm list and the event
search, the pop-up behaviour, and "bookmark this" through the main window's bookmarks controller."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QTabWidget

from ui.alarms.controller import AlarmsController
from ui.alarms.panel import AlarmsPanel
from ui.alarms.popup import AlarmPopup
from ui.alarms.search_panel import EventSearchPanel
from ui.alarms.texts import camera_text, kind_text, tr
from videowall.model.bookmark import MAX_ROLL_S
from videowall.events.model import Alarm
from videowall.runtime.errors import VideowallError


@dataclass
class AlarmsUi:
    controller: AlarmsController
    panel: AlarmsPanel
    search: EventSearchPanel
    popup: AlarmPopup

    def close(self) -> None:
        self.popup.close()
        self.controller.close()


def attach_alarms(main_window) -> AlarmsUi:
    """Build, dock and start (subscribing to the cameras on a worker); the caller closes it."""
    controller = AlarmsController(main_window.station, main_window)
    panel = AlarmsPanel(controller)
    search = EventSearchPanel(controller, main_window.clock)
    tabs = QTabWidget()
    tabs.addTab(panel, tr("Alarms"))
    tabs.addTab(search, tr("Events"))
    dock = main_window.add_dock(tabs, tr("Alarms"), Qt.DockWidgetArea.BottomDockWidgetArea, key="alarms")
    dock.toggleViewAction().setShortcut(QKeySequence("Ctrl+Shift+A"))
    popup = AlarmPopup(main_window, panel, controller)
    panel.show_camera_requested.connect(main_window.put_camera)
    panel.bookmark_requested.connect(lambda alarm: bookmark_alarm(main_window.bookmarks, alarm, main_window))
    controller.start()
    return AlarmsUi(controller, panel, search, popup)


def bookmark_alarm(bookmarks, alarm: Alarm, parent=None) -> None:
    """A bookmark over the alarm's time range (the station's pre- and post-roll around it), described by the
    alarm; its edit dialog opens so the operator can complete it."""
    station = bookmarks.station
    settings = station.settings
    names = {camera.id: camera.name for camera in station.cameras.list()}
    try:
        place = station.cameras.get(alarm.camera_id).location
    except VideowallError:     # a removed camera: the bookmark is still made, without a place
        place = ""
    span_s = (alarm.last_utc - alarm.first_utc).total_seconds()
    description = (tr("Alarm %1: %2 on %3, %4 events").replace("%1", str(alarm.id))
                   .replace("%2", kind_text(alarm.kind)).replace("%3", camera_text(alarm.camera_id, names))
                   .replace("%4", str(alarm.count)))
    operator = bookmarks.operator

    def create(store):
        return store.create(at_utc=alarm.first_utc, camera_ids=(alarm.camera_id,),
                            category=settings.bookmark_categories[0], operator=operator, description=description,
                            place=place, pre_roll_s=settings.bookmark_pre_roll_s,
                            post_roll_s=min(MAX_ROLL_S, span_s + settings.bookmark_post_roll_s))

    def created(bookmark) -> None:
        bookmarks.created.emit(bookmark)
        bookmarks.edit(bookmark, parent)

    bookmarks.call(create, created, announce=True)
