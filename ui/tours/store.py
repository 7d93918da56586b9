"""The station's saved tours (pure: no Qt), in ``tours.json`` beside its data, written atomically.

A tour is named and is either a view tour (saved views, by name, through a whole wall) or a tile tour
(cameras, by id, through one tile), with a dwell time. Unreadable files are set aside, not lost.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from videowall.runtime.atomic import move_aside, write_atomic
from videowall.runtime.errors import ErrorKind, VideowallError

log = logging.getLogger(__name__)
TOURS_FILE = "tours.json"
VIEWS, CAMERAS = "views", "cameras"
MAX_NAME = 80


@dataclass(frozen=True)
class SavedTour:
    name: str
    kind: str               # VIEWS or CAMERAS
    items: tuple            # view names (str) or camera ids (int)
    dwell_s: float

    def __post_init__(self) -> None:
        name = self.name.strip()
        if not name or len(name) > MAX_NAME or "\n" in name:
            raise VideowallError(ErrorKind.INVALID_INPUT, f"A tour needs a one-line name of 1–{MAX_NAME} characters.")
        if self.kind not in (VIEWS, CAMERAS):
            raise VideowallError(ErrorKind.INVALID_INPUT, f"Unknown kind of tour: {self.kind!r}.")
        if len(self.items) < 2:
            raise VideowallError(ErrorKind.INVALID_INPUT, "A tour needs at least two views or cameras to go through.")
        if not 1 <= self.dwell_s <= 3600:
            raise VideowallError(ErrorKind.INVALID_INPUT, "A tour's dwell time must be between 1 s and 1 hour.")
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "items", tuple(self.items))


class TourStore:
    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / TOURS_FILE

    def list(self) -> list[SavedTour]:
        return sorted(self._read().values(), key=lambda tour: tour.name.lower())

    def save(self, tour: SavedTour) -> SavedTour:
        tours = self._read()
        tours[tour.name] = tour
        self._write(tours)
        return tour

    def delete(self, name: str) -> None:
        tours = self._read()
        if tours.pop(name, None) is not None:
            self._write(tours)

    def _read(self) -> dict[str, SavedTour]:
        if not self.path.exists():
            return {}
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            tours = [SavedTour(t["name"], t["kind"], tuple(t["items"]), float(t["dwell_s"])) for t in raw["tours"]]
        except (OSError, ValueError, KeyError, TypeError, VideowallError) as err:
            aside = move_aside(self.path)
            log.warning("tours file unreadable (%s): set aside as %s", err, aside.name)
            return {}
        return {tour.name: tour for tour in tours}

    def _write(self, tours: dict[str, SavedTour]) -> None:
        payload = {"tours": [{"name": t.name, "kind": t.kind, "items": list(t.items), "dwell_s": t.dwell_s}
                             for t in tours.values()]}
        try:
            write_atomic(self.path, json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8"))
        except OSError as err:
            raise VideowallError(ErrorKind.STORAGE_ERROR, f"Could not save the tours: {err.strerror or err}.") from err
