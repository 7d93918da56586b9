"""What an export can be written to, as the OS describes it: a drive or folder with its filesystem and space."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FAT_FILESYSTEMS = frozenset({"vfat", "fat", "fat12", "fat16", "fat32", "msdos", "umsdos"})
REMOVABLE_BUSES = frozenset({"usb", "mmc", "sd"})


@dataclass(frozen=True)
class Destination:
    path: Path
    label: str
    filesystem: str          # lower case as the OS names it: vfat, exfat, ntfs, ext4, tmpfs, fat32 …
    free_bytes: int
    total_bytes: int
    removable: bool
    bus: str = ""            # usb, mmc, sd, … when known

    @property
    def is_fat(self) -> bool:
        """FAT12/16/32: no file may reach 4 GiB."""
        return self.filesystem.lower() in FAT_FILESYSTEMS
