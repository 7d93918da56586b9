"""What the operator is told about recording, from plain status values."""

from __future__ import annotations

from videowall.recording.recorder_types import RecorderState, RecorderStatus
from videowall.recording.retention import RetentionReport, SpaceState
from videowall.recording.service import RecordingStatus
from videowall.recording.warnings import Severity, recording_warnings


def _space(state: SpaceState, message: str = "disk message") -> RetentionReport:
    return RetentionReport(0, 0, 0, 0, 0, state, 1 << 30, message)


def test_all_quiet_means_no_warnings():
    status = RecordingStatus((RecorderStatus(1, "main", RecorderState.RECORDING),), _space(SpaceState.OK, ""))
    assert recording_warnings(status) == []


def test_problems_come_most_urgent_first_with_their_cameras():
    recorders = (RecorderStatus(1, "main", RecorderState.DISK_FULL),
                 RecorderStatus(2, "main", RecorderState.RECORDING, camera_offset_s=3600.0, camera_clock_wrong=True),
                 RecorderStatus(3, "sub", RecorderState.DISK_FULL, packets_dropped=12))
    warnings = recording_warnings(RecordingStatus(recorders, _space(SpaceState.LOW, "getting full")))
    assert [w.severity for w in warnings] == [Severity.CRITICAL, Severity.WARNING, Severity.WARNING, Severity.INFO]
    assert warnings[0].camera_ids == (1, 3) and "disk is full" in warnings[0].text
    assert {w.text for w in warnings[1:3]} >= {"getting full"}
    assert any(w.camera_ids == (2,) and "clocks are wrong" in w.text for w in warnings)
    assert warnings[-1].camera_ids == (3,)


def test_footage_deleted_early_is_critical():
    warnings = recording_warnings(RecordingStatus((), _space(SpaceState.RECLAIMING, "deleted early")))
    assert [(w.severity, w.text) for w in warnings] == [(Severity.CRITICAL, "deleted early")]
