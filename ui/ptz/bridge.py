"""Moves PTZ results from the core's per-camera worker threads onto the GUI thread (queued signal)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from ui.i18n.core import core_text
from videowall.onvif.ptz_queue import Gate, PtzAction, PtzCommand, PtzController
from videowall.runtime.errors import VideowallError


class PtzBridge(QObject):
    """Owns a ``PtzController``; every method returns at once (GUI thread), results arrive as signals.

    ``gate`` (the station's ``ptz_gate``): the core checks permission and PTZ lease of every command."""

    result_received = Signal(int, str, object)      # camera id, command kind, value
    error_raised = Signal(int, str, str)            # camera id, command kind, user message
    _delivered = Signal(int, object, object, object)

    def __init__(self, device_factory: Callable[[int], Any], safety_timeout_s: float = 10.0,
                 parent: QObject | None = None, gate: Gate | None = None) -> None:
        super().__init__(parent)
        self._delivered.connect(self._on_delivered, Qt.ConnectionType.QueuedConnection)
        self.controller = PtzController(device_factory, self._deliver, safety_timeout_s, gate=gate)

    def _deliver(self, camera_id: int, command: PtzCommand, value: Any, error: VideowallError | None) -> None:
        """Runs on a PTZ worker thread: only emits (queued to the GUI thread)."""
        self._delivered.emit(camera_id, command, value, error)

    def _on_delivered(self, camera_id: int, command: PtzCommand, value: Any, error: VideowallError | None) -> None:
        if error is not None:
            self.error_raised.emit(camera_id, command.kind, core_text(error.user_message))
        else:
            self.result_received.emit(camera_id, command.kind, value)

    def move(self, camera_id: int, pan: float, tilt: float, zoom: float) -> None:
        self.controller.move(camera_id, pan, tilt, zoom)

    def stop(self, camera_id: int, reason: str = "operator") -> None:
        self.controller.stop(camera_id, reason)

    def submit(self, camera_id: int, kind: PtzAction, *args: Any) -> None:
        self.controller.submit(camera_id, kind, *args)

    def close(self) -> None:
        """Sends the final stops and joins the workers (bounded by the call timeout)."""
        self.controller.close()
