"""Named secrets (signing-key passphrases) on the station's SecretsStore.

Interim adapter: ``SecretsStore`` only knows camera credentials. Once it offers generic
``get_secret(name)`` / ``set_secret(name, value)``, those are used; until then this reaches its
keyring backend directly, under the same service name, and maps failures to VideowallError.
Values are registered for redaction.
"""

from __future__ import annotations

from videowall.config.secrets import SERVICE, SecretsStore
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.runtime.redaction import redact, register_secret


class NamedSecrets:
    def __init__(self, store: SecretsStore) -> None:
        self._store = store

    @property
    def persistent(self) -> bool:
        return self._store.persistent

    def get(self, name: str) -> str | None:
        getter = getattr(self._store, "get_secret", None)
        value = getter(name) if getter else self._call("read", lambda b: b.get_password(SERVICE, name))
        if value:
            register_secret(value)
        return value

    def set(self, name: str, value: str) -> None:
        register_secret(value)
        setter = getattr(self._store, "set_secret", None)
        if setter:
            setter(name, value)
        else:
            self._call("store", lambda b: b.set_password(SERVICE, name, value))

    def _call(self, action: str, operation):
        backend = self._store._backend  # interim, see the module docstring
        try:
            return operation(backend)
        except VideowallError:
            raise
        except Exception as err:
            kind = type(err).__name__
            no_store = kind in ("NoKeyringError", "InitError", "KeyringLocked")
            raise VideowallError(ErrorKind.NO_KEYRING if no_store else ErrorKind.STORAGE_ERROR,
                                 f"Could not {action} the evidence signing key's passphrase in the OS keyring "
                                 f"({kind}). Unlock or set up the keyring and try again.",
                                 detail=redact(repr(err))) from None
