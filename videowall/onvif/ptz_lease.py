"""PTZ leases in the shared database: one person at one station moves a camera at a time
(docs/design/ptz-leases.md).

A lease is taken by the first move and renewed by every later one; a stop releases it, and a lease not
renewed for ``LEASE_S`` seconds is free again. A person of a higher role (``PRIORITY``) takes a camera over
from a lower one, which is written to the audit chain; an equal or lower role is refused with
``PtzLeaseHeld``, which names the holder. Taking and renewing is one conditional upsert, atomic on both
engines; a takeover replaces exactly the lease it read (compare-and-set on its expiry) in the transaction
that audits it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import exc

from videowall.access.roles import Role
from videowall.audit import AuditLog
from videowall.audit.entry import format_utc, parse_utc
from videowall.runtime.clock import SYSTEM_CLOCK, Clock
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.storage.database import Database, reason

LEASE_S = 30.0
TAKEN_OVER_ACTION = "ptz.lease.taken_over"
# Who takes a camera from whom: a higher number takes over a lower one; an equal one waits until the lease ends.
# A police viewer granted PTZ ranks as an operator; an administrator moves cameras only when nobody else does.
PRIORITY = {Role.SUPERVISOR: 3, Role.OPERATOR: 2, Role.POLICE: 2, Role.ADMINISTRATOR: 1}
# A lease taken or ended by another station between our two statements: read again, a few times at most.
_ATTEMPTS = 3
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_COLUMNS = "camera_id, holder_login, holder_name, holder_role, station, taken_utc, renewed_utc, expires_us"

_TAKE = f"""
INSERT INTO ptz_leases ({_COLUMNS})
VALUES (:camera, :login, :name, :role, :station, :now, :now, :expires)
ON CONFLICT (camera_id) DO UPDATE SET
    holder_login = excluded.holder_login, holder_name = excluded.holder_name, holder_role = excluded.holder_role,
    station = excluded.station,
    taken_utc = CASE WHEN ptz_leases.expires_us > :now_us THEN ptz_leases.taken_utc ELSE excluded.taken_utc END,
    renewed_utc = excluded.renewed_utc, expires_us = excluded.expires_us
WHERE ptz_leases.expires_us <= :now_us
   OR (ptz_leases.holder_login = excluded.holder_login AND ptz_leases.station = excluded.station)
RETURNING taken_utc
"""

_TAKE_OVER = """
UPDATE ptz_leases SET holder_login = :login, holder_name = :name, holder_role = :role, station = :station,
    taken_utc = :now, renewed_utc = :now, expires_us = :expires
