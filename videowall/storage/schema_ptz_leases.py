"""Schema of migration 11, "PTZ leases": which person at which station moves a camera now (issue #14 part 5).

Plain SQL for both engines (docs/design/database.md). One row per camera at most; the row stays after its
lease ran out (``expires_us`` in the past means free), so taking a lease is one conditional upsert.
``expires_us`` is UTC in microseconds since the epoch: the stations compare it as a number, on both engines.
"""

from __future__ import annotations

VERSION = 11
DESCRIPTION = "PTZ leases"

STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE ptz_leases (
        camera_id BIGINT NOT NULL PRIMARY KEY REFERENCES cameras(id) ON DELETE CASCADE,
        holder_login TEXT NOT NULL,
        holder_name TEXT NOT NULL,
        holder_role TEXT NOT NULL CHECK (holder_role IN ('operator', 'supervisor', 'police', 'administrator')),
        station TEXT NOT NULL,
        taken_utc TEXT NOT NULL,
        renewed_utc TEXT NOT NULL,
        expires_us BIGINT NOT NULL
    )""",
)
