"""Named secrets (signing-key passphrases) on the station's SecretsStore, as the key store sees them."""

from __future__ import annotations

from videowall.config.secrets import SecretsStore


class NamedSecrets:
    def __init__(self, store: SecretsStore) -> None:
        self._store = store

    @property
    def persistent(self) -> bool:
        return self._store.persistent

    def get(self, name: str) -> str | None:
        return self._store.get_secret(name)

    def set(self, name: str, value: str) -> None:
        self._store.set_secret(name, value)
