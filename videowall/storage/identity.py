"""The station identity stored with the data (migration 7), and which old shared keyring entries it may claim."""

from __future__ import annotations

from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.storage.database import Database


def station_id(conn: Database) -> str:
    """This data dir's station id (32 hex digits), what its keyring entries are keyed by."""
    found = conn.scalar("SELECT station_id FROM station_identity WHERE singleton = 1")
    if found is None:
        raise VideowallError(ErrorKind.STORAGE_CORRUPT,
                             "The station database has lost its station identity, so camera passwords cannot be "
                             "found. Restore the database from a backup.")
    return str(found)


class LegacyClaims:
    """The cameras that may still claim an entry stored by an older videowall under ``camera:<id>``.

    One row per camera that had credentials when this database was upgraded; a row goes once the camera's
    old entry was claimed, found missing, or the camera was given new credentials. Thread-safe.
    """

    def __init__(self, conn: Database) -> None:
        self._conn = conn

    def may_claim(self, camera_id: int) -> bool:
        return self._conn.scalar("SELECT 1 FROM legacy_camera_secrets WHERE camera_id = :id",
                                 {"id": int(camera_id)}) is not None

    def settled(self, camera_id: int) -> None:
        self._conn.execute("DELETE FROM legacy_camera_secrets WHERE camera_id = :id", {"id": int(camera_id)})
