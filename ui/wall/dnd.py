"""Drag and drop payloads between the camera tree and wall tiles."""

from __future__ import annotations

from PySide6.QtCore import QMimeData

CAMERA_MIME = "application/x-videowall-camera"
TILE_MIME = "application/x-videowall-tile"


def camera_mime(camera_id: int) -> QMimeData:
    data = QMimeData()
    data.setData(CAMERA_MIME, str(camera_id).encode("ascii"))
    return data


def tile_mime(wall_token: int, index: int) -> QMimeData:
    data = QMimeData()
    data.setData(TILE_MIME, f"{wall_token}:{index}".encode("ascii"))
    return data


def dropped_camera(mime: QMimeData) -> int | None:
    if not mime.hasFormat(CAMERA_MIME):
        return None
    text = bytes(mime.data(CAMERA_MIME)).decode("ascii", "replace")
    return int(text) if text.isdigit() else None


def dropped_tile(mime: QMimeData, wall_token: int) -> int | None:
    """Index of the dragged tile, if it comes from the same wall."""
    if not mime.hasFormat(TILE_MIME):
        return None
    token, _, index = bytes(mime.data(TILE_MIME)).decode("ascii", "replace").partition(":")
    return int(index) if token == str(wall_token) and index.isdigit() else None
