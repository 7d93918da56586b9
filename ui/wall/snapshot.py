"""Ctrl+S on a tile: the current picture as a PNG named and tagged with camera and UTC time."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from PySide6.QtGui import QImage

SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def snapshot_name(camera_name: str, when_utc: datetime) -> str:
    stamp = when_utc.strftime("%Y%m%dT%H%M%S") + f".{when_utc.microsecond // 1000:03d}Z"
    return f"{SAFE_NAME.sub('_', camera_name).strip('_') or 'camera'}_{stamp}.png"


def save_snapshot(image: QImage, folder: Path, camera_id: int, camera_name: str, when_utc: datetime) -> Path:
    """Write ``image`` (a full-resolution copy of what the tile shows) as PNG with tEXt metadata."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / snapshot_name(camera_name, when_utc)
    out = image.copy()      # the tile's QImage wraps the decoder's buffer; never hand that to a writer
    out.setText("Camera", camera_name)
    out.setText("CameraId", str(camera_id))
    out.setText("CaptureTimeUTC", when_utc.isoformat(timespec="milliseconds").replace("+00:00", "Z"))
    out.setText("Software", "videowall")
    if not out.save(str(path), "PNG"):
        raise OSError(f"could not write {path.name}")
    return path
