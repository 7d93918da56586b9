"""The application icon: ``videowall.svg`` (the source) and the PNG/ICO renderings made from it."""

from __future__ import annotations

from pathlib import Path

ICON_DIR = Path(__file__).resolve().parent
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)


def icon_path(size: int | None = None) -> Path:
    """The SVG (``size`` None) or the PNG rendering of that size."""
    return ICON_DIR / ("videowall.svg" if size is None else f"videowall-{size}.png")
