"""The soak benchmark's figures, computed from what the station reported, the fault records and the index."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

from bench.measure import percentile
from bench.soak_faults import FaultRecord, is_fresh
from bench.soak_rig import Incarnation
from videowall.recording.index import NO_RECORDING, RecordingStore

FPS = 25                 # the simulator's frame rate
AIM_MARGIN_S = 2.0       # time to live again should be at most the backoff left at the fault's end + this
SETTLE_S = 20.0          # RSS/threads baseline: this long after every tile is first live and recording
MIN_GROWTH_SPAN_S = 60.0   # incarnations shorter than this (after the baseline) are not judged for growth
GROWTH_LIMIT = 0.10
EXCLUDE_AFTER_S = 1.0    # a fault's window lasts until the tile is fresh again plus this


def recovery_figures(records: list[FaultRecord]) -> dict:
    by_kind: dict[str, list[float]] = defaultdict(list)
    everything, never, met, judged = [], [], 0, 0
    for record in records:
        if not record.affects_live:
            continue
        for cam, seconds in record.recovery_s().items():
            if seconds is None:
                never.append(f"{record.kind}: camera {cam}")
                continue
            by_kind[record.kind].append(seconds)
            everything.append(seconds)
            if record.kind != "station kill -9 + restart":   # process start-up is not a backoff
                judged += 1
                met += seconds <= record.retry_in_at_end.get(cam, 0.0) + AIM_MARGIN_S
    summary = {kind: _spread(values) for kind, values in by_kind.items()}
    return {"all": _spread(everything), "by_kind": summary, "never_recovered": never,
            "met_aim": met, "judged_against_aim": judged}


def _spread(values: list[float]) -> dict:
    return {"n": len(values), "p50_s": _r(percentile(values, 50)), "p95_s": _r(percentile(values, 95)),
            "max_s": _r(max(values) if values else None)}


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def frames_lost(incarnations: list[Incarnation], records: list[FaultRecord],
                sent_between: Callable[[int, float, float], float]) -> dict:
    """Frames the cameras sent that did not reach the station, outside every fault's window.

    ``sent_between(camera, start, end)``: frames the camera really sent (counted in the proxy); a
    starved simulator sends fewer than its 25 fps, which is not the station's loss. Both are given.

    A fault's window on a tile runs from its start until the tile is fresh again (+1 s); an incarnation's
    start-up until each tile's first fresh picture is excluded too. Disk-full and export faults do not
    affect live view, so their time counts as clean: live view must go on through them.
    """
    windows: dict[int, list[tuple[float, float]]] = defaultdict(list)
    for record in records:
        if not record.affects_live:
            continue
        for cam, at in record.recovered_at.items():
            windows[cam].append((record.start, (at if at is not None else record.end + 300) + EXCLUDE_AFTER_S))
    nominal = sent = received = 0.0
    for incarnation in incarnations:
        first_fresh: dict[int, float] = {}
        previous: dict[int, tuple[float, int]] = {}
        for sample in incarnation.samples:
            now = sample["mono"]
            for tile in sample["tiles"]:
                cam = tile["camera_id"]
                if cam not in first_fresh:
                    if is_fresh(tile):
                        first_fresh[cam] = now + EXCLUDE_AFTER_S
                    continue
                before = previous.get(cam)
                previous[cam] = (now, tile["packets"])
                if before is None or before[0] < first_fresh[cam]:
                    continue
                if any(a < now and before[0] < b for a, b in windows[cam]):
                    continue
                nominal += FPS * (now - before[0])
                sent += sent_between(cam, before[0], now)
                received += tile["packets"] - before[1]
    lost = max(0.0, sent - received)
    return {"at_25_fps": round(nominal), "sent": round(sent), "received": round(received), "lost": round(lost),
            "lost_percent": round(100 * lost / sent, 3) if sent else None,
            "not_sent_percent": round(100 * (nominal - sent) / nominal, 2) if nominal else None}


def growth(incarnation: Incarnation) -> dict | None:
    """RSS, threads and fds at the baseline (settled, all live and recording) and at the last all-live sample."""
    ready = next((s["mono"] for s in incarnation.samples
                  if s["recorders"] and all(is_fresh(t) for t in s["tiles"])), None)
    if ready is None:
        return None
    settled = [s for s in incarnation.samples if s["mono"] >= ready + SETTLE_S]
    healthy = [s for s in settled if all(is_fresh(t) for t in s["tiles"])]
    if not healthy:
        return None
    first, last = healthy[0], healthy[-1]
    span = last["mono"] - first["mono"]
    result = {"span_s": round(span), "judged": span >= MIN_GROWTH_SPAN_S}
    for sample in (first, last):     # segment files open and close with the cut of every segment
        sample["fds_other"] = sample["fds"] - sample["fd_kinds"].get(".mp4", 0)
    for key in ("rss_mb", "threads", "fds_other"):
        result[key] = [first[key], last[key]]
        result[f"{key}_growth"] = round((last[key] - first[key]) / first[key], 3) if first[key] else None
    return result


def gap_figures(db_path: Path, root: Path, camera_ids: list[int]) -> dict:
    """Holes in each camera's recording from its first to its last segment, counted by reason."""
    store = RecordingStore.open(db_path, root)
    try:
        reasons: Counter[str] = Counter()
        seconds: Counter[str] = Counter()
        unexplained = []
        segments = 0
        for cam in camera_ids:
            found = store.segments_us(cam, 0, 2**62)
            segments += len(found)
            if not found:
                continue
            start = min(s.start_utc for s in found)
            end = max(s.end_utc for s in found)
            for gap in store.gaps(cam, start, end):
                reasons[gap.reason] += 1
                seconds[gap.reason] += (gap.end_utc - gap.start_utc).total_seconds()
                if gap.reason == NO_RECORDING:
                    unexplained.append(f"camera {cam}: {gap.start_utc.isoformat()} – {gap.end_utc.isoformat()}")
        return {"segments": segments, "by_reason": dict(reasons),
                "seconds_by_reason": {k: round(v, 1) for k, v in seconds.items()},
                "unexplained": len(unexplained), "unexplained_list": unexplained[:20]}
    finally:
        store.close()
