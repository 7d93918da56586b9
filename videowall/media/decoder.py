"""Live decoding for one tile: keeps only the newest picture, already scaled to the tile and converted to BGRA.

Threads: ``on_stream_opened``/``on_packet``/``on_stream_closed`` run on the session's demux thread;
``latest``/``set_target_size``/``set_paused``/``set_keep_gop`` on the GUI thread (or any other). The settings
are single attributes replaced whole (read without a lock); the newest frame and its counters share a lock.

A paused decoder can keep the packets since the last keyframe (``set_keep_gop``): resuming then decodes that
GOP at once instead of waiting up to a GOP for the next keyframe, which is what makes a warm view switch instant.
"""

from __future__ import annotations

import logging
import threading
import time

import av

from videowall.media.av_errors import exception_text
from videowall.media.frame_convert import FrameConverter
from videowall.media.stats import StatsRecorder
from videowall.media.types import LiveFrame, StatsSnapshot
from videowall.runtime.clock import SYSTEM_CLOCK, Clock

log = logging.getLogger(__name__)

_LOG_EVERY = 250
# Beyond this much delay behind the stream, decode keyframes only until caught up (see LagTracker).
MAX_LAG_S = 0.5

# A GOP buffer holds at most this much; a camera with a longer or heavier GOP resumes at its next keyframe
# instead (25 fps × 1–2 s GOPs of a 4–8 Mbit/s main stream stay well below these).
MAX_GOP_PACKETS = 300
MAX_GOP_BYTES = 8 * 1024 * 1024


class LagTracker:
    """How far behind real time a live stream's packets are being handled.

    ``arrival - stream_time`` is constant for a stream handled in real time; its smallest value seen is
    the baseline (network jitter only adds). When the station cannot keep up, packets wait in the socket,
    arrive late here and the difference grows: that growth is the lag. Runs on the demux thread.
    """

    def __init__(self) -> None:
        self._baseline: float | None = None

    def reset(self) -> None:
        self._baseline = None

    def lag_s(self, stream_time_s: float | None, arrival_s: float) -> float:
        if stream_time_s is None:
            return 0.0
        offset = arrival_s - stream_time_s
        if self._baseline is None or offset < self._baseline:
            self._baseline = offset
        return offset - self._baseline


class GopBuffer:
    """The packets since the last keyframe, with their arrival times (demux thread only)."""

    def __init__(self, max_packets: int = MAX_GOP_PACKETS, max_bytes: int = MAX_GOP_BYTES) -> None:
        self._max_packets = max_packets
        self._max_bytes = max_bytes
        self._packets: list[tuple[object, float]] = []
        self._bytes = 0

    def add(self, packet, received_monotonic: float) -> None:
        if packet.is_keyframe:
            self.clear()
        elif not self._packets:
            return      # no keyframe yet (or the GOP overflowed): nothing decodable to keep
        self._packets.append((packet, received_monotonic))
        self._bytes += packet.size
        if len(self._packets) > self._max_packets or self._bytes > self._max_bytes:
            self.clear()

    def clear(self) -> None:
        self._packets = []
        self._bytes = 0

    def take(self) -> list[tuple[object, float]]:
        packets, self._packets, self._bytes = self._packets, [], 0
        return packets

    def __len__(self) -> int:
        return len(self._packets)


