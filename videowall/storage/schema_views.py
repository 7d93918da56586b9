"""Schema of the "views" migration: named views (layout + camera per tile) and which view each screen shows.

A view's layout and cameras are JSON (``Layout.to_json()``; a list of camera ids or nulls in tile
order). No foreign key to ``cameras``: a removed camera leaves an empty tile, not a broken view.
"""

from __future__ import annotations

VERSION = 4
DESCRIPTION = "views"

STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE views (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        hotkey INTEGER UNIQUE CHECK (hotkey IS NULL OR hotkey BETWEEN 1 AND 12),
        layout TEXT NOT NULL,
        cameras TEXT NOT NULL,
        updated_utc TEXT NOT NULL
    )""",
    # Remembered per screen (by name and geometry): which view its wall showed, and how.
    """CREATE TABLE screen_walls (
        screen TEXT PRIMARY KEY,
        view_id INTEGER,
        fullscreen INTEGER NOT NULL DEFAULT 1 CHECK (fullscreen IN (0, 1))
    )""",
)
