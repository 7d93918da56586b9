"""Patrol tours in the PTZ panel: pick a tour, start/stop, resume after manual control. GUI thread only.

A 250 ms QTimer polls the core ``PtzTourRunner`` of every camera on patrol (pure, clock-driven); go-tos go
through the PTZ bridge, so no SOAP call runs here. A patrol belongs to its camera, not to the panel: showing
another camera in the panel leaves it running (``runners``, ``patrols_changed`` for the tiles). Any manual
move (joystick, keys, drag) of a camera pauses that camera's patrol (``pause_for_manual``).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from ui.ptz.bridge import PtzBridge
from videowall.onvif.ptz_queue import PtzAction
from videowall.onvif.ptz_tour import PtzTourRunner, TourState
from videowall.onvif.store import PtzTour
from videowall.runtime.clock import SYSTEM_CLOCK, Clock


class PtzTourWidget(QWidget):
    new_tour_requested = Signal()  # the panel builds the tour from its selected presets
    patrols_changed = Signal()     # a patrol started, stopped, paused, resumed, moved on or finished

    def __init__(self, bridge: PtzBridge, clock: Clock = SYSTEM_CLOCK, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._clock = clock
        self.camera_id: int | None = None
        self.runners: dict[int, tuple[str, PtzTourRunner]] = {}   # camera id → (tour name, its patrol)
        self.tours = QComboBox(self)
        self.start = QPushButton(self.tr("Start tour"), self)
        self.stop = QPushButton(self.tr("Stop tour"), self)
        self.resume = QPushButton(self.tr("Resume tour"), self)
        self.new = QPushButton(self.tr("New tour…"), self)
        self.state = QLabel(self)
        layout = QHBoxLayout(self)
        for widget in (self.tours, self.start, self.stop, self.resume, self.new, self.state):
            layout.addWidget(widget)
        self.start.clicked.connect(self.start_selected)
        self.stop.clicked.connect(self.stop_tour)
        self.resume.clicked.connect(self._resume)
        self.new.clicked.connect(self.new_tour_requested)
        self.timer = QTimer(self)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self.poll)
        self._refresh()

    @property
    def runner(self) -> PtzTourRunner | None:
        """The patrol of the camera the panel shows, if any."""
        entry = self.runners.get(self.camera_id) if self.camera_id is not None else None
        return entry[1] if entry is not None else None

    def set_camera(self, camera_id: int | None, tours: list[PtzTour]) -> None:
        """Show ``camera_id``'s tours; patrols of other cameras keep running."""
        self.camera_id = camera_id
        self.set_tours(tours)

    def set_tours(self, tours: list[PtzTour], select: str | None = None) -> None:
        self.tours.clear()
        for tour in tours:
            self.tours.addItem(tour.name, tour)
        if select is not None:
            self.tours.setCurrentText(select)
        self._refresh()

    def start_selected(self) -> None:
        tour: PtzTour | None = self.tours.currentData()
        if tour is None or self.camera_id is None:
            return
        camera_id = self.camera_id
        runner = PtzTourRunner(tour.preset_tokens, tour.dwell_s, tour.loop,
                               lambda token: self._bridge.submit(camera_id, PtzAction.GOTO, token), self._clock)
        self.runners[camera_id] = (tour.name, runner)
        runner.start()
        self.timer.start()
        self._changed()

    def stop_tour(self, camera_id: int | None = None) -> None:
        """Stop the patrol of ``camera_id`` (default: the panel's camera)."""
        entry = self.runners.pop(self.camera_id if camera_id is None else camera_id, None)
        if entry is not None:
            entry[1].stop()
        self._changed()

    def stop_all(self) -> None:
        for camera_id in list(self.runners):
            self.stop_tour(camera_id)

    def pause_for_manual(self, camera_id: int | None = None) -> None:
        """Manual control of ``camera_id`` (default: the panel's camera) pauses its patrol."""
        entry = self.runners.get(self.camera_id if camera_id is None else camera_id)
        if entry is not None and entry[1].state is TourState.RUNNING:
            entry[1].pause()
            self._changed()

    def patrol_text(self, camera_id: int) -> str:
        """What a tile says about its camera's patrol ("" when none runs)."""
        entry = self.runners.get(camera_id)
        if entry is None:
            return ""
        name, runner = entry
        if runner.state is TourState.PAUSED:
            return self.tr("patrol %1 paused").replace("%1", name)
        return self.tr("patrol %1").replace("%1", name) if runner.state is TourState.RUNNING else ""

    def _resume(self) -> None:
        if self.runner is not None:
            self.runner.resume()
            self._changed()

    def poll(self) -> None:
        moved = False
        for camera_id, (_name, runner) in list(self.runners.items()):
            before = runner.current
            runner.poll()
            moved |= runner.current != before
            if runner.state is TourState.FINISHED:
                del self.runners[camera_id]
                moved = True
        if moved:
            self._changed()
        else:
            self._refresh()

    def _changed(self) -> None:
        if not self.runners:
            self.timer.stop()
        self._refresh()
        self.patrols_changed.emit()

    def _refresh(self) -> None:
        state = self.runner.state if self.runner is not None else TourState.STOPPED
        running = state in (TourState.RUNNING, TourState.PAUSED)
        self.start.setEnabled(self.camera_id is not None and self.tours.count() > 0 and not running)
        self.new.setEnabled(self.camera_id is not None)
        self.stop.setEnabled(running)
        self.resume.setEnabled(state is TourState.PAUSED)
        texts = {TourState.STOPPED: self.tr("stopped"), TourState.RUNNING: self.tr("touring"),
                 TourState.PAUSED: self.tr("paused (manual control)"), TourState.FINISHED: self.tr("finished")}
        self.state.setText(texts[state])
