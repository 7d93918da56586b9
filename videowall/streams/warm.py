"""Which sessions to keep warm: connected, demuxing, decoder idle, the last GOP kept for an instant start.

Several owners (one per wall) each ask for a list of streams in priority order; the supervisor honours
them round-robin, so one wall's long list cannot starve another's first choice. Streams that are open
anyway (a tile shows them, the recorder records them) cost nothing extra and do not count against the
budget; every other warm stream is one more RTSP session held open, so those are capped.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from itertools import zip_longest
from typing import TypeVar

K = TypeVar("K", bound=Hashable)

DEFAULT_MAX_WARM_SESSIONS = 32      # two 16-tile views: the one the operator left and the next one


def choose_warm(requests: Iterable[Sequence[K]], busy: Callable[[K], bool], budget: int) -> list[K]:
    """The streams to keep warm, best first: round-robin over the owners' lists, ``budget`` non-busy ones at most."""
    chosen: list[K] = []
    seen: set[K] = set()
    extra = 0
    for rank in zip_longest(*requests):
        for key in rank:
            if key is None or key in seen:
                continue
            seen.add(key)
            if busy(key):
                chosen.append(key)
            elif extra < budget:
                chosen.append(key)
                extra += 1
    return chosen


@dataclass(frozen=True)
class SupervisorStats:
    sessions_open: int
    sessions_opened: int    # since the supervisor started
    sessions_closed: int
    warm_sessions: int      # open only because they are warm: no tile shows them, nothing records them
    warm_ready: int         # of those, the ones holding a GOP: recalling them shows a picture at once
    gop_starts: int         # decoders that resumed from a kept GOP instead of waiting for a keyframe
