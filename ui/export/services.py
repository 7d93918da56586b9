"""What the export dialog needs from the station, as replaceable parts (real ones by default).

Everything here is called on worker threads: listing drives, probing a folder, opening the recordings
index and the audit log, and loading the signing key (the first call creates the station's key).
"""

from __future__ import annotations

import contextlib
import getpass
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from videowall.audit import AuditLog
from videowall.config.paths import database_path
from videowall.evidence.destination import Destination
from videowall.evidence.destinations import list_removable, probe_folder
from videowall.evidence.keystore import SigningKeyStore
from videowall.evidence.progress import ExportProgress
from videowall.evidence.request import Exporter
from videowall.evidence.secret_names import NamedSecrets
from videowall.evidence.signing import SigningIdentity
from videowall.model.camera import Camera
from videowall.recording.types import RecordingIndex
from videowall.runtime.clock import SYSTEM_CLOCK, Clock
from videowall.station import Station
from videowall.storage.db import open_database


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
    """The station's real services; ``overrides`` replace single parts (e.g. ``drive_lister``)."""
    settings = station.settings
    operator = station_operator(station)
    keys = SigningKeyStore(station.data_dir, NamedSecrets(station.secrets))
    exporter = Exporter(organisation=settings.organisation, unit=settings.unit, operator_id=getpass.getuser(),
                        operator_name=operator, operator_role="operator", station_name=settings.station_name,
                        timezone=settings.timezone)
    values = dict(cameras=station.cameras.list, recordings=lambda: station.recording_service().store,
                  identity=lambda: keys.identity(settings.organisation, settings.station_name),
                  audit=lambda: _audit_log(station.data_dir), exporter=exporter, operator=operator,
                  timezone=ZoneInfo(settings.timezone))
    values.update(overrides)
    return ExportServices(**values)


@contextlib.contextmanager
def _audit_log(data_dir: Path) -> Iterator[AuditLog]:
    conn = open_database(database_path(data_dir))
    try:
        yield AuditLog(conn)
    finally:
        conn.close()
