"""Tours (pure: no Qt): cycle a tile through cameras, or a wall through views, with a dwell time.

The clock is injected, so tests step time instead of sleeping. Operator activity in the toured tile or
wall (selecting, zooming, typing) pauses the tour; it resumes ``resume_after_s`` after the last activity.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from videowall.runtime.clock import SYSTEM_CLOCK, Clock

T = TypeVar("T")

DEFAULT_DWELL_S = 10.0
DEFAULT_RESUME_AFTER_S = 30.0


class Tour(Generic[T]):
    def __init__(self, items: Sequence[T], dwell_s: float = DEFAULT_DWELL_S,
                 resume_after_s: float = DEFAULT_RESUME_AFTER_S, clock: Clock = SYSTEM_CLOCK) -> None:
        if not items:
            raise ValueError("a tour needs at least one item")
        if dwell_s <= 0:
            raise ValueError("a tour's dwell time must be positive")
        self.items = list(items)
        self.dwell_s = dwell_s
        self.resume_after_s = resume_after_s
        self._clock = clock
        self.position = 0
        self._next_at = clock.monotonic() + dwell_s
        self._paused_until: float | None = None

    @property
    def current(self) -> T:
        return self.items[self.position]

    @property
    def upcoming(self) -> T | None:
        """The item the tour shows next (None for a one-item tour): worth preparing before it is due."""
        if len(self.items) < 2:
            return None
        return self.items[(self.position + 1) % len(self.items)]

    @property
    def paused(self) -> bool:
        return self._paused_until is not None and self._clock.monotonic() < self._paused_until

    def note_activity(self) -> None:
        """The operator works in the toured tile or wall: hold the tour until they have left it alone."""
        self._paused_until = self._clock.monotonic() + self.resume_after_s

    def due(self) -> T | None:
        """The item to switch to now, or None. Call it often (the wall calls it on its repaint timer)."""
        now = self._clock.monotonic()
        if self._paused_until is not None:
            if now < self._paused_until:
                return None
            self._paused_until = None
            self._next_at = max(self._next_at, now + self.dwell_s)    # the operator's view gets a full dwell
            return None
        if now < self._next_at or len(self.items) < 2:
            return None
        self.position = (self.position + 1) % len(self.items)
        self._next_at = now + self.dwell_s
        return self.current
