"""Schema of migration 5, "onvif": what onboarding learnt about a camera, pinned TLS certificates, PTZ tours.

Presets live on the camera (GetPresets is the truth); tours name preset tokens. Rows go with their camera
(ON DELETE CASCADE), nothing here is a secret.
"""

from __future__ import annotations

VERSION = 5
DESCRIPTION = "onvif"

STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE onvif_devices (
        camera_id INTEGER PRIMARY KEY REFERENCES cameras(id) ON DELETE CASCADE,
        device_url TEXT NOT NULL,
        manufacturer TEXT NOT NULL DEFAULT '',
        model TEXT NOT NULL DEFAULT '',
        firmware TEXT NOT NULL DEFAULT '',
        serial TEXT NOT NULL DEFAULT '',
        main_profile TEXT NOT NULL,
        sub_profile TEXT,
        snapshot_uri TEXT,
        ptz_profile TEXT,
        pinned_sha256 TEXT
    )""",
    """CREATE TABLE ptz_tours (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        camera_id INTEGER NOT NULL REFERENCES cameras(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        preset_tokens TEXT NOT NULL,
        dwell_s REAL NOT NULL DEFAULT 10 CHECK (dwell_s > 0),
        loop INTEGER NOT NULL DEFAULT 1 CHECK (loop IN (0, 1)),
        UNIQUE (camera_id, name)
    )""",
)
