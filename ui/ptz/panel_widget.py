"""The PTZ panel: joystick (speed by distance), zoom buttons, home, presets (go to, save, rename, delete).

Every action goes through the ``PtzBridge`` (never a SOAP call on the GUI thread); errors from the camera
are shown in the panel's status line, one at a time (no dialogs). GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QInputDialog, QLabel, QListWidget,
                               QListWidgetItem, QPushButton, QVBoxLayout, QWidget)

from ui.i18n.core import core_text
from ui.ptz.bridge import PtzBridge
from ui.ptz.tile_controller import velocity_for_drag
from ui.ptz.tour_widget import PtzTourWidget
from videowall.onvif.ptz_queue import PtzAction
from videowall.onvif.store import PtzTour
from videowall.onvif.types import PtzPreset
from videowall.runtime.clock import SYSTEM_CLOCK, Clock
from videowall.runtime.errors import VideowallError


class JoystickWidget(QWidget):
    """A round pad: press and drag; velocity grows with the distance from the centre; release → stop."""

    moved = Signal(float, float)
    released = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(120, 120)
        self._knob: QPointF | None = None

    def _centre(self) -> QPointF:
        return QPointF(self.width() / 2, self.height() / 2)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.mouseMoveEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._knob = event.position()
        self.moved.emit(*velocity_for_drag(event.position() - self._centre(), min(self.width(), self.height()) / 2))
        self.update()

    def mouseReleaseEvent(self, _event: QMouseEvent) -> None:
        self._knob = None
        self.released.emit()
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        radius = min(self.width(), self.height()) / 2 - 2
        painter.setBrush(QColor(60, 60, 60))
        painter.drawEllipse(self._centre(), radius, radius)
        painter.setBrush(QColor(200, 200, 200))
        painter.drawEllipse(self._knob or self._centre(), radius / 4, radius / 4)


SaveTour = Callable[[int, str, list[str], float], PtzTour]


class PtzPanelWidget(QWidget):
    """Controls one camera at a time (``set_camera``). ``save_tour(camera, name, tokens, dwell_s)`` stores a
    tour (quick SQLite write); without it the panel only runs tours it is given."""

    def __init__(self, bridge: PtzBridge, clock: Clock = SYSTEM_CLOCK, parent: QWidget | None = None,
                 save_tour: SaveTour | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._save_tour = save_tour
        self._tours: list[PtzTour] = []
        self.camera_id: int | None = None
        self.tour = PtzTourWidget(bridge, clock, self)
        self.joystick = JoystickWidget(self)
        self.zoom_in, self.zoom_out = QPushButton("+", self), QPushButton("−", self)
        self.home = QPushButton(self.tr("Home"), self)
        self.presets = QListWidget(self)
        self.presets.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.go_to = QPushButton(self.tr("Go to"), self)
        self.save = QPushButton(self.tr("Save position…"), self)
        self.rename = QPushButton(self.tr("Rename…"), self)
        self.delete = QPushButton(self.tr("Delete"), self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self._layout()
        self.joystick.moved.connect(lambda pan, tilt: self._move(pan, tilt, 0.0))
        self.joystick.released.connect(self._stop)
        for button, speed in ((self.zoom_in, 0.5), (self.zoom_out, -0.5)):
            button.pressed.connect(lambda s=speed: self._move(0.0, 0.0, s))
            button.released.connect(self._stop)
        self.home.clicked.connect(lambda: self._send(PtzAction.HOME))
        self.go_to.clicked.connect(self._go_to)
        self.presets.itemDoubleClicked.connect(lambda _item: self._go_to())
        self.save.clicked.connect(self._save)
        self.rename.clicked.connect(self._rename)
        self.delete.clicked.connect(self._delete)
        self.tour.new_tour_requested.connect(self._new_tour)
        self.tour.new.setVisible(save_tour is not None)
        bridge.result_received.connect(self._on_bridge_result_received)
        bridge.error_raised.connect(self._on_bridge_error_raised)

    def _layout(self) -> None:
        zoom = QHBoxLayout()
        for button in (self.zoom_out, self.zoom_in, self.home):
            zoom.addWidget(button)
        actions = QHBoxLayout()
        for button in (self.go_to, self.save, self.rename, self.delete):
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.joystick, 1)
        layout.addLayout(zoom)
        layout.addWidget(self.presets, 1)
        layout.addLayout(actions)
        layout.addWidget(self.tour)
        layout.addWidget(self.status)

    def set_camera(self, camera_id: int | None, tours: list[PtzTour] | tuple[PtzTour, ...] = ()) -> None:
        """Switch cameras: the old one is stopped first, then the new one's presets are asked for."""
        if self.camera_id is not None and self.camera_id != camera_id and self.camera_id not in self.tour.runners:
            self._bridge.stop(self.camera_id, "tile change")     # a patrolling camera keeps going to its preset
        self.camera_id = camera_id
        self._tours = list(tours)
        self.tour.set_camera(camera_id, self._tours)
        self.presets.clear()
        self.status.clear()
        self.setEnabled(camera_id is not None)
        if camera_id is not None:
            self._send(PtzAction.PRESETS)

    def pause_tour_for(self, camera_id: int) -> None:
        """Manual control elsewhere (a tile) of a camera pauses that camera's patrol."""
        self.tour.pause_for_manual(camera_id)

    def show_error(self, message: str) -> None:
        self.status.setText(message)

    def _move(self, pan: float, tilt: float, zoom: float) -> None:
        if self.camera_id is not None:
            self.tour.pause_for_manual()
            self._bridge.move(self.camera_id, pan, tilt, zoom)

    def _stop(self) -> None:
        if self.camera_id is not None:
            self._bridge.stop(self.camera_id, "release")

    def _send(self, kind: PtzAction, *args: object) -> None:
        if self.camera_id is not None:
            self._bridge.submit(self.camera_id, kind, *args)

    def _selected(self) -> PtzPreset | None:
        item = self.presets.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _go_to(self) -> None:
        if (preset := self._selected()) is not None:
            self._send(PtzAction.GOTO, preset.token)

    def _save(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save preset"), self.tr("Preset name:"))
        if ok and name.strip():
            self._send(PtzAction.SET_PRESET, name.strip())

    def _rename(self) -> None:
        preset = self._selected()
        if preset is None:
            return
        # ONVIF has no rename: SetPreset on the token renames it and stores the current position with it.
        name, ok = QInputDialog.getText(self, self.tr("Rename preset"),
                                        self.tr("New name (the preset takes the current position):"),
                                        text=preset.name)
        if ok and name.strip():
            self._send(PtzAction.SET_PRESET, name.strip(), preset.token)

    def _new_tour(self) -> None:
        """A tour over the selected presets (all of them if none is selected), in list order."""
        if self._save_tour is None or self.camera_id is None:
            return
        items = self.presets.selectedItems() or [self.presets.item(i) for i in range(self.presets.count())]
        tokens = [item.data(Qt.ItemDataRole.UserRole).token for item in
                  sorted(items, key=lambda item: self.presets.row(item))]
        if not tokens:
            self.show_error(self.tr("Save some presets first: a tour goes from preset to preset."))
            return
        name, ok = QInputDialog.getText(self, self.tr("New tour"), self.tr("Tour name:"))
        if not ok or not name.strip():
            return
        dwell, ok = QInputDialog.getDouble(self, self.tr("New tour"), self.tr("Seconds at each preset:"),
                                           10.0, 1.0, 3600.0, 1)
        if ok:
            self.add_tour(name.strip(), tokens, dwell)

    def add_tour(self, name: str, tokens: list[str], dwell_s: float) -> None:
        if self._save_tour is None or self.camera_id is None:
            return
        try:
            tour = self._save_tour(self.camera_id, name, tokens, dwell_s)
        except VideowallError as err:
            self.show_error(core_text(err.user_message))
            return
        self._tours = [t for t in self._tours if t.name != tour.name] + [tour]
        self.tour.set_tours(self._tours, select=tour.name)

    def _delete(self) -> None:
        if (preset := self._selected()) is not None:
            self._send(PtzAction.REMOVE_PRESET, preset.token)

    def _on_bridge_result_received(self, camera_id: int, kind: str, value: object) -> None:
        if camera_id != self.camera_id:
            return
        if kind == PtzAction.PRESETS:
            self.presets.clear()
            for preset in value or []:
                item = QListWidgetItem(preset.name or preset.token)
                item.setData(Qt.ItemDataRole.UserRole, preset)
                self.presets.addItem(item)
        elif kind in (PtzAction.SET_PRESET, PtzAction.REMOVE_PRESET):
            self._send(PtzAction.PRESETS)
        self.status.clear()

    def _on_bridge_error_raised(self, camera_id: int, _kind: str, message: str) -> None:
        if camera_id == self.camera_id:
            self.show_error(message)
