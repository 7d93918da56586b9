"""The keyring of one data dir's station: secrets keyed by the identity stored in its database."""

from __future__ import annotations

from videowall.config.secrets import SecretsStore, open_secrets
from videowall.storage.database import Database
from videowall.storage.identity import LegacyClaims, station_id


def open_station_secrets(conn: Database, kind: str | None = None) -> SecretsStore:
    """``conn``: the station database. The keyring itself is opened on first use (see ``SecretsStore.require``)."""
    return open_secrets(kind, station_id(conn), LegacyClaims(conn))
