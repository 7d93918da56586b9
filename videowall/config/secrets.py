"""Camera credentials in a keyring. The only module that imports keyring.

The backend is chosen explicitly (``open_secrets``): the OS store (Secret Service, KWallet, Windows
Credential Manager, macOS Keychain) or, for tests and throw-away demos, an in-process memory store.
There is no plaintext fallback: without an OS store, storing a password fails with NO_KEYRING.
Each camera's username and password are stored together as JSON under service "videowall", user
"station:<station id>:camera:<camera id>": the station id is stored with the data (migration 7), so two data
dirs on one machine never share an entry. Entries of older versions ("camera:<id>", shared by every data dir)
are claimed once, by one station (docs/design/secrets.md). Every password read or written is registered for
redaction.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import threading
from collections.abc import Callable, Iterator
from typing import Protocol

import keyring.backend
import keyring.core
import keyring.errors
from keyring.backends.chainer import ChainerBackend
from keyring.compat import properties

from videowall.model.camera import Credentials
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.runtime.redaction import redact, register_secret

log = logging.getLogger(__name__)

SERVICE = "videowall"
_STATION_ID = re.compile(r"[0-9a-f]{32}")
KEYRING_ENV = "VIDEOWALL_KEYRING"
KINDS = ("os", "memory")
# Backends that keep secrets in the operating system's protected store. Anything else keyring may
# pick (the fail and null backends, keyrings.alt's files, …) is refused.
_OS_STORE_MODULES = frozenset({
    "keyring.backends.SecretService",
    "keyring.backends.libsecret",
    "keyring.backends.kwallet",
    "keyring.backends.Windows",
    "keyring.backends.macOS",
})
NO_KEYRING_MESSAGE = (
    "No OS keyring (Secret Service) was found, so camera passwords cannot be stored safely; "
    "videowall never keeps them in a plain file. Install and unlock a keyring: on Linux "
    "gnome-keyring (or KWallet) in the desktop session; on a headless machine run videowall inside "
    "a D-Bus session with an unlocked gnome-keyring-daemon. For a throw-away demo only, "
    f"{KEYRING_ENV}=memory keeps passwords in memory until videowall exits."
)
LEGACY_CLAIMED_MESSAGE = (
    "Camera {camera_id}'s password was saved by an older videowall in one keyring entry shared by every data dir "
    "of this user, and another data dir has already taken that entry (it may not even be this camera's "
    "password). Enter this camera's username and password again: videowall camera credentials {camera_id} --user NAME."
)
LOCKED_MESSAGE = (
    "The OS keyring is locked, so camera passwords cannot be read or stored. Unlock it (log in to "
    "the desktop session, or unlock the 'login' keyring in Passwords and Keys or KWallet) and try again."
)


class MemoryKeyring(keyring.backend.KeyringBackend):
    """Keeps secrets in this process only; forgotten on exit. Thread-safe.

    Never chosen by keyring's auto-detection: its priority raises, which marks it not viable.
    """

    @properties.classproperty
    def priority(cls) -> float:
        raise RuntimeError("the memory keyring is only used when chosen explicitly")

    def __init__(self) -> None:
        super().__init__()
        self._values: dict[tuple[str, str], str] = {}
        self._lock = threading.Lock()

    def get_password(self, service: str, username: str) -> str | None:
        with self._lock:
            return self._values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        with self._lock:
            self._values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        with self._lock:
            if self._values.pop((service, username), None) is None:
                raise keyring.errors.PasswordDeleteError("No such password")


class LegacyRegister(Protocol):
    """Which cameras of this station may still claim an entry an older videowall stored as ``camera:<id>``."""

    def may_claim(self, camera_id: int) -> bool: ...

    def settled(self, camera_id: int) -> None: ...


Backend = keyring.backend.KeyringBackend


class SecretsStore:
    """Credentials per camera of one station (one data dir). Calls may block on D-Bus: run them off the GUI thread.

    Camera entries are keyed by the station's id (``station:<station id>:camera:<camera id>``), so two data
    dirs never see each other's passwords. The backend may be given as a factory: it is then opened on the
    first read or write (``require`` opens it at once), so a station whose cameras need no password runs
    without any keyring.
    """

    def __init__(self, backend: Backend | Callable[[], Backend], station_id: str | None = None,
                 legacy: LegacyRegister | None = None, persistent: bool | None = None) -> None:
        if station_id is not None and not _STATION_ID.fullmatch(station_id):
            raise ValueError(f"invalid station id {station_id!r}")
        self._backend_or_factory = backend
        self._opened: Backend | None = backend if isinstance(backend, keyring.backend.KeyringBackend) else None
        self._open_lock = threading.Lock()
        self._station_id = station_id
        self._legacy = legacy
        self._persistent = persistent if persistent is not None else not isinstance(backend, MemoryKeyring)

    @property
    def persistent(self) -> bool:
        """False for the memory keyring: what is stored there is gone when the process exits."""
        return self._persistent

    @property
    def backend_name(self) -> str:
        kind = type(self.require())
        return f"{kind.__module__}.{kind.__qualname__}"

    def require(self, why: str | None = None) -> Backend:
        """The backend, opened now if it is not yet; VideowallError(NO_KEYRING) naming ``why`` if there is none."""
        with self._open_lock:
            if self._opened is None:
                try:
                    self._opened = self._backend_or_factory()
                except VideowallError as err:
                    if why is None:
                        raise
                    raise VideowallError(err.kind, f"{why[0].upper()}{why[1:]} needs the OS keyring. "
                                         f"{err.user_message}", err.detail) from None
            return self._opened

    def get(self, camera_id: int) -> Credentials | None:
        action = "read the credentials of camera %d" % camera_id
        backend = self.require(f"camera {camera_id}'s password")
        with _keyring_errors(action):
            stored = backend.get_password(SERVICE, self._camera_key(camera_id))
            if stored is None and self._legacy is not None and self._legacy.may_claim(camera_id):
                stored = self._claim_legacy(backend, camera_id)
        if stored is None:
            return None
        return _parse_credentials(stored, camera_id)

    def set(self, camera_id: int, creds: Credentials) -> None:
        register_secret(creds.password)
        payload = json.dumps({"username": creds.username, "password": creds.password})
        backend = self.require(f"storing camera {camera_id}'s password")
        with _keyring_errors("store the credentials of camera %d" % camera_id):
            backend.set_password(SERVICE, self._camera_key(camera_id), payload)
        if self._legacy is not None:
            self._legacy.settled(camera_id)   # new credentials: an old shared entry is never wanted again

    def get_secret(self, name: str) -> str | None:
        """A named station secret (e.g. the evidence signing key's passphrase), or None."""
        key = _named_key(name)
        backend = self.require(f"the secret {name!r}")
        with _keyring_errors(f"read the secret {name!r}"):
            value = backend.get_password(SERVICE, key)
        register_secret(value)
        return value

    def set_secret(self, name: str, value: str) -> None:
        key = _named_key(name)
        register_secret(value)
        backend = self.require(f"storing the secret {name!r}")
        with _keyring_errors(f"store the secret {name!r}"):
            backend.set_password(SERVICE, key, value)

    def delete(self, camera_id: int) -> None:
        """Forget the camera's credentials; nothing stored is not an error."""
        backend = self.require(f"removing camera {camera_id}'s password")
        with _keyring_errors("delete the credentials of camera %d" % camera_id):
            with contextlib.suppress(keyring.errors.PasswordDeleteError):
                backend.delete_password(SERVICE, self._camera_key(camera_id))
        if self._legacy is not None:
            self._legacy.settled(camera_id)

    def _camera_key(self, camera_id: int) -> str:
        if self._station_id is None:
            raise VideowallError(ErrorKind.INTERNAL, "Camera passwords can only be read or stored for a data dir's "
                                 "station; this keyring was opened without one.", "SecretsStore without station_id")
        return f"station:{self._station_id}:camera:{int(camera_id)}"

    def _claim_legacy(self, backend: Backend, camera_id: int) -> str | None:
        """Move an entry an older videowall stored for every data dir to this station (docs/design/secrets.md).

        Copied first and deleted after, so an interruption leaves the entry in both places, never in none.
        The claim marker tells a second data dir with a camera of the same id why it finds nothing.
        """
        legacy_key, marker_key = f"camera:{int(camera_id)}", f"claimed:camera:{int(camera_id)}"
        stored = backend.get_password(SERVICE, legacy_key)
        if stored is None:
            claimant = backend.get_password(SERVICE, marker_key)
            self._legacy.settled(camera_id)
            if claimant is not None and claimant != self._station_id:
                raise VideowallError(ErrorKind.NOT_FOUND, LEGACY_CLAIMED_MESSAGE.format(camera_id=camera_id),
                                     f"legacy entry claimed by station {claimant}")
            return None
        register_secret(stored)
        backend.set_password(SERVICE, self._camera_key(camera_id), stored)
        backend.set_password(SERVICE, marker_key, self._station_id)
        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            backend.delete_password(SERVICE, legacy_key)
        self._legacy.settled(camera_id)
        log.info("camera %d: moved its credentials from the shared legacy keyring entry to this station", camera_id)
        return stored


def _parse_credentials(stored: str, camera_id: int) -> Credentials:
    try:
        data = json.loads(stored)
        creds = Credentials(username=str(data["username"]), password=str(data["password"]))
    except (ValueError, TypeError, KeyError):
        register_secret(stored)
        raise VideowallError(ErrorKind.STORAGE_CORRUPT,
                             f"The stored credentials of camera {camera_id} are unreadable. "
                             "Enter the username and password again.") from None
    register_secret(creds.password)
    return creds


def _named_key(name: str) -> str:
    if not name or name.startswith(("camera:", "station:", "claimed:")):
        raise ValueError(f"invalid secret name {name!r}")
    return f"secret:{name}"


_shared_memory = MemoryKeyring()


def open_secrets(kind: str | None = None, station_id: str | None = None,
                 legacy: LegacyRegister | None = None) -> SecretsStore:
    """A store of ``station_id``'s secrets on the chosen backend: ``kind`` or else ``$VIDEOWALL_KEYRING``, default "os".

    "memory" is one process-wide in-memory keyring (so every part of a demo sees the same secrets).
    "os" is opened on first use, raising VideowallError(NO_KEYRING) then when no OS store is available.
    Normally called through ``videowall.storage.station_secrets.open_station_secrets``.
    """
    chosen = (kind or os.environ.get(KEYRING_ENV) or "os").strip().lower()
    if chosen == "memory":
        return SecretsStore(_shared_memory, station_id, legacy)
    if chosen == "os":
        return SecretsStore(_os_backend, station_id, legacy, persistent=True)
    raise VideowallError(ErrorKind.INVALID_INPUT,
                         f"Unknown keyring {chosen!r}: use 'os' or 'memory' (set by {KEYRING_ENV}).")


def _os_backend() -> keyring.backend.KeyringBackend:
    """keyring's own choice (PYTHON_KEYRING_BACKEND, its config file, else the best recommended)."""
    try:
        backend = keyring.core.load_env() or keyring.core.load_config()
    except Exception as err:  # a configured backend that cannot be imported or is not viable
        raise VideowallError(ErrorKind.NO_KEYRING, NO_KEYRING_MESSAGE,
                             detail=f"configured keyring backend failed to load: {err!r}") from err
    if backend is None:
        recommended = [b for b in keyring.backend.get_all_keyring()
                       if not isinstance(b, ChainerBackend) and keyring.core.recommended(b)]
        backend = max(recommended, key=keyring.backend.by_priority, default=None)
    elif isinstance(backend, ChainerBackend):
        backend = next((b for b in backend.backends if _is_os_store(b)), None)
    if backend is None or not _is_os_store(backend):
        found = "none" if backend is None else f"{type(backend).__module__}.{type(backend).__qualname__}"
        raise VideowallError(ErrorKind.NO_KEYRING, NO_KEYRING_MESSAGE, detail=f"keyring backend: {found}")
    return backend


def _is_os_store(backend: keyring.backend.KeyringBackend) -> bool:
    return type(backend).__module__ in _OS_STORE_MODULES


@contextlib.contextmanager
def _keyring_errors(action: str) -> Iterator[None]:
    """Turns whatever the backend raises (keyring, D-Bus, OS errors) into a VideowallError naming ``action``."""
    try:
        yield
    except VideowallError:
        raise
    except keyring.errors.KeyringLocked as err:
        raise VideowallError(ErrorKind.NO_KEYRING, f"Could not {action}. {LOCKED_MESSAGE}",
                             detail=redact(repr(err))) from None
    except (keyring.errors.NoKeyringError, keyring.errors.InitError) as err:
        raise VideowallError(ErrorKind.NO_KEYRING, f"Could not {action}. {NO_KEYRING_MESSAGE}",
                             detail=redact(repr(err))) from None
    except Exception as err:
        raise VideowallError(ErrorKind.STORAGE_ERROR, f"Could not {action} in the keyring: {redact(err)}.",
                             detail=redact(repr(err))) from None
