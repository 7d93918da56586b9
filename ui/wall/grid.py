"""How many rows and columns a wall of N cameras gets (pure: no Qt). Pixel geometry: videowall.model.layout."""

from __future__ import annotations

import math


def grid_for(count: int) -> tuple[int, int]:
    """Smallest near-square grid (rows, cols) that holds ``count`` tiles: 9 → 3×3, 10 → 3×4."""
    if count <= 1:
        return 1, 1
    cols = math.ceil(math.sqrt(count))
    rows = math.ceil(count / cols)
    return rows, cols
