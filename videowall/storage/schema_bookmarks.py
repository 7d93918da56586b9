"""Schema of migration 6, "bookmarks": marked incidents, their cameras, evidence holds and full history.

Times are UTC microseconds since the Unix epoch (``*_us``), like the recording index, so a bookmark's
range compares exactly with segments and holds. No foreign key to ``cameras``: a bookmark outlives a
removed camera, as its footage does. Bookmarks are withdrawn, never deleted, and their history only
grows: triggers refuse the rest (the audit log is the tamper-evident copy of every change).
"""

from __future__ import annotations

VERSION = 6
DESCRIPTION = "bookmarks"

STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE bookmarks (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at_us INTEGER NOT NULL,
        start_us INTEGER NOT NULL,
        end_us INTEGER NOT NULL,
        category TEXT NOT NULL CHECK (category != ''),
        description TEXT NOT NULL DEFAULT '',
        place TEXT NOT NULL DEFAULT '',
        operator TEXT NOT NULL CHECK (operator != ''),
        case_number TEXT NOT NULL DEFAULT '',
        result TEXT NOT NULL DEFAULT '',
        created_utc TEXT NOT NULL,
        updated_utc TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
        withdrawn INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1)),
        CHECK (end_us > start_us)
    )""",
    "CREATE INDEX bookmarks_by_time ON bookmarks (start_us, end_us)",
    "CREATE INDEX bookmarks_by_moment ON bookmarks (at_us)",
    "CREATE INDEX bookmarks_by_operator ON bookmarks (operator)",
    "CREATE INDEX bookmarks_by_category ON bookmarks (category)",
    """CREATE TABLE bookmark_cameras (
        bookmark_id INTEGER NOT NULL REFERENCES bookmarks(id),
        camera_id INTEGER NOT NULL,
        PRIMARY KEY (bookmark_id, camera_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX bookmark_cameras_by_camera ON bookmark_cameras (camera_id, bookmark_id)",
    # The legal holds "mark as evidence" placed; a released hold stays linked (history).
    """CREATE TABLE bookmark_holds (
        bookmark_id INTEGER NOT NULL REFERENCES bookmarks(id),
        hold_id INTEGER NOT NULL UNIQUE REFERENCES legal_holds(id),
        PRIMARY KEY (bookmark_id, hold_id)
    ) WITHOUT ROWID""",
    # One row per change; ``changes`` is JSON {field: [old, new]}.
    """CREATE TABLE bookmark_revisions (
        bookmark_id INTEGER NOT NULL REFERENCES bookmarks(id),
        revision INTEGER NOT NULL,
        changed_utc TEXT NOT NULL,
        changed_by TEXT NOT NULL,
        action TEXT NOT NULL,
        changes TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (bookmark_id, revision)
    ) WITHOUT ROWID""",
    """CREATE TRIGGER bookmarks_no_delete BEFORE DELETE ON bookmarks
        BEGIN SELECT RAISE(ABORT, 'bookmarks are withdrawn, never deleted'); END""",
    """CREATE TRIGGER bookmark_revisions_no_update BEFORE UPDATE ON bookmark_revisions
        BEGIN SELECT RAISE(ABORT, 'bookmark history is append-only'); END""",
    """CREATE TRIGGER bookmark_revisions_no_delete BEFORE DELETE ON bookmark_revisions
        BEGIN SELECT RAISE(ABORT, 'bookmark history is append-only'); END""",
)
