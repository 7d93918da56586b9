"""Fault soak: 16 live tiles and recording of 16 streams while faults are injected on a schedule.

    sudo .venv/bin/python -m bench.soak [--minutes 3] [--eight-hours] [--json out.json] [--keep]

The station (bench/soak_station.py: an offscreen wall of 16 cameras plus the station's recorder) runs as
a child process and reports its tiles, recorders, RSS, threads and file descriptors four times a second.
Its cameras are the simulator's, reached through a loopback TCP proxy the benchmark controls
(bench/soak_proxy.py). The recordings live on a small tmpfs; exports go to another one. Needs root for
the mounts. One cycle of faults, repeated while ``--minutes`` allow (always at least one):

  connection cut · 10 s stall (sockets open, no bytes) · throttled to 20 kB/s for 15 s · 4 cameras
  answering 401 for 15 s · simulator killed and restarted · recordings disk full for 20 s · an export
  whose medium disappears mid-way · kill -9 of the station and a restart (every 4th cycle and the last:
  between kills one station process lives through several cycles).

Prints crashes, time from each fault's end to the tile live again with a fresh picture (p50/p95/max,
aim: the backoff left at the fault's end + 2 s), frames lost outside the fault windows, recording gaps
without a recorded reason, RSS/threads/fds per station run, whether the segment being written at each
kill -9 plays, and the machine's load. Exits 1 when crashes > 0, unexplained gaps > 0, a tile never came
back, a segment left by kill -9 does not play, an export left a complete-looking package, or RSS or
threads grew by 10 % or more after warm-up: from the end of a station process's first fault cycle to the
end of its last, measured in the same phase of each cycle (bench/soak_report.py ``growth``). A process
that lived through one cycle only is not judged for growth: its first cycle is all warm-up.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import soak_faults as faults  # noqa: E402
from bench.soak_proxy import FaultProxy  # noqa: E402
from bench.soak_report import GROWTH_LIMIT, frames_lost, gap_figures, growth, recovery_figures  # noqa: E402
from bench.soak_rig import REPO, StationProcess, Tmpfs, can_mount  # noqa: E402
from videowall.config.paths import database_path, settings_path  # noqa: E402
from videowall.config.settings import Settings, save_settings  # noqa: E402
from videowall.model.camera import Profile  # noqa: E402
from videowall.sim.simulator import SimulatorProcess  # noqa: E402
from videowall.storage.cameras import CameraStore  # noqa: E402
from videowall.storage.db import open_database  # noqa: E402

CAMERAS = 16
RECORDINGS_DISK_MB = 1536      # retention (min free 0.5 GB, checked every 5 min) keeps 16 sub streams in it
EXPORT_DISK_MB = 96
QUIET_S = 10.0                 # between faults: clean time, counted for frames lost
KILL9_EVERY = 4
FIRST_CYCLE_S = 240.0          # what one cycle takes on a loaded machine, until the first has been timed


class Soak:
    """Everything one soak run owns; ``close`` stops and unmounts it all, whatever happened."""

    def __init__(self, work: Path, segment_s: float) -> None:
        self.repo = REPO
        self.work = work
        self.data_dir = work / "station"
        self.recordings_disk = Tmpfs(work / "recordings-disk", RECORDINGS_DISK_MB)
        self.recordings_root = self.recordings_disk.path / "recordings"
        self.export_disk = Tmpfs(work / "usb", EXPORT_DISK_MB)
        self.sim: SimulatorProcess | None = None
        self.proxy: FaultProxy | None = None
        self.station = StationProcess(self.data_dir, work / "station.log", work / "station-status.jsonl", segment_s)
        self.children: list = []
        self.camera_ids: list[int] = []
        self.sim_camera: dict[int, int] = {}
        self.loads: list[float] = []
        self._stop_load = threading.Event()

    def open(self, max_seconds: float) -> None:
        self.recordings_disk.mount()
        self.sim = SimulatorProcess(cameras=CAMERAS, max_seconds=max_seconds)
        self.sim.start(timeout_s=60)
        self.proxy = FaultProxy(self.sim.port, CAMERAS)
        self.proxy.start()
        self.data_dir.mkdir(parents=True)
        save_settings(settings_path(self.data_dir), Settings(
            recordings_dir=str(self.recordings_root), deployment="gmina", retention_days=1,
            min_free_gb=0.5, warn_free_gb=0.6))
        conn = open_database(database_path(self.data_dir))
        try:
            store = CameraStore(conn)
            for n in range(1, CAMERAS + 1):
                camera = store.add(name=f"CAM {n:02d}", main_url=self.proxy.url(n, "main"),
                                   sub_url=self.proxy.url(n, "sub"), record=True, record_profile=Profile.SUB)
                self.camera_ids.append(camera.id)
                self.sim_camera[camera.id] = n
        finally:
            conn.close()
        threading.Thread(target=self._sample_load, daemon=True).start()

    def close(self) -> None:
        self._stop_load.set()
        self.station.ensure_stopped()
        for child in self.children:
            if child.poll() is None:
                child.kill()
                child.wait(30)
        if self.proxy is not None:
            self.proxy.close()
        if self.sim is not None:
            self.sim.stop()
        self.export_disk.unmount()
        self.recordings_disk.unmount()

    def _sample_load(self) -> None:
        while not self._stop_load.wait(10):
            self.loads.append(os.getloadavg()[0])


def kills_station(number: int, last: bool) -> bool:
    """Every KILL9_EVERY-th cycle and the last one end with kill -9 of the station; the others keep it running,
    so that one process lives through several cycles: its first cycle is warm-up, the later ones show growth."""
    return last or number % KILL9_EVERY == 0


def cycle(soak: Soak, number: int, last: bool) -> list[faults.FaultRecord]:
    steps = [faults.connection_cut, faults.stall, faults.throttle, faults.auth_refused, faults.simulator_restart,
             faults.disk_full, lambda s: faults.export_medium_gone(s, number)]
    if kills_station(number, last):
        steps.append(faults.station_kill9)
    records = []
    for step in steps:
        record = step(soak)
        records.append(record)
        print(f"  {record.kind:30} {_brief(record)}", flush=True)
        time.sleep(QUIET_S)
    return records


def _brief(record: faults.FaultRecord) -> str:
    if not record.affects_live:
        return json.dumps(record.details, ensure_ascii=False, default=str)
    seconds = [s for s in record.recovery_s().values() if s is not None]
    never = sum(1 for s in record.recovery_s().values() if s is None)
    worst = f"{max(seconds):.1f}" if seconds else "-"
    extra = f" {json.dumps(record.details, ensure_ascii=False)}" if record.details else ""
    return f"live again: max {worst} s, never {never}{extra}"


def run(args: argparse.Namespace) -> dict:
    work = Path(tempfile.mkdtemp(prefix="soak-"))
    soak = Soak(work, args.segment_seconds)
    budget_s = args.minutes * 60
    records: list[faults.FaultRecord] = []
    crashes: list[str] = []
    try:
        soak.open(max_seconds=budget_s + 1800)
        started = time.monotonic()
        soak.station.spawn()
        warmup = faults.FaultRecord("station start", started, started, soak.camera_ids)
        faults.wait_recovered(soak, warmup)
        time.sleep(QUIET_S * 2)
        number, cycle_s = 0, 0.0
        while number == 0 or time.monotonic() - started + cycle_s <= budget_s:
            number += 1
            last = time.monotonic() - started + 2 * (cycle_s or FIRST_CYCLE_S) > budget_s   # no room for another
            print(f"cycle {number} at {time.monotonic() - started:.0f} s", flush=True)
            began = time.monotonic()
            records += cycle(soak, number, last)
            cycle_s = max(cycle_s, time.monotonic() - began)
            crashes += _unexpected_exits(soak)
        stopped_cleanly = soak.station.stop()
        if not stopped_cleanly:
            crashes.append(f"the station did not close in order (exit code {soak.station.current.returncode})")
        elapsed = time.monotonic() - started
        crashes += [f"station log: {line.strip()[:200]}" for line in soak.station.crash_lines()]
        crashes += _unexpected_exits(soak)
        return summarise(soak, records, crashes, elapsed, number)
    finally:
        soak.close()
        if args.keep:
            print(f"soak: kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


def _unexpected_exits(soak: Soak) -> list[str]:
    found = []
    for incarnation in soak.station.incarnations:
        if incarnation.ended is not None and not incarnation.killed and incarnation.returncode not in (0, None):
            found.append(f"station pid {incarnation.pid} exited with {incarnation.returncode}")
            incarnation.killed = True   # reported once
    if not soak.station.alive() and soak.station.current.ended is None:
        soak.station.current.returncode = soak.station._proc.returncode
        soak.station.current.ended = time.monotonic()
        found.append(f"station pid {soak.station.current.pid} died (exit code {soak.station.current.returncode})")
        soak.station.current.killed = True
        soak.station.spawn()
    return found


def summarise(soak: Soak, records: list[faults.FaultRecord], crashes: list[str], elapsed: float,
              cycles: int) -> dict:
    kills = [r.details for r in records if r.kind.startswith("station kill")]
    exports = [r.details for r in records if r.kind == "export medium gone"]
    disks = [r.details for r in records if r.kind == "recordings disk full"]
    resumed = [s for d in disks for s in d["resumed_s"].values() if s is not None]
    runs = [g for g in (growth(i, records) for i in soak.station.incarnations) if g is not None]
    result = {
        "minutes": round(elapsed / 60, 1), "cycles": cycles, "faults": len(records),
        "crashes": len(crashes), "crash_list": crashes,
        "time_to_live": recovery_figures(records),
        "frames": frames_lost(soak.station.incarnations, records,
                              lambda cam, a, b: soak.proxy.frames_between(soak.sim_camera[cam], a, b)),
        "gaps": gap_figures(database_path(soak.data_dir), soak.recordings_root, soak.camera_ids),
        "station_runs": runs,
        "kill9_last_segments": {"cameras": sum(k["cameras"] for k in kills),
                                "found": sum(k["last_segments"] for k in kills),
                                "play": sum(k["play"] for k in kills), "recovered": sum(k["recovered"] for k in kills),
                                "broken": [b for k in kills for b in k["broken"]]},
        "disk_full": {"recorders_stopped": [d["recorders_disk_full"] for d in disks],
                      "not_resumed": sum(1 for d in disks for s in d["resumed_s"].values() if s is None),
                      "resume_s_p50": _round(resumed, 50), "resume_s_max": round(max(resumed), 2) if resumed else None},
        "exports": exports,
        "fault_windows": [[r.kind, r.start, r.end] for r in records],
        "station_spawns": [[i.pid, i.spawned, i.ended] for i in soak.station.incarnations],
        "load_average_1min": {"mean": round(sum(soak.loads) / len(soak.loads), 1) if soak.loads else None,
                              "max": round(max(soak.loads), 1) if soak.loads else None},
    }
    result["failures"] = failures(result)
    return result


def _round(values: list[float], q: float) -> float | None:
    from bench.measure import percentile
    value = percentile(values, q)
    return None if value is None else round(value, 2)


def failures(result: dict) -> list[str]:
    found = []
    if result["crashes"]:
        found.append(f"{result['crashes']} crash(es)")
    if result["gaps"]["unexplained"]:
        found.append(f"{result['gaps']['unexplained']} recording gap(s) without a reason")
    if result["time_to_live"]["never_recovered"]:
        found.append(f"tiles never live again: {result['time_to_live']['never_recovered']}")
    kills = result["kill9_last_segments"]
    if kills["found"] < kills["cameras"]:
        found.append(f"{kills['cameras'] - kills['found']} camera(s) had no segment before a kill -9")
    if kills["broken"]:
        found.append(f"segments left by kill -9 that do not play: {result['kill9_last_segments']['broken']}")
    if result["disk_full"]["not_resumed"]:
        found.append(f"{result['disk_full']['not_resumed']} recorder(s) did not resume after the disk was freed")
    for export in result["exports"]:
        if export["complete_looking_package"] and not export["completed"]:
            found.append("an export whose medium went left a complete-looking package")
        if export["traceback"]:
            found.append("an export whose medium went printed a traceback")
    for run in result["station_runs"]:
        if not run["judged"]:
            continue
        for key in ("rss_mb", "threads"):
            if (run[f"{key}_growth"] or 0) >= GROWTH_LIMIT:
                found.append(f"{key} grew {run[f'{key}_growth'] * 100:.0f} % after warm-up, over "
                             f"{run['cycles'] - 1} cycle(s) ({run[key]})")
    return found


def print_summary(result: dict) -> None:
    ttl = result["time_to_live"]
    print(f"\nsoak: {result['minutes']} min, {result['cycles']} cycle(s), {result['faults']} faults, "
          f"machine load (1 min) mean {result['load_average_1min']['mean']} max {result['load_average_1min']['max']}")
    print(f"crashes                      {result['crashes']} {result['crash_list'] or ''}")
    print(f"time to live again (all)     {_spread_text(ttl['all'])}; within backoff + 2 s: "
          f"{ttl['met_aim']}/{ttl['judged_against_aim']}; never: {len(ttl['never_recovered'])}")
    for kind, spread in ttl["by_kind"].items():
        print(f"  {kind:28} {_spread_text(spread)}")
    frames = result["frames"]
    print(f"frames lost outside faults   {frames['lost']} of {frames['sent']} sent ({frames['lost_percent']} %); "
          f"the starved simulator sent {frames['not_sent_percent']} % fewer than 25 fps")
    gaps = result["gaps"]
    print(f"recording gaps               unexplained {gaps['unexplained']}; by reason {gaps['by_reason']} "
          f"({gaps['segments']} segments)")
    for run in result["station_runs"]:
        print(f"station run {run['span_s']:>5} s          RSS at start {run['rss_mb_at_start']} MB, at the end of each "
              f"cycle {[c[0] for c in run['per_cycle']]} MB (warm-up {_pct(run['rss_mb_warm_up'])})")
        if run["judged"]:
            print(f"  after warm-up               RSS {run['rss_mb']} MB ({_pct(run['rss_mb_growth'])}), threads "
                  f"{run['threads']} ({_pct(run['threads_growth'])}), fds besides segment files {run['fds_other']} "
                  f"({_pct(run['fds_other_growth'])})")
        else:
            print("  after warm-up               not judged: the process lived through fewer than 2 cycles")
    kills = result["kill9_last_segments"]
    print(f"last segment before kill -9  {kills['play']} of {kills['found']} play ({kills['recovered']} recovered "
          f"from the crash, the others closed before it); cameras without one {kills['cameras'] - kills['found']}; "
          f"broken {kills['broken'] or 0}")
    disk = result["disk_full"]
    print(f"disk full                    recorders stopped {disk['recorders_stopped']}, resumed p50 "
          f"{disk['resume_s_p50']} s max {disk['resume_s_max']} s, not resumed {disk['not_resumed']}")
    for export in result["exports"]:
        print(f"export, medium pulled at {export['pulled_at']}: exit {export['exit_code']}, "
              f"complete-looking package {export['complete_looking_package']}, {export['message']}")
    print("RESULT: " + ("PASS" if not result["failures"] else "FAIL: " + "; ".join(result["failures"])))


def _spread_text(spread: dict) -> str:
    return f"p50 {spread['p50_s']} s, p95 {spread['p95_s']} s, max {spread['max_s']} s (n={spread['n']})"


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:+.1f} %"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=3.0, help="run length (whole cycles, at least one)")
    parser.add_argument("--eight-hours", action="store_true", help="the long soak: --minutes 480")
    parser.add_argument("--segment-seconds", type=float, default=10.0)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--keep", action="store_true", help="keep the work dir (station data, logs)")
    args = parser.parse_args()
    if args.eight_hours:
        args.minutes = 480.0
    if not can_mount():
        print("soak: needs root (it mounts small tmpfs disks for the recordings and the export)", file=sys.stderr)
        return 2
    # SIGTERM (CI's timeout, a Ctrl-C'd parent) unwinds through run()'s cleanup like Ctrl-C does.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    result = run(args)
    print_summary(result)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    return 1 if result["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
