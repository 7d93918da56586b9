"""Schema of the "events and alarms" migration: camera and station events, the alarms raised from them, and
the rules that decide which events raise an alarm.

The migration number is ``VERSION`` alone (renumbering is this one line). Times are UTC microseconds since
the Unix epoch (``*_us``), like the recording index, so an event compares exactly with footage and
bookmarks. No foreign key to ``cameras``: events and alarms outlive a removed camera, as its footage does.
A row is a run of equal events (``count``; a flapping input or a storm is one row, ``first_us``…``last_us``).
Only portable SQL (also valid on PostgreSQL but AUTOINCREMENT, which becomes an identity column there).
"""

from __future__ import annotations

VERSION = 8
DESCRIPTION = "events and alarms"

STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        camera_id INTEGER,
        kind TEXT NOT NULL,
        origin TEXT NOT NULL CHECK (origin IN ('camera', 'station')),
        active INTEGER CHECK (active IN (0, 1)),
        source TEXT NOT NULL DEFAULT '',
        topic TEXT NOT NULL DEFAULT '',
        first_us BIGINT NOT NULL,
        last_us BIGINT NOT NULL,
        count INTEGER NOT NULL DEFAULT 1 CHECK (count >= 1),
        data TEXT NOT NULL DEFAULT '{}',
        CHECK (last_us >= first_us)
    )""",
    "CREATE INDEX events_by_camera ON events (camera_id, first_us)",
    "CREATE INDEX events_by_time ON events (first_us)",
    "CREATE INDEX events_by_kind ON events (kind, first_us)",
    """CREATE TABLE alarms (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        camera_id INTEGER,
        kind TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT '',
        priority INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 5),
        state TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'acknowledged', 'closed')),
        first_us BIGINT NOT NULL,
        last_us BIGINT NOT NULL,
        count INTEGER NOT NULL DEFAULT 1 CHECK (count >= 1),
        sound TEXT NOT NULL DEFAULT '',
        show TEXT NOT NULL DEFAULT 'none' CHECK (show IN ('none', 'tile', 'monitor')),
        acknowledged_by TEXT NOT NULL DEFAULT '',
        acknowledged_us BIGINT,
        closed_by TEXT NOT NULL DEFAULT '',
        closed_us BIGINT,
        comment TEXT NOT NULL DEFAULT '',
        CHECK (last_us >= first_us),
        CHECK (state != 'closed' OR (comment != '' AND closed_by != '' AND closed_us IS NOT NULL))
    )""",
    "CREATE INDEX alarms_by_state ON alarms (state, last_us)",
    "CREATE INDEX alarms_by_camera ON alarms (camera_id, first_us)",
    # camera_id and grp both NULL: every camera. Priority 0: the event is stored but raises no alarm.
    """CREATE TABLE alarm_rules (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        camera_id INTEGER,
        grp TEXT,
        kind TEXT NOT NULL,
        priority INTEGER NOT NULL CHECK (priority BETWEEN 0 AND 5),
        sound TEXT NOT NULL DEFAULT '',
        show TEXT NOT NULL DEFAULT 'none' CHECK (show IN ('none', 'tile', 'monitor')),
        debounce_s REAL NOT NULL DEFAULT 30 CHECK (debounce_s >= 0),
        CHECK (camera_id IS NULL OR grp IS NULL)
    )""",
    "CREATE UNIQUE INDEX alarm_rules_unique ON alarm_rules (COALESCE(camera_id, 0), COALESCE(grp, ''), kind)",
)
