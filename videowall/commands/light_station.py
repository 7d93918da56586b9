"""The light station a database-only command works on (cameras, bookmarks, PTZ): opened, warned about, closed."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from videowall.station import Station


@contextlib.contextmanager
def light_station(data_dir: str | None) -> Iterator[Station]:
    """``Station.open(data_dir, streams=False)``; its warnings (a settings file set aside) go to stderr."""
    from videowall.station import Station     # the core: only when a command runs, not for --help

    station = Station.open(data_dir, streams=False)
    try:
        for warning in station.warnings:
            print(f"videowall: warning: {warning.user_message}", file=sys.stderr)
        yield station
    finally:
        station.close()
