"""Keep the allocator from handing frame buffers back to the kernel after every frame (glibc only).

Every converted picture is a fresh buffer of 0.5 MB (a 4×4 tile) to 8 MB (1080p), 400+ times a second on a
16-tile wall. glibc's defaults map buffers that big with mmap, or trim its heaps once that much lies free,
so each frame costs a round of page faults (measured: ≈6400 minor faults a second for 16 sub streams,
≈240 with this tuning) plus munmap's TLB shootdowns across the decoder threads. Fixing both thresholds
keeps freed buffers in the heap for the next frame; what it holds on to is bounded by the frames in flight.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import sys
import threading

log = logging.getLogger(__name__)

_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD_BYTES = 16 * 1024 * 1024     # above a 1080p BGRA picture (8.3 MB)
TRIM_THRESHOLD_BYTES = 64 * 1024 * 1024

_lock = threading.Lock()
_done = False


def keep_frame_buffers() -> bool:
    """Set the thresholds once per process; True if they are in effect (False: not glibc, nothing changed)."""
    global _done
    with _lock:
        if _done:
            return True
        if not sys.platform.startswith("linux"):
            return False
        name = ctypes.util.find_library("c")
        try:
            libc = ctypes.CDLL(name) if name else None
            mallopt = libc.mallopt if libc is not None else None
        except (OSError, AttributeError):     # musl and others have no mallopt
            mallopt = None
        if mallopt is None:
            return False
        _done = bool(mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES)) and bool(
            mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES))
        if not _done:
            log.info("the allocator refused the frame buffer thresholds: frames are mapped afresh")
        return _done
