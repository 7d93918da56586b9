"""One camera in playback: the recorded picture and an unmistakable RECORDED badge with its local time.

No timer and no decoding here: the PlaybackWindow's one timer hands each tile the newest picture the
playback thread published; the tile repaints only when that picture or its badge changed.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.playback.badge import LIVE, NO_RECORDING, Badge, recorded_badge
from ui.wall.overlay_layout import PlacedText, place_band, place_centre
from videowall.recording.camera_playback import PlaybackFrame
from videowall.recording.playback import CameraPicture, PlaybackState

RECORDED_COLOR = QColor(255, 196, 0)      # amber: recorded
LIVE_COLOR = QColor(200, 30, 30)          # red: live
NO_RECORDING_COLOR = QColor(90, 90, 90)
BADGE_TEXT_COLOR = {LIVE: Qt.GlobalColor.white, NO_RECORDING: Qt.GlobalColor.white}
SELECTED_PEN = QPen(Qt.GlobalColor.yellow, 3)     # as on the live wall
BADGE_TOP = 6
BADGE_PAD = 4           # the badge's colour reaches this far beyond its text (inside the overlay padding)


def tr(text: str) -> str:
    return QCoreApplication.translate("Playback", text)


class PlaybackTileWidget(QWidget):
    size_changed = Signal(int, int, int)     # camera id, width, height in device pixels
    pressed = Signal(object)                 # click: the window selects this tile

    def __init__(self, camera_id: int, name: str, tz: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumSize(160, 90)
        self.camera_id = camera_id
        self.name = name
        self._tz = tz
        self._frame: PlaybackFrame | None = None
        self._image: QImage | None = None
        self._badge = Badge(NO_RECORDING)
        self.selected = False
        self.overlay_texts: list[PlacedText] = []      # where the texts were last painted (layout tests)

    def set_selected(self, selected: bool) -> None:
        if selected != self.selected:
            self.selected = selected
            self.update()

    def shown_time_us(self, position_us: int) -> int:
        """The recorded time the operator sees: the shown frame's, else the playback position (a gap)."""
        return self._frame.utc_us if self._frame is not None else position_us

    # -- driven by the window's timer (GUI thread) --------------------------------------------------
    def show_picture(self, picture: CameraPicture, state: PlaybackState) -> None:
        frame = picture.frame
        badge = recorded_badge(frame.utc_us if frame else None, state.position_us, state.rate, state.playing,
                               self._tz, picture.gap_reason)
        changed = badge != self._badge
        if frame is not self._frame:
            self._frame = frame
            self._image = None if frame is None else _wrap(frame)
            changed = True
        self._badge = badge
        if changed:
            self.update()

    @property
    def badge(self) -> Badge:
        return self._badge

    @property
    def frame(self) -> PlaybackFrame | None:
        return self._frame

    def badge_text(self) -> str:
        """The badge as shown (translated), e.g. 'RECORDED 2026-11-21 23:05:12.3 · 2×'."""
        parts = [tr(self._badge.mode), self._badge.time_text, tr(self._badge.detail) if self._badge.detail else ""]
        return " · ".join(p for p in parts if p)

    # -- Qt ---------------------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802
        ratio = self.devicePixelRatioF()
        self.size_changed.emit(self.camera_id, int(self.width() * ratio), int(self.height() * ratio))
        super().resizeEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self.pressed.emit(self)
        super().mousePressEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.black)
        if self._image is not None:
            painter.drawImage(self._image_rect(), self._image)
        self._paint_texts(painter)
        if self.selected:
            painter.setPen(SELECTED_PEN)
            painter.drawRect(self.rect().adjusted(1, 1, -2, -2))
        painter.end()

    def _paint_texts(self, painter: QPainter) -> None:
        """The badge (top left, in its colour) and the camera name (top right, or below the badge when the
        tile is too narrow for both), elided, never overlapping; without a picture, why — in the middle."""
        font = QFont(self.font())
        font.setPixelSize(max(11, min(20, self.height() // 16)))
        font.setBold(True)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        band = metrics.height() + 6

        def measure(text: str) -> int:
            return metrics.horizontalAdvance(text)

        def elide(text: str, room: int) -> str:
            return metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)

        placed = place_band(("badge", self.badge_text()), ("name", self.name), BADGE_TOP, self.width(), band,
                            measure, elide)
        if not any(p.role == "name" for p in placed) and self.height() >= BADGE_TOP + 3 * band:
            placed += place_band(("name", self.name), ("", ""), BADGE_TOP + band + 2, self.width(), band,
                                 measure, elide)
        if self._image is None:
            reason = tr(self._badge.detail) if self._badge.detail else tr("No recording at this time")
            top = max(p.y + p.height for p in placed) if placed else 0
            centre = place_centre(reason, "centre", top, self.height(), self.width(), band, measure, elide)
            placed += [centre] if centre is not None else []
        color = {LIVE: LIVE_COLOR, NO_RECORDING: NO_RECORDING_COLOR}.get(self._badge.mode, RECORDED_COLOR)
        for text in placed:
            box = QRect(text.x, text.y, text.width, text.height)
            if text.role == "badge":
                painter.fillRect(box.adjusted(-BADGE_PAD, 0, BADGE_PAD, 0), color)
                painter.setPen(BADGE_TEXT_COLOR.get(self._badge.mode, Qt.GlobalColor.black))
            else:
                painter.setPen(Qt.GlobalColor.lightGray if text.role == "centre" else Qt.GlobalColor.white)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text.text)
        self.overlay_texts = placed

    def _image_rect(self) -> QRect:
        ratio = self.devicePixelRatioF()
        img_w, img_h = self._image.width() / ratio, self._image.height() / ratio
        scale = min(self.width() / img_w, self.height() / img_h)
        w, h = round(img_w * scale), round(img_h * scale)
        return QRect((self.width() - w) // 2, (self.height() - h) // 2, w, h)


def _wrap(frame: PlaybackFrame) -> QImage:
    """Wraps the frame's BGRA buffer without a copy; the tile keeps ``frame`` (and so the array) alive."""
    image = frame.image
    height, width = image.shape[:2]
    return QImage(image.data, width, height, image.strides[0], QImage.Format.Format_RGB32)
