"""Patrol tours: go to each preset of a sequence, dwell, next; loop or finish. Manual control pauses it.

Pure and clock-driven: the owner calls ``poll()`` periodically (a GUI timer, a thread) and the runner decides
from the injected ``Clock`` whether the next preset is due, so tests drive dwell times without sleeping.
``goto(token)`` only queues the command (the camera's PTZ queue does the network call). One thread.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence

from videowall.runtime.clock import SYSTEM_CLOCK, Clock
from videowall.runtime.errors import ErrorKind, VideowallError


class TourState(enum.Enum):
    STOPPED = "stopped"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"


class PtzTourRunner:
    def __init__(self, preset_tokens: Sequence[str], dwell_s: float, loop: bool, goto: Callable[[str], None],
                 clock: Clock = SYSTEM_CLOCK) -> None:
        if not preset_tokens or dwell_s <= 0:
            raise VideowallError(ErrorKind.INVALID_INPUT, "A tour needs at least one preset and a dwell > 0 s.")
        self.tokens = tuple(preset_tokens)
        self.dwell_s = float(dwell_s)
        self.loop = loop
        self._goto = goto
        self._clock = clock
        self.state = TourState.STOPPED
        self._index = 0              # the next preset to visit
        self._due: float | None = None
        self.current: str | None = None

    def start(self) -> None:
        """Start from the first preset (now)."""
        self._index = 0
        self._due = self._clock.monotonic()
        self.state = TourState.RUNNING
        self.poll()

    def stop(self) -> None:
        self.state, self._due = TourState.STOPPED, None

    def pause(self) -> None:
        """Manual control took over: stay where the operator drives, until ``resume``."""
        if self.state is TourState.RUNNING:
            self.state = TourState.PAUSED

    def resume(self) -> None:
        """Continue with the preset that was current when paused (the operator moved the camera away)."""
        if self.state is TourState.PAUSED:
            self._index = max(0, self._index - 1)
            self._due = self._clock.monotonic()
            self.state = TourState.RUNNING
            self.poll()

    def seconds_to_next(self) -> float | None:
        if self.state is not TourState.RUNNING or self._due is None:
            return None
        return max(0.0, self._due - self._clock.monotonic())

    def poll(self) -> str | None:
        """Visit the next preset if it is due; returns its token when a goto was issued."""
        if self.state is not TourState.RUNNING or self._due is None or self._clock.monotonic() < self._due:
            return None
        if self._index >= len(self.tokens):
            if not self.loop:
                self.state, self._due = TourState.FINISHED, None
                return None
            self._index = 0
        token = self.tokens[self._index]
        self._index += 1
        self.current = token
        self._due = self._clock.monotonic() + self.dwell_s
        self._goto(token)
        return token
