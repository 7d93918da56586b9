"""Camera colours of the simulator and the always-solid patch that lets a test tell cameras apart.

Every simulated camera paints its background in its own colour, and the top-right patch of every frame
(``patch_rect``) never carries text, the moving box or the pixel code. A test averages that patch of a
tile image and compares it with ``camera_color`` (``match_camera`` does both).

Colours come from the 3-level grid {40, 128, 216} per channel: any two differ by 88 in at least one channel,
far more than H.264 plus a 4:2:0 round trip shifts a flat area (a few units). The greys are last, so the
first 24 cameras all have a saturated colour. Pure numpy-free Python: importable from Debian's 3.11 server
process and from the 3.12 client alike.
"""

from __future__ import annotations

_LOW, _MID, _HIGH = 40, 128, 216

# (B, G, R), ordered so that neighbours on a 3×3 or 4×4 wall look clearly different.
_COLORS: tuple[tuple[int, int, int], ...] = (
    (_LOW, _LOW, _HIGH),    # red
    (_LOW, _HIGH, _LOW),    # green
    (_HIGH, _LOW, _LOW),    # blue
    (_LOW, _HIGH, _HIGH),   # yellow
    (_HIGH, _LOW, _HIGH),   # magenta
    (_HIGH, _HIGH, _LOW),   # cyan
    (_LOW, _MID, _HIGH),    # orange
    (_MID, _LOW, _MID),     # purple
    (_LOW, _MID, _LOW),     # dark green
    (_MID, _LOW, _LOW),     # navy
    (_LOW, _LOW, _MID),     # maroon
    (_MID, _MID, _LOW),     # teal
    (_LOW, _MID, _MID),     # olive
    (_HIGH, _MID, _LOW),    # azure
    (_MID, _LOW, _HIGH),    # rose
    (_LOW, _HIGH, _MID),    # chartreuse
    (_HIGH, _LOW, _MID),    # violet
    (_MID, _HIGH, _LOW),    # spring green
    (_MID, _HIGH, _HIGH),   # light yellow
    (_HIGH, _MID, _HIGH),   # pink
    (_HIGH, _HIGH, _MID),   # light cyan
    (_MID, _MID, _HIGH),    # salmon
    (_MID, _HIGH, _MID),    # light green
    (_HIGH, _MID, _MID),    # light blue
    (_MID, _MID, _MID),     # grey
    (_LOW, _LOW, _LOW),     # charcoal
    (_HIGH, _HIGH, _HIGH),  # silver
)

DISTINCT_COLORS = len(_COLORS)
# Largest per-channel difference still accepted as "the same camera": half the grid step, minus margin.
PATCH_TOLERANCE = 36


def camera_color(index: int) -> tuple[int, int, int]:
    """(B, G, R) of camera ``index`` (1-based, as in ``cam1``); repeats after ``DISTINCT_COLORS`` cameras."""
    return _COLORS[(index - 1) % DISTINCT_COLORS]


def patch_rect(width: int, height: int) -> tuple[int, int, int, int]:
    """(x, y, w, h) of the region that is solid camera colour in every frame: right quarter of the top quarter."""
    x = width - width // 4
    return x, 0, width - x, height // 4


def match_camera(mean_bgr: tuple[float, float, float], cameras: int,
                 tolerance: float = PATCH_TOLERANCE) -> int | None:
    """The camera (1..cameras) whose colour ``mean_bgr`` shows, or None when no colour is close enough."""
    best, best_diff = None, float("inf")
    for index in range(1, min(cameras, DISTINCT_COLORS) + 1):
        diff = max(abs(a - b) for a, b in zip(mean_bgr, camera_color(index)))
        if diff < best_diff:
            best, best_diff = index, diff
    return best if best_diff <= tolerance else None
