"""What an export is asked to contain and who asks (plain values, checked before anything is written)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from videowall.runtime.errors import ErrorKind, VideowallError

EXHIBIT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
MAX_TEXT_CHARS = 500
MAX_RANGE = timedelta(days=7)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class Officer:
    name: str = ""
    rank: str = ""
    badge: str = ""


@dataclass(frozen=True)
class ExportRequest:
    """The written request of the authority, and the footage asked for. Times are UTC."""

    exhibit_id: str                      # local register number, ASCII (the package folder name)
    camera_ids: tuple[int, ...]
    start_utc: datetime
    end_utc: datetime
    authority: str                       # e.g. "Komenda Miejska Policji w Krakowie"
    case_number: str                     # sygnatura sprawy
    reason: str
    legal_basis: str = ""
    request_ref: str = ""                # the authority's letter reference
    officer: Officer = field(default_factory=Officer)
    bookmark_ids: tuple[int, ...] = ()
    incident_description: str = ""
    incident_place: str = ""

    def validate(self) -> None:
        """Raise INVALID_INPUT naming the first field that is missing or wrong."""
        if not EXHIBIT_ID.match(self.exhibit_id or "") or self.exhibit_id.lower().endswith(".partial"):
            raise _invalid(f"The exhibit id {self.exhibit_id!r} must be 1–64 ASCII letters, digits, '.', '_' or '-' "
                           "(it becomes the folder name on the medium), e.g. SM-2026-000123.")
        for label, value in (("authority", self.authority), ("case number", self.case_number),
                             ("reason", self.reason)):
            if not value or not value.strip():
                raise _invalid(f"The {label} of the request is required.")
        for label, value in (("authority", self.authority), ("case number", self.case_number),
                             ("reason", self.reason), ("legal basis", self.legal_basis),
                             ("request reference", self.request_ref), ("officer", self.officer.name),
                             ("officer rank", self.officer.rank), ("officer badge", self.officer.badge),
                             ("incident description", self.incident_description),
                             ("incident place", self.incident_place)):
            if len(value) > MAX_TEXT_CHARS or _CONTROL.search(value):
                raise _invalid(f"The {label} must be at most {MAX_TEXT_CHARS} characters without control characters.")
        if not self.camera_ids:
            raise _invalid("Choose at least one camera.")
        if len(set(self.camera_ids)) != len(self.camera_ids):
            raise _invalid("A camera is listed twice.")
        if self.start_utc.tzinfo is None or self.end_utc.tzinfo is None:
            raise _invalid("The time range must carry a time zone.")
        if self.end_utc <= self.start_utc:
            raise _invalid("The end of the time range must be after its start.")
        if self.end_utc - self.start_utc > MAX_RANGE:
            raise _invalid("The time range is longer than 7 days; export it in several packages.")


@dataclass(frozen=True)
class Exporter:
    """Who exports, from where. Values may be Polish."""

    organisation: str = ""
    unit: str = ""
    operator_id: str = ""
    operator_name: str = ""
    operator_role: str = ""
    station_name: str = ""
    timezone: str = "Europe/Warsaw"
    clock_offset_ms: float | None = None


def ascii_slug(text: str, max_chars: int = 40) -> str:
    """Polish (and other) letters to plain ASCII, anything else to '_': safe on FAT32 and every OS."""
    replaced = text.replace("ł", "l").replace("Ł", "L")
    plain = unicodedata.normalize("NFKD", replaced).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^A-Za-z0-9-]+", "_", plain).strip("_")
    return slug[:max_chars].rstrip("_") or "camera"


def clip_stem(camera_id: int, camera_name: str, start_utc: datetime, end_utc: datetime) -> str:
    """``CAM012_<name>_<startZ>_<endZ>`` for the requested range."""
    start, end = start_utc.astimezone(timezone.utc), end_utc.astimezone(timezone.utc)
    return f"CAM{camera_id:03d}_{ascii_slug(camera_name)}_{start:%Y%m%dT%H%M%SZ}_{end:%Y%m%dT%H%M%SZ}"


def _invalid(message: str) -> VideowallError:
    return VideowallError(ErrorKind.INVALID_INPUT, message)
