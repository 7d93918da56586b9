"""Date-time edits that show and read the station's wall clock (not the PC's zone)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import QDateTimeEdit, QWidget

EDIT_FORMAT = "yyyy-MM-dd HH:mm"


def station_time_edit(moment_utc: datetime, zone: ZoneInfo, parent: QWidget | None = None) -> QDateTimeEdit:
    local = moment_utc.astimezone(zone)
    # A UTC QDateTime holds the station's wall-clock value as it is: no PC-zone DST gap can shift it.
    wall = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute), QTimeZone.utc())
    edit = QDateTimeEdit(wall, parent)
    edit.setTimeZone(QTimeZone.utc())
    edit.setDisplayFormat(EDIT_FORMAT)
    edit.setCalendarPopup(True)
    return edit


def edit_moment(edit: QDateTimeEdit, zone: ZoneInfo) -> datetime:
    """The edit's wall-clock value, read in the station's zone."""
    date, time = edit.date(), edit.time()
    return datetime(date.year(), date.month(), date.day(), time.hour(), time.minute(), tzinfo=zone)
