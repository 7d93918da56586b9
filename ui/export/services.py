"""What the export dialog needs from the station, as replaceable parts (real ones by default).

Everything here is called on worker threads: listing drives, probing a folder, opening the recordings
index and the audit log, and loading the signing key (the first call creates the station's key).
"""

from __future__ import annotations

import contextlib
import getpass
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from videowall.audit import AuditLog
from videowall.evidence.destination import Destination
from videowall.evidence.destinations import list_removable, probe_folder
from videowall.evidence.progress import ExportProgress
from videowall.evidence.request import Exporter
from videowall.evidence.signing import SigningIdentity
from videowall.model.camera import Camera
from videowall.recording.types import RecordingIndex
from videowall.runtime.clock import SYSTEM_CLOCK, Clock
from videowall.station import Station


@dataclass(frozen=True)
class ExportServices:
    cameras: Callable[[], list[Camera]]
    recordings: Callable[[], RecordingIndex]
    identity: Callable[[], SigningIdentity]
    audit: Callable[[], contextlib.AbstractContextManager[AuditLog]]
    exporter: Exporter
    operator: str
    timezone: ZoneInfo
    drive_lister: Callable[[], list[Destination]] = list_removable
    folder_prober: Callable[[Path], Destination] = probe_folder
    clock: Clock = SYSTEM_CLOCK
    part_bytes: int | None = None          # lower part size (media with smaller limits); FAT gets its own
    # Called on the job's thread with every progress report, before the dialog hears of it.
    progress_hook: Callable[[ExportProgress], None] = field(default=lambda _progress: None)


def station_operator(station: Station) -> str:
    return getattr(station, "operator", None) or getpass.getuser()


def services_for(station: Station, **overrides) -> ExportServices:
    """The parts of the station the dialog uses; ``overrides`` replace single parts (e.g. ``drive_lister``)."""
    operator = station_operator(station)
    values = dict(cameras=station.cameras.list, recordings=lambda: station.recording_service().store,
                  identity=station.signing_identity, audit=station.audit,
                  exporter=station.exporter(operator_name=operator), operator=operator, timezone=station.zone)
    values.update(overrides)
    return ExportServices(**values)
