"""Station settings: typed, versioned, migrated, written atomically, never silently replaced.

The file is JSON with a ``version``. Older versions are migrated in memory step by step
(``_MIGRATIONS[n]`` turns version n into n + 1); the next save writes the current version.
A file that cannot be read or validated is moved aside and reported; a file from a newer
videowall is left untouched and is not overwritten by ``save_settings``.
"""

from __future__ import annotations

import json
import math
import re
import zoneinfo
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from videowall.model.bookmark import (DEFAULT_CATEGORIES, DEFAULT_POST_ROLL_S, DEFAULT_PRE_ROLL_S, MAX_ROLL_S,
                                      category_key)
from videowall.runtime.atomic import move_aside, write_atomic
from videowall.runtime.clock import SYSTEM_CLOCK, Clock
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.runtime.text import brief, unsafe_character

CURRENT_VERSION = 4
MAX_FILE_BYTES = 1024 * 1024   # a settings file is a few kB; a larger one is not ours
MAX_FREE_GB = 1_000_000.0
_LANGUAGE = re.compile(r"[a-z]{2,3}([_-][A-Za-z0-9]{2,4})?")
_UNKNOWN_NAMED = 5
# Who must give a reason and a case number before opening footage (docs/design/access-log.md): "playback"
# (everyone's playback), "police_playback", "police_live" (a police viewer's). Exports always carry them.
REASON_RULES = ("playback", "police_playback", "police_live")
DEFAULT_REASON_RULES = ("police_playback", "police_live")             # how many unknown setting names a message lists


@dataclass(frozen=True)
class Settings:
    version: int = CURRENT_VERSION
    ui_language: str | None = None  # None: follow the system locale
    station_name: str = ""
    timezone: str = "Europe/Warsaw"  # times are stored in UTC and shown in this zone
    wall_repaint_hz: int = 60
    max_live_decoders: int = 16
    max_warm_sessions: int = 32     # sessions kept connected for the views likely next (0: no warming)
    reconnect_max_backoff_s: float = 30.0
    # Recording (Polish law: Straż 20–60 days, municipal monitoring at most 90 — see retention_policy).
    deployment: str = "straz"
    retention_days: int = 30
    min_free_gb: float = 5.0        # below this the oldest unheld footage goes before its time
    warn_free_gb: float = 20.0      # below this the operator is warned
    recordings_dir: str | None = None   # None: <data dir>/recordings
    # Named on evidence packages and handover protocols.
    organisation: str = ""
    unit: str = ""
    # Bookmarks: the categories an operator picks from, and the footage kept around the marked moment.
    bookmark_categories: tuple[str, ...] = DEFAULT_CATEGORIES
    bookmark_pre_roll_s: int = DEFAULT_PRE_ROLL_S
    bookmark_post_roll_s: int = DEFAULT_POST_ROLL_S
    # When opening footage needs a reason and a case number (REASON_RULES).
    reasons_required: tuple[str, ...] = DEFAULT_REASON_RULES

    def __post_init__(self) -> None:
        if isinstance(self.bookmark_categories, list):   # JSON has no tuples
            object.__setattr__(self, "bookmark_categories", tuple(self.bookmark_categories))
        if isinstance(self.reasons_required, list):
            object.__setattr__(self, "reasons_required", tuple(self.reasons_required))
        problem = _first_problem(self)
        if problem is None and _is_int(self.reconnect_max_backoff_s):  # a hand-edited 30 means 30.0
            object.__setattr__(self, "reconnect_max_backoff_s", float(self.reconnect_max_backoff_s))
        if problem:
            raise VideowallError(ErrorKind.INVALID_INPUT, f"Invalid setting: {problem}.")


def load_settings(path: Path | str, clock: Clock = SYSTEM_CLOCK) -> tuple[Settings, VideowallError | None]:
    """Read the settings; on any problem return defaults together with the error to show.

    A missing file is not a problem (first start). Runs on whichever thread calls it (disk I/O).
    """
    source = Path(path)
    if not source.exists():
        return Settings(), None
    try:
        raw = _read_json(source)
    except _Unreadable as err:
        return Settings(), _set_aside(source, str(err), clock)
    except OSError as err:
        return Settings(), _set_aside(source, f"it cannot be read: {err.strerror or err}", clock)
    version = raw.get("version") if isinstance(raw, dict) else None
    if not _is_int(version) or version < 1:
        return Settings(), _set_aside(source, "it has no valid settings version", clock)
    if version > CURRENT_VERSION:
        return Settings(), _newer_version_error(source, version)
    try:
        return _from_dict(_migrate(raw)), None
    except VideowallError as err:
        return Settings(), _set_aside(source, err.user_message.rstrip("."), clock)


