"""Monitoring-room shifts: two 12-hour shifts a day, 06:00–18:00 and 18:00–06:00 station time."""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

DAY_SHIFT_START = time(6, 0)
NIGHT_SHIFT_START = time(18, 0)


def current_shift(now_utc: datetime, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """(start, end) in UTC of the shift running at ``now_utc``. Across a DST change the night shift is 11
    or 13 hours long: it still ends at 06:00 on the wall clock."""
    local = now_utc.astimezone(zone)
    today = local.date()
    if DAY_SHIFT_START <= local.time() < NIGHT_SHIFT_START:
        start, end = (today, DAY_SHIFT_START), (today, NIGHT_SHIFT_START)
    elif local.time() >= NIGHT_SHIFT_START:
        start, end = (today, NIGHT_SHIFT_START), (today + timedelta(days=1), DAY_SHIFT_START)
    else:
        start, end = (today - timedelta(days=1), NIGHT_SHIFT_START), (today, DAY_SHIFT_START)
    return tuple(datetime.combine(day, at, tzinfo=zone).astimezone(timezone.utc)  # type: ignore[return-value]
                 for day, at in (start, end))
