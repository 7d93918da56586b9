"""Schema of migration 9, "recording server": segment digests, station sessions, the footage access log.

- ``recording_segments.sha256``: the recorder's SHA-256 of a segment file, taken when the segment closed
  (NULL while it is being written). A station exporting remote footage checks the bytes it received against
  it, so a package made from remote footage is as strong as one made on the recording PC.
- ``recorder_sessions``: bearer tokens the recording server accepts, one per station user. Only the token's
  SHA-256 is kept (a token is 256 random bits, so a fast hash is enough; nothing here can be replayed).
  To be tied to the deployment's users when those exist (user name → user id).
- ``footage_access``: one row per request to the recording server, allowed or refused (who, what, which
  bytes, the answer). Playback reads many byte ranges; they go here, not into the hash-chained audit log.
"""

from __future__ import annotations

VERSION = 9
DESCRIPTION = "recording server"

STATEMENTS: tuple[str, ...] = (
    "ALTER TABLE recording_segments ADD COLUMN sha256 TEXT CHECK (sha256 IS NULL OR length(sha256) = 64)",
    """CREATE TABLE recorder_sessions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        user_name TEXT NOT NULL,
        token_sha256 TEXT NOT NULL UNIQUE CHECK (length(token_sha256) = 64),
        created_utc TEXT NOT NULL,
        expires_utc TEXT NOT NULL,
        revoked_utc TEXT
    )""",
    "CREATE INDEX recorder_sessions_by_user ON recorder_sessions (user_name)",
    """CREATE TABLE footage_access (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at_utc TEXT NOT NULL,
        session_id INTEGER,
        user_name TEXT,
        remote TEXT NOT NULL,
        method TEXT NOT NULL,
        path TEXT NOT NULL,
        camera_id INTEGER,
        segment_id INTEGER,
        byte_range TEXT,
        status INTEGER NOT NULL,
        bytes INTEGER
    )""",
    "CREATE INDEX footage_access_by_time ON footage_access (at_utc)",
)
