"""One wall tile: paints the newest frame of its camera and an overlay (name, local time, fps, state).

The tile never opens streams and has no timer of its own: its WallWindow calls ``refresh()`` on every
tick of the one repaint timer, and the tile repaints only when a new frame or new overlay text exists.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.wall.tile_overlay import PROBLEM_COLOR, OverlayText, TileOverlay
from ui.wall.tile_state import TileLabel, tile_label
from videowall.media.types import LiveFrame, SessionState, StatsSnapshot
from videowall.streams.supervisor import LiveView

OVERLAY_REFRESH_S = 0.25
FPS_WINDOW_S = 2.0

PaintListener = Callable[[LiveFrame, float], None]


class TileWidget(QWidget):
    def __init__(self, view: LiveView, tz: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.view = view
        self._tz = tz
        self._frame: LiveFrame | None = None
        self._image: QImage | None = None
        self._painted_seq = -1
        self._paint_times: deque[float] = deque()
        self._label: TileLabel = tile_label(view.status())
        self._stats = StatsSnapshot()
        self._overlay = OverlayText()
        self._overlay_painter = TileOverlay()
        self._overlay_due = 0.0
        self.painted_frames = 0
        self.first_paint_monotonic: float | None = None
        self._paint_listeners: list[PaintListener] = []

    # -- driven by the wall's timer (GUI thread) ------------------------------------------------
    def refresh(self, now: float) -> None:
        frame = self.view.latest()
        dirty = False
        if frame is not None and frame.seq != (self._frame.seq if self._frame else None):
            self._set_frame(frame)
            dirty = True
        if now >= self._overlay_due:
            self._overlay_due = now + OVERLAY_REFRESH_S
            dirty |= self._update_overlay()
        if dirty:
            self.update()

    def add_paint_listener(self, listener: PaintListener) -> None:
        """Called with (frame, time.time()) each time a new frame reaches the screen (benchmarks)."""
        self._paint_listeners.append(listener)

    # -- what the tile shows, for reports and tests -------------------------------------------
    @property
    def label(self) -> TileLabel:
        return self._label

    @property
    def current_frame(self) -> LiveFrame | None:
        return self._frame

    def painted_fps(self) -> float:
        times = self._paint_times
        if len(times) < 2:
            return 0.0
        span = times[-1] - times[0]
        return (len(times) - 1) / span if span > 0 else 0.0

    def state_text(self) -> str:
        """The overlay's state line as shown (translated)."""
        return self._state_line()

    # -- Qt -------------------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        ratio = self.devicePixelRatioF()
        self.view.set_size(int(self.width() * ratio), int(self.height() * ratio))
        super().resizeEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        if self._image is None:
            painter.fillRect(self.rect(), Qt.GlobalColor.black)
        else:
            target = self._image_rect()
            for margin in _margins(self.rect(), target):
                painter.fillRect(margin, Qt.GlobalColor.black)
            painter.drawImage(target, self._image)
            if self._painted_seq != self._frame.seq:
                self._note_painted()
        self._paint_overlay(painter)
        painter.end()

    # -- internals ------------------------------------------------------------------------------
    def _set_frame(self, frame: LiveFrame) -> None:
        image = frame.image
        height, width = image.shape[:2]
        # Wraps the decoder's buffer without a copy; self._frame keeps the array alive.
        self._image = QImage(image.data, width, height, image.strides[0], QImage.Format.Format_RGB32)
        self._frame = frame

    def _note_painted(self) -> None:
        now_mono = time.monotonic()
        self._painted_seq = self._frame.seq
        self.painted_frames += 1
        if self.first_paint_monotonic is None:
            self.first_paint_monotonic = now_mono
        self._paint_times.append(now_mono)
        while self._paint_times and now_mono - self._paint_times[0] > FPS_WINDOW_S:
            self._paint_times.popleft()
        if self._paint_listeners:
            wall_now = time.time()
            for listener in self._paint_listeners:
                listener(self._frame, wall_now)

    def _image_rect(self) -> QRect:
        """Fit the image into the tile, centred, keeping its aspect ratio."""
        ratio = self.devicePixelRatioF()
        img_w, img_h = self._image.width() / ratio, self._image.height() / ratio
        scale = min(self.width() / img_w, self.height() / img_h)
        w, h = round(img_w * scale), round(img_h * scale)
        return QRect((self.width() - w) // 2, (self.height() - h) // 2, w, h)

    def _update_overlay(self) -> bool:
        self._label = tile_label(self.view.status())
        self._stats = self.view.stats()
        local = datetime.now(timezone.utc).astimezone(self._tz).strftime("%H:%M:%S")
        fps = self.painted_fps()
        detail = f"{fps:.0f} fps" if self._label.state is SessionState.LIVE else ""
        overlay = OverlayText(self.view.camera.name, local, self._state_line(), detail, self._label.problem)
        changed = overlay != self._overlay
        self._overlay = overlay
        return changed

    def _state_line(self) -> str:
        text = self.tr_state(self._label.text)
        if self._label.retry_in_s is not None:
            text += " " + self.tr_state("in %n s", self._label.retry_in_s)
        return text

    def tr_state(self, text: str, n: int = -1) -> str:
        from PySide6.QtCore import QCoreApplication
        return QCoreApplication.translate("TileState", text, None, n)

    def _paint_overlay(self, painter: QPainter) -> None:
        self._overlay_painter.paint(painter, self.width(), self.height(), self._overlay, self.font(),
                                    self.devicePixelRatioF())
        if self._overlay.problem and self._image is None:
            painter.setPen(QPen(PROBLEM_COLOR))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._overlay.state)


def _margins(outer: QRect, inner: QRect) -> list[QRect]:
    """The parts of ``outer`` that ``inner`` (centred inside it) does not cover: letterbox bars."""
    bars = [QRect(outer.left(), outer.top(), outer.width(), inner.top() - outer.top()),
            QRect(outer.left(), inner.bottom() + 1, outer.width(), outer.bottom() - inner.bottom()),
            QRect(outer.left(), inner.top(), inner.left() - outer.left(), inner.height()),
            QRect(inner.right() + 1, inner.top(), outer.right() - inner.right(), inner.height())]
    return [bar for bar in bars if bar.width() > 0 and bar.height() > 0]
