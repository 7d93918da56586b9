"""Plain values of the events feature: what happened (``CameraEvent``) and what an operator handles (``Alarm``)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime


class EventKind(enum.Enum):
    MOTION = "motion"
    TAMPER = "tamper"
    DIGITAL_INPUT = "digital_input"
    VIDEO_LOSS = "video_loss"
    STORAGE_FAULT = "storage_fault"
    STREAM_LOST = "stream_lost"
    STREAM_RESTORED = "stream_restored"
    RECORDING_STOPPED = "recording_stopped"
    EXPORT_FAILED = "export_failed"
    PTZ_TAKEN_OVER = "ptz_taken_over"          # a higher role took a camera's PTZ lease from another person
    EVENTS_UNAVAILABLE = "events_unavailable"   # the camera's event service refused or dropped us
    OTHER = "other"                              # a topic this station does not know: kept raw


class Origin(enum.Enum):
    CAMERA = "camera"
    STATION = "station"


class AlarmState(enum.Enum):
    NEW = "new"
    ACKNOWLEDGED = "acknowledged"
    CLOSED = "closed"


class Show(enum.Enum):
    """Where an alarm puts its camera."""

    NONE = "none"
    TILE = "tile"           # the chosen tile of the main wall
    MONITOR = "monitor"     # the alarm monitor window


@dataclass(frozen=True)
class CameraEvent:
    """One event of one camera, as received (camera events) or as noticed (station events).

    ``at_utc`` is on the station's clock: a camera's own timestamp corrected by its measured clock offset.
    ``active`` is the state a property event reports (motion on/off); None for a pulse (export failed).
    ``source`` names what raised it within the camera (input token, rule name); ``topic`` is the raw topic.
    """

    camera_id: int | None
    kind: EventKind
    at_utc: datetime
    active: bool | None = True
    source: str = ""
    topic: str = ""
    origin: Origin = Origin.CAMERA
    data: dict[str, str] = field(default_factory=dict)

    @property
    def merge_key(self) -> tuple:
        """Events with the same key within the debounce window are one (a flapping input, a storm)."""
        return (self.camera_id, self.kind, self.source, self.topic if self.kind is EventKind.OTHER else "",
                self.active, self.initial)

    @property
    def initial(self) -> bool:
        """The camera's report of a state it already had when subscribed (no news: raises no alarm)."""
        return self.data.get("operation") == "Initialized"


@dataclass(frozen=True)
class StoredEvent:
    id: int
    camera_id: int | None
    kind: EventKind
    first_utc: datetime
    last_utc: datetime
    count: int
    active: bool | None
    source: str
    topic: str
    origin: Origin
    data: dict[str, str]


@dataclass(frozen=True)
class Alarm:
    id: int
    camera_id: int | None
    kind: EventKind
    source: str
    priority: int                # 1 highest … 5 lowest
    state: AlarmState
    first_utc: datetime
    last_utc: datetime
    count: int                   # events merged into this alarm (a storm shows as one alarm)
    sound: str
    show: Show
    acknowledged_by: str = ""
    acknowledged_utc: datetime | None = None
    closed_by: str = ""
    closed_utc: datetime | None = None
    comment: str = ""


@dataclass(frozen=True)
class EventFilter:
    camera_id: int | None = None
    kind: EventKind | None = None
    start_utc: datetime | None = None
    end_utc: datetime | None = None
    limit: int = 1000
