"""The connection test's live preview: plays the form's stream (not yet saved) and says how it went."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from ui.background import run_in_background
from ui.i18n.core import core_text
from ui.setup.texts import tr
from videowall.media.types import SessionState
from videowall.model.camera import Credentials, Transport
from videowall.setup.connection_test import PREVIEW_SIZE, ConnectionTest

POLL_MS = 100


class ConnectionPreview(QWidget):
    live = Signal()      # the first picture arrived

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picture = QLabel(tr("Test the connection to see the camera here."), self)
        self.picture.setObjectName("preview-picture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setFixedSize(*PREVIEW_SIZE)
        self.picture.setWordWrap(True)
        self.picture.setStyleSheet("background: #202020; color: #d0d0d0;")
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picture)
        layout.addWidget(self.status)
        self._test: ConnectionTest | None = None
        self._seq = -1
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

    @property
    def has_picture(self) -> bool:
        return self._seq >= 0

    def start(self, url: str, credentials: Credentials | None, transport: Transport) -> None:
        self.stop()
        self._seq = -1
        self.picture.setPixmap(QPixmap())
        self.picture.setText(tr("Connecting…"))
        self.status.setText("")
        self._test = ConnectionTest(url, credentials, transport)
        self._test.start()
        self._timer.start()

    def stop(self, wait: bool = False) -> None:
        """Stop the stream; its thread is joined off the GUI thread, or here with ``wait`` (the app is quitting)."""
        self._timer.stop()
        test, self._test = self._test, None
        if test is None:
            return
        if wait:
            test.close()
        else:
            run_in_background(self, test.close, lambda _result: None, name="connection-test-close")

    def _poll(self) -> None:
        test = self._test
        if test is None:
            return
        frame = test.latest()
        if frame is not None and frame.seq != self._seq:
            first = self._seq < 0
            self._seq = frame.seq
            height, width = frame.image.shape[:2]
            image = QImage(frame.image.data, width, height, frame.image.strides[0], QImage.Format.Format_RGB32)
            self.picture.setPixmap(QPixmap.fromImage(image.copy()))
            self.status.setText(tr("Connected: %1×%2 pixels.").replace("%1", str(frame.source_width))
                                .replace("%2", str(frame.source_height)))
            if first:
                self.live.emit()
            return
        status = test.status()
        if status.error is not None and status.state is not SessionState.LIVE:
            self.status.setText(core_text(status.error.user_message))
            if not self.has_picture:
                self.picture.setText(tr("No picture."))
            if status.state is SessionState.INVALID_URL:
                self._timer.stop()

    def closeEvent(self, event) -> None:  # noqa: N802
        self.stop()
        super().closeEvent(event)
