"""Cancel, a destination that fills up for real, and refusals before writing: never a package that looks complete."""

from __future__ import annotations

import contextlib
import os
import subprocess
from datetime import timedelta, timezone
from zoneinfo import ZoneInfo
from pathlib import Path

import pytest

from videowall.evidence.progress import ExportCancelled
from videowall.runtime.errors import ErrorKind, VideowallError


@contextlib.contextmanager
def tmpfs(path: Path, size: str, read_only: bool = False):
    """A real small filesystem (needs root, as on CI); unmounted by path afterwards."""
    path.mkdir()
    options = f"size={size}" + (",ro" if read_only else "")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)], capture_output=True,
                             timeout=10)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({mounted.stderr.decode().strip()}); run as root")
    try:
        yield path
    finally:
        subprocess.run(["umount", str(path)], capture_output=True, timeout=10)


def _entries(env, action_suffix: str):
    return [e for e in env.audit.entries() if e.action == f"evidence.export.{action_suffix}"]


def test_cancel_mid_export_leaves_partial_and_an_audit_entry(export_env, tmp_path):
    plan = export_env.plan(export_env.request(), tmp_path)
    reports = []

    def progress(report):
        reports.append(report)
        if report.stage == "remux" and report.stage_fraction > 0.1:
            job.cancel.cancel()

    job = export_env.job(plan, progress=progress)
    with pytest.raises(ExportCancelled) as cancelled:
        job.run()
    assert cancelled.value.stage == "remux"
    assert plan.partial_dir.is_dir() and not plan.final_dir.exists()
    assert not (plan.partial_dir / "manifest.json").exists()
    [entry] = _entries(export_env, "cancelled")
    assert entry.details["package_id"] == job.package_id and entry.details["stage"] == "remux"
    assert entry.details["partial_path"] == str(plan.partial_dir)
    assert _entries(export_env, "completed") == []
    assert export_env.audit.verify() == []


def test_cancel_during_read_back_still_leaves_only_partial(export_env, tmp_path):
    plan = export_env.plan(export_env.request(), tmp_path)
    job = export_env.job(plan, progress=lambda r: job.cancel.cancel() if r.stage == "read_back" else None)
    with pytest.raises(ExportCancelled):
        job.run()
    assert (plan.partial_dir / "manifest.json.p7s").exists() and not plan.final_dir.exists()
    assert _entries(export_env, "cancelled")[0].details["stage"] == "read_back"



