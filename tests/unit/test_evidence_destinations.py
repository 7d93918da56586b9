"""Removable drives from Linux mount info and sysfs (a prepared tree), and probing any folder."""

from __future__ import annotations

from pathlib import Path

from videowall.evidence.destinations import list_removable, probe_folder
from videowall.evidence.destinations_linux import read_mounts

USB_DEVICE = "devices/pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0/block/sdb"
SATA_DEVICE = "devices/pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0/block/sda"
MMC_DEVICE = "devices/platform/mmc0/mmc_host/mmc0/mmc0:0001/block/mmcblk0"


def _sysfs(root: Path) -> Path:
    """A /sys/class/block tree: sdb (USB stick, partition sdb1), sda (internal disk), mmcblk0 (SD card)."""
    for device, removable, partition in ((USB_DEVICE, "1", "sdb1"), (SATA_DEVICE, "0", "sda1"),
                                         (MMC_DEVICE, "0", "mmcblk0p1")):
        disk = root / device
        (disk / partition).mkdir(parents=True)
        (disk / "removable").write_text(removable + "\n")
        (disk / partition / "partition").write_text("1\n")
    block = root / "class" / "block"
    block.mkdir(parents=True)
    for device, partition in ((USB_DEVICE, "sdb1"), (SATA_DEVICE, "sda1"), (MMC_DEVICE, "mmcblk0p1")):
        (block / partition).symlink_to(root / device / partition)
    return block


def _mountinfo(path: Path, mounts: dict[str, tuple[Path, str]]) -> Path:
    lines = ["22 27 0:21 / /proc rw,relatime - proc proc rw"]
    for number, (device, (point, fs)) in enumerate(mounts.items(), start=30):
        escaped = str(point).replace(" ", "\\040")
        lines.append(f"{number} 27 8:{number} / {escaped} rw,nosuid,nodev shared:{number} - {fs} /dev/{device} rw")
    path.write_text("\n".join(lines) + "\n")
    return path


def test_usb_stick_and_sd_card_are_listed_with_filesystem_and_free_space(tmp_path):
    block = _sysfs(tmp_path / "sys")
    stick, card, internal = tmp_path / "media" / "PENDRIVE 16GB", tmp_path / "media" / "SD", tmp_path / "data"
    for folder in (stick, card, internal):
        folder.mkdir(parents=True)
    info = _mountinfo(tmp_path / "mountinfo", {"sdb1": (stick, "vfat"), "mmcblk0p1": (card, "exfat"),
                                               "sda1": (internal, "ext4")})
    found = {d.path: d for d in list_removable(info, block)}
    assert set(found) == {stick, card}
    assert found[stick].filesystem == "vfat" and found[stick].is_fat and found[stick].bus == "usb"
    assert found[stick].label == "PENDRIVE 16GB" and found[stick].removable
    assert found[card].filesystem == "exfat" and not found[card].is_fat and found[card].bus == "mmc"
    assert found[stick].free_bytes > 0 and found[stick].total_bytes >= found[stick].free_bytes


def test_a_folder_on_a_fat_stick_is_known_to_be_fat(tmp_path):
    block = _sysfs(tmp_path / "sys")
    stick = tmp_path / "media" / "stick"
    (stick / "dowody" / "2026").mkdir(parents=True)
    info = _mountinfo(tmp_path / "mountinfo", {"sdb1": (stick, "vfat"), "sda1": (tmp_path, "ext4")})
    probed = probe_folder(stick / "dowody" / "2026", info, block)
    assert probed.is_fat and probed.removable and probed.bus == "usb"
    assert probed.path == stick / "dowody" / "2026"
    elsewhere = probe_folder(tmp_path / "sys", info, block)
    assert elsewhere.filesystem == "ext4" and not elsewhere.removable


def test_pseudo_filesystems_are_skipped_and_escapes_decoded(tmp_path):
    info = _mountinfo(tmp_path / "mountinfo", {"sdc1": (Path("/media/with space"), "ntfs3")})
    assert [(m.mount_point, m.filesystem, m.source) for m in read_mounts(info)] == [
        (Path("/media/with space"), "ntfs3", "/dev/sdc1")]
    assert read_mounts(tmp_path / "missing") == []


def test_probe_of_a_real_folder_on_this_machine(tmp_path):
    probed = probe_folder(tmp_path)
    assert probed.filesystem not in ("", "unknown")
    assert probed.free_bytes > 0
