"""Wall layouts in grid cells (pure: no Qt): uniform N×M grids, asymmetric presets, merge and split.

A layout is a rows×cols grid of unit cells covered exactly by tiles; a tile spans one or more unit
cells. Tiles are ordered row by row (top-left first), and that order is the tile index a view stores
its cameras under.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import NamedTuple

from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.runtime.text import brief

MAX_GRID = 8                # uniform grids offered to the operator
MAX_GRID_LINES = 12         # rows or columns of any layout (the 3+4 preset needs 12 columns)


class Cell(NamedTuple):
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1

    def units(self) -> set[tuple[int, int]]:
        return {(r, c) for r in range(self.row, self.row + self.rowspan)
                for c in range(self.col, self.col + self.colspan)}


class PixelRect(NamedTuple):
    x: int
    y: int
    width: int
    height: int


class LayoutError(VideowallError):
    """A layout that cannot be: cells outside the grid, overlapping, leaving holes, or a grid too large."""

    def __init__(self, message: str) -> None:
        super().__init__(ErrorKind.INVALID_INPUT, message)


@dataclass(frozen=True)
class Layout:
    rows: int
    cols: int
    cells: tuple[Cell, ...]

    def __post_init__(self) -> None:
        if not (1 <= self.rows and 1 <= self.cols):
            raise LayoutError("a layout needs at least one row and one column")
        if self.rows > MAX_GRID_LINES or self.cols > MAX_GRID_LINES:
            raise LayoutError(f"a layout has at most {MAX_GRID_LINES} rows and {MAX_GRID_LINES} columns, "
                              f"not {self.rows}×{self.cols}")
        covered: set[tuple[int, int]] = set()
        for cell in self.cells:
            if cell.rowspan < 1 or cell.colspan < 1 or cell.row < 0 or cell.col < 0 \
                    or cell.row + cell.rowspan > self.rows or cell.col + cell.colspan > self.cols:
                raise LayoutError(f"cell {tuple(cell)} lies outside the {self.rows}×{self.cols} grid")
            units = cell.units()
            if units & covered:
                raise LayoutError(f"cell {tuple(cell)} overlaps another cell")
            covered |= units
        if len(covered) != self.rows * self.cols:
            raise LayoutError("the cells must cover the whole grid")
        object.__setattr__(self, "cells", tuple(sorted(self.cells)))

    @property
    def tile_count(self) -> int:
        return len(self.cells)

    @property
    def name(self) -> str:
        """'3x3' for uniform grids; '1+5'-style for presets; 'custom' otherwise."""
        if all(c.rowspan == 1 and c.colspan == 1 for c in self.cells):
            return f"{self.rows}x{self.cols}"
        for key, factory in PRESETS.items():
            if factory() == self:
                return key
        return "custom"

    # -- editing -------------------------------------------------------------------------------
    def merge(self, indices: list[int] | set[int]) -> Layout:
        """Merge the given tiles into one; together they must form an exact rectangle."""
        chosen = [self.cells[i] for i in sorted(set(indices))]
        if len(chosen) < 2:
            raise LayoutError("choose at least two tiles to merge")
        units = set().union(*(c.units() for c in chosen))
        top, left = min(r for r, _ in units), min(c for _, c in units)
        bottom, right = max(r for r, _ in units), max(c for _, c in units)
        merged = Cell(top, left, bottom - top + 1, right - left + 1)
        if merged.units() != units:
            raise LayoutError("the chosen tiles do not form a rectangle")
        rest = [c for c in self.cells if c not in chosen]
        return Layout(self.rows, self.cols, (*rest, merged))

    def split(self, index: int) -> Layout:
        """Split a spanning tile back into unit tiles."""
        cell = self.cells[index]
        if cell.rowspan == 1 and cell.colspan == 1:
            raise LayoutError("a single-cell tile cannot be split further")
        units = tuple(Cell(r, c) for r, c in sorted(cell.units()))
        return Layout(self.rows, self.cols, (*(c for c in self.cells if c != cell), *units))

    # -- geometry ------------------------------------------------------------------------------
    def pixel_rects(self, width: int, height: int, gap: int = 2) -> list[PixelRect]:
        """Pixel rectangle of each tile (in tile order) when the layout fills width×height."""
        xs, ys = _spans(width, self.cols, gap), _spans(height, self.rows, gap)
        out = []
        for cell in self.cells:
            x, y = xs[cell.col][0], ys[cell.row][0]
            last_x, last_y = xs[cell.col + cell.colspan - 1], ys[cell.row + cell.rowspan - 1]
            out.append(PixelRect(x, y, last_x[0] + last_x[1] - x, last_y[0] + last_y[1] - y))
        return out

    def neighbour(self, index: int, d_row: int, d_col: int) -> int:
        """The tile next to ``index`` in a direction (arrow keys); stays put at the edge."""
        cell = self.cells[index]
        row = cell.row + (cell.rowspan if d_row > 0 else -1 if d_row < 0 else 0)
        col = cell.col + (cell.colspan if d_col > 0 else -1 if d_col < 0 else 0)
        if d_row == 0:
            row = cell.row
        if d_col == 0:
            col = cell.col
        if not (0 <= row < self.rows and 0 <= col < self.cols):
            return index
        for i, other in enumerate(self.cells):
            if (row, col) in other.units():
                return i
        return index

    # -- storage -------------------------------------------------------------------------------
    def to_json(self) -> str:
        return json.dumps({"rows": self.rows, "cols": self.cols, "cells": [list(c) for c in self.cells]})

    @classmethod
    def from_json(cls, text: str) -> Layout:
        """A layout as ``to_json`` wrote it; anything else (damaged, hand-edited, hostile) is a LayoutError."""
        try:
            raw = json.loads(text)
            rows, cols, cells = int(raw["rows"]), int(raw["cols"]), raw["cells"]
            if not isinstance(cells, list):
                raise TypeError(f"cells is {type(cells).__name__}, not a list")
            if not (1 <= rows <= MAX_GRID_LINES and 1 <= cols <= MAX_GRID_LINES) or len(cells) > rows * cols:
                raise LayoutError(f"not a stored layout: {brief(rows, 20)}×{brief(cols, 20)} grid with "
                                  f"{len(cells)} cells (at most {MAX_GRID_LINES}×{MAX_GRID_LINES})")
            return cls(rows, cols, tuple(Cell(*map(int, c)) for c in cells))
        except LayoutError:
            raise
        except (ValueError, KeyError, TypeError, OverflowError, RecursionError) as err:
            raise LayoutError(f"not a stored layout: {brief(str(err), 120, quote=False)}") from err


def uniform(rows: int, cols: int | None = None) -> Layout:
    cols = rows if cols is None else cols
    if not (1 <= rows <= MAX_GRID and 1 <= cols <= MAX_GRID):
        raise LayoutError(f"uniform layouts go from 1×1 to {MAX_GRID}×{MAX_GRID}")
    return Layout(rows, cols, tuple(Cell(r, c) for r in range(rows) for c in range(cols)))


def _with_big(rows: int, cols: int, bigs: list[Cell]) -> Layout:
    taken = set().union(*(b.units() for b in bigs))
    small = [Cell(r, c) for r in range(rows) for c in range(cols) if (r, c) not in taken]
    return Layout(rows, cols, (*bigs, *small))


PRESETS = {
    "1+5": lambda: _with_big(3, 3, [Cell(0, 0, 2, 2)]),
    "1+7": lambda: _with_big(4, 4, [Cell(0, 0, 3, 3)]),
    "2+8": lambda: _with_big(4, 4, [Cell(0, 0, 2, 2), Cell(0, 2, 2, 2)]),
    "1+12": lambda: _with_big(4, 4, [Cell(1, 1, 2, 2)]),
    # Three large tiles over four small ones: 12 columns divide evenly into thirds and quarters.
    "3+4": lambda: Layout(3, 12, (Cell(0, 0, 2, 4), Cell(0, 4, 2, 4), Cell(0, 8, 2, 4),
                                  Cell(2, 0, 1, 3), Cell(2, 3, 1, 3), Cell(2, 6, 1, 3), Cell(2, 9, 1, 3))),
}


def layout_named(name: str) -> Layout:
    """'3x3', '2x4', '1+5', … → Layout."""
    if name in PRESETS:
        return PRESETS[name]()
    rows, sep, cols = name.lower().partition("x")
    if sep and rows.isdigit() and cols.isdigit():
        return uniform(int(rows), int(cols))
    raise LayoutError(f"unknown layout {name!r}: use NxM (1x1…8x8) or one of {', '.join(PRESETS)}")


def _spans(total: int, parts: int, gap: int) -> list[tuple[int, int]]:
    """(offset, size) of each of ``parts`` grid lines filling ``total`` pixels; extra pixels go first."""
    usable = max(0, total - gap * (parts - 1))
    base, extra = divmod(usable, parts)
    out, pos = [], 0
    for i in range(parts):
        size = base + (1 if i < extra else 0)
        out.append((pos, size))
        pos += size + gap
    return out
