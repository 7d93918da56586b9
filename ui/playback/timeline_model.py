"""What a playback timeline shows, in plain values (no Qt): the visible window, per-camera recorded
ranges, gaps with reasons, legal holds, bookmarks, the cursor, and tick marks in the station's local time.

Times are UTC microseconds; the widget only maps them to pixels with ``x_of``/``time_at``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from videowall.model.bookmark import Bookmark
from videowall.events.model import StoredEvent
from videowall.recording.timebase import from_us, to_us
from videowall.recording.types import RecordedSegment, TimeGap

MIN_SPAN_US = 10_000_000                 # zoomed in to 10 s at most
MAX_SPAN_US = 7 * 24 * 3600 * 1_000_000  # zoomed out to a week at most
# Tick steps, smallest first: the first that leaves room for a label is used.
TICK_STEPS_S = (1, 5, 10, 30, 60, 300, 600, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86400)
MERGE_US = 500_000                       # recorded ranges closer than this are drawn as one


@dataclass(frozen=True)
class Span:
    start_us: int
    end_us: int
    label: str = ""                      # gap reason, hold case number


@dataclass(frozen=True)
class BookmarkMark:
    """A bookmark on a lane: a flag at the marked moment over the shaded footage range around it."""
    bookmark_id: int
    at_us: int
    start_us: int
    end_us: int
    category: str
    description: str
    evidence: bool


@dataclass(frozen=True)
class EventMark:
    """A run of equal camera or station events on a lane (a tick at its start, a bar to its end)."""
    event_id: int
    start_us: int
    end_us: int
    kind: str                            # EventKind value
    count: int
    active: bool | None


@dataclass(frozen=True)
class CameraLane:
    camera_id: int
    name: str
    recorded: tuple[Span, ...] = ()
    gaps: tuple[Span, ...] = ()
    holds: tuple[Span, ...] = ()
    bookmarks: tuple[BookmarkMark, ...] = ()
    events: tuple[EventMark, ...] = ()


@dataclass(frozen=True)
class Tick:
    at_us: int
    label: str
    major: bool                           # a day boundary


@dataclass(frozen=True)
class TimelineModel:
    start_us: int
    end_us: int
    cursor_us: int
    lanes: tuple[CameraLane, ...] = field(default_factory=tuple)

    @property
    def span_us(self) -> int:
        return self.end_us - self.start_us

    def x_of(self, t_us: int, width: int) -> float:
        return (t_us - self.start_us) * width / self.span_us

    def time_at(self, x: float, width: int) -> int:
        x = min(max(x, 0.0), float(width))
        return self.start_us + round(x * self.span_us / max(1, width))

    def zoomed(self, factor: float, around_us: int | None = None) -> TimelineModel:
        """Span multiplied by ``factor`` (< 1 zooms in), keeping ``around_us`` (default cursor) in place."""
        around = self.cursor_us if around_us is None else around_us
        span = min(MAX_SPAN_US, max(MIN_SPAN_US, round(self.span_us * factor)))
        share = (around - self.start_us) / self.span_us
        start = around - round(span * share)
        return replace(self, start_us=start, end_us=start + span)

    def centered_on(self, t_us: int) -> TimelineModel:
        half = self.span_us // 2
        return replace(self, start_us=t_us - half, end_us=t_us - half + self.span_us, cursor_us=t_us)

    def with_cursor(self, t_us: int, follow: bool = True) -> TimelineModel:
        """Move the cursor; with ``follow`` the window pages along when the cursor leaves it."""
        model = replace(self, cursor_us=t_us)
        if follow and not self.start_us <= t_us <= self.end_us:
            return model.centered_on(t_us)
        return model

    def ticks(self, width: int, tz: ZoneInfo, min_label_px: int = 70) -> list[Tick]:
        step_s = next((s for s in TICK_STEPS_S if s * 1_000_000 * width / self.span_us >= min_label_px),
                      TICK_STEPS_S[-1])
        local_start = from_us(self.start_us).astimezone(tz)
        # Align to the step in local time (a tick at every full local hour, not UTC hour).
        midnight = local_start.replace(hour=0, minute=0, second=0, microsecond=0)
        elapsed = int((local_start - midnight).total_seconds())
        first = midnight + timedelta(seconds=(elapsed // step_s + 1) * step_s)
        ticks = []
        moment = first
        while to_us(moment) < self.end_us:
            local = moment.astimezone(tz)
            major = local.hour == 0 and local.minute == 0 and local.second == 0
            fmt = "%Y-%m-%d" if major else ("%H:%M:%S" if step_s < 60 else "%H:%M")
            ticks.append(Tick(to_us(moment), local.strftime(fmt), major))
            moment = (moment.astimezone(timezone.utc) + timedelta(seconds=step_s)).astimezone(tz)
        return ticks


def lane_for(camera_id: int, name: str, segments: list[RecordedSegment], gaps: list[TimeGap],
             holds: list[tuple[datetime, datetime, str]], bookmarks: list[Bookmark] = (),
             events: list[StoredEvent] = ()) -> CameraLane:
    """A camera's lane from index rows: segments merged into ranges, gaps and holds as spans, bookmarks
    (withdrawn ones left out) and events as marks."""
    recorded: list[Span] = []
    for segment in sorted(segments, key=lambda s: s.start_utc):
        start, end = to_us(segment.start_utc), to_us(segment.end_utc)
        if recorded and start - recorded[-1].end_us <= MERGE_US:
            last = recorded[-1]
            recorded[-1] = Span(last.start_us, max(last.end_us, end))
        else:
            recorded.append(Span(start, end))
    return CameraLane(camera_id, name, tuple(recorded),
                      tuple(Span(to_us(g.start_utc), to_us(g.end_utc), g.reason) for g in gaps),
                      tuple(Span(to_us(a), to_us(b), label) for a, b, label in holds),
                      tuple(mark_for(b) for b in sorted(bookmarks, key=lambda b: b.at_utc) if not b.withdrawn),
                      tuple(EventMark(e.id, to_us(e.first_utc), to_us(e.last_utc), e.kind.value, e.count, e.active)
                            for e in sorted(events, key=lambda e: e.first_utc)))


def mark_for(bookmark: Bookmark) -> BookmarkMark:
    return BookmarkMark(bookmark.id, to_us(bookmark.at_utc), to_us(bookmark.start_utc), to_us(bookmark.end_utc),
                        bookmark.category, bookmark.description, bookmark.evidence)


def lane_at(lane: CameraLane, t_us: int) -> str:
    """What the lane has at ``t_us``: 'recorded', the gap's reason, or '' when nothing is known."""
    if any(span.start_us <= t_us < span.end_us for span in lane.recorded):
        return "recorded"
    return next((span.label for span in lane.gaps if span.start_us <= t_us < span.end_us), "")
