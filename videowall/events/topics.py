"""ONVIF notification messages → ``CameraEvent`` (pure; no I/O).

The message is an element ``wsnt:NotificationMessage`` (any ElementTree-like API: lxml or stdlib). Topics are
compared by namespace, not by prefix: a camera may bind the ONVIF topic namespace to any prefix, so it is
rewritten to the conventional ``tns1:``. Known topics become a kind and a state; an unknown topic is kept raw
(kind OTHER, the topic and its items in ``data``). Everything taken from the camera is bounded in size.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from videowall.events.model import CameraEvent, EventKind

WSNT = "http://docs.oasis-open.org/wsn/b-2"
TT = "http://www.onvif.org/ver10/schema"
ONVIF_TOPICS = "http://www.onvif.org/ver10/topics"
MAX_TEXT = 200
MAX_ITEMS = 32

# topic (or a prefix of it ending in "/") → (kind, the data item that carries the state)
_KNOWN: tuple[tuple[str, EventKind, tuple[str, ...]], ...] = (
    ("tns1:VideoSource/MotionAlarm", EventKind.MOTION, ("State",)),
    ("tns1:RuleEngine/CellMotionDetector/Motion", EventKind.MOTION, ("IsMotion",)),
    ("tns1:RuleEngine/MotionRegionDetector/Motion", EventKind.MOTION, ("State", "IsMotion")),
    ("tns1:VideoSource/GlobalSceneChange/", EventKind.TAMPER, ("State",)),
    ("tns1:RuleEngine/TamperDetector/Tamper", EventKind.TAMPER, ("IsTamper", "State")),
    ("tns1:VideoSource/ImageTooDark/", EventKind.TAMPER, ("State",)),
    ("tns1:VideoSource/ImageTooBlurry/", EventKind.TAMPER, ("State",)),
    ("tns1:VideoSource/ImageTooBright/", EventKind.TAMPER, ("State",)),
    ("tns1:Device/Trigger/DigitalInput", EventKind.DIGITAL_INPUT, ("LogicalState", "State")),
    ("tns1:VideoSource/SignalLoss", EventKind.VIDEO_LOSS, ("State",)),
    ("tns1:Device/HardwareFailure/StorageFailure", EventKind.STORAGE_FAULT, ("Failed", "State")),
    ("tns1:RecordingConfig/", EventKind.STORAGE_FAULT, ("State",)),
)
_TRUE = {"true", "1", "on", "active"}
_FALSE = {"false", "0", "off", "inactive"}


def _clip(text: str | None) -> str:
    return (text or "").strip()[:MAX_TEXT]


def _local(tag: object) -> str:
    return str(tag).rpartition("}")[2] if isinstance(tag, str) else ""


def normalise_topic(text: str, nsmap: dict[str | None, str]) -> str:
    """``x:VideoSource/MotionAlarm`` with x bound to the ONVIF topic namespace → ``tns1:VideoSource/…``."""
    topic = _clip(text)
    prefix, sep, rest = topic.partition(":")
    if sep and nsmap.get(prefix) == ONVIF_TOPICS:
        return f"tns1:{rest}"
    return topic


def _items(parent) -> dict[str, str]:
    if parent is None:
        return {}
    items: dict[str, str] = {}
    for item in parent.iter(f"{{{TT}}}SimpleItem"):
        if len(items) >= MAX_ITEMS:
            break
        name = _clip(item.get("Name"))
        if name:
            items[name] = _clip(item.get("Value"))
    return items


def _state(value: str | None) -> bool | None:
    text = (value or "").lower()
    return True if text in _TRUE else False if text in _FALSE else None


def _classify(topic: str, data: dict[str, str]) -> tuple[EventKind, bool | None]:
    for known, kind, state_items in _KNOWN:
        if topic == known or (known.endswith("/") and topic.startswith(known)):
            for name in state_items:
                if name in data:
                    return kind, _state(data[name])
            return kind, None
    booleans = [state for state in map(_state, data.values()) if state is not None]
    return EventKind.OTHER, (booleans[0] if len(booleans) == 1 else None)


def parse_utc(text: str | None) -> datetime | None:
    """An xs:dateTime as a camera writes it (``Z``, an offset, or none = UTC); None if unreadable."""
    value = _clip(text)
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


def parse_notification(message, camera_id: int, clock_offset: timedelta, received_utc: datetime) -> CameraEvent:
    """One NotificationMessage element → the event, its time moved onto the station clock.

    ``clock_offset`` is camera clock minus station clock (measured when subscribing). A message without a
    readable time, or one more than a day off once corrected, gets the time it was received.
    """
    topic_el = message.find(f"{{{WSNT}}}Topic")
    nsmap = dict(getattr(topic_el, "nsmap", None) or {}) if topic_el is not None else {}
    topic = normalise_topic(topic_el.text if topic_el is not None else "", nsmap)
    body = message.find(f"{{{WSNT}}}Message/{{{TT}}}Message")
    source = _items(body.find(f"{{{TT}}}Source")) if body is not None else {}
    data = _items(body.find(f"{{{TT}}}Data")) if body is not None else {}
    kind, active = _classify(topic, data)
    camera_utc = parse_utc(body.get("UtcTime")) if body is not None else None
    at_utc = camera_utc - clock_offset if camera_utc is not None else received_utc
    if abs(at_utc - received_utc) > timedelta(days=1):
        at_utc = received_utc
    extra = {f"data.{name}": value for name, value in data.items()}
    extra.update({f"source.{name}": value for name, value in source.items()})
    operation = _clip(body.get("PropertyOperation")) if body is not None else ""
    if operation:
        extra["operation"] = operation
    if camera_utc is not None:
        extra["camera_utc"] = camera_utc.isoformat()
    source_name = ",".join(source.values())[:MAX_TEXT]
    return CameraEvent(camera_id=camera_id, kind=kind, at_utc=at_utc, active=active, source=source_name,
                       topic=topic or "(no topic)", data=extra)
