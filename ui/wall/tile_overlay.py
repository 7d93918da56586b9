"""The tile overlay (name + local time band on top, state + fps band at the bottom), pre-rendered.

Text layout is the most expensive part of painting a tile, so the bands are rendered into pixmaps only
when their text or the tile size changes (a few times a second at most), and each frame paint just
blits them. Where each text goes is decided by ``overlay_layout`` (elided, never overlapping);
``placed`` keeps the rectangles last drawn, in tile coordinates.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QPixmap

from ui.wall.overlay_layout import PlacedText, place_band, place_centre

BAND_COLOR = QColor(0, 0, 0, 140)
OK_COLOR = QColor(140, 230, 140)
PROBLEM_COLOR = QColor(255, 190, 60)
BAND_MARGIN_PX = 6


@dataclass(frozen=True)
class OverlayText:
    name: str = ""
    local_time: str = ""
    state: str = ""
    detail: str = ""
    problem: bool = False


def overlay_font(base: QFont, tile_height: int) -> QFont:
    font = QFont(base)
    font.setPixelSize(max(10, min(18, tile_height // 18)))
    return font


class TileOverlay:
    def __init__(self) -> None:
        self._key: tuple | None = None
        self._top: QPixmap | None = None
        self._bottom: QPixmap | None = None
        self._centre: PlacedText | None = None
        self._font = QFont()
        self.band_height = 0
        self.placed: list[PlacedText] = []

    def paint(self, painter: QPainter, width: int, height: int, text: OverlayText, font: QFont,
              ratio: float, centre_state: bool = False) -> None:
        """Blit the bands; ``centre_state`` also writes the state in the middle (a tile with no picture)."""
        key = (text, width, height, ratio, centre_state)
        if key != self._key:
            self._render(text, width, height, font, ratio, centre_state)
            self._key = key
        painter.drawPixmap(0, 0, self._top)
        if self._bottom is not None:
            painter.drawPixmap(0, height - self.band_height, self._bottom)
        if self._centre is not None:
            painter.setFont(self._font)
            painter.setPen(QPen(PROBLEM_COLOR))
            c = self._centre
            painter.drawText(QRect(c.x, c.y, c.width, c.height), Qt.AlignmentFlag.AlignCenter, c.text)

    def _render(self, text: OverlayText, width: int, height: int, base_font: QFont, ratio: float,
                centre_state: bool) -> None:
        self._font = font = overlay_font(base_font, height)
        metrics = QFontMetrics(font)
        self.band_height = band = metrics.height() + BAND_MARGIN_PX

        def measure(s: str) -> int:
            return metrics.horizontalAdvance(s)

        def elide(s: str, room: int) -> str:
            return metrics.elidedText(s, Qt.TextElideMode.ElideRight, room)

        top = place_band(("name", text.name), ("time", text.local_time), 0, width, band, measure, elide)
        self.placed = list(top)
        self._top = self._band(width, ratio, font, top, {"name": Qt.GlobalColor.white,
                                                         "time": Qt.GlobalColor.white})
        self._bottom = None
        bottom_y = height
        if height >= 2 * band:       # too short a tile keeps only the name band
            bottom_y = height - band
            bottom = place_band(("state", text.state), ("detail", text.detail), 0, width, band, measure, elide)
            colours = {"state": PROBLEM_COLOR if text.problem else OK_COLOR, "detail": Qt.GlobalColor.white}
            self._bottom = self._band(width, ratio, font, bottom, colours)
            self.placed += [_moved(p, bottom_y) for p in bottom]
        self._centre = None
        if centre_state:
            self._centre = place_centre(text.state, "centre", band, bottom_y, width, metrics.height(),
                                        measure, elide)
            if self._centre is not None:
                self.placed.append(self._centre)

    def _band(self, width: int, ratio: float, font: QFont, texts: list[PlacedText], colours: dict) -> QPixmap:
        pixmap = QPixmap(max(1, round(width * ratio)), max(1, round(self.band_height * ratio)))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.fillRect(0, 0, width, self.band_height, BAND_COLOR)
        painter.setFont(font)
        for placed in texts:
            painter.setPen(QPen(colours[placed.role]))
            painter.drawText(QRect(placed.x, placed.y, placed.width, placed.height),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, placed.text)
        painter.end()
        return pixmap


def _moved(placed: PlacedText, dy: int) -> PlacedText:
    return PlacedText(placed.role, placed.text, placed.x, placed.y + dy, placed.width, placed.height)
