"""Places playback tiles in a wall layout's cells, so playback keeps the live wall's arrangement."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from ui.wall.grid import grid_for
from videowall.model.layout import Layout, uniform

TILE_GAP_PX = 2


class TileArea(QWidget):
    def __init__(self, tiles: Sequence[QWidget], layout: Layout | None = None, slots: Sequence[int] | None = None,
                 parent: QWidget | None = None) -> None:
        """``slots[i]``: the layout cell of ``tiles[i]`` (default: one after another in a grid that fits them)."""
        super().__init__(parent)
        self.layout_ = layout or uniform(*grid_for(max(1, len(tiles))))
        self.slots = list(slots) if slots is not None else list(range(len(tiles)))
        self.tiles = list(tiles)
        for tile in self.tiles:
            tile.setParent(self)

    def resizeEvent(self, event) -> None:  # noqa: N802
        rects = self.layout_.pixel_rects(self.width(), self.height(), TILE_GAP_PX)
        for tile, slot in zip(self.tiles, self.slots):
            if slot < len(rects):
                tile.setGeometry(*rects[slot])
        super().resizeEvent(event)
