"""Where videowall keeps its state. The only module that imports platformdirs.

Precedence for the data directory: an explicit override (e.g. ``--data-dir``), then the
``VIDEOWALL_DATA_DIR`` environment variable, then the platform's per-user data directory.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "videowall"
DATA_DIR_ENV = "VIDEOWALL_DATA_DIR"
DATABASE_FILE = "videowall.sqlite3"
SETTINGS_FILE = "settings.json"
LOG_DIR = "logs"


def data_dir(override: Path | str | None = None) -> Path:
    """Return the data directory, creating it (owner-only, 0700) when it does not exist yet."""
    chosen = override if override not in (None, "") else os.environ.get(DATA_DIR_ENV) or None
    if chosen is None:
        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    else:
        path = Path(chosen).expanduser()
    _make_private_dir(path)
    return path


def database_path(data_dir: Path) -> Path:
    return Path(data_dir) / DATABASE_FILE


def settings_path(data_dir: Path) -> Path:
    return Path(data_dir) / SETTINGS_FILE


def log_dir(data_dir: Path) -> Path:
    """Return the log directory inside ``data_dir``, creating it (0700) when needed."""
    path = Path(data_dir) / LOG_DIR
    _make_private_dir(path)
    return path


def _make_private_dir(path: Path) -> None:
    # Only a directory we create gets 0700: an existing directory the operator chose keeps its mode.
    if not path.is_dir():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.mkdir(mode=0o700, exist_ok=True)
