"""StreamSupervisor: the single owner of every camera session.

Tiles never open streams. They ask for "camera X at W×H" and get a ``LiveView``; the supervisor opens one
session per (camera, profile), shares it between every view that needs it, and closes it when the last
view lets go. Opening is non-blocking (the session connects on its own thread); closing joins threads, so
it runs on a background closer thread and never blocks the caller (the GUI thread).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from videowall.media.decoder import LiveDecoder
from videowall.media.session import StreamSession
from videowall.media.types import (
    LiveFrame, PacketConsumer, SessionState, SessionStatus, StatsSnapshot, StreamOptions, StreamSource,
)
from videowall.model.camera import Camera, Credentials, Profile
from videowall.runtime.clock import SYSTEM_CLOCK, Clock
from videowall.streams.profile_choice import profile_for_size

log = logging.getLogger(__name__)

CameraLookup = Callable[[int], Camera]
Crop = tuple[float, float, float, float]
MAX_DECODE_EDGE = 4096      # a zoomed view never asks the decoder for a bigger picture than this
CredentialsLookup = Callable[[int], Credentials | None]


@dataclass
class _Stream:
    """One open session, its live decoder, and who uses it: tile views and other packet consumers."""

    session: StreamSession
    decoder: LiveDecoder
    views: set[int] = field(default_factory=set)
    consumers: list[PacketConsumer] = field(default_factory=list)
    wanted: bool = False     # some visible view wants it decoded
    limited: bool = False    # wanted, but held paused by the cap on live decoders

    @property
    def unused(self) -> bool:
        return not self.views and not self.consumers


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
        self._supervisor._set_crop(self, _clean_crop(crop))

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


class StreamSupervisor:
    def __init__(self, camera_lookup: CameraLookup, credentials: CredentialsLookup,
                 options: StreamOptions | None = None, clock: Clock = SYSTEM_CLOCK,
                 decoder_threads: int = 1, max_live_decoders: int = 64) -> None:
        self._camera_lookup = camera_lookup
        self._credentials = credentials
        self._options = options or StreamOptions()
        self._clock = clock
        self._decoder_threads = decoder_threads
        self._max_live_decoders = max(1, max_live_decoders)
        self._lock = threading.RLock()
        self._streams: dict[tuple[int, Profile], _Stream] = {}
        self._views: dict[int, LiveView] = {}
        self._next_view_id = 1
        self._closer = ThreadPoolExecutor(max_workers=2, thread_name_prefix="session-closer")
        self._closed = False

    # -- views ---------------------------------------------------------------------------------
    def camera(self, camera_id: int) -> Camera:
        """The camera with that id (raises the lookup's error, e.g. VideowallError NOT_FOUND)."""
        return self._camera_lookup(camera_id)

    def open_view(self, camera_id: int, width: int = 640, height: int = 360) -> LiveView:
        camera = self._camera_lookup(camera_id)
        with self._lock:
            view = LiveView(self, self._next_view_id, camera)
            self._next_view_id += 1
            self._views[view.view_id] = view
        self._resize(view, width, height)
        return view

    def attach_consumer(self, camera_id: int, profile: Profile, consumer: PacketConsumer) -> None:
        """Feed ``consumer`` (e.g. the recorder) from the camera's one session, opening it if needed.

        The session stays open while it has consumers, even with no tile showing it; its live decoder
        then stays paused, so recording a camera costs no decoding.
        """
        with self._lock:
            key = (camera_id, profile)
            stream = self._streams.get(key)
            if stream is None:
                stream = self._open_stream(self._camera_lookup(camera_id), profile)
                self._streams[key] = stream
                stream.decoder.set_paused(True)
            stream.consumers.append(consumer)
            stream.session.add_consumer(consumer)

    def detach_consumer(self, camera_id: int, profile: Profile, consumer: PacketConsumer) -> None:
        with self._lock:
            key = (camera_id, profile)
            stream = self._streams.get(key)
            if stream is None or consumer not in stream.consumers:
                return
            stream.consumers.remove(consumer)
            stream.session.remove_consumer(consumer)
            self._close_if_unused(key, stream)

    def session_status(self, camera_id: int, profile: Profile) -> SessionStatus:
        with self._lock:
            stream = self._streams.get((camera_id, profile))
        return stream.session.status() if stream else SessionStatus(SessionState.STOPPED)

    def release(self, view: LiveView) -> None:
        with self._lock:
            if self._views.pop(view.view_id, None) is None:
                return
            self._detach(view)

    def close(self) -> None:
        """Close every session; waits for their threads (call from a worker or at shutdown)."""
        with self._lock:
            self._closed = True
            streams = list(self._streams.values())
            self._streams.clear()
            self._views.clear()
        for stream in streams:
            stream.session.close()
        self._closer.shutdown(wait=True)

    def session_count(self) -> int:
        with self._lock:
            return len(self._streams)

    # -- internals used by LiveView --------------------------------------------------------------
    def live_decoder_count(self) -> int:
        """Decoders currently decoding (not paused by visibility or by the cap)."""
        with self._lock:
            return self._active_count()

    def _resize(self, view: LiveView, width: int, height: int) -> None:
        with self._lock:
            if self._closed:
                return
            view.size = (width, height)
            self._choose_stream(view)

    def _set_crop(self, view: LiveView, crop: Crop | None) -> None:
        with self._lock:
            if self._closed:
                return
            view.crop = crop
            self._choose_stream(view)

    def _choose_stream(self, view: LiveView) -> None:
        width, height = _decode_size(view)
        profile = profile_for_size(view.camera, width, height)
        if profile is not view.profile:
            old = view.profile
            self._attach(view, profile)
            if old is not None:
                self._detach(view, old)
        self._apply_target_size(view.camera.id, profile)

    def _set_visible(self, view: LiveView, visible: bool) -> None:
        with self._lock:
            view.visible = visible
            if view.profile is not None:
                self._apply_target_size(view.camera.id, view.profile)

    def _attach(self, view: LiveView, profile: Profile) -> None:
        key = (view.camera.id, profile)
        stream = self._streams.get(key)
        if stream is None:
            stream = self._open_stream(view.camera, profile)
            self._streams[key] = stream
        stream.views.add(view.view_id)
        view.profile = profile

    def _detach(self, view: LiveView, profile: Profile | None = None) -> None:
        profile = profile or view.profile
        if profile is None:
            return
        key = (view.camera.id, profile)
        stream = self._streams.get(key)
        if stream is None:
            return
        stream.views.discard(view.view_id)
        if not self._close_if_unused(key, stream):
            self._apply_target_size(*key)

    def _close_if_unused(self, key: tuple[int, Profile], stream: _Stream) -> bool:
        if not stream.unused:
            return False
        del self._streams[key]
        self._closer.submit(stream.session.close)
        self._rebalance()
        return True

    def _open_stream(self, camera: Camera, profile: Profile) -> _Stream:
        source = StreamSource(camera_id=camera.id, profile=profile.value, url=camera.url_for(profile),
                              options=_with_transport(self._options, camera))
        session = StreamSession(source, credentials=lambda: self._credentials(camera.id), clock=self._clock)
        decoder = LiveDecoder(clock=self._clock, threads=self._decoder_threads)
        session.add_consumer(decoder)
        session.start()
        log.info("opened session camera=%s profile=%s", camera.id, profile.value)
        return _Stream(session=session, decoder=decoder)

    def _apply_target_size(self, camera_id: int, profile: Profile) -> None:
        """The shared decoder scales to the largest visible view; no visible view → decoding pauses."""
        stream = self._streams.get((camera_id, profile))
        if stream is None:
            return
        sizes = [_decode_size(self._views[v]) for v in stream.views
                 if v in self._views and self._views[v].visible]
        if not sizes:
            stream.decoder.set_paused(True)
            if stream.wanted:
                stream.wanted = stream.limited = False
                self._rebalance()
            return
        stream.decoder.set_target_size(max(w for w, _ in sizes), max(h for _, h in sizes))
        if not stream.wanted:
            stream.limited = self._active_count() >= self._max_live_decoders
            stream.wanted = True
        stream.decoder.set_paused(stream.limited)

    def _active_count(self) -> int:
        return sum(1 for s in self._streams.values() if s.wanted and not s.limited)

    def _rebalance(self) -> None:
        """A decoder slot freed up: resume the longest-waiting limited streams."""
        for stream in self._streams.values():
            if stream.wanted and stream.limited and self._active_count() < self._max_live_decoders:
                stream.limited = False
                stream.decoder.set_paused(False)

    def _limited(self, view: LiveView) -> bool:
        stream = self._stream_of(view)
        return bool(stream and stream.limited)

    def _stream_of(self, view: LiveView) -> _Stream | None:
        with self._lock:
            if view.profile is None:
                return None
            return self._streams.get((view.camera.id, view.profile))

    def _latest(self, view: LiveView) -> LiveFrame | None:
        stream = self._stream_of(view)
        return stream.decoder.latest() if stream else None

    def _status(self, view: LiveView) -> SessionStatus:
        stream = self._stream_of(view)
        return stream.session.status() if stream else SessionStatus(SessionState.STOPPED)

    def _stats(self, view: LiveView) -> StatsSnapshot:
        stream = self._stream_of(view)
        return stream.session.stats() if stream else StatsSnapshot()


def _decode_size(view: LiveView) -> tuple[int, int]:
    """The picture size a view needs decoded: its own size, enlarged so that its crop fills it."""
    width, height = view.size
    if view.crop is None:
        return width, height
    _, _, crop_w, crop_h = view.crop
    return min(MAX_DECODE_EDGE, round(width / crop_w)), min(MAX_DECODE_EDGE, round(height / crop_h))


def _clean_crop(crop: Crop | None) -> Crop | None:
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


def _with_transport(options: StreamOptions, camera: Camera) -> StreamOptions:
    from dataclasses import replace
    return replace(options, transport=camera.transport)
