"""Digital zoom of a tile as a crop of the picture (pure: no Qt), in fractions of the picture.

The crop goes to ``LiveView.set_crop`` so the decoder delivers the cropped part at full detail.
"""

from __future__ import annotations

from videowall.streams.crop import Crop

ZOOM_STEP = 1.25
MAX_ZOOM = 16.0


def zoom_at(crop: Crop | None, fx: float, fy: float, steps: float) -> Crop | None:
    """Zoom by ``ZOOM_STEP ** steps`` keeping the picture point under (fx, fy) (tile fractions) in place."""
    x, y, w, h = crop or (0.0, 0.0, 1.0, 1.0)
    zoom = min(MAX_ZOOM, max(1.0, (1.0 / w) * ZOOM_STEP ** steps))
    new_w = new_h = 1.0 / zoom
    px, py = x + fx * w, y + fy * h         # the picture point under the cursor
    return _clamped(px - fx * new_w, py - fy * new_h, new_w, new_h)


def pan(crop: Crop | None, dx: float, dy: float) -> Crop | None:
    """Move the crop by (dx, dy) tile fractions (dragging the picture moves the crop the other way)."""
    if crop is None:
        return None
    x, y, w, h = crop
    return _clamped(x - dx * w, y - dy * h, w, h)


def zoom_factor(crop: Crop | None) -> float:
    return 1.0 if crop is None else 1.0 / crop[2]


def _clamped(x: float, y: float, w: float, h: float) -> Crop | None:
    if w >= 0.999:
        return None
    return (min(max(0.0, x), 1.0 - w), min(max(0.0, y), 1.0 - h), w, h)
