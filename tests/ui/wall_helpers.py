"""Helpers for wall tests: read what a tile really shows (its grabbed pixels), wait for the wall's timer."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage

from videowall.sim.palette import match_camera, patch_rect


def grab_pixels(widget) -> np.ndarray:
    """The widget as the screen shows it, H×W×4 BGRA."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    w, h = image.width(), image.height()
    buf = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    return buf.reshape(h, image.bytesPerLine())[:, : w * 4].reshape(h, w, 4).copy()


def picture_area(tile) -> np.ndarray:
    """The part of a tile's grab covered by the video picture (letterbox removed)."""
    pixels = grab_pixels(tile)
    rect = tile._image_rect()
    return pixels[rect.y(): rect.y() + rect.height(), rect.x(): rect.x() + rect.width()]


def shown_camera(tile, cameras: int) -> int | None:
    """Which simulated camera the tile shows, from the mean colour of the always-solid patch.

    Only the patch's lower half is used: the overlay's name band covers the top of the picture.
    """
    picture = picture_area(tile)
    x, y, w, h = patch_rect(picture.shape[1], picture.shape[0])
    region = picture[y + h // 2: y + h, x: x + w, :3].reshape(-1, 3)
    return match_camera(tuple(float(v) for v in region.mean(axis=0)), cameras)


def wait_wall_tick(qtbot, wall) -> None:
    """Until the wall's repaint timer has fired once more (its slot runs before ours: connected first), so
    whatever that timer would do after a step of an injected clock (a tour moving on) has been done."""
    with qtbot.waitSignal(wall._timer.timeout, timeout=10_000):
        pass
