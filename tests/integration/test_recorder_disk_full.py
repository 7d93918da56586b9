"""A full recordings disk, for real (a small tmpfs): recording stops, live view goes on, recording resumes."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from tests.fixtures.waiting import wait_for
from tests.integration.test_recorder import SKIP_TOLERANCE_S, Rig, ffprobe
from videowall.media.types import SessionState
from videowall.model.camera import Profile
from videowall.recording.recorder_types import GapReason, RecorderState


DISK_BYTES = 4 * 1024 * 1024


def _mount_command() -> list[str] | None:
    if os.name != "posix" or shutil.which("mount") is None:
        return None
    if os.geteuid() == 0:
        return []
    if shutil.which("sudo") and subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode == 0:
        return ["sudo", "-n"]
    return None


@pytest.fixture
def small_disk(tmp_path):
    """A 4 MiB tmpfs; skipped where this user cannot mount one."""
    prefix = _mount_command()
    if prefix is None:
        pytest.skip("mounting a tmpfs needs root or passwordless sudo")
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    done = subprocess.run([*prefix, "mount", "-t", "tmpfs", "-o", f"size={DISK_BYTES},mode=0777", "tmpfs",
                           str(mount_point)], capture_output=True, text=True, timeout=30)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    yield mount_point
    subprocess.run([*prefix, "umount", "-l", str(mount_point)], capture_output=True, timeout=30)


def _fill(path, leave_free: int) -> None:
    free = shutil.disk_usage(path.parent).free
    with path.open("wb") as f:
        f.write(b"\0" * max(0, free - leave_free))


def test_full_disk_stops_recording_keeps_live_view_and_resumes(tmp_path, simulator, small_disk):
    rig = Rig(tmp_path, simulator, root=small_disk / "recordings")
    try:
        camera_id = rig.add_camera(4)
        view = rig.supervisor.open_view(camera_id, 1280, 720)
        service = rig.service(resume_free_bytes=1024 * 1024, retry_every_s=0.3, settle_s=0.5)
        service.start()
        filler = small_disk / "filler.bin"
        _fill(filler, leave_free=400 * 1024)      # ≈ 1.5 s of the 720p stream
        service.set_recording(camera_id, True, Profile.MAIN)

        status = wait_for(lambda: (s := service.recorder_status(camera_id)).state is RecorderState.DISK_FULL and s, "the disk to fill up", 30)
        assert "disk is full" in status.message
        seq = view.latest().seq
        wait_for(lambda: view.latest().seq > seq + 10, "live frames with the disk full", 10)
        assert view.status().state is SessionState.LIVE

        filler.unlink()
        wait_for(lambda: service.recorder_status(camera_id).state is RecorderState.RECORDING, "resumed", 20)
        service.stop()

        segments = service.store.segments_us(camera_id, 0, 2**62)
        gaps = service.store.gaps(camera_id, segments[0].start_utc, segments[-1].end_utc)
        assert GapReason.DISK_FULL in [g.reason for g in gaps]
        for segment in segments:          # what reached the disk before it filled up still plays
            frames, duration = ffprobe(segment.path)
            assert frames > 0 and abs(duration - (segment.end_utc - segment.start_utc).total_seconds()) <= SKIP_TOLERANCE_S
        view.release()
    finally:
        rig.close()
