"""Frames become BGRA pictures at the painted size, in the buffer swscale wrote (no copy), kept alive by the picture."""

from __future__ import annotations

import gc
import sys
from fractions import Fraction

import av
import numpy as np
import pytest

from videowall.media.frame_convert import FrameConverter
from videowall.media.frame_memory import keep_frame_buffers


def solid_frame(width: int, height: int, bgr: tuple[int, int, int]) -> av.VideoFrame:
    """A YUV 4:2:0 frame of one colour, as a decoder hands it out."""
    pixels = np.empty((height, width, 3), np.uint8)
    pixels[:] = bgr
    return av.VideoFrame.from_ndarray(pixels, format="bgr24").reformat(format="yuv420p")


def test_converts_to_the_fitting_size_in_bgra():
    image = FrameConverter().convert(solid_frame(640, 360, (30, 200, 90)), (478, 268))
    assert image.shape == (268, 476, 4) and image.dtype == np.uint8
    assert image.flags["C_CONTIGUOUS"]
    b, g, r, _ = (int(v) for v in image[134, 238])
    assert abs(b - 30) <= 6 and abs(g - 200) <= 6 and abs(r - 90) <= 6


def test_the_picture_is_the_buffer_swscale_wrote_and_outlives_the_frame():
    converter = FrameConverter()
    image = converter.convert(solid_frame(640, 360, (250, 10, 10)), (320, 180))
    assert image.base is not None                      # a view of PyAV's buffer, not a copy of it
    gc.collect()
    churn = [converter.convert(solid_frame(640, 360, (0, 0, 0)), (320, 180)) for _ in range(5)]
    assert int(image[90, 160, 0]) >= 240 and int(image[90, 160, 2]) <= 20    # still its own blue picture
    assert all(int(c[90, 160, 0]) <= 10 for c in churn)


def test_near_native_size_converts_unscaled_and_a_new_target_takes_effect():
    converter = FrameConverter()
    frame = solid_frame(640, 360, (128, 128, 128))
    assert converter.convert(frame, (638, 358)).shape[:2] == (360, 640)
    assert converter.convert(frame, (320, 320)).shape[:2] == (180, 320)
    assert converter.convert(frame, None).shape[:2] == (360, 640)


def test_non_square_pixels_keep_the_display_aspect():
    image = FrameConverter().convert(solid_frame(704, 576, (0, 0, 0)), (400, 300), Fraction(12, 11))
    assert image.shape[:2] == (300, 400)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator thresholds")
def test_frame_buffer_thresholds_are_set_once():
    assert keep_frame_buffers() is True
    assert keep_frame_buffers() is True
