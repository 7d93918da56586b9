"""LiveView: what a tile holds ("camera X at W×H"), and ``ViewHost``, what it asks of its owner."""

from __future__ import annotations

from typing import Protocol

from videowall.media.types import LiveFrame, SessionStatus, StatsSnapshot
from videowall.model.camera import Camera, Profile
from videowall.streams.crop import Crop, clean_crop


class ViewHost(Protocol):
    """The owner of a view's stream (the ``StreamSupervisor``); every call is safe from the GUI thread."""

    def resize_view(self, view: LiveView, width: int, height: int) -> None: ...

    def crop_view(self, view: LiveView, crop: Crop | None) -> None: ...

    def show_view(self, view: LiveView, visible: bool) -> None: ...

    def view_limited(self, view: LiveView) -> bool: ...

    def view_latest(self, view: LiveView) -> LiveFrame | None: ...

    def view_status(self, view: LiveView) -> SessionStatus: ...

    def view_stats(self, view: LiveView) -> StatsSnapshot: ...

    def release(self, view: LiveView) -> None: ...


class LiveView:
    """What a tile holds: the newest frame, state and stats of one camera at the tile's size.

    All methods are cheap and safe to call from the GUI thread.
    """

    def __init__(self, host: ViewHost, view_id: int, camera: Camera) -> None:
        self._host = host
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
        tile then paints only the crop of ``latest().image`` (see ``crop.crop_in_pixels``).
        """
        self._host.crop_view(self, clean_crop(crop))

    def limited(self) -> bool:
        """True while this view's decoder is held paused by the cap on live decoders."""
        return self._host.view_limited(self)

    def set_size(self, width: int, height: int) -> None:
        self._host.resize_view(self, max(1, width), max(1, height))

    def set_visible(self, visible: bool) -> None:
        self._host.show_view(self, visible)

    def latest(self) -> LiveFrame | None:
        return self._host.view_latest(self)

    def status(self) -> SessionStatus:
        return self._host.view_status(self)

    def stats(self) -> StatsSnapshot:
        return self._host.view_stats(self)

    def release(self) -> None:
        self._host.release(self)