class LiveDecoder:
    """A PacketConsumer that decodes with the lowest latency: no frame threading, no queue, newest frame wins.

    Its per-packet path is kept lean (it runs 25 times a second per tile, 1600 times a second on a 64-tile
    station): settings are read without the lock (each is one attribute, replaced whole), times are floats.
    """

    def __init__(self, clock: Clock = SYSTEM_CLOCK, threads: int = 1) -> None:
        self._clock = clock
        self._threads = max(1, int(threads))
        self._lock = threading.Lock()
        self._stats = StatsRecorder(clock)
        self._target: tuple[int, int] | None = None
        self._paused = False
        self._keep_gop = False
        self._latest: LiveFrame | None = None
        self._latest_taken = True
        self._seq = 0
        # Demux thread only:
        self._codec = None
        self._time_base_s: float | None = None     # seconds per pts tick
        self._converter = FrameConverter()
        self._await_keyframe = True
        self._was_paused = False
        self._errors = 0
        self._lag = LagTracker()
        self._catching_up = False
        self._gop = GopBuffer()
        self.gop_starts = 0    # resumes that started from the kept GOP instead of waiting for a keyframe

    # ---- owner / GUI thread ------------------------------------------------------------------------------

    def bind_stats(self, recorder: StatsRecorder) -> None:
        """Report into the session's recorder (StreamSession.add_consumer calls this).

        Two decoders on one session both count their frames there.
        """
        self._stats = recorder

    def stats(self) -> StatsSnapshot:
        return self._stats.snapshot()

    def set_target_size(self, width: int, height: int) -> None:
        """The tile's size in device pixels; frames are scaled to fit inside it. 0×0: the source size."""
        self._target = (int(width), int(height)) if width > 0 and height > 0 else None

    def set_paused(self, paused: bool) -> None:
        """Paused: packets are skipped without decoding; on resume decoding restarts at the next keyframe."""
        self._paused = bool(paused)

    def set_keep_gop(self, keep: bool) -> None:
        """Keep the packets since the last keyframe, so a resume shows a picture at once (costs their memory)."""
        self._keep_gop = bool(keep)

    def has_gop(self) -> bool:
        """True while a kept GOP is ready: resuming now would show a picture at once."""
        return len(self._gop) > 0

    def latest(self) -> LiveFrame | None:
        """The newest frame (None before the first). Counts a delivery when it hands out a frame not seen before.

        Called by every tile on every repaint tick: a frame already handed out is returned without the lock.
        """
        frame = self._latest
        if self._latest_taken:      # read after the frame: _publish clears it before replacing the frame
            return frame
        with self._lock:
            frame = self._latest
            if frame is not None and not self._latest_taken:
                self._latest_taken = True
                self._stats.frame_delivered()
        return frame

    # ---- PacketConsumer: session's demux thread ----------------------------------------------------------

    def on_stream_opened(self, stream) -> None:
        source = stream.codec_context
        codec = av.CodecContext.create(source.name, "r")
        if source.extradata:
            codec.extradata = source.extradata
        # Slice threads only: frame threading delays every picture by one frame per thread.
        codec.thread_type = "SLICE"
        codec.thread_count = self._threads
        self._codec = codec
        self._time_base_s = float(stream.time_base) if stream.time_base else None
        self._await_keyframe = True
        self._errors = 0
        self._lag.reset()
        self._catching_up = False
        self._gop.clear()

    def on_packet(self, packet, received_monotonic: float) -> None:
        if self._codec is None:
            return
        if self._keep_gop:
            self._gop.add(packet, received_monotonic)
        elif len(self._gop):
            self._gop.clear()
        if self._paused:
            self._was_paused = True
            return
        if self._was_paused:
            self._was_paused = False
            self._codec.flush_buffers()
            self._lag.reset()       # the demux kept up while paused: measure lag afresh from here
            if len(self._gop):
                self._replay_gop()
                return
            self._await_keyframe = True
        if self._await_keyframe:
            if not packet.is_keyframe:
                return
            self._await_keyframe = False
            self._stats.keyframe_arrived()
        if self._behind(packet, received_monotonic) and not packet.is_keyframe:
            return
        self._decode(packet, received_monotonic, publish=None)

    def _decode(self, packet, received_monotonic: float, publish: bool | None) -> bool:
        """Decode one packet; publish its pictures if asked (None: if the reader took the last one). True if it
        produced a picture.

        A reader that has not taken the last picture yet is behind (a starved GUI thread paints fewer frames
        than the camera sends): converting the next one for it would be wasted, so that frame is decoded (later
        frames depend on it) but dropped before its conversion, the most expensive step.
        """
        started = time.perf_counter()
        produced = False
        try:
            for frame in self._codec.decode(packet):
                produced = True
                wanted = publish if publish is not None else (self._latest_taken or self._latest is None)
                image = self._converter.convert(frame, self._target, self._codec.sample_aspect_ratio) if wanted else None
                self._stats.frame_decoded(time.perf_counter() - started)
                if image is not None:
                    self._publish(frame, image, received_monotonic)
                elif publish is None:
                    self._stats.frame_dropped()
                started = time.perf_counter()
        except av.error.FFmpegError as exc:
            self._errors += 1
            if self._errors == 1 or self._errors % _LOG_EVERY == 0:
                log.warning("decoding failed (%d errors so far): %s", self._errors, exception_text(exc))
        return produced

    def _replay_gop(self) -> None:
        """Resume from the kept GOP: its keyframe is shown at once, the packets after it are decoded to catch
        up with the stream (only the newest of their pictures is converted and shown)."""
        packets = self._gop.take()
        self.gop_starts += 1
        self._await_keyframe = False
        shown_first = False
        for index, (packet, received) in enumerate(packets):
            last = index == len(packets) - 1
            if self._decode(packet, received, publish=last or not shown_first):
                shown_first = True
            self._gop.add(packet, received)    # still the current GOP: kept for the next resume

    def _behind(self, packet, received_monotonic: float) -> bool:
        """True while the stream lags more than MAX_LAG_S: only keyframes are decoded then, so the
        demux drains the backlog quickly and the picture stays current instead of growing old."""
        pts = packet.pts
        stream_time = pts * self._time_base_s if pts is not None and self._time_base_s else None
        behind = self._lag.lag_s(stream_time, received_monotonic) > MAX_LAG_S
        if behind != self._catching_up:
            self._catching_up = behind
            if behind:
                log.warning("decoding fell more than %.1f s behind the stream: showing keyframes only "
                            "until it catches up", MAX_LAG_S)
            else:
                log.info("decoding caught up with the stream")
        if behind and not packet.is_keyframe:
            self._stats.frame_dropped()
        return behind

    def on_stream_closed(self) -> None:
        """Frees the codec; the last frame stays available so the tile can keep showing it."""
        self._codec = None
        self._await_keyframe = True
        self._gop.clear()

    # ---- internals (demux thread) ------------------------------------------------------------------------

    def _publish(self, frame, image, received_monotonic: float) -> None:
        pts = frame.pts
        pts_s = pts * self._time_base_s if pts is not None and self._time_base_s else None
        with self._lock:
            if self._latest is not None and not self._latest_taken:
                self._stats.frame_dropped()
            self._seq += 1
            self._latest_taken = False      # before the new frame: see latest()
            self._latest = LiveFrame(image=image, seq=self._seq, pts_s=pts_s, received_monotonic=received_monotonic,
                                     source_width=frame.width, source_height=frame.height)
