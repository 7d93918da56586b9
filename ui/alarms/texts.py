"""How events and alarms read to the operator (translated; context "Alarms")."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from videowall.events.model import AlarmState, EventKind


def tr(text: str) -> str:
    return QCoreApplication.translate("Alarms", text)


def kind_text(kind: EventKind) -> str:
    names = {
        EventKind.MOTION: tr("motion"), EventKind.TAMPER: tr("tampering"),
        EventKind.DIGITAL_INPUT: tr("digital input"), EventKind.VIDEO_LOSS: tr("video loss"),
        EventKind.STORAGE_FAULT: tr("camera storage fault"), EventKind.STREAM_LOST: tr("stream lost"),
        EventKind.STREAM_RESTORED: tr("stream restored"), EventKind.RECORDING_STOPPED: tr("recording stopped"),
        EventKind.EXPORT_FAILED: tr("export failed"), EventKind.EVENTS_UNAVAILABLE: tr("events unavailable"),
        EventKind.PTZ_TAKEN_OVER: tr("PTZ taken over"),
        EventKind.OTHER: tr("other event"),
    }
    return names[kind]


def state_text(state: AlarmState) -> str:
    return {AlarmState.NEW: tr("new"), AlarmState.ACKNOWLEDGED: tr("acknowledged"),
            AlarmState.CLOSED: tr("closed")}[state]


def active_text(active: bool | None) -> str:
    return "" if active is None else tr("on") if active else tr("off")


def camera_text(camera_id: int | None, names: Mapping[int, str]) -> str:
    if camera_id is None:
        return tr("station")
    return names.get(camera_id, f"#{camera_id}")


def local_text(moment: datetime, tz: ZoneInfo) -> str:
    return moment.astimezone(tz).strftime("%Y-%m-%d %H:%M:%S")
