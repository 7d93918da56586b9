"""What the demo puts in its throw-away station besides the cameras: an hour of recorded footage (made in a
background thread while the window is already open) and a few bookmarks in that hour, so playback, search
and export can be tried at once."""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from datetime import datetime, timedelta

from ui.i18n.core import core_text
from videowall.recording.demo_footage import prerecord
from videowall.recording.index import RecordingStore
from videowall.recording.service import recordings_root
from videowall.storage.deployment import open_station_database
from videowall.runtime.errors import VideowallError
from videowall.station import Station

log = logging.getLogger(__name__)
FOOTAGE_SPAN = timedelta(hours=1)
JOIN_TIMEOUT_S = 30
# (minutes before the demo's start, index of the camera, index of the category, description)
DEMO_BOOKMARKS = (
    (52, 0, 0, "Samochód zaparkowany na przejściu dla pieszych"),
    (37, 1, 1, "Głośna grupa przy wejściu do parku"),
    (21, 2, 2, "Pomalowana wiata przystanku"),
    (9, 0, 4, "Stłuczka na skrzyżowaniu, bez rannych"),
)


def add_demo_bookmarks(station: Station, camera_ids: Sequence[int], end_utc: datetime) -> int:
    """A few bookmarks inside the recorded hour; returns how many were made."""
    categories = station.settings.bookmark_categories
    store = station.bookmarks()
    made = 0
    for minutes, camera, category, description in DEMO_BOOKMARKS:
        if not camera_ids or not categories:
            break
        store.create(at_utc=end_utc - timedelta(minutes=minutes), camera_ids=[camera_ids[camera % len(camera_ids)]],
                     category=categories[category % len(categories)], operator=station.operator,
                     description=description)
        made += 1
    return made


class DemoFootage:
    """Writes the recorded hour of each camera in a thread of its own; ``stop()`` ends it between segments."""

    def __init__(self, station: Station, cameras: Sequence[tuple[int, int, str | None]], end_utc: datetime) -> None:
        """``cameras``: (camera id, simulator camera number, caption in the picture)."""
        self._data_dir = station.data_dir
        self._root = recordings_root(station.data_dir, station.settings)
        self._cameras = list(cameras)
        self._end = end_utc
        self._stop = threading.Event()
        self.done: list[int] = []           # camera ids whose hour is written
        self.error: str | None = None
        self._thread = threading.Thread(target=self._run, name="demo-footage", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(JOIN_TIMEOUT_S)

    def wait(self, timeout_s: float | None = None) -> bool:
        self._thread.join(timeout_s)
        return not self._thread.is_alive()

    def _run(self) -> None:
        store = RecordingStore(open_station_database(self._data_dir), self._root)   # its own connection
        try:
            prerecord(store, self._cameras, self._end, FOOTAGE_SPAN,
                      on_camera_done=lambda recorded: self.done.append(recorded.camera_id),
                      cancelled=self._stop.is_set)
        except VideowallError as err:
            self.error = core_text(err.user_message)
            log.warning("demo footage: %s", err.user_message)
        finally:
            store.close()
