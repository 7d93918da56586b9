"""``kill -9`` of the headless recorder mid-segment: the segment stays playable and the index heals.

Runs the real ``videowall recorder`` command in a subprocess against the shared simulator.
"""

from __future__ import annotations

import os
import selectors
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.fixtures.waiting import wait_for
from tests.integration.test_recorder import FRAME_S, SKIP_TOLERANCE_S, ffprobe
from videowall.model.camera import Profile
from videowall.recording.fmp4_boxes import scan
from videowall.recording.index import RecordingStore
from videowall.recording.recorder_types import GapReason
from videowall.recording.types import SegmentState
from videowall.storage.cameras import CameraStore
from videowall.storage.db import open_database

pytestmark = pytest.mark.skipif(shutil.which("ffprobe") is None, reason="needs ffprobe")


def _recorder(data_dir: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "videowall.cli", "recorder", "--data-dir", str(data_dir), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=Path(__file__).resolve().parents[2])


def _read_until(proc: subprocess.Popen, text: str, timeout_s: float) -> str:
    seen = ""
    deadline = time.monotonic() + timeout_s
    with selectors.DefaultSelector() as selector:
        selector.register(proc.stdout, selectors.EVENT_READ)
        while text not in seen and time.monotonic() < deadline:
            if selector.select(0.2):
                line = proc.stdout.readline()
                if not line:
                    break
                seen += line
    assert text in seen, f"recorder never printed {text!r}; output so far: {seen!r}"
    return seen


def test_kill_9_mid_segment_then_restart(tmp_path, simulator):
    data_dir = tmp_path / "data"
    db_path = data_dir / "videowall.sqlite3"
    conn = open_database(db_path)
    camera = CameraStore(conn).add(name="Gate", main_url=simulator.url(3, "main"), sub_url=simulator.url(3, "sub"))
    RecordingStore(conn, data_dir / "recordings").set_recording(camera.id, True, Profile.MAIN)
    conn.close()

    first = _recorder(data_dir, "--segment-seconds", "30")
    try:
        _read_until(first, "recording", 30)
        store = RecordingStore.open(db_path, data_dir / "recordings")
        segment = wait_for(lambda: store.segments_us(camera.id, 0, 2**62), "the open segment", 10)[0]
        wait_for(lambda: scan(segment.path).fragments >= 3, "three fragments on disk", 20)
        os.kill(first.pid, signal.SIGKILL)
        first.wait(10)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait(10)
    assert first.returncode == -signal.SIGKILL
    assert store.segment(segment.id).state is SegmentState.RECORDING    # what the crash left behind

    second = _recorder(data_dir, "--segment-seconds", "30", "--seconds", "4")
    out, err = second.communicate(timeout=60)
    assert second.returncode == 0, err
    assert "1 segment(s) recovered" in out

    recovered = store.segment(segment.id)
    assert recovered.state is SegmentState.RECOVERED
    assert not scan(recovered.path).torn
    frames, duration = ffprobe(recovered.path)
    length = (recovered.end_utc - recovered.start_utc).total_seconds()
    assert frames >= 2 / FRAME_S and abs(duration - length) <= SKIP_TOLERANCE_S
    probe_errors = subprocess.run(["ffprobe", "-v", "error", "-i", str(recovered.path)], capture_output=True,
                                  text=True, timeout=30).stderr
    assert probe_errors == ""                      # plays clean: no "partial file"
    segments = store.segments_us(camera.id, 0, 2**62)
    assert [s.state for s in segments] == [SegmentState.RECOVERED, SegmentState.COMPLETE]
    assert [g.reason for g in store.gaps(camera.id, segments[0].start_utc, segments[1].end_utc)] == [
        GapReason.NOT_RUNNING]
    assert [e.action for e in store._audit.entries()] == ["recording.recovered"]
    store.close()
