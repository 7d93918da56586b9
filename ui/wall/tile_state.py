"""What a tile's overlay says about its stream (pure: no Qt; the widget translates the label)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from videowall.media.types import SessionState, SessionStatus

# Untranslated source texts; TileWidget passes them through Qt's translator (context "TileState").
LABELS = {
    SessionState.IDLE: "connecting",
    SessionState.CONNECTING: "connecting",
    SessionState.LIVE: "live",
    SessionState.RECONNECTING: "reconnecting",
    SessionState.AUTH_FAILED: "authentication failed",
    SessionState.UNREACHABLE: "unreachable",
    SessionState.INVALID_URL: "invalid URL",
    SessionState.STOPPED: "stopped",
}
RETRY_SUFFIX = "in %n s"
LIMITED_TEXT = "paused: limit"   # held paused by the cap on live decoders


@dataclass(frozen=True)
class TileLabel:
    state: SessionState
    text: str                 # source text (English), to be translated
    retry_in_s: int | None    # whole seconds until the next attempt, when one is scheduled
    problem: bool             # draw it as a warning over the picture

    @property
    def report_text(self) -> str:
        """Untranslated one-line form for logs and JSON reports: 'reconnecting in 3 s'."""
        if self.retry_in_s is None:
            return self.text
        return f"{self.text} in {self.retry_in_s} s"


def tile_label(status: SessionStatus) -> TileLabel:
    retry = None
    if status.retry_in_s is not None and status.state in (
            SessionState.RECONNECTING, SessionState.AUTH_FAILED, SessionState.UNREACHABLE):
        retry = max(0, math.ceil(status.retry_in_s))
    problem = status.state not in (SessionState.LIVE, SessionState.CONNECTING, SessionState.IDLE)
    return TileLabel(status.state, LABELS[status.state], retry, problem)


def limited_label() -> TileLabel:
    """The tile's stream waits for a free decoder (cap on live decoders reached)."""
    return TileLabel(SessionState.IDLE, LIMITED_TEXT, None, True)
