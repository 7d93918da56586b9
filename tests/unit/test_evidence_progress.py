"""Small rules of the export: progress arithmetic, cancel tokens, when codec parameters really changed."""

from __future__ import annotations

import pytest

from videowall.evidence.job_support import Reporter
from videowall.evidence.progress import STAGES, CancelToken, ExportCancelled, overall
from videowall.evidence.remux import parameter_sets

SPS = bytes.fromhex("6742c01fda014016ec05a8303032000003000200000300651e306540")
PPS = bytes.fromhex("68ce3c80")


def _avcc(sps: list[bytes], pps: list[bytes]) -> bytes:
    out = bytearray(b"\x01\x42\xc0\x1f\xff") + bytes([0xE0 | len(sps)])
    for unit in sps:
        out += len(unit).to_bytes(2, "big") + unit
    out.append(len(pps))
    for unit in pps:
        out += len(unit).to_bytes(2, "big") + unit
    return bytes(out)


def test_repeated_parameter_sets_are_the_same_parameters():
    assert parameter_sets(_avcc([SPS, SPS], [PPS, PPS])) == parameter_sets(_avcc([SPS], [PPS])) == {SPS, PPS}
    assert parameter_sets(b"\x00\x00\x00\x01" + SPS + b"\x00\x00\x01" + PPS) == {SPS, PPS}
    other = SPS[:-1] + b"\x41"
    assert parameter_sets(_avcc([other], [PPS])) != parameter_sets(_avcc([SPS], [PPS]))
    assert parameter_sets(b"\x01\x42\xc0\x1f\xff\xe1\x00\x50ab") == {b"\x01\x42\xc0\x1f\xff\xe1\x00\x50ab"}


def test_overall_progress_runs_through_the_stages_in_order():
    points = [overall(name, fraction) for name, _share in STAGES for fraction in (0.0, 0.5, 1.0)]
    assert points == sorted(points) and points[-1] == pytest.approx(1.0)
    with pytest.raises(ValueError):
        overall("decode", 0.5)


def test_reporter_throttles_and_never_goes_back():
    seen = []
    reporter = Reporter(seen.append, estimated_bytes=1_000_000)
    reporter.stage("remux")
    for _ in range(1000):
        reporter.remuxed(1000)
    reporter.stage("read_back")
    reporter.read_back(500_000)
    reporter.done()
    assert 10 < len(seen) < 250
    totals = [report.overall_fraction for report in seen]
    assert totals == sorted(totals) and totals[-1] == 1.0
    assert {report.stage for report in seen} == {"remux", "read_back", "finish"}


def test_a_child_token_follows_its_parent_but_not_the_other_way():
    parent = CancelToken()
    child = CancelToken(parent=parent)
    child.cancel()
    assert child.cancelled and not parent.cancelled
    other = CancelToken(parent=parent)
    parent.cancel()
    with pytest.raises(ExportCancelled) as stopped:
        other.raise_if_cancelled("read_back")
    assert stopped.value.stage == "read_back"
