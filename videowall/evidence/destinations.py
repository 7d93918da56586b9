"""Where an export can go: removable drives (with filesystem and free space) or any folder.

The OS code sits side by side: ``destinations_linux`` (mountinfo and sysfs, whose roots are parameters
so the parsing can be checked on a prepared tree) and ``destinations_windows`` (ctypes). Runs on any
thread (file reads only); never on the GUI thread for slow network folders.
"""

from __future__ import annotations

import sys
from pathlib import Path

from videowall.evidence.destination import Destination


def list_removable(mountinfo: Path = Path("/proc/self/mountinfo"),
                   sys_block: Path = Path("/sys/class/block")) -> list[Destination]:
    """Mounted removable drives (USB sticks, SD cards), largest free space first."""
    if sys.platform == "win32":
        from videowall.evidence.destinations_windows import list_windows_drives
        return list_windows_drives()
    from videowall.evidence.destinations_linux import list_linux_drives
    return list_linux_drives(mountinfo, sys_block)


def probe_folder(path: Path | str, mountinfo: Path = Path("/proc/self/mountinfo"),
                 sys_block: Path = Path("/sys/class/block")) -> Destination:
    """Describe any folder: the filesystem it lives on, free space, and whether that is removable."""
    folder = Path(path).expanduser().resolve()
    if sys.platform == "win32":
        from videowall.evidence.destinations_windows import describe_windows_folder
        return describe_windows_folder(folder)
    from videowall.evidence.destinations_linux import describe_linux_folder
    return describe_linux_folder(folder, mountinfo, sys_block)
