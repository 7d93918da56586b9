"""The tile overlay (name + local time band on top, state + fps band at the bottom), pre-rendered.

Text layout is the most expensive part of painting a tile, so the bands are rendered into pixmaps only
when their text or the tile size changes (a few times a second at most), and each frame paint just
blits them.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPixmap

BAND_COLOR = QColor(0, 0, 0, 140)
OK_COLOR = QColor(140, 230, 140)
PROBLEM_COLOR = QColor(255, 190, 60)


@dataclass(frozen=True)
class OverlayText:
    name: str = ""
    local_time: str = ""
    state: str = ""
    detail: str = ""
    problem: bool = False


class TileOverlay:
    def __init__(self) -> None:
        self._key: tuple | None = None
        self._top: QPixmap | None = None
        self._bottom: QPixmap | None = None
        self.band_height = 0

    def paint(self, painter: QPainter, width: int, height: int, text: OverlayText, font: QFont,
              ratio: float) -> None:
        key = (text, width, height, ratio)
        if key != self._key:
            self._render(text, width, height, font, ratio)
            self._key = key
        painter.drawPixmap(0, 0, self._top)
        painter.drawPixmap(0, height - self.band_height, self._bottom)

    def _render(self, text: OverlayText, width: int, height: int, base_font: QFont, ratio: float) -> None:
        font = QFont(base_font)
        font.setPixelSize(max(10, min(18, height // 18)))
        self.band_height = font.pixelSize() + 6
        self._top = self._band(width, ratio, font, (text.name, Qt.GlobalColor.white),
                               (text.local_time, Qt.GlobalColor.white))
        self._bottom = self._band(width, ratio, font, (text.state, PROBLEM_COLOR if text.problem else OK_COLOR),
                                  (text.detail, Qt.GlobalColor.white))

    def _band(self, width: int, ratio: float, font: QFont, left: tuple, right: tuple) -> QPixmap:
        pixmap = QPixmap(max(1, round(width * ratio)), max(1, round(self.band_height * ratio)))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.fillRect(0, 0, width, self.band_height, BAND_COLOR)
        painter.setFont(font)
        area = QRect(6, 0, width - 12, self.band_height)
        for (label, color), align in ((left, Qt.AlignmentFlag.AlignLeft), (right, Qt.AlignmentFlag.AlignRight)):
            if label:
                painter.setPen(QPen(color))
                painter.drawText(area, Qt.AlignmentFlag.AlignVCenter | align, label)
        painter.end()
        return pixmap
