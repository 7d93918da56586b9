"""StreamSupervisor: the single owner of every camera session.

Tiles never open streams. They ask for "camera X at W×H" and get a ``LiveView``; the supervisor opens one
session per (camera, profile), shares it between every view that needs it, and closes it when the last
view lets go. Opening is non-blocking (the session connects on its own thread); closing joins threads, so
it runs on a background closer thread and never blocks the caller (the GUI thread).

Warm sessions (``set_warm``): the streams of views the operator is likely to recall next stay connected with
their decoder idle and their last GOP kept, so recalling the view shows pictures at once (see warm.py).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Hashable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from videowall.media.decoder import LiveDecoder
from videowall.media.frame_memory import keep_frame_buffers
from videowall.media.session import StreamSession
from videowall.media.transport import TransportMemory
from videowall.media.types import (
    LiveFrame, PacketConsumer, SessionState, SessionStatus, StatsSnapshot, StreamOptions, StreamSource,
)
from videowall.model.camera import Camera, Credentials, Profile
from videowall.runtime.clock import SYSTEM_CLOCK, Clock
from videowall.runtime.errors import VideowallError
from videowall.streams.crop import Crop, decode_size
from videowall.streams.live_view import LiveView
from videowall.streams.profile_choice import profile_for_size
from videowall.streams.warm import DEFAULT_MAX_WARM_SESSIONS, SupervisorStats, choose_warm

log = logging.getLogger(__name__)

__all__ = ["LiveView", "StreamSupervisor", "SupervisorStats", "WarmTile"]

CameraLookup = Callable[[int], Camera]
StreamKey = tuple[int, Profile]
WarmTile = tuple[int, int, int]     # camera id, tile width, tile height (device pixels)
CredentialsLookup = Callable[[int], Credentials | None]
# How a stream's session and live decoder are made (keyword arguments as ``StreamSession``/``LiveDecoder``
# take them); tests inject stand-ins to check sharing, the decoder cap and the warm budget without a network.
SessionFactory = Callable[..., StreamSession]
DecoderFactory = Callable[..., LiveDecoder]


@dataclass
class _Stream:
    """One open session, its live decoder, and who uses it: tile views and other packet consumers."""

    session: StreamSession
    decoder: LiveDecoder
    views: set[int] = field(default_factory=set)
    consumers: list[PacketConsumer] = field(default_factory=list)
    wanted: bool = False     # some visible view wants it decoded
    limited: bool = False    # wanted, but held paused by the cap on live decoders
    warm: bool = False       # kept open for a view the operator is likely to recall next

    @property
    def busy(self) -> bool:
        return bool(self.views or self.consumers)

    @property
    def unused(self) -> bool:
        return not self.busy and not self.warm


class StreamSupervisor:
    def __init__(self, camera_lookup: CameraLookup, credentials: CredentialsLookup,
                 options: StreamOptions | None = None, clock: Clock = SYSTEM_CLOCK,
                 decoder_threads: int = 1, max_live_decoders: int = 64,
                 max_warm_sessions: int = DEFAULT_MAX_WARM_SESSIONS,
                 session_factory: SessionFactory = StreamSession,
                 decoder_factory: DecoderFactory = LiveDecoder) -> None:
        self._camera_lookup = camera_lookup
        self._credentials = credentials
        self._options = options or StreamOptions()
        self._transports = TransportMemory()   # what played per camera, shared by its streams and reconnections
        self._clock = clock
        self._decoder_threads = decoder_threads
        self._max_live_decoders = max(1, max_live_decoders)
        self._max_warm_sessions = max(0, max_warm_sessions)
        self._session_factory = session_factory
        self._decoder_factory = decoder_factory
        self._lock = threading.RLock()
        self._streams: dict[StreamKey, _Stream] = {}
        self._warm_requests: dict[Hashable, list[tuple[Camera, Profile]]] = {}
        self._opened = self._closed_count = self._closed_gop_starts = 0
        self._views: dict[int, LiveView] = {}
        self._next_view_id = 1
        self._closer = ThreadPoolExecutor(max_workers=2, thread_name_prefix="session-closer")
        self._closed = False
        keep_frame_buffers()    # the live decoders' pictures churn through big buffers: keep them mapped

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
        self.resize_view(view, width, height)
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
            if stream.warm and not stream.busy:
                self._update_warm()     # no longer recorded: now it counts against the warm budget
            self._close_if_unused(key, stream)

    def set_warm(self, owner: Hashable, tiles: Sequence[WarmTile]) -> None:
        """Keep these tiles' streams warm for ``owner`` (e.g. a wall), best first; replaces its earlier request.

        Each (camera id, width, height) warms the stream (main/sub) a tile of that size would take. The
        supervisor opens what is missing, keeps at most ``max_warm_sessions`` sessions open for warmth
        alone (all owners together) and closes warm sessions that fell out. Cameras that no longer exist
        are skipped.
        """
        if self._closed:
            return
        wanted = []
        for camera_id, width, height in tiles:
            try:
                camera = self._camera_lookup(camera_id)
            except VideowallError:
                continue
            wanted.append((camera, profile_for_size(camera, max(1, width), max(1, height))))
        with self._lock:
            if self._closed:
                return
            if wanted:
                self._warm_requests[owner] = wanted
            else:
                self._warm_requests.pop(owner, None)
            self._update_warm()

    def clear_warm(self, owner: Hashable) -> None:
        self.set_warm(owner, [])

    def is_warm(self, camera_id: int, profile: Profile) -> bool:
        with self._lock:
            stream = self._streams.get((camera_id, profile))
            return bool(stream and stream.warm)

    def stats(self) -> SupervisorStats:
        with self._lock:
            streams = list(self._streams.values())
            warm_only = [s for s in streams if s.warm and not s.busy]
            return SupervisorStats(
                sessions_open=len(streams), sessions_opened=self._opened, sessions_closed=self._closed_count,
                warm_sessions=len(warm_only), warm_ready=sum(1 for s in warm_only if s.decoder.has_gop()),
                gop_starts=self._closed_gop_starts + sum(s.decoder.gop_starts for s in streams))

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
            self._warm_requests.clear()
        for stream in streams:
            stream.session.close()
        self._closer.shutdown(wait=True)

    def session_count(self) -> int:
        with self._lock:
            return len(self._streams)

    def live_decoder_count(self) -> int:
        """Decoders currently decoding (not paused by visibility or by the cap)."""
        with self._lock:
            return self._active_count()

    # -- ViewHost: what a LiveView asks ----------------------------------------------------------
    def resize_view(self, view: LiveView, width: int, height: int) -> None:
        with self._lock:
            if self._closed:
                return
            view.size = (width, height)
            self._choose_stream(view)

    def crop_view(self, view: LiveView, crop: Crop | None) -> None:
        with self._lock:
            if self._closed:
                return
            view.crop = crop
            self._choose_stream(view)

    def _choose_stream(self, view: LiveView) -> None:
        width, height = decode_size(view.size, view.crop)
        profile = profile_for_size(view.camera, width, height)
        if profile is not view.profile:
            old = view.profile
            self._attach(view, profile)
            if old is not None:
                self._detach(view, old)
        self._apply_target_size(view.camera.id, profile)

    def show_view(self, view: LiveView, visible: bool) -> None:
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
        stream.decoder.set_keep_gop(True)
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
        if not stream.views:
            stream.decoder.set_keep_gop(stream.warm)
            if stream.warm:
                self._update_warm()     # no longer shown: now it counts against the warm budget
        if not self._close_if_unused(key, stream):
            self._apply_target_size(*key)

    def _close_if_unused(self, key: StreamKey, stream: _Stream) -> bool:
        if not stream.unused or self._streams.get(key) is not stream:
            return False
        del self._streams[key]
        self._closed_count += 1
        self._closed_gop_starts += stream.decoder.gop_starts
        self._closer.submit(stream.session.close)
        self._rebalance()
        return True

    def _update_warm(self) -> None:
        """Mark the chosen streams warm, open the missing ones, close warm ones that fell out."""
        def busy(key: StreamKey) -> bool:
            stream = self._streams.get(key)
            return bool(stream and stream.busy)

        requests = [[(camera.id, profile) for camera, profile in wanted] for wanted in self._warm_requests.values()]
        chosen = choose_warm(requests, busy, self._max_warm_sessions)
        chosen_set = set(chosen)
        for key, stream in list(self._streams.items()):
            stream.warm = key in chosen_set
            stream.decoder.set_keep_gop(stream.warm or bool(stream.views))
            self._close_if_unused(key, stream)
        cameras = {(camera.id, profile): camera for wanted in self._warm_requests.values()
                   for camera, profile in wanted}
        for key in chosen:
            if key in self._streams:
                continue
            stream = self._open_stream(cameras[key], key[1])
            stream.warm = True
            stream.decoder.set_paused(True)
            stream.decoder.set_keep_gop(True)
            self._streams[key] = stream

    def _open_stream(self, camera: Camera, profile: Profile) -> _Stream:
        source = StreamSource(camera_id=camera.id, profile=profile.value, url=camera.url_for(profile),
                              options=_with_transport(self._options, camera))
        # A camera without credentials never touches the keyring: a station may run without one.
        credentials = (lambda: self._credentials(camera.id)) if camera.has_credentials else None
        session = self._session_factory(source, credentials=credentials, clock=self._clock,
                                        transports=self._transports)
        decoder = self._decoder_factory(clock=self._clock, threads=self._decoder_threads)
        session.add_consumer(decoder)
        session.start()
        self._opened += 1
        log.info("opened session camera=%s profile=%s", camera.id, profile.value)
        return _Stream(session=session, decoder=decoder)

    def _apply_target_size(self, camera_id: int, profile: Profile) -> None:
        """The shared decoder scales to the largest visible view; no visible view → decoding pauses."""
        stream = self._streams.get((camera_id, profile))
        if stream is None:
            return
        sizes = [decode_size(self._views[v].size, self._views[v].crop) for v in stream.views
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

    def view_limited(self, view: LiveView) -> bool:
        stream = self._stream_of(view)
        return bool(stream and stream.limited)

    def _stream_of(self, view: LiveView) -> _Stream | None:
        with self._lock:
            if view.profile is None:
                return None
            return self._streams.get((view.camera.id, view.profile))

    def view_latest(self, view: LiveView) -> LiveFrame | None:
        # Every tile asks on every repaint tick: one dict lookup (atomic under the GIL) instead of the lock.
        profile = view.profile
        stream = self._streams.get((view.camera.id, profile)) if profile is not None else None
        return stream.decoder.latest() if stream else None

    def view_status(self, view: LiveView) -> SessionStatus:
        stream = self._stream_of(view)
        return stream.session.status() if stream else SessionStatus(SessionState.STOPPED)

    def view_stats(self, view: LiveView) -> StatsSnapshot:
        stream = self._stream_of(view)
        return stream.session.stats() if stream else StatsSnapshot()


def _with_transport(options: StreamOptions, camera: Camera) -> StreamOptions:
    from dataclasses import replace
    return replace(options, transport=camera.transport)
