"""`videowall --selftest`: the clip it encodes, how it reads the screen, and its report contract."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import av
import numpy as np
import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

from ui import selftest
from ui.app import create_application
from videowall.media.sample_clip import encode_test_clip
from videowall.media.types import StreamOptions

ROOT = Path(__file__).resolve().parents[2]
ENGINE_READS_FILES = "allow_local_files" in {f.name for f in dataclasses.fields(StreamOptions)}
needs_file_source = pytest.mark.skipif(
    not ENGINE_READS_FILES,
    reason="the media engine has no local-file source yet (StreamOptions.allow_local_files)")


def test_the_test_clip_is_h264_in_the_expected_colour(tmp_path):
    clip = tmp_path / "clip.mp4"
    info = encode_test_clip(clip, size=(160, 120), fps=10, seconds=1)
    with av.open(str(clip)) as container:
        stream = container.streams.video[0]
        frames = [frame.to_ndarray(format="rgb24") for frame in container.decode(stream)]
        codec = stream.codec_context.name
    assert codec == "h264"
    assert info["size"] == [160, 120] and len(frames) == 10
    median = np.median(frames[0].reshape(-1, 3), axis=0)
    assert selftest.colour_matches(tuple(int(v) for v in median), selftest.BACKGROUND_RGB)
    assert not np.array_equal(frames[0], frames[5])   # the square moves: consecutive pictures differ


def test_centre_colour_reads_the_pixels_on_screen():
    create_application(offscreen=True, language="en")
    widget = QWidget()
    try:
        palette = widget.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(*selftest.BACKGROUND_RGB))
        widget.setPalette(palette)
        widget.setAutoFillBackground(True)
        widget.resize(320, 180)
        widget.show()
        assert selftest.centre_colour(widget) == selftest.BACKGROUND_RGB
    finally:
        widget.close()
        widget.deleteLater()


def test_colour_match_tolerates_codec_rounding_but_not_another_colour():
    assert selftest.colour_matches((39, 199, 118), (40, 200, 120))
    assert not selftest.colour_matches((0, 0, 0), (40, 200, 120))
    assert not selftest.colour_matches((40, 200, 160), (40, 200, 120))


def test_a_source_checkout_has_everything_the_bundle_must_carry():
    checks = selftest.bundle_checks()
    assert checks and all(value == "ok" for value in checks.values()), checks


@needs_file_source
def test_selftest_shows_the_clip_on_a_real_wall():
    out = io.StringIO()
    code = selftest.run_selftest(timeout_s=20, out=out)
    report = json.loads(out.getvalue())
    assert (code, report["result"], report["reason"]) == (0, "pass", None)
    assert report["video"]["frames_painted"] >= 1
    assert selftest.colour_matches(tuple(report["video"]["picture_rgb"]), selftest.BACKGROUND_RGB)
    assert report["versions"]["pyav"] == av.__version__


@needs_file_source
def test_a_clip_that_cannot_be_played_fails_with_the_reason(tmp_path):
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(b"not a video" * 100)
    result = selftest._show_on_wall(broken, timeout_s=2)
    assert "no frame reached the tile" in result["error"]
    assert result["frames_painted"] == 0


def test_the_command_prints_one_json_report_and_exits_by_its_result(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "ui.selftest"], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=120)
    report = json.loads(proc.stdout)   # stdout holds the report and nothing else
    assert report["selftest"] == "videowall"
    assert {"versions", "platform", "checks", "video", "timing"} <= report.keys()
    assert report["versions"]["qt"] and report["versions"]["python"] == ".".join(map(str, sys.version_info[:3]))
    assert proc.returncode == (0 if report["result"] == "pass" else 1)
    assert (report["reason"] is None) == (report["result"] == "pass")
    if ENGINE_READS_FILES:
        assert report["result"] == "pass", report["reason"]
