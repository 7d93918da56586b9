"""The export request's checks, ASCII names, and planning against an index (no media needed)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from videowall.evidence.destination import Destination
from videowall.evidence.plan import FAT32_MAX_PART_BYTES, GOP_SLACK, plan_export
from videowall.evidence.request import ExportRequest, ascii_slug, clip_stem
from videowall.model.camera import Camera
from videowall.recording.types import RecordedSegment, SegmentState, TimeGap, TimeSource
from videowall.runtime.errors import ErrorKind, VideowallError

T0 = datetime(2026, 4, 5, 10, 0, tzinfo=timezone.utc)
CAMERAS = [Camera(1, "Rynek Główny", "rtsp://127.0.0.1/1"), Camera(2, "Łódź – Piotrkowska", "rtsp://127.0.0.1/2")]


class ListIndex:
    """RecordingIndex over plain values: one 60 s segment of 6 MB per camera per minute, 10:00–10:10."""

    def __init__(self) -> None:
        self._segments = [RecordedSegment(cam * 100 + n, cam, "main", Path(f"/nonexistent/{cam}_{n}.mp4"),
                                          T0 + timedelta(minutes=n), T0 + timedelta(minutes=n + 1), 6_000_000,
                                          TimeSource.CAMERA_NTP, SegmentState.COMPLETE)
                          for cam in (1, 2) for n in range(10)]

    def segments(self, camera_id, start_utc, end_utc):
        return [s for s in self._segments if s.camera_id == camera_id and s.start_utc < end_utc
                and s.end_utc > start_utc]

    def gaps(self, camera_id, start_utc, end_utc):
        return [TimeGap(T0 + timedelta(minutes=10), end_utc, "no recording")] if end_utc > T0 + timedelta(minutes=10) else []


def _request(**changes) -> ExportRequest:
    values = dict(exhibit_id="SM-2026-000123", camera_ids=(1, 2), start_utc=T0 + timedelta(minutes=2),
                  end_utc=T0 + timedelta(minutes=4), authority="KMP w Krakowie", case_number="RSD-1/26",
                  reason="zdarzenie drogowe")
    values.update(changes)
    return ExportRequest(**values)


def _destination(path: Path, free: int = 10**10, fs: str = "ext4") -> Destination:
    return Destination(path, "USB", fs, free, free, True, "usb")


@pytest.mark.parametrize("changes, message", [
    ({"exhibit_id": "SM/2026"}, "exhibit id"),
    ({"exhibit_id": "Dowód-1"}, "exhibit id"),
    ({"exhibit_id": "X.partial"}, "exhibit id"),
    ({"authority": "  "}, "authority of the request is required"),
    ({"case_number": ""}, "case number of the request is required"),
    ({"reason": ""}, "reason of the request is required"),
    ({"reason": "a\x00b"}, "without control characters"),
    ({"camera_ids": ()}, "at least one camera"),
    ({"camera_ids": (1, 1)}, "listed twice"),
    ({"end_utc": T0 + timedelta(minutes=2)}, "must be after its start"),
    ({"start_utc": datetime(2026, 4, 5, 10, 0)}, "time zone"),
    ({"end_utc": T0 + timedelta(days=8)}, "longer than 7 days"),
])
def test_request_names_what_is_wrong(changes, message):
    with pytest.raises(VideowallError, match=message) as err:
        _request(**changes).validate()
    assert err.value.kind is ErrorKind.INVALID_INPUT


def test_names_are_plain_ascii():
    assert ascii_slug("Rynek Główny") == "Rynek_Glowny"
    assert ascii_slug("Łódź – Piotrkowska / róg Żwirki") == "Lodz_Piotrkowska_rog_Zwirki"
    assert ascii_slug("⚠⚠") == "camera"
    assert len(ascii_slug("x" * 100)) == 40
    warsaw = timezone(timedelta(hours=2))
    assert clip_stem(12, "Most Dębnicki", datetime(2026, 4, 5, 12, 0, 5, tzinfo=warsaw),
                     datetime(2026, 4, 5, 12, 1, tzinfo=warsaw)) == \
        "CAM012_Most_Debnicki_20260405T100005Z_20260405T100100Z"


def test_plan_estimates_space_with_margin_and_keeps_the_segments(tmp_path):
    plan = plan_export(_request(), CAMERAS, ListIndex(), tmp_path, destination=_destination(tmp_path))
    assert [p.camera.id for p in plan.cameras] == [1, 2]
    assert [s.id for s in plan.cameras[0].segments] == [101, 102, 103]   # 10:01 segment holds the GOP slack
    video = 2 * 6_000_000 * (120 + GOP_SLACK.total_seconds()) / 60
    assert video < plan.estimated_bytes < video * 1.05 + 3 * 1024**2
    assert plan.required_bytes == int(plan.estimated_bytes * 1.1)
    assert plan.max_part_bytes is None
    assert plan.partial_dir == tmp_path / "SM-2026-000123.partial" and plan.final_dir == tmp_path / "SM-2026-000123"


def test_plan_refuses_a_destination_without_room_for_the_margin(tmp_path):
    needed = plan_export(_request(), CAMERAS, ListIndex(), tmp_path, destination=_destination(tmp_path)).required_bytes
    with pytest.raises(VideowallError, match="Not enough free space") as err:
        plan_export(_request(), CAMERAS, ListIndex(), tmp_path, destination=_destination(tmp_path, needed - 1))
    assert err.value.kind is ErrorKind.STORAGE_ERROR
    plan_export(_request(), CAMERAS, ListIndex(), tmp_path, destination=_destination(tmp_path, needed))


def test_plan_on_fat_splits_and_lowered_part_size_applies_anywhere(tmp_path):
    fat = plan_export(_request(), CAMERAS, ListIndex(), tmp_path, destination=_destination(tmp_path, fs="vfat"))
    assert fat.max_part_bytes == FAT32_MAX_PART_BYTES
    lowered = plan_export(_request(), CAMERAS, ListIndex(), tmp_path, part_bytes=1_000_000,
                          destination=_destination(tmp_path))
    assert lowered.max_part_bytes == 1_000_000
    with pytest.raises(VideowallError, match="at least 256 KiB"):
        plan_export(_request(), CAMERAS, ListIndex(), tmp_path, part_bytes=1000, destination=_destination(tmp_path))


def test_plan_refuses_empty_ranges_unknown_cameras_and_missing_folders(tmp_path):
    late = _request(start_utc=T0 + timedelta(minutes=20), end_utc=T0 + timedelta(minutes=30))
    with pytest.raises(VideowallError, match=r"no recording of camera 1 \(Rynek Główny\)") as err:
        plan_export(late, CAMERAS, ListIndex(), tmp_path, destination=_destination(tmp_path))
    assert err.value.kind is ErrorKind.NOT_FOUND
    with pytest.raises(VideowallError, match="no camera with id 7"):
        plan_export(_request(camera_ids=(7,)), CAMERAS, ListIndex(), tmp_path, destination=_destination(tmp_path))
    with pytest.raises(VideowallError, match="does not exist"):
        plan_export(_request(), CAMERAS, ListIndex(), tmp_path / "nope")


def test_plan_keeps_known_gaps(tmp_path):
    request = _request(start_utc=T0 + timedelta(minutes=9), end_utc=T0 + timedelta(minutes=11))
    plan = plan_export(request, CAMERAS, ListIndex(), tmp_path, destination=_destination(tmp_path))
    assert [g.reason for g in plan.cameras[0].gaps] == ["no recording"]
