"""The parts of the wall's frame path that bench/live_wall.py times (see wall_parts.py), by name."""

from __future__ import annotations

from bench.wall_parts import Part
from ui.wall.tile_overlay import TileOverlay
from ui.wall.tile_widget import TileWidget
from ui.wall.wall_window import WallWindow
from videowall.media.decoder import LiveDecoder
from videowall.media.fanout import Fanout


class _TimedReformatter:
    """Stands in for a decoder's VideoReformatter (a C type, whose methods cannot be wrapped)."""

    def __init__(self, inner) -> None:
        self.inner = inner

    def reformat(self, *args, **kwargs):
        return self.inner.reformat(*args, **kwargs)


def frame_path_parts(supervisor) -> list[Part]:
    for stream in supervisor._streams.values():
        if not isinstance(stream.decoder._reformatter, _TimedReformatter):
            stream.decoder._reformatter = _TimedReformatter(stream.decoder._reformatter)
    return [
        Part(Fanout, "deliver", "fanout"),
        Part(LiveDecoder, "on_packet", "decoder per packet"),
        Part(LiveDecoder, "_decode", "decode"),
        Part(LiveDecoder, "_to_bgra", "copy into image"),
        Part(_TimedReformatter, "reformat", "conversion"),
        Part(LiveDecoder, "_publish", "publish"),
        Part(WallWindow, "_on_timer_timeout", "repaint timer"),
        Part(TileWidget, "paintEvent", "paint"),
        Part(TileOverlay, "paint", "overlay"),
    ]
