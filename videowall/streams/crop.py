"""The arithmetic of digital zoom: a crop of the picture as fractions, and the decode size it needs."""

from __future__ import annotations

Crop = tuple[float, float, float, float]    # x, y, width, height as fractions of the picture
MAX_DECODE_EDGE = 4096      # a zoomed view never asks the decoder for a bigger picture than this


def decode_size(size: tuple[int, int], crop: Crop | None) -> tuple[int, int]:
    """The picture size a view of ``size`` needs decoded: its own size, enlarged so that its crop fills it."""
    width, height = size
    if crop is None:
        return width, height
    _, _, crop_w, crop_h = crop
    return min(MAX_DECODE_EDGE, round(width / crop_w)), min(MAX_DECODE_EDGE, round(height / crop_h))


def clean_crop(crop: Crop | None) -> Crop | None:
    if crop is None:
        return None
    x, y, w, h = (min(1.0, max(0.0, float(v))) for v in crop)
    w, h = max(0.05, w), max(0.05, h)     # keep the size; move the crop back inside the picture
    if w >= 0.999 and h >= 0.999:
        return None
    return (min(x, 1.0 - w), min(y, 1.0 - h), w, h)


def crop_in_pixels(crop: Crop | None, width: int, height: int) -> tuple[int, int, int, int]:
    """The crop as a pixel rectangle of a width×height picture (the whole picture without a crop)."""
    if crop is None:
        return 0, 0, width, height
    x, y, w, h = crop
    return round(x * width), round(y * height), max(1, round(w * width)), max(1, round(h * height))
