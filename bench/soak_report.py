"""The soak benchmark's figures, computed from what the station reported, the fault records and the index."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from statistics import median

from bench.measure import percentile
from bench.soak_faults import FaultRecord, is_fresh
from bench.soak_rig import Incarnation
from videowall.recording.index import NO_RECORDING, RecordingStore

FPS = 25                 # the simulator's frame rate
AIM_MARGIN_S = 2.0       # time to live again should be at most the backoff left at the fault's end + this
GROWTH_LIMIT = 0.10      # RSS or threads after warm-up: from the end of a process's first cycle to its last
CYCLE_LAST_STATION_FAULT = "export medium gone"   # its end closes a cycle's faults on the running station
PHASE_WINDOW_S = 60.0    # RSS at a cycle's end: the median over this long (single samples swing by ±5 MB)
CURVE_STEP_S = 10.0
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


def growth(incarnation: Incarnation, records: list[FaultRecord]) -> dict | None:
    """RSS, threads and fds of one station process at the same point of every fault cycle it lived through.

    The point: the minute before the end of the cycle's last fault on the station (the export), so that each
    figure is taken in the same phase (a cycle's faults each raise RSS for a while: new sessions and
    decoders after a cut, recorders restarted after the disk is freed). The first cycle is warm-up: allocator
    arenas, decoder pools and packet queues grow to the sizes the faults need (a 3-minute run was all
    warm-up, hence its +4..9 % against a baseline taken 20 s after start). Growth is judged from the end of the
    first cycle to the end of the last, when the process lived through at least two.
    """
    ready = next((s for s in incarnation.samples if s["recorders"] and all(is_fresh(t) for t in s["tiles"])), None)
    if ready is None:
        return None
    ended = incarnation.ended if incarnation.ended is not None else float("inf")
    points = []
    for record in records:
        if record.kind != CYCLE_LAST_STATION_FAULT or not incarnation.spawned < record.end <= ended:
            continue
        window = [s for s in incarnation.samples if record.end - PHASE_WINDOW_S <= s["mono"] <= record.end]
        if window:
            points.append({"rss_mb": round(median(s["rss_mb"] for s in window), 1),
                           "threads": max(s["threads"] for s in window),
                           "fds_other": max(s["fds"] - s["fd_kinds"].get(".mp4", 0) for s in window)})
    last_mono = incarnation.samples[-1]["mono"]
    result = {"span_s": round(last_mono - ready["mono"]), "ready_at": ready["mono"], "cycles": len(points),
              "judged": len(points) >= 2, "rss_mb_at_start": ready["rss_mb"],
              "per_cycle": [[p["rss_mb"], p["threads"], p["fds_other"]] for p in points],
              "rss_mb_warm_up": round(points[0]["rss_mb"] / ready["rss_mb"] - 1, 3) if points else None,
              "curve": _curve(incarnation.samples, ready["mono"])}
    if result["judged"]:
        first, last = points[0], points[-1]
        for key in ("rss_mb", "threads", "fds_other"):   # fds: segment files open and close with every cut
            result[key] = [first[key], last[key]]
            result[f"{key}_growth"] = round((last[key] - first[key]) / first[key], 3) if first[key] else None
    return result


def _curve(samples: list[dict], ready: float, step_s: float = CURVE_STEP_S) -> list[list[float]]:
    """[seconds since every tile was first live, RSS MB, threads], one sample per ``step_s``."""
    out, next_at = [], ready
    for sample in samples:
        if sample["mono"] >= next_at:
            out.append([round(sample["mono"] - ready), sample["rss_mb"], sample["threads"]])
            next_at = sample["mono"] + step_s
    return out


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
