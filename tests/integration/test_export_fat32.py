"""FAT32 rules: clips split into parts below the limit (lowered here), and one real FAT32 image via mtools."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import av
import pytest

from tests.fixtures.footage import CLIP_MIN_BYTES
from videowall.evidence.destination import Destination
from videowall.evidence.plan import FAT32_MAX_PART_BYTES
from videowall.evidence.verify import verify_package

PART_BYTES = CLIP_MIN_BYTES // 3     # the footage fixture records at least three parts' worth per clip
MTOOLS_ENV = {**os.environ, "MTOOLS_SKIP_CHECK": "1"}


def _packets(path: Path) -> list[tuple[bool, str]]:
    with av.open(str(path)) as container:
        return [(p.is_keyframe, hashlib.sha256(bytes(p)).hexdigest())
                for p in container.demux(container.streams.video[0]) if p.size]


def _utc(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _fat_destination(path: Path, free_bytes: int) -> Destination:
    return Destination(path, "USB", "vfat", free_bytes, free_bytes, True, "usb")


def test_fat_destination_gets_parts_below_4_gib(export_env, tmp_path):
    plan = export_env.plan(export_env.request(), tmp_path, destination=_fat_destination(tmp_path, 10**9))
    assert plan.max_part_bytes == FAT32_MAX_PART_BYTES < 4 * 1024**3
    lowered = export_env.plan(export_env.request(), tmp_path, part_bytes=PART_BYTES,
                              destination=_fat_destination(tmp_path, 10**9))
    assert lowered.max_part_bytes == PART_BYTES


def test_clips_split_at_keyframes_into_parts_below_the_limit(export_env, tmp_path):
    (tmp_path / "whole").mkdir()
    (tmp_path / "fat").mkdir()
    whole = export_env.export(tmp_path / "whole", export_env.request(exhibit="WHOLE-1"))
    result = export_env.export(tmp_path / "fat", export_env.request(exhibit="SPLIT-1"),
                               plan_options={"part_bytes": PART_BYTES})
    items = json.loads((result.package_dir / "manifest.json").read_text())["items"]
    whole_items = json.loads((whole.package_dir / "manifest.json").read_text())["items"]
    for item, whole_item in zip(items, whole_items):
        files = item["files"]
        assert len(files) >= 2
        assert [Path(f["path"]).name.rsplit("_", 1)[1] for f in files] == [f"p{n:03d}.mp4" for n in
                                                                             range(1, len(files) + 1)]
        joined = []
        for entry in files:
            path = result.package_dir / entry["path"]
            assert path.stat().st_size < PART_BYTES
            packets = _packets(path)
            assert packets[0][0], "every part starts with a keyframe"
            joined += packets
            assert (result.package_dir / entry["framehash"]["path"]).exists()
        assert joined == _packets(whole.package_dir / whole_item["files"][0]["path"])   # nothing lost or doubled
        for before, after in zip(files, files[1:]):
            assert _utc(before["last_frame_utc"]) < _utc(after["first_frame_utc"])
        assert files[0]["first_frame_utc"] == item["time"]["first_frame_utc"]
        assert files[-1]["last_frame_utc"] == item["time"]["last_frame_utc"]
    assert verify_package(result.package_dir).problems == []
    check = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=result.package_dir, capture_output=True, timeout=30)
    assert check.returncode == 0


def _mdir_free_bytes(image: Path) -> int:
    out = subprocess.run(["mdir", "-i", str(image), "::/"], capture_output=True, text=True, env=MTOOLS_ENV,
                         timeout=30, check=True).stdout
    return int(re.search(r"([\d ]+) bytes free", out).group(1).replace(" ", ""))


def test_package_written_to_a_real_fat32_image_reads_back_intact(export_env, tmp_path):
    if not (shutil.which("mkfs.vfat") and shutil.which("mcopy")):
        pytest.skip("needs dosfstools and mtools")
    image = tmp_path / "usb.img"
    subprocess.run(["mkfs.vfat", "-F", "32", "-n", "DOWODY", "-C", str(image), "40960"], capture_output=True,
                   timeout=30, check=True)
    free = _mdir_free_bytes(image)
    staging = tmp_path / "staging"
    staging.mkdir()
    # This kernel cannot mount vfat: the package is built under the FAT rules, then copied onto the image.
    result = export_env.export(staging, export_env.request(exhibit="SM-2026-000777"),
                               plan_options={"part_bytes": PART_BYTES, "destination": _fat_destination(staging, free)})
    subprocess.run(["mcopy", "-i", str(image), "-s", "-Q", str(result.package_dir), "::/"], env=MTOOLS_ENV,
                   capture_output=True, timeout=60, check=True)
    assert _mdir_free_bytes(image) < free - result.total_bytes
    fsck = subprocess.run(["fsck.fat", "-n", str(image)], capture_output=True, text=True, timeout=30)
    assert fsck.returncode == 0, fsck.stdout + fsck.stderr
    back = tmp_path / "read_back"
    back.mkdir()
    subprocess.run(["mcopy", "-i", str(image), "-s", "-n", "::/SM-2026-000777", str(back)], env=MTOOLS_ENV,
                   capture_output=True, timeout=60, check=True)
    copied = back / "SM-2026-000777"
    assert sorted(p.name for p in copied.rglob("*")) == sorted(p.name for p in result.package_dir.rglob("*"))
    assert verify_package(copied).problems == []
    check = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=copied, capture_output=True, text=True, timeout=30)
    assert check.returncode == 0, check.stdout
