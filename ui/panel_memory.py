"""Which side panels come back (pure: no Qt): one key collapses them all and the same key restores them.

The main window asks ``toggle(open_now)`` what should be open next: the open panels are remembered and
closed, or — when none is open — the remembered ones come back (the default set the first time). Full
screen uses its own memory, so leaving it restores exactly what was open before.
"""

from __future__ import annotations

from collections.abc import Iterable


class PanelMemory:
    def __init__(self, default: Iterable[str] = ()) -> None:
        self._remembered = set(default)

    def toggle(self, open_now: Iterable[str]) -> set[str]:
        """The panels to have open after one press of the panels key."""
        open_now = set(open_now)
        if open_now:
            self._remembered = open_now
            return set()
        return set(self._remembered)

    def collapse(self, open_now: Iterable[str]) -> set[str]:
        """Close all (e.g. entering full screen), remembering what was open; returns the empty set."""
        self._remembered = set(open_now)
        return set()

    def restore(self) -> set[str]:
        return set(self._remembered)
