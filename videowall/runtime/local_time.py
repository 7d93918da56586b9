"""Reading a date and time an operator typed (CLI options, forms)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.runtime.text import brief, unsafe_character

MAX_CHARS = 64          # the longest ISO 8601 form is about 40 characters
FIRST_YEAR = 1970       # recordings are indexed in microseconds since the epoch
LAST_YEAR = 9998        # far enough from datetime's limits that converting to UTC cannot overflow


def parse_local_time(text: str, zone: ZoneInfo, label: str = "") -> datetime:
    """ISO 8601; without an offset the time is read in the station's zone (what the operator sees)."""
    what = f"{label} {brief(text)}" if label else brief(text)
    readable = isinstance(text, str) and len(text) <= MAX_CHARS and unsafe_character(text) is None
    moment = _iso(text) if readable else None
    if moment is None:
        raise VideowallError(ErrorKind.INVALID_INPUT, f"{what} is not a date and time like 2026-01-15T10:15:00.")
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:    # checked before any conversion can overflow
        raise VideowallError(ErrorKind.INVALID_INPUT,
                             f"{what} lies outside the years {FIRST_YEAR}–{LAST_YEAR}: check the year.")
    return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment


def _iso(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.strip().replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
