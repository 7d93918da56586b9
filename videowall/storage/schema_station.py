"""Schema of migration 7, "station identity and automatic transport".

- ``station_identity``: one row naming this data dir's station with a random id, created with the data.
  Keyring entries are keyed by it, so two data dirs on one machine never read or overwrite each other's
  camera passwords (docs/design/secrets.md).
- ``legacy_camera_secrets``: the cameras that had credentials when the database was upgraded. Only for these,
  and only once, may this station claim an entry an older videowall stored under the shared key
  ``camera:<id>``; a camera added later never reads another data dir's old entry.
- ``cameras.transport`` gains the automatic choices ('auto': TCP, then UDP; 'udp-tcp': UDP, then TCP).
  SQLite cannot change a CHECK constraint in place, so the column is replaced. Existing 'tcp' cameras become
  'auto': TCP is still tried first, so what played before plays the same, and a UDP-only server now plays too.
"""

from __future__ import annotations

import sqlite3
import uuid
from datetime import datetime, timezone

VERSION = 7
DESCRIPTION = "station identity and automatic transport"

STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE station_identity (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        station_id TEXT NOT NULL CHECK (length(station_id) = 32),
        created_utc TEXT NOT NULL
    )""",
    "CREATE TABLE legacy_camera_secrets (camera_id INTEGER PRIMARY KEY)",
    "INSERT INTO legacy_camera_secrets (camera_id) SELECT id FROM cameras WHERE has_credentials = 1",
    """ALTER TABLE cameras ADD COLUMN transport_choice TEXT NOT NULL DEFAULT 'auto'
        CHECK (transport_choice IN ('auto', 'udp-tcp', 'tcp', 'udp'))""",
    "UPDATE cameras SET transport_choice = CASE transport WHEN 'udp' THEN 'udp' ELSE 'auto' END",
    "ALTER TABLE cameras DROP COLUMN transport",
    "ALTER TABLE cameras RENAME COLUMN transport_choice TO transport",
)


def create_identity(conn: sqlite3.Connection) -> None:
    """The station's random id, made once, in the same transaction as the tables."""
    conn.execute("INSERT INTO station_identity (singleton, station_id, created_utc) VALUES (1, ?, ?)",
                 (uuid.uuid4().hex, datetime.now(timezone.utc).isoformat(timespec="seconds")))
