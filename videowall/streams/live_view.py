"""LiveView: what a tile holds ("camera X at W×H"), plus the crop arithmetic of digital zoom."""

from __future__ import annotations

from typing import TYPE_CHECKING

from videowall.media.types import LiveFrame, SessionStatus, StatsSnapshot
from videowall.model.camera import Camera, Profile

if TYPE_CHECKING:
    from videowall.streams.supervisor import StreamSupervisor

Crop = tuple[float, float, float, float]
MAX_DECODE_EDGE = 4096      # a zoomed view never asks the decoder for a bigger picture than this


class LiveView:
    """What a tile holds: the newest frame, state and stats of one camera at the tile's size.

    All methods are cheap and safe to call from the GUI thread.
    """

    def __init__(self, supervisor: StreamSupervisor, view_id: int, camera: Camera) -> None:
        self._supervisor = supervisor
        self.view_id = view_id
        self.camera = camera
        self.profile: Profile | None = None
        self.size = (0, 0)
        self.visible = True
        self.crop: Crop | None = None

    def set_crop(self, crop: Crop | None) -> None:
        """Digital zoom: show only ``crop`` (x, y, w, h as fractions of the picture); None = whole picture.

        The decoder is asked for the picture at the size that makes the crop fill the tile at full
        detail (and a zoomed small tile moves to the main stream), so the zoomed image stays sharp; the
        tile then paints only the crop of ``latest().image`` (see ``crop_in_pixels``).
        """
        self._supervisor._set_crop(self, clean_crop(crop))

    def limited(self) -> bool:
        """True while this view's decoder is held paused by the cap on live decoders."""
        return self._supervisor._limited(self)

    def set_size(self, width: int, height: int) -> None:
        self._supervisor._resize(self, max(1, width), max(1, height))

    def set_visible(self, visible: bool) -> None:
        self._supervisor._set_visible(self, visible)

    def latest(self) -> LiveFrame | None:
        return self._supervisor._latest(self)

    def status(self) -> SessionStatus:
        return self._supervisor._status(self)

    def stats(self) -> StatsSnapshot:
        return self._supervisor._stats(self)

    def release(self) -> None:
        self._supervisor.release(self)


def decode_size(view: LiveView) -> tuple[int, int]:
    """The picture size a view needs decoded: its own size, enlarged so that its crop fills it."""
    width, height = view.size
    if view.crop is None:
        return width, height
    _, _, crop_w, crop_h = view.crop
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
