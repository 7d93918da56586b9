"""Times an operator types (`--start`, `--end`, `--at`, forms): read in the station's zone, or a clear message."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.fixtures.hostile import finishes
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.runtime.local_time import parse_local_time

WARSAW = ZoneInfo("Europe/Warsaw")


def test_offsets_and_station_local_times():
    assert parse_local_time(" 2026-07-01T12:00:00 ", WARSAW).utcoffset() == timedelta(hours=2)
    assert parse_local_time("2026-01-01 12:00", WARSAW).utcoffset() == timedelta(hours=1)
    assert parse_local_time("2026-01-01T12:00:00z", WARSAW).utcoffset() == timedelta(0)
    assert parse_local_time("2026-01-01T12:00:00-05:00", WARSAW).utcoffset() == timedelta(hours=-5)


@pytest.mark.parametrize("text, says", [
    ("wczoraj", "is not a date and time like 2026-01-15T10:15:00"),
    ("2026-01-01T10:00" + " " * 100_000, "is not a date and time"),        # 100 kB: not even parsed
    ("9" * 10_000, "is not a date and time"),
    ("2026-01-01T10:00\x00", "is not a date and time"),                     # a NUL the parser let through
    ("2026-01-01T10:00\u202e", "is not a date and time"),
    ("0001-01-01T00:00:00", "outside the years 1970–9998"),                 # once an OverflowError in UTC
    ("9999-12-31T23:59:59", "outside the years 1970–9998"),
    ("0001-01-01T00:00+14:00", "outside the years"),
    (None, "is not a date and time"),
])
def test_odd_and_huge_times_are_a_clear_short_message(text, says):
    with pytest.raises(VideowallError) as caught:
        finishes(lambda: parse_local_time(text, WARSAW, "--start"), timeout_s=30)
    message = caught.value.user_message
    assert caught.value.kind is ErrorKind.INVALID_INPUT
    assert says in message and message.startswith("--start ") and len(message) < 200
    assert "\x00" not in message and "\u202e" not in message
