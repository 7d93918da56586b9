"""Where a tile's overlay texts go (pure: no Qt): two texts per band, elided, never overlapping.

A band holds a primary text on the left (camera name, state, playback badge) and a secondary one on
the right (local time, fps). The secondary text keeps its full width only while the primary still has
``MIN_PRIMARY_PX`` beside it; otherwise it is dropped, and the primary is elided to what is left. A
text that cannot show even its first character plus an ellipsis is not drawn at all. The widget
passes its font metrics in as ``measure`` (text → width in px) and ``elide`` (text, width → text).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

PAD_PX = 6          # from the tile's edges
GAP_PX = 10         # between the two texts of a band
MIN_PRIMARY_PX = 48

Measure = Callable[[str], int]
Elide = Callable[[str, int], str]


@dataclass(frozen=True)
class PlacedText:
    role: str           # e.g. "name", "time", "state", "detail"
    text: str           # as drawn (maybe elided)
    x: int
    y: int
    width: int          # the drawn text's advance
    height: int

    def overlaps(self, other: PlacedText) -> bool:
        return (self.x < other.x + other.width and other.x < self.x + self.width
                and self.y < other.y + other.height and other.y < self.y + self.height)


def place_band(primary: tuple[str, str], secondary: tuple[str, str], y: int, width: int, height: int,
               measure: Measure, elide: Elide, x0: int = 0) -> list[PlacedText]:
    """Place (role, text) ``primary`` left and ``secondary`` right in a band ``width`` wide at ``y``."""
    (primary_role, primary_text), (secondary_role, secondary_text) = primary, secondary
    room = width - 2 * PAD_PX
    placed: list[PlacedText] = []
    if room <= 0:
        return placed
    secondary_w = measure(secondary_text) if secondary_text else 0
    primary_room = room
    if secondary_text and secondary_w <= room and (not primary_text or secondary_w + GAP_PX + MIN_PRIMARY_PX <= room):
        placed.append(PlacedText(secondary_role, secondary_text, x0 + width - PAD_PX - secondary_w, y,
                                 secondary_w, height))
        primary_room = room - secondary_w - GAP_PX
    if primary_text:
        shown = fit(primary_text, primary_room, measure, elide)
        if shown:
            placed.insert(0, PlacedText(primary_role, shown, x0 + PAD_PX, y, measure(shown), height))
    return placed


def fit(text: str, room: int, measure: Measure, elide: Elide) -> str:
    """``text`` elided to ``room`` px, or "" when not even one character and the ellipsis fit."""
    if room <= 0:
        return ""
    shown = text if measure(text) <= room else elide(text, room)
    if not shown or shown == "…" or measure(shown) > room:
        return ""
    return shown


def place_centre(text: str, role: str, top: int, bottom: int, width: int, line_height: int,
                 measure: Measure, elide: Elide) -> PlacedText | None:
    """One line centred between ``top`` and ``bottom`` (e.g. the state over a tile without a picture)."""
    if not text or bottom - top < line_height:
        return None
    shown = fit(text, width - 2 * PAD_PX, measure, elide)
    if not shown:
        return None
    shown_w = measure(shown)
    return PlacedText(role, shown, (width - shown_w) // 2, top + (bottom - top - line_height) // 2,
                      shown_w, line_height)
