"""Camera credentials in a keyring. The only module that imports keyring.

The backend is chosen explicitly (``open_secrets``): the OS store (Secret Service, KWallet, Windows
Credential Manager, macOS Keychain) or, for tests and throw-away demos, an in-process memory store.
There is no plaintext fallback: without an OS store, storing a password fails with NO_KEYRING.
Each camera's username and password are stored together as JSON under service "videowall",
user "camera:<id>". Every password read or written is registered for redaction.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Iterator

import keyring.backend
import keyring.core
import keyring.errors
from keyring.backends.chainer import ChainerBackend
from keyring.compat import properties

from videowall.model.camera import Credentials
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.runtime.redaction import redact, register_secret

SERVICE = "videowall"
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


class SecretsStore:
    """Credentials per camera id. Calls may block on D-Bus: run them off the GUI thread."""

    def __init__(self, backend: keyring.backend.KeyringBackend) -> None:
        self._backend = backend

    @property
    def persistent(self) -> bool:
        """False for the memory keyring: what is stored there is gone when the process exits."""
        return not isinstance(self._backend, MemoryKeyring)

    @property
    def backend_name(self) -> str:
        kind = type(self._backend)
        return f"{kind.__module__}.{kind.__qualname__}"

    def get(self, camera_id: int) -> Credentials | None:
        with _keyring_errors("read the credentials of camera %d" % camera_id):
            stored = self._backend.get_password(SERVICE, _key(camera_id))
        if stored is None:
            return None
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

    def set(self, camera_id: int, creds: Credentials) -> None:
        register_secret(creds.password)
        payload = json.dumps({"username": creds.username, "password": creds.password})
        with _keyring_errors("store the credentials of camera %d" % camera_id):
            self._backend.set_password(SERVICE, _key(camera_id), payload)

    def get_secret(self, name: str) -> str | None:
        """A named station secret (e.g. the evidence signing key's passphrase), or None."""
        key = _named_key(name)
        with _keyring_errors(f"read the secret {name!r}"):
            value = self._backend.get_password(SERVICE, key)
        register_secret(value)
        return value

    def set_secret(self, name: str, value: str) -> None:
        key = _named_key(name)
        register_secret(value)
        with _keyring_errors(f"store the secret {name!r}"):
            self._backend.set_password(SERVICE, key, value)

    def delete(self, camera_id: int) -> None:
        """Forget the camera's credentials; nothing stored is not an error."""
        with _keyring_errors("delete the credentials of camera %d" % camera_id):
            try:
                self._backend.delete_password(SERVICE, _key(camera_id))
            except keyring.errors.PasswordDeleteError:
                pass


def _named_key(name: str) -> str:
    if not name or name.startswith("camera:"):
        raise ValueError(f"invalid secret name {name!r}")
    return f"secret:{name}"


_shared_memory = MemoryKeyring()


def open_secrets(kind: str | None = None) -> SecretsStore:
    """A store on the chosen backend: ``kind`` or else ``$VIDEOWALL_KEYRING``, default "os".

    "memory" is one process-wide in-memory keyring (so every part of a demo sees the same secrets).
    "os" raises VideowallError(NO_KEYRING) when no OS store is available.
    """
    chosen = (kind or os.environ.get(KEYRING_ENV) or "os").strip().lower()
    if chosen == "memory":
        return SecretsStore(_shared_memory)
    if chosen == "os":
        return SecretsStore(_os_backend())
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


def _key(camera_id: int) -> str:
    return f"camera:{int(camera_id)}"


@contextlib.contextmanager
def _keyring_errors(action: str) -> Iterator[None]:
    """Turns whatever the backend raises (keyring, D-Bus, OS errors) into a VideowallError."""
    try:
        yield
    except keyring.errors.KeyringLocked as err:
        raise VideowallError(ErrorKind.NO_KEYRING, LOCKED_MESSAGE, detail=redact(repr(err))) from None
    except (keyring.errors.NoKeyringError, keyring.errors.InitError) as err:
        raise VideowallError(ErrorKind.NO_KEYRING, NO_KEYRING_MESSAGE, detail=redact(repr(err))) from None
    except Exception as err:
        raise VideowallError(ErrorKind.STORAGE_ERROR, f"Could not {action} in the keyring: {redact(err)}.",
                             detail=redact(repr(err))) from None
