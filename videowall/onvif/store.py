"""ONVIF facts and PTZ tours of saved cameras (tables of ``storage.schema_onvif``). Any thread; quick calls."""

from __future__ import annotations

import json
from dataclasses import dataclass

from videowall.onvif.types import OnvifReport
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.storage.database import Database


@dataclass(frozen=True)
class OnvifDevice:
    camera_id: int
    device_url: str
    manufacturer: str
    model: str
    firmware: str
    serial: str
    main_profile: str
    sub_profile: str | None
    snapshot_uri: str | None
    ptz_profile: str | None
    pinned_sha256: str | None


@dataclass(frozen=True)
class PtzTour:
    id: int
    camera_id: int
    name: str
    preset_tokens: tuple[str, ...]
    dwell_s: float
    loop: bool


_DEVICE_COLUMNS = ("camera_id, device_url, manufacturer, model, firmware, serial, main_profile, sub_profile, "
                   "snapshot_uri, ptz_profile, pinned_sha256")
_DEVICE_VALUES = ", ".join(f":{c.strip()}" for c in _DEVICE_COLUMNS.split(","))
_DEVICE_UPDATES = ", ".join(f"{c.strip()} = excluded.{c.strip()}" for c in _DEVICE_COLUMNS.split(",")[1:])


class OnvifStore:
    def __init__(self, conn: Database) -> None:
        self._conn = conn
        self._lock = conn.lock

    def save_device(self, camera_id: int, report: OnvifReport, pinned_sha256: str | None = None) -> None:
        ptz_profile = next((p.token for p in report.profiles if p.has_ptz), None) if report.ptz else None
        with self._lock:
            self._conn.execute(
                f"INSERT INTO onvif_devices ({_DEVICE_COLUMNS}) VALUES ({_DEVICE_VALUES})"
                f" ON CONFLICT (camera_id) DO UPDATE SET {_DEVICE_UPDATES}",
                {"camera_id": camera_id, "device_url": report.device_url, "manufacturer": report.info.manufacturer,
                 "model": report.info.model, "firmware": report.info.firmware, "serial": report.info.serial,
                 "main_profile": report.main_profile, "sub_profile": report.sub_profile,
                 "snapshot_uri": report.snapshot_uri, "ptz_profile": ptz_profile, "pinned_sha256": pinned_sha256})

    def device(self, camera_id: int) -> OnvifDevice:
        with self._lock:
            row = self._conn.execute(f"SELECT {_DEVICE_COLUMNS} FROM onvif_devices WHERE camera_id = :id",
                                     {"id": camera_id}).fetchone()
        if row is None:
            raise VideowallError(ErrorKind.NOT_FOUND, "This camera was not added by ONVIF, so it has no PTZ control.")
        return OnvifDevice(*row)

    def ptz_camera_ids(self) -> list[int]:
        with self._lock:
            rows = self._conn.execute("SELECT camera_id FROM onvif_devices WHERE ptz_profile IS NOT NULL").fetchall()
        return [row[0] for row in rows]

    def save_tour(self, camera_id: int, name: str, preset_tokens: list[str], dwell_s: float,
                  loop: bool = True) -> PtzTour:
        if not name.strip() or not preset_tokens or dwell_s <= 0:
            raise VideowallError(ErrorKind.INVALID_INPUT, "A tour needs a name, at least one preset and a dwell > 0 s.")
        with self._lock:
            tour_id = self._conn.scalar(
                "INSERT INTO ptz_tours (camera_id, name, preset_tokens, dwell_s, loop)"
                " VALUES (:camera_id, :name, :tokens, :dwell_s, :loop)"
                " ON CONFLICT (camera_id, name) DO UPDATE SET preset_tokens = excluded.preset_tokens,"
                " dwell_s = excluded.dwell_s, loop = excluded.loop RETURNING id",
                {"camera_id": camera_id, "name": name.strip(), "tokens": json.dumps(list(preset_tokens)),
                 "dwell_s": float(dwell_s), "loop": int(loop)})
        return PtzTour(tour_id, camera_id, name.strip(), tuple(preset_tokens), float(dwell_s), loop)

    def tours(self, camera_id: int) -> list[PtzTour]:
        with self._lock:
            rows = self._conn.execute("SELECT id, camera_id, name, preset_tokens, dwell_s, loop FROM ptz_tours "
                                      "WHERE camera_id = :id ORDER BY name", {"id": camera_id}).fetchall()
        return [PtzTour(r[0], r[1], r[2], tuple(json.loads(r[3])), r[4], bool(r[5])) for r in rows]

    def delete_tour(self, tour_id: int) -> None:
        with self._lock:
            self._conn.execute("DELETE FROM ptz_tours WHERE id = :id", {"id": tour_id})
