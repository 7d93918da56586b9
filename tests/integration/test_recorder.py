"""Recording the simulator's cameras through the live sessions: segments, times, sharing, outages.

Real RTSP server, real fMP4 files, real SQLite. The simulator stamps each frame with the wall-clock time
it was made (``videowall.sim.pixelcode``), so recorded times are checked against the picture itself.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import av
import pytest

from tests.fixtures.waiting import wait_for
from videowall.media.types import StreamOptions
from videowall.model.camera import Profile
from videowall.recording.index import NO_RECORDING, RecordingStore
from videowall.recording.recorder_types import GapReason, RecorderConfig, RecorderState
from videowall.model.retention import RetentionPolicy
from videowall.recording.service import RecordingService
from videowall.recording.types import SegmentState, TimeSource
from videowall.sim.pixelcode import decode_timestamp
from videowall.storage.cameras import CameraStore
from videowall.storage.db import open_database
from videowall.streams.supervisor import StreamSupervisor


SEGMENT_S = 2.0
FRAME_S = 1 / 25
SKIP_TOLERANCE_S = 3 * FRAME_S    # room for frames a starved simulator skipped at a segment's end
FAST = StreamOptions(backoff_initial_s=0.2, backoff_cap_s=1.0, read_timeout_s=2.0)


class Rig:
    """A station's core pieces on one data dir: cameras, a supervisor, a recording service."""

    def __init__(self, data_dir: Path, sim, root: Path | None = None) -> None:
        self.db_path = data_dir / "videowall.sqlite3"
        self.cameras = CameraStore(open_database(self.db_path))
        self.supervisor = StreamSupervisor(self.cameras.get, lambda _cid: None, options=FAST)
        self.root = root or data_dir / "recordings"
        self.sim = sim
        self.services: list[RecordingService] = []

    def add_camera(self, index: int, record_profile: Profile | None = Profile.MAIN) -> int:
        camera = self.cameras.add(name=f"CAM {index}", main_url=self.sim.url(index, "main"),
                                  sub_url=self.sim.url(index, "sub"))
        return camera.id

    def service(self, policy: RetentionPolicy | None = None, **config) -> RecordingService:
        store = RecordingStore.open(self.db_path, self.root)
        config.setdefault("segment_s", SEGMENT_S)
        service = RecordingService(store, self.supervisor, recorder_config=RecorderConfig(**config),
                                   policy=policy or RetentionPolicy(min_free_bytes=0, warn_free_bytes=0))
        self.services.append(service)
        return service

    def close(self) -> None:
        for service in self.services:
            service.stop()
            service.store.close()
        self.supervisor.close()
        self.cameras._conn.close()


@pytest.fixture
def rig(tmp_path, simulator):
    built = Rig(tmp_path, simulator)
    yield built
    built.close()


def ffprobe(path: Path) -> tuple[int, float]:
    """(frames decoded, duration in seconds) as ffprobe sees the file."""
    out = subprocess.run(["ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
                          "stream=nb_read_frames:format=duration", "-of", "json", str(path)],
                         capture_output=True, text=True, check=True, timeout=30)
    info = json.loads(out.stdout)
    return int(info["streams"][0]["nb_read_frames"]), float(info["format"]["duration"])


def keyframe_offsets_s(path: Path) -> list[float]:
    """Presentation times of the file's keyframes, relative to its first packet (ffprobe's view)."""
    out = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
                          "packet=pts_time,flags", "-of", "csv=p=0", str(path)],
                         capture_output=True, text=True, check=True, timeout=30)
    packets = [line.split(",") for line in out.stdout.splitlines() if line.strip()]
    first = float(packets[0][0])
    return [float(pts) - first for pts, flags, *_ in packets if "K" in flags]


def _first_frame_code_ms(path: Path) -> int | None:
    with av.open(str(path)) as container:
        for frame in container.decode(video=0):
            return decode_timestamp(frame.to_ndarray(format="bgra"))
    return None


def _assert_contiguous(segments) -> None:
    for before, after in zip(segments, segments[1:]):
        step = abs((after.start_utc - before.end_utc).total_seconds())
        limit = 1e-6 if before.time_source is after.time_source else 0.25   # a switch of anchor: transit time
        assert step <= limit, f"segments {before.id} and {after.id} are {step:.3f} s apart"


