"""Adding, editing and removing cameras as the set-up dialog does it: a form's values in, a saved camera out.

Every change is all or nothing: the camera row, its ONVIF facts and its keyring entry are written together,
and a keyring failure rolls the row back. The password is never stored in the form longer than the dialog
lives and never in the database.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, replace

from videowall.config.secrets import SecretsStore
from videowall.model.camera import Camera, Credentials, Profile, Transport
from videowall.onvif.store import OnvifStore
from videowall.onvif.types import OnvifReport
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.runtime.redaction import register_secret
from videowall.storage.cameras import CameraStore


@dataclass(frozen=True)
class CameraForm:
    name: str
    main_url: str
    sub_url: str | None = None
    location: str = ""
    group: str = ""              # the district the camera tree files it under
    transport: Transport = Transport.AUTO
    record: bool = False
    record_profile: Profile = Profile.MAIN
    username: str = ""           # empty: the camera needs no credentials
    password: str = ""           # empty on edit with the same username: keep the stored password
    onvif: OnvifReport | None = None   # what a probe found (saved with the camera: PTZ, profiles)

    def __repr__(self) -> str:  # never show the password, even in a traceback's locals
        return f"CameraForm(name={self.name!r}, main_url={self.main_url!r}, username={self.username!r})"


def form_of(camera: Camera, username: str = "") -> CameraForm:
    """The form of a saved camera, for editing (the password is not read back)."""
    return CameraForm(name=camera.name, main_url=camera.main_url, sub_url=camera.sub_url,
                      location=camera.location, group=camera.group, transport=camera.transport,
                      record=camera.record, record_profile=camera.record_profile, username=username)


def form_with_report(form: CameraForm, report: OnvifReport) -> CameraForm:
    """The form after a probe: the device's stream addresses (largest profile = main), its facts kept."""
    name = form.name or f"{report.info.manufacturer} {report.info.model}".strip()
    return replace(form, name=name, main_url=report.main_uri, sub_url=report.sub_uri, onvif=report)


def credentials_of(form: CameraForm) -> Credentials | None:
    user = form.username.strip()
    if not user:
        return None
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in user):
        raise VideowallError(ErrorKind.INVALID_INPUT, "The username must be text without control characters.")
    if not form.password:
        return None
    register_secret(form.password)
    return Credentials(user, form.password)


class CameraSetup:
    """The station's cameras as the set-up dialog changes them (blocking: quick SQLite and keyring calls)."""

    def __init__(self, cameras: CameraStore, secrets: SecretsStore) -> None:
        self._cameras = cameras
        self._secrets = secrets

    def stored_credentials(self, camera: Camera) -> Credentials | None:
        return self._secrets.get(camera.id) if camera.has_credentials else None

    def stored_username(self, camera: Camera) -> str:
        """The username kept in the keyring ("" when there is none, or no keyring to read it from)."""
        try:
            stored = self.stored_credentials(camera)
        except VideowallError:
            return ""
        return stored.username if stored is not None else ""

    def add(self, form: CameraForm) -> Camera:
        self._cameras.validate_new(form.name, form.main_url, form.sub_url, form.location, form.group)
        credentials = credentials_of(form)
        if form.username.strip() and credentials is None:
            raise VideowallError(ErrorKind.INVALID_INPUT, "Give the password for this username.")
        if credentials is not None:
            self._secrets.require("saving the camera's password")
        stored_id: int | None = None
        try:
            with self._cameras.transaction() as conn:
                camera = self._cameras.add(form.name, form.main_url, sub_url=form.sub_url, location=form.location,
                                           group=form.group, transport=form.transport,
                                           has_credentials=credentials is not None, record=form.record,
                                           record_profile=form.record_profile)
                if form.onvif is not None:
                    OnvifStore(conn).save_device(camera.id, form.onvif)
                if credentials is not None:
                    self._secrets.set(camera.id, credentials)
                    stored_id = camera.id
        except BaseException:
            self._forget_secret(stored_id)
            raise
        return camera

    def edit(self, camera_id: int, form: CameraForm) -> Camera:
        """Save the form over the camera. An empty username drops its credentials; a new password replaces them."""
        current = self._cameras.get(camera_id)
        credentials = credentials_of(form)
        keeps = credentials is None and bool(form.username.strip())
        if keeps and form.username.strip() != self.stored_username(current):
            raise VideowallError(ErrorKind.INVALID_INPUT, "Give the password for the new username.")
        drops = not form.username.strip() and current.has_credentials
        if credentials is not None or drops:
            self._secrets.require("changing the camera's password")
        with self._cameras.transaction() as conn:
            camera = self._cameras.update(
                camera_id, name=form.name, main_url=form.main_url, sub_url=form.sub_url, location=form.location,
                group=form.group, transport=form.transport, has_credentials=credentials is not None or keeps,
                record=form.record, record_profile=form.record_profile)
            if form.onvif is not None:
                OnvifStore(conn).save_device(camera.id, form.onvif)
            if credentials is not None:
                self._secrets.set(camera.id, credentials)
            elif drops:
                self._secrets.delete(camera.id)
        return camera

    def remove(self, camera_id: int) -> Camera:
        """Remove the camera with its ONVIF facts and its keyring entry (its recordings stay until retention)."""
        camera = self._cameras.get(camera_id)
        if camera.has_credentials:
            self._secrets.require("removing the camera's password")
        with self._cameras.transaction():
            self._cameras.remove(camera.id)
            if camera.has_credentials:
                self._secrets.delete(camera.id)
        return camera

    def _forget_secret(self, camera_id: int | None) -> None:
        if camera_id is not None:      # the row was rolled back: its secret goes too
            with contextlib.suppress(VideowallError):
                self._secrets.delete(camera_id)
