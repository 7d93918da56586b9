"""A short synthetic H.264 clip for the installed app's self-test (PyAV's bundled libx264)."""

from __future__ import annotations

from pathlib import Path

import av
import numpy as np

BACKGROUND_RGB = (40, 200, 120)   # the clip's colour: neither a tile's black nor any overlay colour
SQUARE_PX = 32                    # a white square moving across it, so consecutive frames differ


def encode_test_clip(path: Path, size: tuple[int, int] = (320, 240), fps: int = 25, seconds: int = 3) -> dict:
    """Write an H.264 MP4 of ``BACKGROUND_RGB`` with a moving white square; return what was encoded."""
    width, height = size
    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=fps, options={"preset": "ultrafast", "tune": "zerolatency",
                                                                     "g": str(fps), "bf": "0"})
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        background = np.empty((height, width, 3), dtype=np.uint8)
        background[:] = BACKGROUND_RGB
        for index in range(fps * seconds):
            picture = background.copy()
            x = (index * 7) % (width - SQUARE_PX)
            y = (index * 3) % (height - SQUARE_PX)
            picture[y: y + SQUARE_PX, x: x + SQUARE_PX] = 255
            for packet in stream.encode(av.VideoFrame.from_ndarray(picture, format="rgb24")):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return {"codec": "libx264", "size": [width, height], "fps": fps, "seconds": seconds,
            "bytes": path.stat().st_size,
            "versions": {"pyav": av.__version__, "ffmpeg": str(av.ffmpeg_version_info)}}
