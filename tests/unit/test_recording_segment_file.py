"""A segment file must never be taken for complete when its last fragment did not reach the disk."""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = [pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX"),
              pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="needs ffmpeg to make test footage")]

# Runs in a child process: the file-size limit (the way a full disk fails at a box boundary) must not
# hit the test runner's own files.
_WRITER = textwrap.dedent("""
    import json, resource, signal, sys
    from fractions import Fraction
    from pathlib import Path
    import av
    from videowall.recording.segment_file import SegmentFile, SegmentWriteError, StreamParams

    source, target, limit = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    with av.open(source) as container:
        packets = [(bytes(p), p.is_keyframe) for p in container.demux(video=0) if p.size]
    if limit:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)     # writes past the limit fail with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    params = StreamParams("h264", 320, 240, Fraction(1, 90000), Fraction(25), None)
    segment = SegmentFile(target, params, {})
    try:
        for n, (data, key) in enumerate(packets):
            segment.write(data, n * 3600, n * 3600, 3600, key)
        segment.close()
        print(json.dumps({"error": None}))
    except SegmentWriteError as err:
        print(json.dumps({"error": str(err)}))
""")


@pytest.fixture(scope="module")
def three_gops(tmp_path_factory) -> Path:
    source = tmp_path_factory.mktemp("gops") / "three.ts"
    subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-t", "3",
                    "-c:v", "libx264", "-g", "25", "-bf", "0", "-pix_fmt", "yuv420p", str(source)],
                   check=True, timeout=60)
    return source


def _write(source: Path, target: Path, limit: int = 0) -> str | None:
    done = subprocess.run([sys.executable, "-c", _WRITER, str(source), str(target), str(limit)],
                          capture_output=True, text=True, timeout=60, cwd=Path(__file__).parents[2])
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])["error"]


def _boxes(path: Path) -> list[tuple[int, bytes]]:
    data, offset, found = path.read_bytes(), 0, []
    while offset + 8 <= len(data):
        size, kind = struct.unpack(">I4s", data[offset:offset + 8])
        found.append((offset, kind))
        offset += size
    return found


def test_a_complete_segment_closes_cleanly(tmp_path, three_gops):
    assert _write(three_gops, tmp_path / "whole.mp4") is None
    assert [kind for _, kind in _boxes(tmp_path / "whole.mp4")].count(b"moof") == 3


def test_a_last_fragment_lost_whole_is_reported_not_taken_for_complete(tmp_path, three_gops):
    _write(three_gops, tmp_path / "whole.mp4")
    last_fragment_at = [offset for offset, kind in _boxes(tmp_path / "whole.mp4") if kind == b"moof"][-1]
    # The disk refuses the final flush exactly at a box boundary: the file ends cleanly after two
    # fragments, with no torn box to give the loss away.
    error = _write(three_gops, tmp_path / "cut.mp4", limit=last_fragment_at)
    assert error is not None and "cut.mp4" in error
    assert (tmp_path / "cut.mp4").stat().st_size == last_fragment_at
