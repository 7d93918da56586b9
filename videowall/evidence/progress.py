"""Progress reports and cancellation for the export job, safe to use across threads.

A GUI dialog gives the job a ``CancelToken`` and a progress callback; the job calls the callback on
its worker thread (the GUI must hop to its own thread before touching widgets) and checks the token
between packets and files.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass


class ExportCancelled(Exception):
    """The operator cancelled the export; what was written stays in ``<ID>.partial``."""

    def __init__(self, stage: str = "") -> None:
        super().__init__(f"export cancelled during {stage or 'the export'}")
        self.stage = stage


class CancelToken:
    """Set once, read from any thread. A token with a ``parent`` is also cancelled by the parent."""

    def __init__(self, parent: CancelToken | None = None) -> None:
        self._event = threading.Event()
        self._parent = parent

    def cancel(self) -> None:
        """Ask the job to stop; may be called from any thread, any number of times."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set() or (self._parent is not None and self._parent.cancelled)

    def raise_if_cancelled(self, stage: str = "") -> None:
        if self.cancelled:
            raise ExportCancelled(stage)


@dataclass(frozen=True)
class ExportProgress:
    """One progress report. ``stage`` is one of STAGES; fractions are 0.0–1.0."""

    stage: str
    stage_fraction: float
    overall_fraction: float
    message: str = ""


# Stages in order, with their rough share of the total time. "remux" includes the framehash lists
# and the hashes of the clips; remux and read-back move the bytes.
STAGES: tuple[tuple[str, float], ...] = (
    ("validate", 0.01),
    ("remux", 0.60),
    ("package", 0.04),
    ("sync", 0.10),
    ("read_back", 0.24),
    ("finish", 0.01),
)


def overall(stage: str, fraction: float) -> float:
    done = 0.0
    for name, share in STAGES:
        if name == stage:
            return min(1.0, done + share * max(0.0, min(1.0, fraction)))
        done += share
    raise ValueError(f"unknown export stage {stage!r}")
