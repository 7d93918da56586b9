"""CameraRecorder: a PacketConsumer on a camera's live session that records its packets to segments.

The session's demux thread only copies each packet into a bounded queue (microseconds); a writer
thread owned by the recorder does the muxing and the index updates, so a slow disk never stalls live
view. If the queue is full the recorder drops packets up to the next keyframe and the index shows a
gap ("recorder overloaded").
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from videowall.model.camera import Profile
from videowall.recording.index import RecordingStore
from videowall.recording.packet_queue import PacketQueue
from videowall.recording.recorder_types import RecorderConfig, RecorderStatus
from videowall.recording.segment_file import CopiedPacket, StreamParams
from videowall.recording.segmenter import Segmenter
from videowall.runtime.clock import SYSTEM_CLOCK, Clock

log = logging.getLogger(__name__)

StatusListener = Callable[[RecorderStatus], None]


@dataclass(frozen=True)
class _Opened:
    params: StreamParams


@dataclass(frozen=True)
class _Dropped:
    count: int


_CLOSED = object()
_STOP = object()


class CameraRecorder:
    """Records one (camera, profile). ``start``/``stop``/``status`` run on the owner's thread."""

    def __init__(self, camera_id: int, profile: Profile, store: RecordingStore, clock: Clock = SYSTEM_CLOCK,
                 config: RecorderConfig | None = None, on_status: StatusListener | None = None) -> None:
        self.camera_id = camera_id
        self.profile = profile
        self._config = config or RecorderConfig()
        self._segmenter = Segmenter(camera_id, profile.value, store, clock, self._config)
        self._queue = PacketQueue(self._config.queue_packets, self._config.queue_bytes)
        self._on_status = on_status
        self._thread = threading.Thread(target=self._run, name=f"recorder-cam{camera_id}-{profile.value}",
                                        daemon=True)
        self._status_lock = threading.Lock()
        self._status = self._segmenter.status
        # Demux-thread state: the stream's container (for the camera's clock) and the drop mode.
        self._container = None
        self._dropping = False
        self._dropped = 0

    # -- owner ----------------------------------------------------------------------------------
    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout_s: float = 10.0) -> bool:
        """Close the open segment and end the writer thread. Detach from the session first."""
        self._queue.put_control(_STOP)
        self._thread.join(timeout_s)
        return not self._thread.is_alive()

    def status(self) -> RecorderStatus:
        with self._status_lock:
            return self._status

    # -- PacketConsumer (session's demux thread; must not block) ---------------------------------
    def on_stream_opened(self, stream) -> None:
        self._container = getattr(stream, "container", None)
        self._dropping = False
        self._queue.put_control(_Opened(StreamParams.from_stream(stream)))

    def on_packet(self, packet, received_monotonic: float) -> None:
        if self._dropping:
            if not packet.is_keyframe:
                self._dropped += 1
                return
            self._queue.put_control(_Dropped(self._dropped))
            self._dropping, self._dropped = False, 0
        anchor = self._container.start_time_realtime if self._container is not None else None
        copied = CopiedPacket.from_packet(packet, received_monotonic, anchor)
        if not self._queue.offer(copied, len(copied.data)):
            self._dropping, self._dropped = True, 1

    def on_stream_closed(self) -> None:
        self._container = None
        if self._dropping:
            self._queue.put_control(_Dropped(self._dropped))
            self._dropping, self._dropped = False, 0
        self._queue.put_control(_CLOSED)

    # -- writer thread --------------------------------------------------------------------------
    def _run(self) -> None:
        segmenter = self._segmenter
        while True:
            item = self._queue.get(timeout_s=self._config.drain_every_s)
            if item is None:
                continue
            try:
                if item is _STOP:
                    segmenter.stop()
                    break
                if isinstance(item, CopiedPacket):
                    segmenter.packet(item)
                elif isinstance(item, _Opened):
                    segmenter.stream_opened(item.params)
                elif isinstance(item, _Dropped):
                    log.warning("camera %s: recorder fell behind, dropped %d packets", self.camera_id, item.count)
                    segmenter.packets_dropped(item.count)
                elif item is _CLOSED:
                    segmenter.stream_closed()
            except Exception:  # a bug or a database error must not end recording for good
                log.exception("camera %s: recorder failed on %s", self.camera_id, type(item).__name__)
            self._publish()
        self._publish()

    def _publish(self) -> None:
        status = self._segmenter.status
        with self._status_lock:
            changed = status.state is not self._status.state or status.message != self._status.message
            self._status = status
        if changed and self._on_status is not None:
            try:
                self._on_status(status)
            except Exception:
                log.exception("camera %s: a recorder status listener failed", self.camera_id)
