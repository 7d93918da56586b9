"""Patrol tours in the PTZ panel: pick a tour, start/stop, resume after manual control. GUI thread only.

A 250 ms QTimer polls the core ``PtzTourRunner`` (pure, clock-driven); go-tos go through the PTZ bridge,
so no SOAP call runs here. Any manual move (joystick, keys, drag) calls ``pause_for_manual``.
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

    def __init__(self, bridge: PtzBridge, clock: Clock = SYSTEM_CLOCK, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._clock = clock
        self.camera_id: int | None = None
        self.runner: PtzTourRunner | None = None
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

    def set_camera(self, camera_id: int | None, tours: list[PtzTour]) -> None:
        self.stop_tour()
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
        self.runner = PtzTourRunner(tour.preset_tokens, tour.dwell_s, tour.loop,
                                    lambda token: self._bridge.submit(camera_id, PtzAction.GOTO, token), self._clock)
        self.runner.start()
        self.timer.start()
        self._refresh()

    def stop_tour(self) -> None:
        if self.runner is not None:
            self.runner.stop()
        self.timer.stop()
        self._refresh()

    def pause_for_manual(self) -> None:
        if self.runner is not None:
            self.runner.pause()
            self._refresh()

    def _resume(self) -> None:
        if self.runner is not None:
            self.runner.resume()
            self._refresh()

    def poll(self) -> None:
        if self.runner is not None:
            self.runner.poll()
            if self.runner.state is TourState.FINISHED:
                self.timer.stop()
        self._refresh()

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
