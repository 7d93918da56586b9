"""RecordingService: records every camera marked for recording, keeps the index sound, runs retention.

The same service runs inside the GUI app and in the headless ``videowall recorder``. Recorders ride on
the StreamSupervisor's sessions (``attach_consumer``): a camera shown live and recorded uses one RTSP
connection. Threads: ``start``/``refresh``/``stop``/``status`` on the owner's thread (they may block
briefly on the database; the GUI calls them from a worker); retention runs on the service's own
housekeeping thread; ``on_change`` is called from recorder and housekeeping threads.
"""

from __future__ import annotations

import logging
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from videowall.model.camera import Profile
from videowall.recording.holds import HoldStore
from videowall.recording.index import RecordingStore
from videowall.recording.reconcile import ReconcileReport, prepare_root, reconcile
from videowall.recording.recorder import CameraRecorder
from videowall.recording.recorder_types import RecorderConfig, RecorderStatus
from videowall.recording.retention import DiskUsage, RetentionJob, RetentionReport
from videowall.model.retention import RetentionPolicy
from videowall.recording.root_lock import RootLock, RunState
from videowall.recording.timebase import to_us
from videowall.runtime.clock import SYSTEM_CLOCK, Clock

log = logging.getLogger(__name__)

RECORDINGS_DIR = "recordings"


def recordings_root(data_dir: Path, settings: object | None = None) -> Path:
    """``settings.recordings_dir`` when set (e.g. a separate disk), else ``<data_dir>/recordings``."""
    chosen = getattr(settings, "recordings_dir", None) if settings is not None else None
    return Path(chosen).expanduser() if chosen else Path(data_dir) / RECORDINGS_DIR


@dataclass(frozen=True)
class RecordingStatus:
    recorders: tuple[RecorderStatus, ...]
    space: RetentionReport | None          # the last retention pass (None before the first)


class RecordingService:
    def __init__(self, store: RecordingStore, supervisor, clock: Clock = SYSTEM_CLOCK,
                 recorder_config: RecorderConfig | None = None, policy: RetentionPolicy | None = None,
                 retention_every_s: float = 300.0, disk_usage: DiskUsage = shutil.disk_usage,
                 on_change: Callable[[], None] | None = None) -> None:
        self.store = store
        self.holds = HoldStore(store, clock)
        self._supervisor = supervisor
        self._clock = clock
        self._recorder_config = recorder_config or RecorderConfig()
        self._retention = RetentionJob(store, policy or RetentionPolicy(), clock, disk_usage)
        self._retention_every_s = retention_every_s
        self._on_change = on_change
        self._lock = threading.RLock()
        self._recorders: dict[int, CameraRecorder] = {}
        self._root_lock = RootLock(store.root)
        self._run_state = RunState(store.root)
        self._stop = threading.Event()
        self._housekeeper: threading.Thread | None = None
        self._space: RetentionReport | None = None

    # -- lifecycle ---------------------------------------------------------------------------------
    def start(self) -> ReconcileReport:
        """Lock the recordings root, reconcile the index, run retention once, start the recorders."""
        self._root_lock.acquire()
        try:
            prepare_root(self.store.root, create=self.store.segment_count() == 0)
            report = reconcile(self.store, since_us=self._run_state.unclean_since_us())
            self._run_state.mark_running(to_us(self._clock.now_utc()))
        except BaseException:
            self._root_lock.release()
            raise
        self.run_retention()
        self.refresh()
        self._housekeeper = threading.Thread(target=self._housekeep, name="recording-housekeeping", daemon=True)
        self._housekeeper.start()
        return report

    def stop(self) -> None:
        """Stop every recorder (closing their segments cleanly) and release the recordings root."""
        self._stop.set()
        with self._lock:
            recorders, self._recorders = list(self._recorders.values()), {}
        for recorder in recorders:
            self._supervisor.detach_consumer(recorder.camera_id, recorder.profile, recorder)
        for recorder in recorders:
            if not recorder.stop():
                log.error("camera %s: the recorder did not stop in time", recorder.camera_id)
        if self._housekeeper is not None:
            self._housekeeper.join(10.0)
        if self._run_state.running:
            self._run_state.mark_stopped(to_us(self._clock.now_utc()))
        self._root_lock.release()

    def refresh(self) -> None:
        """Start recorders for cameras now marked for recording, stop those no longer marked."""
        wanted = dict(self.store.cameras_to_record())
        with self._lock:
            if self._stop.is_set():
                return
            for camera_id, recorder in list(self._recorders.items()):
                if wanted.get(camera_id) is not recorder.profile:
                    self._stop_recorder(camera_id)
            for camera_id, profile in wanted.items():
                if camera_id not in self._recorders:
                    self._start_recorder(camera_id, profile)
        self._changed()

    def set_recording(self, camera_id: int, record: bool, profile: Profile = Profile.MAIN) -> None:
        self.store.set_recording(camera_id, record, profile)
        self.refresh()

    # -- state -------------------------------------------------------------------------------------
    def status(self) -> RecordingStatus:
        with self._lock:
            recorders = tuple(r.status() for r in self._recorders.values())
            return RecordingStatus(recorders, self._space)

    def recorder_status(self, camera_id: int) -> RecorderStatus | None:
        with self._lock:
            recorder = self._recorders.get(camera_id)
        return recorder.status() if recorder else None

    def run_retention(self) -> RetentionReport:
        report = self._retention.run()
        with self._lock:
            previous, self._space = self._space, report
        if previous is None or previous.space is not report.space or previous.message != report.message:
            if report.message:
                log.warning("recordings disk: %s", report.message)
            self._changed()
        return report

    # -- internals --------------------------------------------------------------------------------
    def _start_recorder(self, camera_id: int, profile: Profile) -> None:
        recorder = CameraRecorder(camera_id, profile, self.store, self._clock, self._recorder_config,
                                  on_status=lambda _status: self._changed())
        recorder.start()
        self._recorders[camera_id] = recorder
        self._supervisor.attach_consumer(camera_id, profile, recorder)
        log.info("recording camera %s (%s)", camera_id, profile.value)

    def _stop_recorder(self, camera_id: int) -> None:
        recorder = self._recorders.pop(camera_id)
        self._supervisor.detach_consumer(camera_id, recorder.profile, recorder)
        recorder.stop()
        log.info("stopped recording camera %s", camera_id)

    def _housekeep(self) -> None:
        # A plain timer, not the injected clock: a FakeClock's sleep returns at once and would spin here.
        while not self._stop.wait(self._retention_every_s):
            try:
                self.run_retention()
            except Exception:  # a failed pass is retried at the next one
                log.exception("retention pass failed")

    def _changed(self) -> None:
        if self._on_change is None:
            return
        try:
            self._on_change()
        except Exception:
            log.exception("a recording status listener failed")
