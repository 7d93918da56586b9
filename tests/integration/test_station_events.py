"""Station-side events through the real service: a camera stream lost and restored (the simulator stopped and
started again), an export that failed (its audit entry), a recorder stopped by a full disk."""

from __future__ import annotations

from tests.fixtures.waiting import wait_for
from videowall.audit import AuditLog
from videowall.events.model import EventFilter, EventKind, Origin
from videowall.media.types import SessionState
from videowall.recording.recorder_types import RecorderState, RecorderStatus
from videowall.station import Station


def _events(service, kind: EventKind, camera_id=None):
    return service.store.search_events(EventFilter(camera_id=camera_id, kind=kind))


def test_a_lost_and_restored_stream_and_a_failed_export_are_events(sim_factory, tmp_path):
    sim = sim_factory(cameras=1, main_size=(640, 360), fps=5)
    station = Station.open(tmp_path, secrets_kind="memory")
    try:
        camera = station.cameras.add("Brama", sim.url(1, "main"), sub_url=sim.url(1, "sub"))
        view = station.supervisor.open_view(camera.id, 320, 180)
        wait_for(lambda: view.status().state is SessionState.LIVE, "the stream live", 20)
        service = station.events()
        sim.stop()
        lost = wait_for(lambda: _events(service, EventKind.STREAM_LOST, camera.id), "stream lost", 30)
        assert lost[0].origin is Origin.STATION and lost[0].source == "sub"
        assert any(a.kind is EventKind.STREAM_LOST for a in service.store.alarms(camera_id=camera.id))
        sim.start()
        wait_for(lambda: _events(service, EventKind.STREAM_RESTORED, camera.id), "stream restored", 60)
        AuditLog(service.conn).append("evidence.export.failed", {"stage": "write", "error": "USB removed"},
                                      actor="anna.nowak")
        failed = wait_for(lambda: _events(service, EventKind.EXPORT_FAILED), "export failed")
        assert failed[0].camera_id is None and failed[0].data["message"] == "USB removed"
        view.release()
    finally:
        station.close()
        sim.stop()


class _FullDisk:
    """The recording service as the watch sees it, its recorder stopped by a full disk (a fault that cannot
    be caused here without filling a real disk)."""

    def __init__(self, camera_id: int) -> None:
        self.camera_id = camera_id

    def recorder_status(self, camera_id: int) -> RecorderStatus | None:
        if camera_id != self.camera_id:
            return None
        return RecorderStatus(camera_id, "main", RecorderState.DISK_FULL, message="The recordings disk is full.")


def test_a_recorder_stopped_by_a_full_disk_is_a_priority_1_alarm(tmp_path):
    station = Station.open(tmp_path, secrets_kind="memory")
    try:
        camera = station.cameras.add("Rynek", "rtsp://127.0.0.1:9/none")
        station.recording = _FullDisk(camera.id)
        service = station.events()
        stopped = wait_for(lambda: _events(service, EventKind.RECORDING_STOPPED, camera.id), "recording stopped")
        assert stopped[0].count == 1 and stopped[0].data["message"] == "The recordings disk is full."
        alarm = wait_for(lambda: service.store.alarms(camera_id=camera.id), "the alarm")[0]
        assert alarm.priority == 1
        station.recording = None
    finally:
        station.close()