WHERE camera_id = :camera AND holder_login = :old_login AND station = :old_station AND expires_us = :old_expires
RETURNING camera_id
"""


@dataclass(frozen=True)
class Holder:
    """Who moves a camera: the person logged in (login, name, role) and the station they sit at."""

    login: str
    full_name: str
    role: Role
    station: str

    @property
    def label(self) -> str:
        """How a tile names the holder: ``J. Kowalska, station 2``."""
        return f"{self.full_name}, {self.station}"

    def is_(self, other: Holder) -> bool:
        """The same person at the same station (the same person at another station is another holder)."""
        return self.login == other.login and self.station == other.station

    def audit(self) -> dict[str, str]:
        return {"login": self.login, "name": self.full_name, "role": self.role.value, "station": self.station}


@dataclass(frozen=True)
class Lease:
    camera_id: int
    holder: Holder
    taken_utc: datetime
    renewed_utc: datetime
    expires_utc: datetime


class PtzLeaseHeld(VideowallError):
    """Refused: someone else moves the camera, and this person may not take it over."""

    def __init__(self, lease: Lease, camera_name: str) -> None:
        super().__init__(ErrorKind.PERMISSION_DENIED, _held_message(lease.holder, camera_name))
        self.lease = lease


def _held_message(holder: Holder, camera_name: str) -> str:
    return (f"PTZ: {holder.full_name}, {holder.station} — {holder.full_name} ({holder.role.label}) is moving camera "
            f"{camera_name!r}; it is free when they stop or after {LEASE_S:.0f} s without a move.")


class PtzLeases:
    """The leases of all cameras on ``db``; each call is atomic on its own (several stations share the table)."""

    def __init__(self, db: Database, clock: Clock = SYSTEM_CLOCK, lease_s: float = LEASE_S) -> None:
        self._db = db
        self._clock = clock
        self._lease = timedelta(seconds=lease_s)
        self._audit = AuditLog(db, clock)

    def take(self, camera_id: int, holder: Holder, camera_name: str = "") -> Lease:
        """Take or renew the camera's lease for ``holder``; take it over from a lower role (audited).

        PtzLeaseHeld when an equal or higher role holds it."""
        name = camera_name or f"#{camera_id}"
        for _ in range(_ATTEMPTS):
            now = self._clock.now_utc()
            try:
                taken = self._db.scalar(_TAKE, self._params(camera_id, holder, now))
            except exc.SQLAlchemyError as err:
                raise VideowallError(ErrorKind.STORAGE_ERROR, f"PTZ refused: the lease of camera {name!r} could not "
                                     f"be taken in the database: {reason(err)}.", detail=repr(err)) from err
            if taken is not None:
                return Lease(camera_id, holder, parse_utc(taken), now, now + self._lease)
            current = self.current(camera_id)
            if current is None:
                continue        # it ended since: take it again
            if PRIORITY[holder.role] <= PRIORITY[current.holder.role]:
                raise PtzLeaseHeld(current, name)
            if self._take_over(current, holder, now, name):
                return Lease(camera_id, holder, now, now, now + self._lease)
        current = self.current(camera_id)
        if current is None:
            raise VideowallError(ErrorKind.STORAGE_ERROR, f"Could not take the PTZ lease of camera {name!r}: other "
                                                          "stations kept changing it. Try again.")
        raise PtzLeaseHeld(current, name)

    def release(self, camera_id: int, holder: Holder) -> bool:
        """End ``holder``'s lease (a stop); False when they held none (it ran out or was taken over)."""
        try:
            return self._db.scalar("DELETE FROM ptz_leases WHERE camera_id = :camera AND holder_login = :login"
                                   " AND station = :station RETURNING camera_id",
                                   {"camera": camera_id, "login": holder.login, "station": holder.station}) is not None
        except exc.SQLAlchemyError as err:
            raise VideowallError(ErrorKind.STORAGE_ERROR, f"The PTZ lease of camera #{camera_id} could not be "
                                 f"released in the database: {reason(err)}.", detail=repr(err)) from err

    def current(self, camera_id: int) -> Lease | None:
        """The camera's lease while it runs; None when the camera is free."""
        return self.held((camera_id,)).get(camera_id)

    def held(self, camera_ids: Iterable[int]) -> dict[int, Lease]:
        """The running leases of these cameras, by camera id."""
        ids = sorted(set(camera_ids))
        if not ids:
            return {}
        now_us = _micros(self._clock.now_utc())
        placeholders = ", ".join(f":c{n}" for n in range(len(ids)))
        params = {f"c{n}": camera_id for n, camera_id in enumerate(ids)} | {"now_us": now_us}
        try:
            rows = self._db.execute(f"SELECT {_COLUMNS} FROM ptz_leases WHERE camera_id IN ({placeholders})"
                                    " AND expires_us > :now_us", params).fetchall()
        except exc.SQLAlchemyError as err:
            raise VideowallError(ErrorKind.STORAGE_ERROR, f"The PTZ leases could not be read from the database: "
                                 f"{reason(err)}.", detail=repr(err)) from err
        return {int(row[0]): _lease(row) for row in rows}

    def close(self) -> None:
        """Close the database connection (after the PTZ queues that use it ended)."""
        with self._db.lock:
            self._db.close()

    def _take_over(self, current: Lease, holder: Holder, now: datetime, camera_name: str) -> bool:
        params = self._params(current.camera_id, holder, now) | {
            "old_login": current.holder.login, "old_station": current.holder.station,
            "old_expires": _micros(current.expires_utc)}
        try:
            with self._db.transaction():
                if self._db.scalar(_TAKE_OVER, params) is None:
                    return False        # changed since we read it
                self._audit.append(TAKEN_OVER_ACTION, {
                    "camera_id": current.camera_id, "camera": camera_name,
                    "from": current.holder.audit(), "to": holder.audit()},
                    actor=f"{holder.full_name} ({holder.role.label})")
        except exc.SQLAlchemyError as err:
            raise VideowallError(ErrorKind.STORAGE_ERROR, f"PTZ refused: camera {camera_name!r} could not be taken "
                                 f"over in the database: {reason(err)}.", detail=repr(err)) from err
        return True

    def _params(self, camera_id: int, holder: Holder, now: datetime) -> dict:
        return {"camera": camera_id, "login": holder.login, "name": holder.full_name, "role": holder.role.value,
                "station": holder.station, "now": format_utc(now), "now_us": _micros(now),
                "expires": _micros(now + self._lease)}


def _lease(row) -> Lease:
    holder = Holder(str(row[1]), str(row[2]), Role(row[3]), str(row[4]))
    return Lease(int(row[0]), holder, parse_utc(row[5]), parse_utc(row[6]),
                 _EPOCH + timedelta(microseconds=int(row[7])))


def _micros(moment: datetime) -> int:
    return (moment - _EPOCH) // timedelta(microseconds=1)
