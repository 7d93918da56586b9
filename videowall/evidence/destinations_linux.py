"""Removable drives and folders on Linux, from ``/proc/self/mountinfo`` and sysfs (``/sys/class/block``).

Both roots are parameters so the parsing can be checked on a prepared tree.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from videowall.evidence.destination import REMOVABLE_BUSES, Destination

_PSEUDO = frozenset({"proc", "sysfs", "devtmpfs", "devpts", "cgroup", "cgroup2", "securityfs", "debugfs",
                     "tracefs", "mqueue", "pstore", "bpf", "autofs", "configfs", "fusectl", "hugetlbfs",
                     "binfmt_misc", "overlay", "nsfs", "efivarfs", "ramfs"})


@dataclass(frozen=True)
class MountEntry:
    mount_point: Path
    filesystem: str
    source: str


def list_linux_drives(mountinfo: Path, sys_block: Path) -> list[Destination]:
    found = []
    for entry in read_mounts(mountinfo):
        if not entry.source.startswith("/dev/"):
            continue
        removable, bus = _block_device_info(Path(entry.source).name, sys_block)
        if removable:
            found.append(_describe(entry.mount_point, entry.filesystem, True, bus))
    return sorted(found, key=lambda d: -d.free_bytes)


def describe_linux_folder(folder: Path, mountinfo: Path, sys_block: Path) -> Destination:
    mounts = read_mounts(mountinfo)
    best = max((m for m in mounts if _is_under(folder, m.mount_point)), key=lambda m: len(m.mount_point.parts),
               default=None)
    if best is None:
        return _describe(folder, "unknown", False, "")
    removable, bus = _block_device_info(Path(best.source).name, sys_block) if best.source.startswith("/dev/") \
        else (False, "")
    return _describe(folder, best.filesystem, removable, bus)


def read_mounts(mountinfo: Path) -> list[MountEntry]:
    try:
        text = mountinfo.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    entries = []
    for line in text.splitlines():
        fields = line.split()
        if "-" not in fields:
            continue
        dash = fields.index("-")
        if dash < 5 or len(fields) < dash + 3:
            continue
        filesystem, source = fields[dash + 1], fields[dash + 2]
        if filesystem in _PSEUDO:
            continue
        entries.append(MountEntry(Path(_unescape(fields[4])), filesystem, _unescape(source)))
    return entries


def _block_device_info(device: str, sys_block: Path) -> tuple[bool, str]:
    """(removable, bus) of a partition or disk name like ``sdb1`` or ``mmcblk0p1``."""
    node = sys_block / device
    if not node.exists():
        return False, ""
    real = node.resolve()
    disk = real.parent if (real / "partition").exists() else real
    bus = "usb" if "/usb" in str(real) else ("mmc" if disk.name.startswith("mmcblk") else "")
    try:
        flag = (disk / "removable").read_text().strip() == "1"
    except OSError:
        flag = False
    return flag or bus in REMOVABLE_BUSES, bus


def _describe(path: Path, filesystem: str, removable: bool, bus: str) -> Destination:
    try:
        usage = shutil.disk_usage(path)
        free, total = usage.free, usage.total
    except OSError:
        free = total = 0
    return Destination(path, path.name or str(path), filesystem.lower(), free, total, removable, bus)


def _is_under(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _unescape(field: str) -> str:
    """mountinfo escapes space, tab, newline and backslash as octal (\\040 …)."""
    out, i = [], 0
    while i < len(field):
        if field[i] == "\\" and i + 3 < len(field) and field[i + 1:i + 4].isdigit():
            out.append(chr(int(field[i + 1:i + 4], 8)))
            i += 4
        else:
            out.append(field[i])
            i += 1
    return "".join(out)
