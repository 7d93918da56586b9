"""What the operator must be told about recording, from the service's status (pure; the UI shows it).

One warning per problem, most urgent first: recording stopped (disk full, write errors), the disk
running short (before anything must be deleted, and when footage was deleted early), camera clocks
that cannot be trusted. Texts are English source texts; the UI translates them (context "Recording").
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from videowall.recording.recorder_types import RecorderState
from videowall.recording.retention import SpaceState
from videowall.recording.service import RecordingStatus


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    CRITICAL = 3


@dataclass(frozen=True)
class RecordingWarning:
    severity: Severity
    text: str
    camera_ids: tuple[int, ...] = ()


def recording_warnings(status: RecordingStatus) -> list[RecordingWarning]:
    found: list[RecordingWarning] = []
    full = _cameras(status, RecorderState.DISK_FULL)
    if full:
        found.append(RecordingWarning(Severity.CRITICAL, "Recording stopped: the recordings disk is full. Live "
                                      "view goes on; recording resumes when space is freed.", full))
    failing = _cameras(status, RecorderState.ERROR)
    if failing:
        found.append(RecordingWarning(Severity.CRITICAL, "Recording failed for some cameras; it is retried "
                                      "automatically. See the log for details.", failing))
    space = status.space
    if space is not None and space.space is not SpaceState.OK and space.message:
        severity = Severity.WARNING if space.space is SpaceState.LOW else Severity.CRITICAL
        found.append(RecordingWarning(severity, space.message))
    wrong_clocks = tuple(r.camera_id for r in status.recorders if r.camera_clock_wrong)
    if wrong_clocks:
        found.append(RecordingWarning(Severity.WARNING, "Some cameras' clocks are wrong; their recordings are "
                                      "timed by this station's clock instead.", wrong_clocks))
    dropping = tuple(r.camera_id for r in status.recorders if r.packets_dropped)
    if dropping:
        found.append(RecordingWarning(Severity.INFO, "The recorder could not keep up for a moment; the "
                                      "timeline shows the gaps.", dropping))
    return sorted(found, key=lambda w: -w.severity)


def _cameras(status: RecordingStatus, state: RecorderState) -> tuple[int, ...]:
    return tuple(r.camera_id for r in status.recorders if r.state is state)
