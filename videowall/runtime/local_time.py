"""Reading a date and time an operator typed (CLI options, forms)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from videowall.runtime.errors import ErrorKind, VideowallError


def parse_local_time(text: str, zone: ZoneInfo, label: str = "") -> datetime:
    """ISO 8601; without an offset the time is read in the station's zone (what the operator sees)."""
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        what = f"{label} {text!r}" if label else repr(text)
        raise VideowallError(ErrorKind.INVALID_INPUT,
                             f"{what} is not a date and time like 2026-01-15T10:15:00.") from None
    return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment
