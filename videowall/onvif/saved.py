"""Onboarding into the station (camera row + keyring + ONVIF facts) and PTZ devices of saved cameras."""

from __future__ import annotations

import contextlib

from collections.abc import Callable
from pathlib import Path

from videowall.config.secrets import SecretsStore
from videowall.model.camera import Camera, Credentials
from videowall.onvif.client import OnvifClient
from videowall.onvif.onboarding import probe
from videowall.onvif.ptz_device import PtzDevice
from videowall.onvif.store import OnvifStore
from videowall.onvif.transport import MAX_REPLY_BYTES
from videowall.onvif.types import OnvifReport
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.storage.cameras import CameraStore
from videowall.storage.deployment import open_station_database


def add_camera(cameras: CameraStore, secrets: SecretsStore | None, name: str, address: str,
               credentials: Credentials | None, pinned_sha256: str | None = None,
               report: OnvifReport | None = None, max_reply_bytes: int = MAX_REPLY_BYTES) -> tuple[Camera, OnvifReport]:
    """Probe (unless ``report`` is given) and save: all of camera row, ONVIF facts and keyring entry, or none.

    Blocking (network + disk): a worker thread or a command-line process."""
    if credentials is not None and secrets is None:
        raise VideowallError(ErrorKind.NO_KEYRING, "A keyring is needed to save the camera's credentials.")
    report = report or probe(address, credentials, pinned_sha256, max_reply_bytes=max_reply_bytes)
    stored_id: int | None = None
    try:
        with cameras.transaction() as conn:  # the same connection: camera row and ONVIF facts commit together
            camera = cameras.add(name, report.main_uri, sub_url=report.sub_uri, has_credentials=credentials is not None)
            OnvifStore(conn).save_device(camera.id, report, pinned_sha256)
            if secrets is not None and credentials is not None:
                secrets.set(camera.id, credentials)
                stored_id = camera.id
    except BaseException:
        if secrets is not None and stored_id is not None:
            with contextlib.suppress(VideowallError):
                secrets.delete(stored_id)
        raise
    return camera, report


def ptz_device(camera_id: int, onvif: OnvifStore, secrets: SecretsStore | None,
               call_timeout_s: float | None = None) -> PtzDevice:
    """Connect to a saved camera's PTZ (blocking: the camera's PTZ queue thread)."""
    device = onvif.device(camera_id)
    if device.ptz_profile is None:
        raise VideowallError(ErrorKind.NOT_FOUND, "This camera has no PTZ.")
    credentials = secrets.get(camera_id) if secrets is not None else None
    options = {"call_timeout_s": call_timeout_s} if call_timeout_s else {}
    client = OnvifClient(device.device_url, credentials, pinned_sha256=device.pinned_sha256, **options)
    client.connect()
    return PtzDevice(client, device.ptz_profile)


def ptz_device_factory(data_dir: Path, secrets: SecretsStore | None) -> tuple[OnvifStore, Callable[[int], PtzDevice]]:
    """The station's ONVIF store and a ``camera id → connected PtzDevice`` factory for the PTZ queues.

    The store has its own connection to the station database (SQLite WAL: readers and writers coexist).
    A camera without credentials never reads the secrets, so PTZ works on a station without a keyring."""
    conn = open_station_database(data_dir)
    store, cameras = OnvifStore(conn), CameraStore(conn)

    def connect(camera_id: int) -> PtzDevice:
        needs_secret = cameras.get(camera_id).has_credentials
        return ptz_device(camera_id, store, secrets if needs_secret else None)

    return store, connect
