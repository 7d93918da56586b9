"""Station-side events, noticed by polling what the station already knows (no thread of its own: the events
loop calls ``poll`` every second).

- stream lost / restored: a camera stream's session leaves LIVE (reconnecting, unreachable, refused) and
  later comes back;
- recording stopped: a recorder turns DISK_FULL or ERROR (its message says why);
- export failed: an evidence export wrote its ``evidence.export.failed`` audit entry (from any process);
- PTZ taken over: a higher role took a camera's PTZ lease from someone (its ``ptz.lease.taken_over`` audit
  entry, written by whichever station took it over).
"""

from __future__ import annotations

from collections.abc import Callable

from videowall.audit import AuditEntry, AuditLog
from videowall.events.model import CameraEvent, EventKind, Origin
from videowall.media.types import SessionState
from videowall.model.camera import Camera, Profile
from videowall.onvif.ptz_lease import TAKEN_OVER_ACTION
from videowall.recording.recorder_types import RecorderState
from videowall.runtime.clock import SYSTEM_CLOCK, Clock

EXPORT_FAILED_ACTION = "evidence.export.failed"
_LOST = {SessionState.RECONNECTING, SessionState.UNREACHABLE, SessionState.AUTH_FAILED}
_STOPPED = {RecorderState.DISK_FULL, RecorderState.ERROR}


class StationWatch:
    def __init__(self, supervisor, cameras: Callable[[], list[Camera]], recording: Callable[[], object | None],
                 audit: AuditLog, sink: Callable[[CameraEvent], None], clock: Clock = SYSTEM_CLOCK) -> None:
        self._supervisor = supervisor
        self._cameras = cameras
        self._recording = recording          # the station's RecordingService, or None while it has none
        self._audit = audit
        self._sink = sink
        self._clock = clock
        self._live: dict[tuple[int, Profile], bool] = {}
        self._recorder_stopped: dict[int, bool] = {}
        self._audit_seq = audit.head()[0]     # only failures from now on
        self._note_live(cameras())            # a stream live now and lost before the first poll is still lost

    def poll(self) -> None:
        cameras = self._cameras()
        self._poll_streams(cameras)
        self._poll_recorders(cameras)
        self._poll_audit()

    def _emit(self, camera_id: int | None, kind: EventKind, source: str = "", **data: str) -> None:
        self._sink(CameraEvent(camera_id, kind, self._clock.now_utc(), True, source=source, origin=Origin.STATION,
                               data={key: value[:200] for key, value in data.items()}))

    def _note_live(self, cameras: list[Camera]) -> None:
        for camera in cameras:
            for profile in (Profile.MAIN, Profile.SUB):
                if self._supervisor.session_status(camera.id, profile).state is SessionState.LIVE:
                    self._live[(camera.id, profile)] = True

    def _poll_streams(self, cameras: list[Camera]) -> None:
        for camera in cameras:
            for profile in (Profile.MAIN, Profile.SUB):
                status = self._supervisor.session_status(camera.id, profile)
                key = (camera.id, profile)
                was_live = self._live.get(key)
                if status.state is SessionState.LIVE:
                    if was_live is False:
                        self._emit(camera.id, EventKind.STREAM_RESTORED, profile.value)
                    self._live[key] = True
                elif status.state in _LOST and was_live:
                    message = status.error.user_message if status.error is not None else ""
                    self._emit(camera.id, EventKind.STREAM_LOST, profile.value, message=message)
                    self._live[key] = False
                elif status.state is SessionState.STOPPED:
                    self._live.pop(key, None)   # closed by its owner: neither lost nor restored

    def _poll_recorders(self, cameras: list[Camera]) -> None:
        recording = self._recording()
        if recording is None:
            return
        for camera in cameras:
            status = recording.recorder_status(camera.id)
            stopped = status is not None and status.state in _STOPPED
            if stopped and not self._recorder_stopped.get(camera.id):
                self._emit(camera.id, EventKind.RECORDING_STOPPED, status.state.value, message=status.message)
            self._recorder_stopped[camera.id] = stopped

    def _poll_audit(self) -> None:
        head = self._audit.head()[0]          # read first: an entry appended meanwhile waits for the next poll
        for prefix, emit in ((EXPORT_FAILED_ACTION, self._export_failed), (TAKEN_OVER_ACTION, self._taken_over)):
            for entry in self._audit.entries(first_seq=self._audit_seq + 1, last_seq=head, action_prefix=prefix):
                emit(entry)
        self._audit_seq = head

    def _export_failed(self, entry: AuditEntry) -> None:
        self._emit(None, EventKind.EXPORT_FAILED, str(entry.details.get("stage", "")),
                   message=str(entry.details.get("error", "")), operator=entry.actor)

    def _taken_over(self, entry: AuditEntry) -> None:
        before, after = entry.details.get("from", {}), entry.details.get("to", {})
        camera_id = entry.details.get("camera_id")
        self._emit(camera_id if isinstance(camera_id, int) else None, EventKind.PTZ_TAKEN_OVER,
                   str(after.get("station", "")), operator=entry.actor,
                   taken_from=f"{before.get('name', '')}, {before.get('station', '')}")
