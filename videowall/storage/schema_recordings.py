"""Schema of migration 3, "recordings": which cameras record, the segment index, gaps and legal holds.

Times are UTC microseconds since the Unix epoch (``*_us``): range queries stay exact integer
comparisons. Segment paths are relative to the recordings root, so the footage can move with its disk.
No foreign key from segments, gaps or holds to ``cameras``: footage and holds outlive a removed camera
(retention and the law still apply to them).
"""

from __future__ import annotations

VERSION = 3
DESCRIPTION = "recordings"

STATEMENTS: tuple[str, ...] = (
    "ALTER TABLE cameras ADD COLUMN record INTEGER NOT NULL DEFAULT 0 CHECK (record IN (0, 1))",
    "ALTER TABLE cameras ADD COLUMN record_profile TEXT NOT NULL DEFAULT 'main'"
    " CHECK (record_profile IN ('main', 'sub'))",
    """CREATE TABLE recording_segments (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        camera_id INTEGER NOT NULL,
        profile TEXT NOT NULL CHECK (profile IN ('main', 'sub')),
        path TEXT NOT NULL UNIQUE,
        start_us INTEGER NOT NULL,
        end_us INTEGER NOT NULL,
        bytes INTEGER NOT NULL DEFAULT 0,
        time_source TEXT NOT NULL CHECK (time_source IN ('camera_ntp', 'receive')),
        clock_offset_ms INTEGER,
        state TEXT NOT NULL CHECK (state IN ('recording', 'complete', 'recovered')),
        codec TEXT NOT NULL DEFAULT 'h264',
        width INTEGER NOT NULL DEFAULT 0,
        height INTEGER NOT NULL DEFAULT 0,
        created_utc TEXT NOT NULL,
        CHECK (end_us >= start_us)
    )""",
    "CREATE INDEX recording_segments_by_camera ON recording_segments (camera_id, start_us)",
    "CREATE INDEX recording_segments_by_start ON recording_segments (start_us)",
    # Segments left open by a recorder that died: found at start without scanning the whole index.
    "CREATE INDEX recording_segments_open ON recording_segments (state) WHERE state = 'recording'",
    # Why recording stopped for a while; the holes themselves follow from the segments.
    """CREATE TABLE recording_gaps (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        camera_id INTEGER NOT NULL,
        start_us INTEGER NOT NULL,
        end_us INTEGER NOT NULL,
        reason TEXT NOT NULL,
        CHECK (end_us >= start_us)
    )""",
    "CREATE INDEX recording_gaps_by_camera ON recording_gaps (camera_id, start_us)",
    # camera_id NULL: the hold covers every camera.
    """CREATE TABLE legal_holds (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        camera_id INTEGER,
        start_us INTEGER NOT NULL,
        end_us INTEGER NOT NULL,
        reason TEXT NOT NULL,
        case_number TEXT NOT NULL,
        placed_by TEXT NOT NULL,
        placed_utc TEXT NOT NULL,
        released_by TEXT,
        released_utc TEXT,
        release_reason TEXT,
        CHECK (end_us > start_us),
        CHECK ((released_utc IS NULL) = (release_reason IS NULL))
    )""",
    "CREATE INDEX legal_holds_active ON legal_holds (released_utc, start_us)",
)
