"""The camera list in the station's database. Passwords are not here: ``has_credentials`` says the keyring holds some."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import timezone
from typing import Any

from sqlalchemy import exc

from videowall.model.camera import Camera, Profile, Transport
from videowall.runtime.clock import SYSTEM_CLOCK, Clock
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.runtime.redaction import redact
from videowall.runtime.text import brief, unsafe_character
from videowall.storage.database import Database, reason, transaction

MAX_NAME_CHARS = 100
MAX_TEXT_CHARS = 200
_MAX_ID = 2 ** 63 - 1   # the largest BIGINT (SQLite's INTEGER)
_COLUMNS = "id, name, main_url, sub_url, location, grp, transport, has_credentials, record, record_profile"
_UNCHANGED: Any = object()


class CameraStore:
    """Cameras in the ``cameras`` table. Any thread may call it: calls take turns on the connection's lock.

    Calls do disk I/O; from the GUI thread keep them to quick, operator-triggered ones.
    """

    def __init__(self, conn: Database, clock: Clock = SYSTEM_CLOCK) -> None:
        self._conn = conn
        self._clock = clock
        self._lock = conn.lock

    def transaction(self) -> contextlib.AbstractContextManager[Database]:
        """Group store calls with other work (e.g. writing the keyring) so that all or none happen."""
        return transaction(self._conn)

    def validate_new(self, name: str, main_url: str, sub_url: str | None = None,
                     location: str = "", group: str = "") -> None:
        """Raise the error ``add`` would raise for these values, without writing anything."""
        self._unique_name(_clean_name(name))
        _clean_url(main_url, "Main stream")
        _clean_optional_url(sub_url)
        _clean_text(location, "Location")
        _clean_text(group, "Group")

    def add(self, name: str, main_url: str, sub_url: str | None = None, location: str = "",
            group: str = "", transport: Transport | str = Transport.AUTO,
            has_credentials: bool = False, record: bool = False,
            record_profile: Profile | str = Profile.MAIN) -> Camera:
        values = {
            "name": self._unique_name(_clean_name(name)),
            "main_url": _clean_url(main_url, "Main stream"),
            "sub_url": _clean_optional_url(sub_url),
            "location": _clean_text(location, "Location"),
            "grp": _clean_text(group, "Group"),
            "transport": _clean_transport(transport).value,
            "has_credentials": int(bool(has_credentials)),
            "record": int(bool(record)),
            "record_profile": _clean_profile(record_profile).value,
        }
        with self._writing(values["name"]):
            camera_id = self._conn.scalar(
                "INSERT INTO cameras (name, main_url, sub_url, location, grp, transport, has_credentials,"
                " record, record_profile, created_utc, updated_utc) VALUES (:name, :main_url, :sub_url,"
                " :location, :grp, :transport, :has_credentials, :record, :record_profile, :now, :now)"
                " RETURNING id",
                {**values, "now": self._now()})
            return self.get(int(camera_id))

    def list(self) -> list[Camera]:
        with self._lock:
            rows = self._conn.execute(f"SELECT {_COLUMNS} FROM cameras ORDER BY id").fetchall()
        return [_camera(row) for row in rows]

    def get(self, camera_id: int) -> Camera:
        if not 0 < camera_id <= _MAX_ID:
            raise VideowallError(ErrorKind.NOT_FOUND, f"There is no camera with id {brief(camera_id)}.")
        with self._lock:
            row = self._conn.execute(f"SELECT {_COLUMNS} FROM cameras WHERE id = :id", {"id": camera_id}).fetchone()
        if row is None:
            raise VideowallError(ErrorKind.NOT_FOUND, f"There is no camera with id {camera_id}.")
        return _camera(row)

    def find(self, id_or_name: str | int) -> Camera:
        """A camera by id (all digits; names never are) or by name, ignoring letter case."""
        key = str(id_or_name).strip()
        if key.isdecimal():
            if len(key) > len(str(_MAX_ID)):   # no id; thousands of digits are not even converted
                raise VideowallError(ErrorKind.NOT_FOUND, f"There is no camera with id {brief(key, quote=False)}.")
            return self.get(int(key))
        row = None
        if unsafe_character(key) is None:   # a name with such characters is never stored
            with self._lock:
                row = self._conn.execute(f"SELECT {_COLUMNS} FROM cameras WHERE name = :name", {"name": key}).fetchone()
        if row is None:
            raise VideowallError(ErrorKind.NOT_FOUND, f"There is no camera named {brief(key)}.")
        return _camera(row)

    def find_listed(self, text: str) -> list[Camera]:
        """The cameras of a comma-separated list of ids or names, as typed for ``--camera ID|NAME[,...]``."""
        keys = [part.strip() for part in text.split(",") if part.strip()]
        if not keys:
            raise VideowallError(ErrorKind.INVALID_INPUT, "Name at least one camera (--camera ID|NAME[,...]).")
        return [self.find(key) for key in keys]

    def remove(self, id_or_name: str | int) -> Camera:
        with transaction(self._conn):
            camera = self.find(id_or_name)
            with self._writing(camera.name):
                self._conn.execute("DELETE FROM cameras WHERE id = :id", {"id": camera.id})
        return camera

    def update(self, camera_id: int, *, name: str = _UNCHANGED, main_url: str = _UNCHANGED,
               sub_url: str | None = _UNCHANGED, location: str = _UNCHANGED, group: str = _UNCHANGED,
               transport: Transport | str = _UNCHANGED, has_credentials: bool = _UNCHANGED,
               record: bool = _UNCHANGED, record_profile: Profile | str = _UNCHANGED) -> Camera:
        """Change the given fields only; returns the updated camera."""
        with transaction(self._conn):
            current = self.get(camera_id)
            values: dict[str, object] = {}
            if name is not _UNCHANGED:
                values["name"] = self._unique_name(_clean_name(name), except_id=current.id)
            if main_url is not _UNCHANGED:
                values["main_url"] = _clean_url(main_url, "Main stream")
            if sub_url is not _UNCHANGED:
                values["sub_url"] = _clean_optional_url(sub_url)
            if location is not _UNCHANGED:
                values["location"] = _clean_text(location, "Location")
            if group is not _UNCHANGED:
                values["grp"] = _clean_text(group, "Group")
            if transport is not _UNCHANGED:
                values["transport"] = _clean_transport(transport).value
            if has_credentials is not _UNCHANGED:
                values["has_credentials"] = int(bool(has_credentials))
            if record is not _UNCHANGED:
                values["record"] = int(bool(record))
            if record_profile is not _UNCHANGED:
                values["record_profile"] = _clean_profile(record_profile).value
            if values:
                assignments = ", ".join(f"{column} = :{column}" for column in values)
                with self._writing(str(values.get("name", current.name))):
                    self._conn.execute(f"UPDATE cameras SET {assignments}, updated_utc = :now WHERE id = :id",
                                       {**values, "now": self._now(), "id": current.id})
            return self.get(camera_id)

    def _unique_name(self, name: str, except_id: int | None = None) -> str:
        sql = "SELECT id, name FROM cameras WHERE name = :name"
        if except_id is not None:
            sql += " AND id <> :except_id"
        with self._lock:
            row = self._conn.execute(sql, {"name": name, "except_id": except_id}).fetchone()
        if row is not None:
            raise _name_taken(row[1], row[0])
        return name

    @contextlib.contextmanager
    def _writing(self, name: str) -> Iterator[None]:
        # The check in _unique_name can race with another process; the UNIQUE constraint cannot.
        try:
            with transaction(self._conn):
                yield
        except exc.IntegrityError as err:
            said = reason(err)
            if "unique" in said.lower():
                raise _name_taken(name, None) from err
            raise VideowallError(ErrorKind.INVALID_INPUT, f"The camera list was not changed: {said}.") from err
        except exc.SQLAlchemyError as err:
            raise VideowallError(ErrorKind.STORAGE_ERROR, f"The camera list could not be changed: {reason(err)}.",
                                 detail=repr(err)) from err

    def _now(self) -> str:
        return self._clock.now_utc().astimezone(timezone.utc).isoformat(timespec="seconds")


def _camera(row: tuple) -> Camera:
    camera_id, name, main_url, sub_url, location, grp, transport, has_credentials, record, record_profile = row
    return Camera(id=camera_id, name=name, main_url=main_url, sub_url=sub_url, location=location,
                  group=grp, transport=Transport(transport), has_credentials=bool(has_credentials),
                  record=bool(record), record_profile=Profile(record_profile))


def _name_taken(name: str, camera_id: int | None) -> VideowallError:
    which = f" (id {camera_id})" if camera_id is not None else ""
    return VideowallError(ErrorKind.INVALID_INPUT,
                          f"A camera named {name!r} already exists{which}. Choose another name.")


def _clean_name(name: str) -> str:
    cleaned = (name or "").strip()
    if not cleaned:
        raise VideowallError(ErrorKind.INVALID_INPUT, "The camera needs a name.")
    if len(cleaned) > MAX_NAME_CHARS:
        raise VideowallError(ErrorKind.INVALID_INPUT,
                             f"The camera name is too long ({len(cleaned)} characters; at most {MAX_NAME_CHARS}).")
    if bad := unsafe_character(cleaned):
        raise VideowallError(ErrorKind.INVALID_INPUT, "The camera name must not contain control characters or "
                                                      f"text-direction marks (found {bad}).")
    if cleaned.isdigit():
        raise VideowallError(ErrorKind.INVALID_INPUT,
                             f"The camera name {cleaned!r} is only digits, which would be read as a camera id. "
                             f"Add a letter, e.g. 'Camera {cleaned}'.")
    return cleaned


def _clean_text(value: str | None, label: str) -> str:
    cleaned = (value or "").strip()
    if len(cleaned) > MAX_TEXT_CHARS:
        raise VideowallError(ErrorKind.INVALID_INPUT,
                             f"{label} is too long ({len(cleaned)} characters; at most {MAX_TEXT_CHARS}).")
    if bad := unsafe_character(cleaned):
        raise VideowallError(ErrorKind.INVALID_INPUT,
                             f"{label} must not contain control characters or text-direction marks (found {bad}).")
    return cleaned


def _clean_url(url: str | None, label: str) -> str:
    from videowall.media.url import validate_rtsp_url  # lazy: storage must not load the media package at import

    try:
        return validate_rtsp_url((url or "").strip())
    except VideowallError as err:
        raise VideowallError(err.kind, f"{label} URL: {redact(err.user_message)}", err.detail) from None


def _clean_optional_url(url: str | None) -> str | None:
    if url is None or not url.strip():
        return None
    return _clean_url(url, "Sub stream")


def _clean_transport(transport: Transport | str) -> Transport:
    if isinstance(transport, Transport):
        return transport
    try:
        return Transport(str(transport).strip().lower())
    except ValueError:
        raise VideowallError(ErrorKind.INVALID_INPUT,
                             "Transport must be one of " + ", ".join(repr(t.value) for t in Transport)
                             + f", not {transport!r}.") from None


def _clean_profile(profile: Profile | str) -> Profile:
    try:
        return Profile(profile.value if isinstance(profile, Profile) else str(profile).strip().lower())
    except ValueError:
        raise VideowallError(ErrorKind.INVALID_INPUT,
                             f"Recording stream must be 'main' or 'sub', not {profile!r}.") from None
