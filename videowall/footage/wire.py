"""The recording server's JSON: segments and gaps as both ends read them (times UTC, microseconds)."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from videowall.recording.timebase import from_us, to_us
from videowall.recording.types import RecordedSegment, SegmentState, TimeGap, TimeSource
from videowall.runtime.errors import ErrorKind, VideowallError

API = "/api/v1"


def segment_json(segment: RecordedSegment) -> dict:
    return {"id": segment.id, "camera_id": segment.camera_id, "profile": segment.profile,
            "start_us": to_us(segment.start_utc), "end_us": to_us(segment.end_utc), "bytes": segment.bytes,
            "time_source": segment.time_source.value, "state": segment.state.value, "codec": segment.codec,
            "width": segment.width, "height": segment.height, "clock_offset_s": segment.clock_offset_s,
            "sha256": segment.sha256}


def segment_from_json(data: dict, path: Path) -> RecordedSegment:
    """A segment the server described; ``path`` is where the station keeps (or will keep) its bytes."""
    try:
        return RecordedSegment(
            id=int(data["id"]), camera_id=int(data["camera_id"]), profile=str(data["profile"]), path=path,
            start_utc=from_us(int(data["start_us"])), end_utc=from_us(int(data["end_us"])),
            bytes=int(data["bytes"]), time_source=TimeSource(data["time_source"]),
            state=SegmentState(data["state"]), codec=str(data["codec"]), width=int(data["width"]),
            height=int(data["height"]), clock_offset_s=data.get("clock_offset_s"), sha256=data.get("sha256"))
    except (KeyError, TypeError, ValueError) as err:
        raise VideowallError(ErrorKind.STREAM_ERROR,
                             "The recording server sent a segment description this station cannot read "
                             f"({type(err).__name__}: {err}); are both on the same videowall version?") from None


def gap_json(gap: TimeGap) -> dict:
    return {"start_us": to_us(gap.start_utc), "end_us": to_us(gap.end_utc), "reason": gap.reason}


def gap_from_json(data: dict) -> TimeGap:
    return TimeGap(from_us(int(data["start_us"])), from_us(int(data["end_us"])), str(data["reason"]))


def utc_text(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


def parse_utc_param(text: str | None, name: str) -> datetime:
    """An ISO 8601 time with its UTC offset (a time without one is refused: the hosts' zones may differ)."""
    if not text:
        raise VideowallError(ErrorKind.INVALID_INPUT, f"'{name}' is missing (an ISO 8601 UTC time).")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise VideowallError(ErrorKind.INVALID_INPUT, f"'{name}' is not an ISO 8601 time.") from None
    if moment.tzinfo is None:
        raise VideowallError(ErrorKind.INVALID_INPUT, f"'{name}' must carry its UTC offset (e.g. Z).")
    return moment.astimezone(timezone.utc)