class _Unreadable(Exception):
    """The file is not settings JSON; the message says why."""


def _read_json(path: Path) -> object:
    with open(path, "rb") as handle:
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise _Unreadable(f"it is larger than {MAX_FILE_BYTES // 1024} KiB")
    try:
        return json.loads(data.decode("utf-8-sig"))   # Windows editors may write a byte-order mark
    except UnicodeDecodeError as err:
        raise _Unreadable(f"it is not UTF-8 text ({err.reason} at byte {err.start})") from None
    except RecursionError:
        raise _Unreadable("it is nested too deeply to be settings") from None
    except ValueError as err:   # JSONDecodeError, and integers of thousands of digits
        raise _Unreadable(f"it is not readable JSON: {brief(str(err), 120, quote=False)}") from None


def save_settings(path: Path | str, settings: Settings) -> None:
    """Write ``settings`` atomically. Refuses to overwrite a file written by a newer videowall."""
    target = Path(path)
    existing = _version_on_disk(target)
    if existing is not None and existing > CURRENT_VERSION:
        raise _newer_version_error(target, existing)
    data = json.dumps(asdict(settings), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    try:
        write_atomic(target, data.encode("utf-8"))
    except OSError as err:
        raise VideowallError(ErrorKind.STORAGE_ERROR,
                             f"Could not save the settings to {target}: {err.strerror or err}.",
                             detail=repr(err)) from err


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 called the interface language ``language``."""
    out = dict(data)
    if "language" in out:
        out["ui_language"] = out.pop("language")
    out["version"] = 2
    return out


def _v2_to_v3(data: dict[str, Any]) -> dict[str, Any]:
    """Version 3 added bookmarks and warm sessions; their settings start at the defaults."""
    return {**data, "version": 3}


def _v3_to_v4(data: dict[str, Any]) -> dict[str, Any]:
    """Version 4 stores the default bookmark categories as keys (shown translated) instead of Polish names."""
    out = {**data, "version": 4}
    if isinstance(out.get("bookmark_categories"), list):
        out["bookmark_categories"] = [category_key(c) if isinstance(c, str) else c for c in out["bookmark_categories"]]
    return out


_MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4}


def _migrate(data: dict[str, Any]) -> dict[str, Any]:
    while data["version"] < CURRENT_VERSION:
        data = _MIGRATIONS[data["version"]](data)
    return data


def _from_dict(data: dict[str, Any]) -> Settings:
    known = {f.name for f in fields(Settings)}
    unknown = sorted(set(data) - known)
    if unknown:
        named = ", ".join(brief(name, 40, quote=False) for name in unknown[:_UNKNOWN_NAMED])
        more = f" and {len(unknown) - _UNKNOWN_NAMED} more" if len(unknown) > _UNKNOWN_NAMED else ""
        raise VideowallError(ErrorKind.INVALID_INPUT, f"it has unknown settings: {named}{more}")
    return Settings(**data)


def _first_problem(s: Settings) -> str | None:
    if s.version != CURRENT_VERSION:
        return f"version must be {CURRENT_VERSION}, not {brief(s.version)}"
    if s.ui_language is not None and not (isinstance(s.ui_language, str) and _LANGUAGE.fullmatch(s.ui_language)):
        return f"ui_language must be a language code such as 'pl' or 'en', not {brief(s.ui_language)}"
    if not _is_text(s.station_name, 100):
        return "station_name must be text of at most 100 characters without control characters"
    if not _is_timezone(s.timezone):
        return f"timezone must be an IANA zone such as 'Europe/Warsaw', not {brief(s.timezone)}"
    if not (_is_int(s.wall_repaint_hz) and 1 <= s.wall_repaint_hz <= 120):
        return f"wall_repaint_hz must be a whole number from 1 to 120, not {brief(s.wall_repaint_hz)}"
    if not (_is_int(s.max_live_decoders) and 1 <= s.max_live_decoders <= 64):
        return f"max_live_decoders must be a whole number from 1 to 64, not {brief(s.max_live_decoders)}"
    if not (_is_int(s.max_warm_sessions) and 0 <= s.max_warm_sessions <= 256):
        return f"max_warm_sessions must be a whole number from 0 to 256, not {brief(s.max_warm_sessions)}"
    backoff = s.reconnect_max_backoff_s
    if not ((_is_int(backoff) or isinstance(backoff, float)) and 1 <= backoff <= 3600):
        return f"reconnect_max_backoff_s must be a number of seconds from 1 to 3600, not {brief(backoff)}"
    for name in ("organisation", "unit"):
        if not _is_text(getattr(s, name), 200):
            return f"{name} must be text of at most 200 characters without control characters"
    if s.recordings_dir is not None and not (_is_text(s.recordings_dir, 4096) and s.recordings_dir.strip()):
        return "recordings_dir must be a folder path (without control characters) or null"
    for name in ("min_free_gb", "warn_free_gb"):
        value = getattr(s, name)
        if not (_is_number(value) and 0 <= value <= MAX_FREE_GB):
            return f"{name} must be a number of gigabytes from 0 to {MAX_FREE_GB:.0f}, not {brief(value)}"
    return _bookmark_problem(s) or _recording_problem(s)


def _bookmark_problem(s: Settings) -> str | None:
    categories = s.bookmark_categories
    if not isinstance(categories, tuple) or not categories:
        return "bookmark_categories must be a non-empty list of category names"
    for name in categories:
        if not _is_text(name, 100) or not name.strip() or name != name.strip():
            return (f"bookmark_categories must hold names of 1 to 100 characters without control characters "
                    f"or surrounding spaces, not {brief(name)}")
    if len({name.casefold() for name in categories}) != len(categories):
        return "bookmark_categories must not name a category twice"
    for name in ("bookmark_pre_roll_s", "bookmark_post_roll_s"):
        value = getattr(s, name)
        if not (_is_int(value) and 0 <= value <= MAX_ROLL_S):
            return f"{name} must be a whole number of seconds from 0 to {MAX_ROLL_S}, not {brief(value)}"
    if s.bookmark_pre_roll_s + s.bookmark_post_roll_s == 0:
        return "bookmark_pre_roll_s and bookmark_post_roll_s cannot both be 0"
    rules = s.reasons_required
    if not isinstance(rules, tuple) or any(rule not in REASON_RULES for rule in rules):
        return f"reasons_required must be a list of {', '.join(REASON_RULES)}, not {brief(rules)}"
    return None


def _recording_problem(s: Settings) -> str | None:
    from videowall.model.retention import policy_from_settings

    try:
        policy_from_settings(s)
    except (VideowallError, TypeError, ValueError) as err:
        return getattr(err, "user_message", str(err)).rstrip(".")
    return None


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: object) -> bool:
    return _is_int(value) or (isinstance(value, float) and math.isfinite(value))


def _is_text(value: object, max_chars: int) -> bool:
    return isinstance(value, str) and len(value) <= max_chars and unsafe_character(value) is None


def _is_timezone(name: object) -> bool:
    if not isinstance(name, str) or not name or name.startswith("/") or ".." in name:
        return False
    try:
        zoneinfo.ZoneInfo(name)
        return True
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        # Without any time-zone database (Windows without the tzdata package) nothing can be checked.
        return not zoneinfo.available_timezones()


def _version_on_disk(path: Path) -> int | None:
    try:
        raw = _read_json(path)
    except (OSError, _Unreadable):
        return None
    version = raw.get("version") if isinstance(raw, dict) else None
    return version if _is_int(version) else None


def _set_aside(path: Path, reason: str, clock: Clock) -> VideowallError:
    try:
        backup = move_aside(path, clock.now_utc())
    except OSError as err:
        return VideowallError(
            ErrorKind.STORAGE_ERROR,
            f"The settings file {path} is damaged ({reason}) and could not be moved aside "
            f"({err.strerror or err}). Default settings are used; fix or remove the file.",
            detail=repr(err))
    return VideowallError(
        ErrorKind.STORAGE_CORRUPT,
        f"The settings file {path} is damaged ({reason}). It was kept as {backup} and default "
        f"settings are used until you save new ones.")


def _newer_version_error(path: Path, version: int) -> VideowallError:
    return VideowallError(
        ErrorKind.STORAGE_ERROR,
        f"The settings file {path} was written by a newer videowall (settings version {brief(version, quote=False)}; this "
        f"version understands up to {CURRENT_VERSION}). It was left untouched and will not be "
        f"overwritten; default settings are used. Upgrade videowall to use it.")
