"""Grid geometry in cells and pixels (pure: no Qt), so it is tested without a screen."""

from __future__ import annotations

import math
from typing import NamedTuple


class Rect(NamedTuple):
    x: int
    y: int
    width: int
    height: int


def grid_for(count: int) -> tuple[int, int]:
    """Smallest near-square grid (rows, cols) that holds ``count`` tiles: 9 → 3×3, 10 → 3×4."""
    if count <= 1:
        return 1, 1
    cols = math.ceil(math.sqrt(count))
    rows = math.ceil(count / cols)
    return rows, cols


def cell_rects(rows: int, cols: int, width: int, height: int, gap: int = 2) -> list[Rect]:
    """Pixel rectangles of a rows×cols grid filling width×height, row by row, gaps between cells.

    Leftover pixels go to the first rows/columns so the grid always fills the area exactly.
    """
    def spans(total: int, parts: int) -> list[tuple[int, int]]:
        usable = max(0, total - gap * (parts - 1))
        base, extra = divmod(usable, parts)
        out, pos = [], 0
        for i in range(parts):
            size = base + (1 if i < extra else 0)
            out.append((pos, size))
            pos += size + gap
        return out

    return [Rect(x, y, w, h) for y, h in spans(height, rows) for x, w in spans(width, cols)]