@pytest.mark.skipif(shutil.which("ffprobe") is None, reason="needs ffprobe")
def test_records_contiguous_playable_segments_with_true_times(rig):
    camera_id = rig.add_camera(1)
    service = rig.service()
    service.start()
    # The sub stream: same properties, and a 2-core machine's simulator keeps its frame schedule.
    service.set_recording(camera_id, True, Profile.SUB)
    wait_for(lambda: service.recorder_status(camera_id).segments_written >= 3, "three segments", 30)
    service.stop()

    segments = service.store.segments_us(camera_id, 0, 2**62)
    assert len(segments) >= 4 and all(s.state is SegmentState.COMPLETE for s in segments)
    _assert_contiguous(segments)
    total = sum((s.end_utc - s.start_utc for s in segments), timedelta())
    assert abs((segments[-1].end_utc - segments[0].start_utc) - total) <= timedelta(seconds=0.25)
    for segment in segments[:-1]:      # the last one was cut by stop()
        length = (segment.end_utc - segment.start_utc).total_seconds()
        assert length >= SEGMENT_S - FRAME_S                               # not cut before its time
        # Cut at the FIRST keyframe after SEGMENT_S: any later keyframe would have started the next one.
        keyframes = keyframe_offsets_s(segment.path)
        assert keyframes[0] == 0.0 and all(k < SEGMENT_S for k in keyframes[1:]), keyframes
    for segment in segments:
        length = (segment.end_utc - segment.start_utc).total_seconds()
        assert segment.bytes == segment.path.stat().st_size > 0
        frames, duration = ffprobe(segment.path)
        # A loaded simulator skips frames (its timestamps keep wall-clock pace), so count loosely; the
        # index ends a segment at the next one's keyframe, the file one frame after its last frame.
        assert abs(duration - length) <= SKIP_TOLERANCE_S and length / FRAME_S / 2 <= frames <= length / FRAME_S + 2
        code_ms = _first_frame_code_ms(segment.path)
        error_s = abs(segment.start_utc.timestamp() - code_ms / 1000)
        # The camera's NTP time is the capture time to within a frame (the resolution a segment's start has);
        # the station's receive time trails it by transit.
        assert error_s <= (FRAME_S if segment.time_source is TimeSource.CAMERA_NTP else 0.3)
    assert segments[1].time_source is TimeSource.CAMERA_NTP    # the simulator sends RTCP sender reports
    assert service.store.gaps(camera_id, segments[0].start_utc, segments[-1].end_utc) == []


def test_recording_rides_on_the_live_session(rig):
    camera_id = rig.add_camera(2)
    view = rig.supervisor.open_view(camera_id, 1280, 720)        # large tile: the main stream
    service = rig.service()
    service.start()
    service.set_recording(camera_id, True, Profile.MAIN)
    wait_for(lambda: service.recorder_status(camera_id).state is RecorderState.RECORDING, "recording", 20)
    assert rig.supervisor.session_count() == 1
    seq = wait_for(lambda: view.latest() and view.latest().seq, "a live frame", 10)
    wait_for(lambda: view.latest().seq > seq + 10, "live frames while recording", 10)
    service.set_recording(camera_id, False)
    assert rig.supervisor.session_count() == 1 and service.status().recorders == ()
    view.release()


def test_a_camera_outage_leaves_a_gap_and_recording_resumes(tmp_path, sim_factory):
    sim = sim_factory(cameras=1, main_size=(640, 360))
    rig = Rig(tmp_path, sim)
    try:
        camera_id = rig.add_camera(1)
        service = rig.service(settle_s=0.5)
        service.start()
        service.set_recording(camera_id, True, Profile.MAIN)
        wait_for(lambda: service.recorder_status(camera_id).segments_written >= 1, "a first segment", 20)
        before = service.recorder_status(camera_id).segments_written
        sim.restart()
        wait_for(lambda: service.recorder_status(camera_id).segments_written >= before + 2, "recording again", 30)
        segments = service.store.segments_us(camera_id, 0, 2**62)
        gaps = service.store.gaps(camera_id, segments[0].start_utc, segments[-1].end_utc)
        # Under load a switch from receive time to the camera's clock can leave a short unexplained hole
        # too (the receive time lags); the outage itself must be there with its reason.
        assert [g.reason for g in gaps if g.reason != NO_RECORDING] == [GapReason.CAMERA_UNREACHABLE], (
            [(s.start_utc.time(), s.end_utc.time(), s.time_source.value, s.state.value) for s in segments], gaps)
        assert all(s.state is SegmentState.COMPLETE for s in segments[:-1])
    finally:
        rig.close()
