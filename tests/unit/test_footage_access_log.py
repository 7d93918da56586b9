"""The recording server's access log on each engine: every request kept, newest ``limit`` read back in order."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from videowall.footage.access_log import AccessLog, AccessRecord

T0 = datetime(2026, 3, 1, 8, 0, tzinfo=timezone.utc)


def _request(n: int, status: int = 206) -> AccessRecord:
    return AccessRecord(at_utc=T0 + timedelta(milliseconds=n), session_id=7, user_name="j.kowalska",
                        remote="127.0.0.1", method="GET", path=f"/api/v1/segments/{n}", camera_id=1, segment_id=n,
                        byte_range=f"bytes={n}-", status=status, bytes=1000 + n)


def test_requests_are_read_back_oldest_first_with_everything_they_said(database):
    log = AccessLog(database)
    for n in range(5):
        log.record(_request(n))
    refused = AccessRecord(at_utc=T0 + timedelta(seconds=1), session_id=None, user_name=None, remote="10.0.0.9",
                           method="GET", path="/api/v1/status", camera_id=None, segment_id=None, byte_range=None,
                           status=401, bytes=None)
    log.record(refused)
    assert log.entries(3) == [_request(3), _request(4), refused]
    assert [e.segment_id for e in log.entries()] == [0, 1, 2, 3, 4, None]
