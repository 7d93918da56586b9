"""The parts of the wall's frame path that bench/live_wall.py times (see wall_parts.py), by name."""

from __future__ import annotations

from bench.wall_parts import Part
from ui.wall.tile_overlay import TileOverlay
from ui.wall.tile_widget import TileWidget
from ui.wall.wall_window import WallWindow
from videowall.media.decoder import LiveDecoder
from videowall.media.fanout import Fanout
from videowall.media.frame_convert import FrameConverter

# Thread group (bench/threads_cpu.py) → the parts that run on it.
PARTS_BY_GROUP = {"gui": ("repaint timer", "paint", "overlay"),
                  "stream": ("fanout", "decoder per packet", "decode", "conversion", "image from buffer", "publish")}


def frame_path_parts() -> list[Part]:
    return [
        Part(Fanout, "deliver", "fanout"),                        # session → its consumers
        Part(LiveDecoder, "on_packet", "decoder per packet"),     # keyframe/lag/GOP logic per packet
        Part(LiveDecoder, "_decode", "decode"),                   # FFmpeg decoding (+ the frame loop)
        Part(FrameConverter, "convert", "image from buffer"),     # size choice, NumPy view of the BGRA buffer
        Part(FrameConverter, "scale", "conversion"),              # swscale: YUV → BGRA at the painted size
        Part(LiveDecoder, "_publish", "publish"),                 # newest-frame hand-over (lock)
        Part(WallWindow, "_on_timer_timeout", "repaint timer"),   # every tile takes its newest frame
        Part(TileWidget, "_paint_frame", "paint"),                # drawImage + letterbox
        Part(TileOverlay, "paint", "overlay"),                    # the overlay bands
    ]
