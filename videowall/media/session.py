"""One RTSP connection to one camera stream: opens it, fans its packets out, reconnects by itself.

Threads: ``start``/``close``/``add_consumer``/``status``/``stats`` run on the owner's thread; opening, reading
and every consumer callback run on the session's own daemon thread (named ``stream-cam<id>-<profile>``).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from urllib.parse import urlsplit

from videowall.media import av_interrupt
from videowall.media.av_errors import (
    exception_text, no_video_error, open_error, read_error, rtsp_answer, transport_refused,
)
from videowall.media.av_open import open_input
from videowall.media.backoff import Backoff, BackoffPolicy
from videowall.media.fanout import Fanout
from videowall.media.stats import StatsRecorder
from videowall.media.transport import TransportMemory
from videowall.media.types import PacketConsumer, SessionState, SessionStatus, StatsSnapshot, StreamSource
from videowall.media.url import local_file_path, validate_rtsp_url, with_credentials
from videowall.model.camera import Credentials, Transport
from videowall.runtime.clock import SYSTEM_CLOCK, Clock
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.runtime.redaction import redact

log = logging.getLogger(__name__)

StatusListener = Callable[[SessionStatus], None]
_WAITING = (SessionState.RECONNECTING, SessionState.AUTH_FAILED, SessionState.UNREACHABLE)


class StreamSession:
    def __init__(self, source: StreamSource, credentials: Callable[[], Credentials | None] | None = None,
                 clock: Clock = SYSTEM_CLOCK, rng=None, transports: TransportMemory | None = None) -> None:
        self.source = source
        self._transports = transports or TransportMemory()
        self.name = f"cam{source.camera_id}-{source.profile}"
        opts = source.options
        self._credentials = credentials
        self._clock = clock
        self._backoff = Backoff(BackoffPolicy(initial_s=opts.backoff_initial_s, cap_s=opts.backoff_cap_s,
                                              healthy_after_s=opts.healthy_after_s), clock, rng)
        self._stats = StatsRecorder(clock)
        self._fanout = Fanout(self.name, self._stats)
        self._where = _host_port(source.url)
        self._lock = threading.Lock()
        self._status = SessionStatus(SessionState.IDLE)
        self._retry_at: float | None = None
        self._listeners: list[StatusListener] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._ident: int | None = None
        self._been_live = False
        self._local_path = local_file_path(source.url) if opts.allow_local_files else None
        self._last_failure: str | None = None   # session thread only

    # ---- owner's API -------------------------------------------------------------------------------------

    def start(self) -> None:
        """Start connecting (returns at once). A malformed URL goes straight to INVALID_URL, with no network use."""
        with self._lock:
            if self._thread is not None or self._stop.is_set():
                return
        try:
            if self._local_path is None:
                validate_rtsp_url(self.source.url)
        except VideowallError as err:
            self._stats.set_error(err.user_message)
            self._set_status(SessionState.INVALID_URL, err)
            return
        thread = threading.Thread(target=self._run, name=f"stream-{self.name}", daemon=True)
        with self._lock:
            self._thread = thread
        self._set_status(SessionState.CONNECTING, None)
        thread.start()

    def close(self, timeout_s: float = 2.0) -> bool:
        """Stop: interrupts a blocking open/read and joins the thread. Returns False if the thread is still alive."""
        self._stop.set()
        with self._lock:
            thread = self._thread
            # Under the lock: the thread clears its ident under it too, so a dead thread's id (which Python
            # may give to a new thread) is never left marked as interrupted.
            if self._ident is not None:
                av_interrupt.interrupt(self._ident)
        stopped = True
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout_s)
            stopped = not thread.is_alive()
            if not stopped:
                log.warning("%s: the stream thread did not stop within %.1f s", self.name, timeout_s)
        self._set_status(SessionState.STOPPED, None)
        return stopped

    def add_consumer(self, consumer: PacketConsumer) -> None:
        """Packets start flowing to ``consumer`` from the next one (after ``on_stream_opened``), on the session thread.

        A consumer with a ``bind_stats(recorder)`` method (LiveDecoder) is given this session's StatsRecorder,
        so its frame counters appear in ``stats()``.
        """
        self._fanout.add(consumer)

    def remove_consumer(self, consumer: PacketConsumer) -> None:
        """After this returns the consumer gets no more calls (it may wait for the packet in flight)."""
        self._fanout.remove(consumer)

    def add_status_listener(self, listener: StatusListener) -> None:
        """``listener(status)`` is called on every state change, on the thread that made it (mostly the session's)."""
        with self._lock:
            self._listeners.append(listener)

    def status(self) -> SessionStatus:
        with self._lock:
            status, retry_at = self._status, self._retry_at
        if retry_at is not None and status.state in _WAITING:
            return SessionStatus(status.state, max(0.0, retry_at - self._clock.monotonic()), status.error)
        return status

    def stats(self) -> StatsSnapshot:
        return self._stats.snapshot()

    @property
    def is_alive(self) -> bool:
        with self._lock:
            return self._thread is not None and self._thread.is_alive()

    # ---- session thread ----------------------------------------------------------------------------------

    def _run(self) -> None:
        av_interrupt.install()   # once per process; not on the caller's (GUI) thread
        ident = threading.get_ident()
        with self._lock:
            self._ident = ident
        try:
            while not self._stop.is_set():
                failure = self._connect_once(ident)
                if failure is None or self._stop.is_set():
                    break
                if not self._handle_failure(*failure):
                    break
        except Exception as exc:  # a bug here must not leave a tile "connecting" forever
            log.error("%s: the stream thread failed: %s", self.name, exception_text(exc))
            err = VideowallError(ErrorKind.INTERNAL, "The stream stopped because of an internal error.",
                                 exception_text(exc))
            self._stats.set_error(err.user_message)
            self._set_status(SessionState.STOPPED, err)
        finally:
            with self._lock:
                av_interrupt.clear(ident)
                self._ident = None

    def _connect_once(self, ident: int) -> tuple[VideowallError, bool] | None:
        """One connection: open, then pump packets until it ends. Returns (error, was_live), or None when stopped."""
        self._set_status(SessionState.CONNECTING, self.status().error)
        try:
            creds = self._credentials() if self._credentials is not None else None
        except Exception as exc:
            return _as_error(exc, "The camera's credentials could not be read."), False
        if not self._arm(ident, None):
            return None
        self._stats.connection_started()
        target = str(self._local_path) if self._local_path else with_credentials(self.source.url, creds)
        opened = self._open(target)
        if opened is None:
            return None
        if isinstance(opened, VideowallError):
            return opened, False
        container, stream = opened
        self._stats.stream_opened()
        try:
            if stream is None:
                return no_video_error(self._where), False
            return self._pump(ident, container, stream)
        finally:
            self._fanout.detach()
            try:
                container.close()
            except Exception as exc:
                log.debug("%s: closing the container failed: %s", self.name, exception_text(exc))

    def _open(self, target: str):
        """Open over each transport the camera's choice allows, moving on when the server refuses one.

        Returns ``(container, stream)``, the VideowallError of the last attempt (naming the earlier refusals),
        or None when the session is closing.
        """
        order = (Transport.TCP,) if self._local_path else self._transports.order(
            self.source.camera_id, self.source.options.transport)
        refused: list[str] = []
        for transport in order:
            started = time.monotonic()
            try:
                opened = open_input(target, self.source.options, transport)
            except Exception as exc:
                if self._stop.is_set():
                    return None
                timeout_s = self.source.options.connect_timeout_s
                timed_out = time.monotonic() - started >= 0.9 * timeout_s
                err = open_error(exc, self._where, timeout_s, timed_out, transport.name)
                if transport is not order[-1] and transport_refused(exc):
                    refused.append(f"{transport.name}: {rtsp_answer(exc)}")
                    log.info("%s: %s; trying the next transport", self.name, redact(err.user_message))
                    continue
                return _with_refusals(err, refused)
            if not self._local_path:   # a local file has no transport (the TCP above is a placeholder)
                self._transports.worked(self.source.camera_id, transport)
                self._stats.set_transport(transport.value)
            return opened

    def _pump(self, ident: int, container, stream) -> tuple[VideowallError, bool] | None:
        read_timeout_s = self.source.options.read_timeout_s
        deadline = time.monotonic() + read_timeout_s
        if not self._arm(ident, deadline):
            return None
        self._stats.set_source_size(stream.codec_context.width, stream.codec_context.height)
        self._fanout.attach(stream)
        live = False
        pace = _Pacer(stream.time_base) if self._local_path else None
        try:
            for packet in container.demux(stream):
                if pace is not None and self._stop.wait(pace.delay_s(packet.pts)):
                    return None
                now = time.monotonic()
                if self._stop.is_set():
                    return None
                if now > deadline:
                    # The parser's last frame, released by the stall interrupt: the stall is real.
                    return read_error(None, self._where, stalled_s=read_timeout_s), live
                if packet.size == 0:  # PyAV's flush packets at the end of the stream
                    continue
                deadline = now + read_timeout_s
                if not self._arm(ident, deadline):
                    return None
                self._stats.packet_received(packet.size)
                if not live:
                    live = True
                    self._went_live()
                self._fanout.deliver(packet, self._clock.monotonic())
        except Exception as exc:
            if self._stop.is_set():
                return None
            stalled = time.monotonic() >= deadline
            return read_error(exc, self._where, stalled_s=read_timeout_s if stalled else None), live
        if self._stop.is_set():
            return None
        return read_error(None, self._where), live

    def _arm(self, ident: int, deadline: float | None) -> bool:
        """Set this thread's interrupt deadline; False if the session is closing.

        The stop flag is checked after writing the deadline: close() sets the flag before it interrupts, so
        either we see the flag here or close's interrupt overrides our deadline.
        """
        av_interrupt.set_deadline(ident, deadline)
        return not self._stop.is_set()

    def _went_live(self) -> None:
        self._backoff.on_live()
        self._stats.clear_error()   # live again: the report must not show the old failure (history keeps it)
        if self._been_live:
            self._stats.reconnected()
        self._been_live = True
        self._set_status(SessionState.LIVE, None)

    def _handle_failure(self, err: VideowallError, was_live: bool) -> bool:
        """Record ``err``, wait the backoff delay. Returns False when the session must not retry."""
        self._stats.set_error(err.user_message)
        # A camera that stays down would repeat the same warning every retry: repeats go to debug.
        level = logging.DEBUG if err.user_message == self._last_failure else logging.WARNING
        self._last_failure = err.user_message if not was_live else None
        log.log(level, "%s: %s [%s]", self.name, redact(err.user_message), redact(err.detail))
        if err.kind is ErrorKind.INVALID_URL:
            self._set_status(SessionState.INVALID_URL, err)
            return False
        delay = self._backoff.on_failure(auth=err.kind is ErrorKind.AUTH_FAILED)
        with self._lock:
            self._retry_at = self._clock.monotonic() + delay
        self._set_status(_state_after(err, was_live), err)
        return not self._clock.sleep(delay, self._stop)

    def _set_status(self, state: SessionState, error: VideowallError | None) -> None:
        with self._lock:
            if self._status.state is SessionState.STOPPED and state is not SessionState.STOPPED:
                return  # closed: late updates from the thread are ignored
            if self._status.state is state and self._status.error is error:
                return
            self._status = SessionStatus(state, None, error)
            if state not in _WAITING:
                self._retry_at = None
            listeners = list(self._listeners)
        status = self.status()
        for listener in listeners:
            try:
                listener(status)
            except Exception as exc:
                log.error("%s: a status listener failed: %s", self.name, exception_text(exc))


def _state_after(err: VideowallError, was_live: bool) -> SessionState:
    if err.kind is ErrorKind.AUTH_FAILED:
        return SessionState.AUTH_FAILED
    if err.kind is ErrorKind.UNREACHABLE and not was_live:
        return SessionState.UNREACHABLE
    return SessionState.RECONNECTING


def _with_refusals(err: VideowallError, refused: list[str]) -> VideowallError:
    if not refused:
        return err
    return VideowallError(err.kind, f"{err.user_message} It refused first: {'; '.join(refused)}.", err.detail)


def _as_error(exc: Exception, message: str) -> VideowallError:
    if isinstance(exc, VideowallError):
        return exc
    return VideowallError(ErrorKind.INTERNAL, message, exception_text(exc))


def _host_port(url: str) -> str:
    try:
        return urlsplit(url).netloc.rsplit("@", 1)[-1] or "(no host)"
    except ValueError:
        return "(invalid address)"


class _Pacer:
    """Holds a local file's packets back until their presentation time, as a camera would send them."""

    def __init__(self, time_base) -> None:
        self._time_base = time_base
        self._origin: tuple[float, float] | None = None   # (monotonic, pts_s) of the first packet

    def delay_s(self, pts) -> float:
        if pts is None or self._time_base is None:
            return 0.0
        pts_s = float(pts * self._time_base)
        now = time.monotonic()
        if self._origin is None:
            self._origin = (now, pts_s)
        return max(0.0, (pts_s - self._origin[1]) - (now - self._origin[0]))
