"""Windows drives through ctypes: drive type, filesystem, free space and the bus (USB, SD) of each.

Only imported on Windows. The bus comes from IOCTL_STORAGE_QUERY_PROPERTY (StorageDeviceProperty),
which works without administrator rights when the volume is opened with no access rights.
"""

from __future__ import annotations

import ctypes
import string
from ctypes import wintypes
from pathlib import Path

from videowall.evidence.destination import Destination

DRIVE_REMOVABLE, DRIVE_FIXED = 2, 3
IOCTL_STORAGE_QUERY_PROPERTY = 0x2D1400
_BUS_NAMES = {7: "usb", 12: "sd", 13: "mmc", 17: "nvme", 11: "sata", 1: "scsi", 3: "ata"}
_OPEN_EXISTING, _SHARE_RW = 3, 0x1 | 0x2
_INVALID_HANDLE = ctypes.c_void_p(-1).value


class _StoragePropertyQuery(ctypes.Structure):
    _fields_ = [("PropertyId", ctypes.c_int), ("QueryType", ctypes.c_int), ("AdditionalParameters", ctypes.c_ubyte * 1)]


class _StorageDeviceDescriptor(ctypes.Structure):
    _fields_ = [("Version", wintypes.DWORD), ("Size", wintypes.DWORD), ("DeviceType", ctypes.c_ubyte),
                ("DeviceTypeModifier", ctypes.c_ubyte), ("RemovableMedia", ctypes.c_ubyte),
                ("CommandQueueing", ctypes.c_ubyte), ("VendorIdOffset", wintypes.DWORD),
                ("ProductIdOffset", wintypes.DWORD), ("ProductRevisionOffset", wintypes.DWORD),
                ("SerialNumberOffset", wintypes.DWORD), ("BusType", ctypes.c_int),
                ("RawPropertiesLength", wintypes.DWORD), ("RawDeviceProperties", ctypes.c_ubyte * 512)]


def list_windows_drives() -> list[Destination]:
    kernel32 = ctypes.windll.kernel32
    mask = kernel32.GetLogicalDrives()
    found = []
    for index, letter in enumerate(string.ascii_uppercase):
        if not mask & (1 << index):
            continue
        root = f"{letter}:\\"
        drive_type = kernel32.GetDriveTypeW(root)
        bus = _bus_type(letter) if drive_type in (DRIVE_REMOVABLE, DRIVE_FIXED) else ""
        if drive_type == DRIVE_REMOVABLE or bus in ("usb", "sd", "mmc"):
            found.append(_describe(Path(root), removable=True, bus=bus))
    return sorted(found, key=lambda d: -d.free_bytes)


def describe_windows_folder(folder: Path) -> Destination:
    root = Path(folder.anchor or str(folder))
    letter = root.drive[:1]
    drive_type = ctypes.windll.kernel32.GetDriveTypeW(str(root))
    bus = _bus_type(letter) if letter else ""
    removable = drive_type == DRIVE_REMOVABLE or bus in ("usb", "sd", "mmc")
    described = _describe(root, removable, bus)
    return Destination(folder, described.label, described.filesystem, described.free_bytes,
                       described.total_bytes, removable, bus)


def _describe(root: Path, removable: bool, bus: str) -> Destination:
    kernel32 = ctypes.windll.kernel32
    label = ctypes.create_unicode_buffer(261)
    fs_name = ctypes.create_unicode_buffer(261)
    ok = kernel32.GetVolumeInformationW(str(root), label, 261, None, None, None, fs_name, 261)
    free, total = ctypes.c_ulonglong(0), ctypes.c_ulonglong(0)
    kernel32.GetDiskFreeSpaceExW(str(root), ctypes.byref(free), ctypes.byref(total), None)
    return Destination(root, (label.value if ok else "") or str(root), (fs_name.value if ok else "unknown").lower(),
                       free.value, total.value, removable, bus)


def _bus_type(letter: str) -> str:
    kernel32 = ctypes.windll.kernel32
    kernel32.CreateFileW.restype = ctypes.c_void_p
    handle = kernel32.CreateFileW(f"\\\\.\\{letter}:", 0, _SHARE_RW, None, _OPEN_EXISTING, 0, None)
    if handle in (None, _INVALID_HANDLE):
        return ""
    try:
        query = _StoragePropertyQuery(0, 0)
        descriptor = _StorageDeviceDescriptor()
        returned = wintypes.DWORD(0)
        ok = kernel32.DeviceIoControl(ctypes.c_void_p(handle), IOCTL_STORAGE_QUERY_PROPERTY, ctypes.byref(query),
                                      ctypes.sizeof(query), ctypes.byref(descriptor), ctypes.sizeof(descriptor),
                                      ctypes.byref(returned), None)
        return _BUS_NAMES.get(descriptor.BusType, "") if ok else ""
    finally:
        kernel32.CloseHandle(ctypes.c_void_p(handle))
