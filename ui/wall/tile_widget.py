"""One wall tile: paints the newest frame of its camera and an overlay (name, local time, fps, state).

The tile never opens streams and has no timer of its own: its WallWindow calls ``refresh()`` on every
tick of the one repaint timer, and the tile repaints only when a new frame or new overlay text exists.
When the tile is given another view (view switch, tour, main↔sub) it keeps painting its last frame
until the new stream's first frame arrives, so it never flashes black. The tile handles no keys: the
wall does (``WallWindow.handle_key``), so an event filter on the tile (PTZ) can take keys first.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QRect, QRectF, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.wall.snapshot import save_snapshot
from ui.wall.tile_input import TileInput
from ui.wall.tile_overlay import OverlayText, TileOverlay
from ui.wall.tile_state import TileLabel, limited_label, tile_label
from videowall.media.types import LiveFrame, SessionState, SessionStatus, StatsSnapshot
from videowall.streams.crop import crop_in_pixels
from videowall.streams.live_view import LiveView

OVERLAY_REFRESH_S = 0.25
FPS_WINDOW_S = 2.0
SELECTED_PEN = QPen(Qt.GlobalColor.yellow, 3)

PaintListener = Callable[[LiveFrame, float], None]


class TileWidget(TileInput, QWidget):
    activated = Signal(object)           # double-click: the wall maximises or restores this tile
    pressed = Signal(object)             # click: the wall selects this tile
    camera_dropped = Signal(object, int)  # (this tile, camera id dragged from the camera tree)
    tile_dropped = Signal(object, int)   # (this tile, index of the tile dragged onto it)

    def __init__(self, view: LiveView | None, tz: ZoneInfo, parent: QWidget | None = None, index: int = 0) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setAcceptDrops(True)
        self.view = view
        self.index = index
        self._tz = tz
        self._frame: LiveFrame | None = None
        self._image: QImage | None = None
        self._geometry_key: tuple | None = None     # what the cached paint geometry was computed for
        self._geometry: tuple[QRectF, QRectF, list[QRect]] | None = None
        self._painted: LiveFrame | None = None
        self._paint_times: deque[float] = deque()
        self._label: TileLabel = tile_label(view.status() if view else SessionStatus(SessionState.STOPPED))
        self._stats = StatsSnapshot()
        self._overlay = OverlayText()
        self._overlay_painter = TileOverlay()
        self._overlay_due = 0.0
        self.selected = False
        self.show_info = False
        self.painted_frames = 0
        self.first_paint_monotonic: float | None = None
        self._paint_listeners: list[PaintListener] = []

    # -- driven by the wall (GUI thread) --------------------------------------------------------
    def refresh(self, now: float) -> None:
        if self.view is None:
            return
        frame = self.view.latest()
        dirty = False
        if frame is not None and frame is not self._frame:
            self._set_frame(frame)
            dirty = True
        if now >= self._overlay_due:
            self._overlay_due = now + OVERLAY_REFRESH_S
            dirty |= self._update_overlay()
        if dirty:
            self.update()

    def set_view(self, view: LiveView | None, release_old: bool = True) -> None:
        """Show another camera. The old picture stays until the new view's first frame arrives."""
        old, self.view = self.view, view
        if view is not None:
            ratio = self.devicePixelRatioF()
            view.set_size(int(self.width() * ratio), int(self.height() * ratio))
        else:
            self._frame = self._image = None
        self._paint_times.clear()
        self._overlay_due = 0.0
        if old is not None and release_old:
            old.release()
        self.refresh(time.monotonic())
        self.update()

    def set_selected(self, selected: bool) -> None:
        if selected != self.selected:
            self.selected = selected
            self.update()

    def toggle_info(self) -> None:
        self.show_info = not self.show_info
        self._overlay_due = 0.0

    def add_paint_listener(self, listener: PaintListener) -> None:
        """Called with (frame, time.time()) each time a new frame reaches the screen (benchmarks)."""
        self._paint_listeners.append(listener)

    def snapshot(self, folder: Path, now_utc: datetime | None = None) -> Path | None:
        """Save the shown picture (zoom crop applied, full decoded detail) as PNG; None if nothing is shown."""
        if self._image is None or self.view is None:
            return None
        sx, sy, sw, sh = crop_in_pixels(self.view.crop, self._image.width(), self._image.height())
        when = now_utc or datetime.now(timezone.utc)
        return save_snapshot(self._image.copy(sx, sy, sw, sh), folder, self.view.camera.id,
                             self.view.camera.name, when)

    # -- what the tile shows, for reports and tests -------------------------------------------
    @property
    def label(self) -> TileLabel:
        return self._label

    @property
    def current_frame(self) -> LiveFrame | None:
        return self._frame

    @property
    def painted_frame(self) -> LiveFrame | None:
        """The frame last painted on screen (``current_frame`` may be newer and not painted yet)."""
        return self._painted

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
        if self.view is not None:
            ratio = self.devicePixelRatioF()
            self.view.set_size(int(self.width() * ratio), int(self.height() * ratio))
        super().resizeEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        self._paint_frame(painter)
        self._paint_overlay(painter)
        if self.selected:
            painter.setPen(SELECTED_PEN)
            painter.drawRect(self.rect().adjusted(1, 1, -2, -2))
        painter.end()

    # -- internals ------------------------------------------------------------------------------
    def _paint_frame(self, painter: QPainter) -> None:
        """The picture, letterboxed; at 1:1 when the decoder converted it to the painted size (the usual case)."""
        if self._image is None:
            painter.fillRect(self.rect(), Qt.GlobalColor.black)
            return
        key = (self._image.width(), self._image.height(), self.width(), self.height(),
               self.view.crop if self.view is not None else None)
        if key != self._geometry_key:
            target = self._image_rect()
            self._geometry = (QRectF(target), QRectF(self._source_rect()), _margins(self.rect(), target))
            self._geometry_key = key
        target, source, margins = self._geometry
        for margin in margins:
            painter.fillRect(margin, Qt.GlobalColor.black)
        painter.drawImage(target, self._image, source)
        if self._painted is not self._frame:
            self._note_painted()

    def _set_frame(self, frame: LiveFrame) -> None:
        image = frame.image
        height, width = image.shape[:2]
        # Wraps the decoder's buffer without a copy; self._frame keeps the array alive.
        self._image = QImage(image.data, width, height, image.strides[0], QImage.Format.Format_RGB32)
        self._frame = frame

    def _note_painted(self) -> None:
        now_mono = time.monotonic()
        self._painted = self._frame
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

    def _source_rect(self) -> QRect:
        crop = self.view.crop if self.view is not None else None
        return QRect(*crop_in_pixels(crop, self._image.width(), self._image.height()))

    def _image_rect(self) -> QRect:
        """Fit the (cropped) picture into the tile, centred, keeping its aspect ratio."""
        source = self._source_rect()
        scale = min(self.width() / source.width(), self.height() / source.height())
        w, h = round(source.width() * scale), round(source.height() * scale)
        return QRect((self.width() - w) // 2, (self.height() - h) // 2, w, h)

    def _update_overlay(self) -> bool:
        self._label = limited_label() if self.view.limited() else tile_label(self.view.status())
        self._stats = self.view.stats()
        local = datetime.now(timezone.utc).astimezone(self._tz).strftime("%H:%M:%S")
        detail = ""
        if self._label.state is SessionState.LIVE:
            detail = f"{self.painted_fps():.0f} fps"
            if self.show_info:
                detail += self._info_detail()
        overlay = OverlayText(self.view.camera.name, local, self._state_line(), detail, self._label.problem)
        changed = overlay != self._overlay
        self._overlay = overlay
        return changed

    def _info_detail(self) -> str:
        stats = self._stats
        profile = self.view.profile.value if self.view.profile else "-"
        latency = ""
        if self._frame is not None:
            latency = f" · {max(0.0, time.monotonic() - self._frame.received_monotonic) * 1000:.0f} ms"
        return f" · {stats.bitrate_kbps:.0f} kb/s · {profile} {stats.width}×{stats.height}{latency}"

    def _state_line(self) -> str:
        text = self.tr_state(self._label.text)
        if self._label.retry_in_s is not None:
            text += " " + self.tr_state("in %n s", self._label.retry_in_s)
        return text

    def tr_state(self, text: str, n: int = -1) -> str:
        from PySide6.QtCore import QCoreApplication
        return QCoreApplication.translate("TileState", text, None, n)

    def _paint_overlay(self, painter: QPainter) -> None:
        if self.view is None:
            return
        no_picture = self._overlay.problem and self._image is None
        self._overlay_painter.paint(painter, self.width(), self.height(), self._overlay, self.font(),
                                    self.devicePixelRatioF(), centre_state=no_picture)

    @property
    def overlay_texts(self):
        """Where the overlay's texts were last painted (tile coordinates): layout tests read these."""
        return list(self._overlay_painter.placed)

    @property
    def overlay_band_height(self) -> int:
        """Height of the overlay's bands: other controls on the tile keep clear of them."""
        return self._overlay_painter.band_height


def _margins(outer: QRect, inner: QRect) -> list[QRect]:
    """The parts of ``outer`` that ``inner`` (centred inside it) does not cover: letterbox bars."""
    bars = [QRect(outer.left(), outer.top(), outer.width(), inner.top() - outer.top()),
            QRect(outer.left(), inner.bottom() + 1, outer.width(), outer.bottom() - inner.bottom()),
            QRect(outer.left(), inner.top(), inner.left() - outer.left(), inner.height()),
            QRect(inner.right() + 1, inner.top(), outer.right() - inner.right(), inner.height())]
    return [bar for bar in bars if bar.width() > 0 and bar.height() > 0]
