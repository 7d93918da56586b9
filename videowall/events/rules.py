"""Alarm rules: which events raise an alarm, with what priority, sound and display (pure).

A rule names an event kind and either a camera, a camera group, or neither (every camera). The most
specific rule wins: camera, then group, then every camera, then the built-in ``DEFAULT_RULES``. Priority 1
is the most urgent, 5 the least; 0 stores the event without raising an alarm. Equal events within
``debounce_s`` of the last one are merged into the open alarm (its count grows) instead of raising another.
"""

from __future__ import annotations

from dataclasses import dataclass

from videowall.events.model import EventKind, Show
from videowall.runtime.errors import ErrorKind, VideowallError


@dataclass(frozen=True)
class AlarmRule:
    kind: EventKind
    priority: int
    show: Show = Show.NONE
    sound: str = ""
    debounce_s: float = 30.0
    camera_id: int | None = None
    group: str | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.priority <= 5:
            raise VideowallError(ErrorKind.INVALID_INPUT, "An alarm priority is 1 (most urgent) to 5, or 0 for none.")
        if self.debounce_s < 0:
            raise VideowallError(ErrorKind.INVALID_INPUT, "The debounce time cannot be negative.")
        if self.camera_id is not None and self.group is not None:
            raise VideowallError(ErrorKind.INVALID_INPUT, "A rule is for one camera or for a group, not both.")

    @property
    def raises_alarm(self) -> bool:
        return self.priority > 0


DEFAULT_RULES: dict[EventKind, AlarmRule] = {rule.kind: rule for rule in (
    AlarmRule(EventKind.TAMPER, 1, Show.TILE, "alarm"),
    AlarmRule(EventKind.VIDEO_LOSS, 1, Show.TILE, "alarm"),
    AlarmRule(EventKind.DIGITAL_INPUT, 2, Show.TILE, "chime"),
    AlarmRule(EventKind.STREAM_LOST, 2, Show.NONE, "chime"),
    AlarmRule(EventKind.STORAGE_FAULT, 2, Show.NONE, "chime"),
    AlarmRule(EventKind.RECORDING_STOPPED, 1, Show.NONE, "alarm"),
    AlarmRule(EventKind.EXPORT_FAILED, 3, Show.NONE, "chime"),
    AlarmRule(EventKind.PTZ_TAKEN_OVER, 3, Show.NONE, ""),
    AlarmRule(EventKind.MOTION, 4, Show.NONE, ""),
    AlarmRule(EventKind.STREAM_RESTORED, 0),
    AlarmRule(EventKind.EVENTS_UNAVAILABLE, 0, debounce_s=600),   # one row per outage, not one per retry
    AlarmRule(EventKind.OTHER, 0),
)}


def rule_for(rules: list[AlarmRule], kind: EventKind, camera_id: int | None, group: str) -> AlarmRule:
    """The rule that applies to ``kind`` on this camera (in this group)."""
    candidates = [rule for rule in rules if rule.kind is kind]
    for matches in (lambda r: camera_id is not None and r.camera_id == camera_id,
                    lambda r: r.group is not None and bool(group) and r.group.casefold() == group.casefold(),
                    lambda r: r.camera_id is None and r.group is None):
        found = next((rule for rule in candidates if matches(rule)), None)
        if found is not None:
            return found
    return DEFAULT_RULES[kind]
