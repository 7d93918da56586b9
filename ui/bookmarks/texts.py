"""How bookmarks read to the operator: local times, camera names, history actions and fields, translated."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDateTime

from videowall.model.bookmark import Bookmark, category_key

TIME_FIELDS = ("at_utc", "start_utc", "end_utc")
# The order fields are listed in a revision (the history dialog).
FIELD_ORDER = ("at_utc", "start_utc", "end_utc", "camera_ids", "category", "description", "place", "case_number",
               "result", "operator", "evidence", "hold_ids", "withdrawn")


def tr(text: str) -> str:
    return QCoreApplication.translate("Bookmarks", text)


def category_text(category: str) -> str:
    """A stored category in the UI language: the defaults are keys; a station's own categories show as written."""
    names = {"traffic_offence": tr("traffic offence"), "public_disorder": tr("public disorder"),
             "vandalism": tr("vandalism"), "theft": tr("theft"), "road_accident": tr("road accident"),
             "other": tr("other")}
    return names.get(category_key(category), category)


def action_text(action: str) -> str:
    names = {"created": tr("created"), "edited": tr("edited"), "evidence_marked": tr("marked as evidence"),
             "evidence_released": tr("evidence released"), "withdrawn": tr("withdrawn"),
             "restored": tr("restored")}
    return names.get(action, action)


def field_text(name: str) -> str:
    names = {"category": tr("category"), "description": tr("description"), "place": tr("place"),
             "camera_ids": tr("cameras"), "case_number": tr("case number"), "result": tr("result"),
             "start_utc": tr("start"), "end_utc": tr("end"), "at_utc": tr("moment"), "operator": tr("operator"),
             "evidence": tr("evidence"), "hold_ids": tr("legal holds"), "withdrawn": tr("withdrawn")}
    return names.get(name, name)


def local_text(moment: datetime, tz: ZoneInfo) -> str:
    return moment.astimezone(tz).strftime("%Y-%m-%d %H:%M:%S")


def camera_names(camera_ids, names: Mapping[int, str]) -> str:
    return ", ".join(names.get(cid, f"#{cid}") for cid in camera_ids)


def value_text(name: str, value: Any, tz: ZoneInfo, names: Mapping[int, str]) -> str:
    """A history value (JSON: datetimes as ISO strings) as the operator reads it."""
    if value is None or value == "":
        return "—"
    if name in TIME_FIELDS and isinstance(value, str):
        try:
            return local_text(datetime.fromisoformat(value), tz)
        except ValueError:
            return value
    if name == "category" and isinstance(value, str):
        return category_text(value)
    if name == "camera_ids" and isinstance(value, list | tuple):
        return camera_names(value, names)
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) or "—"
    return str(value)


def status_text(bookmark: Bookmark) -> str:
    if bookmark.withdrawn:
        return tr("withdrawn")
    return tr("evidence") if bookmark.evidence else ""


def to_qdatetime(moment: datetime, tz: ZoneInfo) -> QDateTime:
    local = moment.astimezone(tz)
    return QDateTime(local.year, local.month, local.day, local.hour, local.minute, local.second)


def from_qdatetime(shown: QDateTime, tz: ZoneInfo) -> datetime:
    """A local date edit's value as an aware datetime in ``tz``."""
    date, time = shown.date(), shown.time()
    return datetime(date.year(), date.month(), date.day(), time.hour(), time.minute(), time.second(), tzinfo=tz)
