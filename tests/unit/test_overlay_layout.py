"""Overlay text placement: elided, the secondary text dropped before the primary, never overlapping."""

from __future__ import annotations

import pytest

from ui.wall.overlay_layout import MIN_PRIMARY_PX, PAD_PX, place_band, place_centre

CHAR_PX = 7


def measure(text: str) -> int:
    return len(text) * CHAR_PX


def elide(text: str, room: int) -> str:
    keep = room // CHAR_PX - 1
    return text[:keep] + "…" if keep > 0 else ""


@pytest.mark.parametrize("width", [0, 8, 30, 60, 90, 120, 160, 238, 400, 1920])
def test_band_texts_stay_inside_and_apart_at_every_width(width):
    placed = place_band(("name", "Rondo Grunwaldzkie — wjazd od Konopnickiej"), ("time", "23:59:59"),
                        0, width, 16, measure, elide)
    for p in placed:
        assert PAD_PX <= p.x and p.x + p.width <= width - PAD_PX
        assert p.width == measure(p.text)
    if len(placed) == 2:
        assert not placed[0].overlaps(placed[1])
        assert placed[0].x + placed[0].width <= placed[1].x


def test_a_narrow_band_drops_the_time_and_keeps_the_name():
    width = 2 * PAD_PX + measure("23:59:59") + MIN_PRIMARY_PX - 1
    placed = place_band(("name", "CAM 01 Rynek Główny, wschód"), ("time", "23:59:59"), 0, width, 16, measure,
                        elide)
    assert [p.role for p in placed] == ["name"]
    assert placed[0].text.endswith("…")


def test_a_wide_band_shows_both_in_full():
    placed = place_band(("name", "CAM 01"), ("time", "12:00:00"), 0, 400, 16, measure, elide)
    assert [(p.role, p.text) for p in placed] == [("name", "CAM 01"), ("time", "12:00:00")]
    assert placed[1].x + placed[1].width == 400 - PAD_PX


def test_secondary_alone_when_there_is_no_primary():
    placed = place_band(("name", ""), ("time", "12:00:00"), 0, 100, 16, measure, elide)
    assert [p.role for p in placed] == ["time"]


def test_centre_line_needs_room_between_the_bands():
    assert place_centre("unreachable", "centre", 16, 30, 200, 16, measure, elide) is None
    placed = place_centre("unreachable", "centre", 16, 100, 200, 16, measure, elide)
    assert placed is not None and 16 <= placed.y and placed.y + placed.height <= 100
