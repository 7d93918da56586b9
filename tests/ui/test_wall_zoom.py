"""Digital zoom arithmetic (pure): zoom about the cursor, pan, clamping; and the supervisor's crop helpers."""

import pytest

from ui.wall.zoom import MAX_ZOOM, pan, zoom_at, zoom_factor
from videowall.streams.crop import clean_crop, crop_in_pixels


def test_zoom_keeps_the_point_under_the_cursor():
    crop = zoom_at(None, 0.25, 0.75, 2)                # 1.25² = 1.5625×
    x, y, w, h = crop
    assert w == pytest.approx(1 / 1.5625) and h == w
    assert x + 0.25 * w == pytest.approx(0.25) and y + 0.75 * h == pytest.approx(0.75)
    assert zoom_factor(crop) == pytest.approx(1.5625)


def test_zoom_out_to_whole_picture_and_limits():
    assert zoom_at(zoom_at(None, 0.5, 0.5, 1), 0.5, 0.5, -5) is None
    deep = zoom_at(None, 0.5, 0.5, 100)
    assert zoom_factor(deep) == pytest.approx(MAX_ZOOM)


def test_pan_stays_inside_the_picture():
    crop = zoom_at(None, 0.0, 0.0, 3)
    assert crop[:2] == (0.0, 0.0)
    moved = pan(crop, -10, -10)                         # drag far left/up → crop to the right/bottom edge
    assert moved[0] + moved[2] == pytest.approx(1.0) and moved[1] + moved[3] == pytest.approx(1.0)
    assert pan(None, 0.3, 0.3) is None


def test_supervisor_crop_cleaning_and_pixels():
    assert clean_crop((0, 0, 1, 1)) is None
    assert clean_crop((0.9, 0.9, 0.5, 0.5)) == pytest.approx((0.5, 0.5, 0.5, 0.5))
    assert crop_in_pixels(None, 1280, 720) == (0, 0, 1280, 720)
    assert crop_in_pixels((0.25, 0.5, 0.5, 0.25), 1280, 720) == (320, 360, 640, 180)