def test_a_medium_that_overwrites_a_verified_clip_is_caught_before_the_rename(export_env, tmp_path):
    """Counterfeit sticks wrap around: writing later files destroys earlier ones. A clip read back while the
    rest was still being written must be checked again once everything is on the medium."""
    plan = export_env.plan(export_env.request(), tmp_path)
    damaged = []

    def overwrite_first_clip(report):     # all files written, final read-back not yet begun
        if report.stage == "sync" and not damaged:
            clip = sorted((plan.partial_dir / "video").glob("*.mp4"))[0]
            with open(clip, "r+b") as handle:
                handle.seek(clip.stat().st_size // 2)
                handle.write(b"\0" * (1 << 20))
            damaged.append(clip.relative_to(plan.partial_dir).as_posix())

    job = export_env.job(plan, progress=overwrite_first_clip)
    with pytest.raises(VideowallError) as err:
        job.run()
    assert f"{damaged[0]} changed on the medium after being verified" in err.value.user_message
    assert "counterfeit or failing stick" in err.value.user_message
    assert plan.partial_dir.is_dir() and not plan.final_dir.exists()
    assert _entries(export_env, "failed")[0].details["stage"] == "read_back"

def test_too_small_destination_is_refused_before_writing(export_env, tmp_path):
    with tmpfs(tmp_path / "small", "1m") as small:
        with pytest.raises(VideowallError) as err:
            export_env.plan(export_env.request(), small)
        assert err.value.kind is ErrorKind.STORAGE_ERROR
        assert "Not enough free space" in err.value.user_message and "10 %" in err.value.user_message
        assert os.listdir(small) == []


def test_destination_filling_up_mid_export_fails_clearly_and_nothing_looks_complete(export_env, tmp_path):
    with tmpfs(tmp_path / "usb", "8m") as usb:
        plan = export_env.plan(export_env.request(), usb)

        def fill_up(report):
            if report.stage == "remux" and not (usb / "filler").exists():
                # Another program takes the space after validation: leave about 100 kB.
                with open(usb / "filler", "wb") as filler:
                    filler.write(b"\0" * (os.statvfs(usb).f_bavail * os.statvfs(usb).f_frsize - 100_000))

        with pytest.raises(VideowallError) as err:
            export_env.job(plan, progress=fill_up).run()
        assert err.value.kind is ErrorKind.STORAGE_ERROR
        assert "The destination is full" in err.value.user_message
        assert f"NOT complete; what was written is in {plan.partial_dir}" in err.value.user_message
        assert sorted(os.listdir(usb)) == ["SM-2026-000123.partial", "filler"]
        [failed] = _entries(export_env, "failed")
        assert failed.details["stage"] == "remux" and "full" in failed.details["error"]


def test_drive_pulled_mid_export_fails_clearly_and_nothing_looks_complete(export_env, tmp_path):
    """A stick pulled mid-way, as a lazy unmount: open files stay writable, but every path on it is gone."""
    with tmpfs(tmp_path / "usb", "64m") as usb:
        plan = export_env.plan(export_env.request(), usb)
        pulled = []

        def pull(report):
            if report.stage == "remux" and report.stage_fraction > 0.1 and not pulled:
                subprocess.run(["umount", "-l", str(usb)], check=True, capture_output=True, timeout=10)
                pulled.append(report.stage_fraction)

        with pytest.raises(VideowallError) as err:
            export_env.job(plan, progress=pull).run()
        assert pulled and os.listdir(usb) == []
    assert err.value.kind is ErrorKind.STORAGE_ERROR
    assert f"The destination {usb} is no longer there (was the drive removed?)" in err.value.user_message
    assert "The export is NOT complete" in err.value.user_message
    [failed] = _entries(export_env, "failed")
    assert failed.details["stage"] in ("remux", "sync", "read_back")
    assert _entries(export_env, "completed") == []


def test_read_only_destination_is_refused(export_env, tmp_path):
    with tmpfs(tmp_path / "ro", "1m", read_only=True) as read_only:
        with pytest.raises(VideowallError, match="Cannot write to") as err:
            export_env.plan(export_env.request(), read_only)
        assert err.value.kind is ErrorKind.STORAGE_ERROR


def test_range_without_footage_is_a_clear_error(export_env, tmp_path):
    start, _end = export_env.footage.common_range()
    request = export_env.request(start_utc=start - timedelta(hours=2), end_utc=start - timedelta(hours=1))
    with pytest.raises(VideowallError, match=r"There is no recording of camera 1 \(Rynek Główny\) between") as err:
        export_env.plan(request, tmp_path)
    assert err.value.kind is ErrorKind.NOT_FOUND
    assert os.listdir(tmp_path) == ["station"]


def test_range_without_footage_names_its_times_in_utc_whatever_zone_they_were_typed_in(export_env, tmp_path):
    start, _end = export_env.footage.common_range()
    warsaw = ZoneInfo("Europe/Warsaw")
    typed = (start - timedelta(hours=2)).astimezone(warsaw), (start - timedelta(hours=1)).astimezone(warsaw)
    request = export_env.request(start_utc=typed[0], end_utc=typed[1])
    with pytest.raises(VideowallError) as err:
        export_env.plan(request, tmp_path)
    utc = [moment.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S") for moment in typed]
    assert f"between {utc[0]} and {utc[1]} UTC." in err.value.user_message


def test_existing_package_is_never_overwritten(export_env, tmp_path):
    (tmp_path / "SM-2026-000123.partial").mkdir()
    with pytest.raises(VideowallError, match="already exists"):
        export_env.plan(export_env.request(), tmp_path)


def test_gap_in_the_recording_is_reported_in_the_manifest(export_env, tmp_path):
    import json
    segments = export_env.footage.segments(1)
    export_env.footage = export_env.footage.without(segments[1].id)
    request = export_env.request(cameras=(1,), start_utc=segments[0].start_utc + timedelta(seconds=0.5),
                                 end_utc=segments[2].end_utc - timedelta(seconds=0.5))
    result = export_env.export(tmp_path, request)
    time = json.loads((result.package_dir / "manifest.json").read_text())["items"][0]["time"]
    [gap] = time["gaps"]
    assert gap["reason"] == "no recording"
    assert gap["start_utc"] == segments[0].end_utc.isoformat(timespec="microseconds").replace("+00:00", "Z")
