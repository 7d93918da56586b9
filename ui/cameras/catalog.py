"""The camera tree's data and search (pure Python, no Qt): district → place → cameras.

Built for 25,000 cameras: every camera gets one folded search key up front, a query is split into
words that must all occur in the key, and typing one more letter only re-filters the previous matches.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
import numpy as np

from videowall.model.camera import Camera

NO_GROUP = ""


class TreeSlice:
    """The (filtered) tree as a few integer arrays, so even 25,000 matches cost no Python object per row.

    ``hits``: matching entry indices in tree order; ``run_starts``: where each place's run of hits
    starts (plus the end); ``run_place``: which place each run is; ``group_starts``: the first run of
    each district (plus the end).
    """

    def __init__(self, catalog: Catalog, hits: np.ndarray) -> None:
        self._catalog = catalog
        self.hits = hits
        places = catalog.place_of[hits]
        starts = np.flatnonzero(np.diff(places)) + 1 if len(hits) else np.empty(0, dtype=np.intp)
        self.run_starts = np.concatenate(([0], starts, [len(hits)])) if len(hits) else np.zeros(1, dtype=np.intp)
        self.run_place = places[self.run_starts[:-1]] if len(hits) else np.empty(0, dtype=np.intp)
        groups = catalog.group_of_place[self.run_place]
        g_starts = np.flatnonzero(np.diff(groups)) + 1 if len(groups) else np.empty(0, dtype=np.intp)
        self.group_starts = np.concatenate(([0], g_starts, [len(groups)])) if len(groups) else np.zeros(1, dtype=np.intp)

    @property
    def camera_count(self) -> int:
        return len(self.hits)

    def group_count(self) -> int:
        return len(self.group_starts) - 1

    def group_name(self, g: int) -> str:
        return self._catalog.place_names[int(self.run_place[self.group_starts[g]])][0]

    def group_camera_count(self, g: int) -> int:
        return int(self.run_starts[self.group_starts[g + 1]] - self.run_starts[self.group_starts[g]])

    def place_count(self, g: int) -> int:
        return int(self.group_starts[g + 1] - self.group_starts[g])

    def place_name(self, g: int, p: int) -> str:
        return self._catalog.place_names[int(self.run_place[self.group_starts[g] + p])][1]

    def place_camera_count(self, g: int, p: int) -> int:
        run = self.group_starts[g] + p
        return int(self.run_starts[run + 1] - self.run_starts[run])

    def entry_index(self, g: int, p: int, row: int) -> int:
        return int(self.hits[self.run_starts[self.group_starts[g] + p] + row])


_FOLDED: dict[str, str] = {}
SEARCH_CACHE_SIZE = 64


def fold(text: str) -> str:
    """Case- and accent-insensitive form: 'Łódź Główna' → 'lodz glowna' (ł has no decomposition)."""
    if text.isascii():
        return text.lower()
    folded = _FOLDED.get(text)
    if folded is None:
        decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ł", "l"))
        folded = _FOLDED[text] = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return folded


class Catalog:
    def __init__(self, cameras: Iterable[Camera]) -> None:
        cameras = list(cameras)
        folded = [(fold(c.group), fold(c.location), fold(c.name), c.id) for c in cameras]
        order = sorted(range(len(cameras)), key=folded.__getitem__)
        self.entries: list[Camera] = [cameras[i] for i in order]
        self._keys = [f"{k[3]} {k[2]} {k[1]} {k[0]}" for k in map(folded.__getitem__, order)]
        # Entries are sorted by district then place, so each place is one run of consecutive indices.
        self.place_names: list[tuple[str, str]] = []
        place_of = []
        for entry in self.entries:
            if not self.place_names or self.place_names[-1] != (entry.group, entry.location):
                self.place_names.append((entry.group, entry.location))
            place_of.append(len(self.place_names) - 1)
        self.place_of = np.array(place_of, dtype=np.intp)
        group_ids: dict[str, int] = {}
        self.group_of_place = np.array([group_ids.setdefault(g, len(group_ids)) for g, _ in self.place_names],
                                       dtype=np.intp)
        self._by_id = {e.id: i for i, e in enumerate(self.entries)}
        self._all = range(len(self.entries))
        self._cache: dict[tuple[str, ...], list[int]] = {}
        self._last_query: tuple[str, ...] = ()
        self._last_hits: list[int] | range = self._all
        self.full_tree = TreeSlice(self, np.arange(len(self.entries), dtype=np.intp))

    def __len__(self) -> int:
        return len(self.entries)

    def entry(self, camera_id: int) -> Camera | None:
        index = self._by_id.get(camera_id)
        return None if index is None else self.entries[index]

    def search(self, query: str) -> list[int] | range:
        """Indices of the cameras whose number, name, place or district contain every word of ``query``."""
        words = tuple(fold(query).split())
        if not words:
            hits: list[int] | range = self._all
        elif words in self._cache:          # deleting letters returns to earlier results at once
            hits = self._cache[words]
        else:
            hits = self._last_hits if self._last_query and _refines(words, self._last_query) else self._all
            keys = self._keys
            for word in words:
                hits = [i for i in hits if word in keys[i]]
            if len(self._cache) >= SEARCH_CACHE_SIZE:
                self._cache.pop(next(iter(self._cache)))
            self._cache[words] = hits
        self._last_query, self._last_hits = words, hits
        return hits

    def filtered_tree(self, query: str) -> TreeSlice:
        hits = self.search(query)
        if len(hits) == len(self.entries):
            return self.full_tree
        return TreeSlice(self, np.fromiter(hits, dtype=np.intp, count=len(hits)))


def _refines(words: tuple[str, ...], previous: tuple[str, ...]) -> bool:
    """Every match of ``words`` is also a match of ``previous`` (typing on only narrows the result)."""
    return all(any(p in w for w in words) for p in previous)
