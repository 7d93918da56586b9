"""Which stream of a camera a tile should show: the sub stream for small tiles, the main one for large."""

from __future__ import annotations

from videowall.model.camera import Camera, Profile

# A tile at least this many device pixels wide (or high) gains from the main stream's detail.
MAIN_STREAM_MIN_WIDTH = 800
MAIN_STREAM_MIN_HEIGHT = 450


def profile_for_size(camera: Camera, width: int, height: int) -> Profile:
    if not camera.sub_url:
        return Profile.MAIN
    if width >= MAIN_STREAM_MIN_WIDTH or height >= MAIN_STREAM_MIN_HEIGHT:
        return Profile.MAIN
    return Profile.SUB
