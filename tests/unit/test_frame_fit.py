"""Tile-size fitting of the live decoder (pure geometry)."""

from __future__ import annotations

import pytest

from videowall.media.frame_convert import fit_size


@pytest.mark.parametrize("src, box, expected", [
    ((1920, 1080), (1920, 1080), (1920, 1080)),
    ((1920, 1080), (480, 270), (480, 270)),
    ((1920, 1080), (400, 400), (400, 225)),     # wide picture in a square tile: letterboxed
    ((640, 360), (300, 600), (300, 169)),
    ((720, 1280), (400, 400), (225, 400)),      # portrait (corridor mode)
    ((640, 360), (1280, 1080), (1280, 720)),    # upscaling fits too
    ((640, 480), (1, 1), (1, 1)),
])
def test_fit_keeps_the_aspect_ratio_inside_the_box(src, box, expected) -> None:
    assert fit_size(*src, *box) == expected


def test_non_square_pixels_use_the_display_aspect() -> None:
    # 704×576 PAL with 12:11 pixels displays as ≈768×576 (4:3).
    assert fit_size(704, 576, 400, 300, sample_aspect=12 / 11) == (400, 300)


def test_unknown_source_size_uses_the_box() -> None:
    assert fit_size(0, 0, 320, 180) == (320, 180)


def test_nearly_native_sizes_are_converted_unscaled():
    from videowall.media.frame_convert import decode_size
    assert decode_size(640, 360, 638, 358) == (640, 360)      # a 3×3 tile on a 1080p wall: SIMD fast path
    assert decode_size(640, 360, 700, 394) == (640, 360)
    assert decode_size(640, 360, 478, 268) == (478, 268)      # a real downscale keeps swscale's filter
    assert decode_size(640, 360, 1280, 720) == (1280, 720)
    assert decode_size(0, 0, 10, 10) == (10, 10)
