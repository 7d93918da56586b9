"""Schema of migration 10, "users and roles": the people who log in, their role, and the camera groups granted
to them.

Written once for both engines (docs/design/database.md: migrations after the baseline are plain SQL): the
login name is the key (stored in lower case), so no engine-specific id column is needed. A password is
stored only as an argon2 hash. ``failed_logins`` counts the failures since the last good login; ``locked_utc``
is set when they reach the limit, and only an unlock clears it.
"""

from __future__ import annotations

VERSION = 10
DESCRIPTION = "users and roles"

STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE users (
        login TEXT NOT NULL PRIMARY KEY,
        full_name TEXT NOT NULL CHECK (full_name != ''),
        role TEXT NOT NULL CHECK (role IN ('operator', 'supervisor', 'police', 'administrator')),
        password_hash TEXT NOT NULL,
        failed_logins BIGINT NOT NULL DEFAULT 0,
        locked_utc TEXT,
        created_utc TEXT NOT NULL,
        updated_utc TEXT NOT NULL
    )""",
    """CREATE TABLE user_groups (
        login TEXT NOT NULL REFERENCES users(login) ON DELETE CASCADE,
        grp TEXT NOT NULL,
        PRIMARY KEY (login, grp)
    )""",
)
