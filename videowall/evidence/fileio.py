"""File helpers of the export: hashing, fsync, dropping cached pages to read back from the device."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from videowall.evidence.progress import CancelToken

CHUNK_BYTES = 1024 * 1024


def sha256_file(path: Path, from_device: bool = False, cancel: CancelToken | None = None,
                on_bytes: Callable[[int], None] = lambda n: None) -> str:
    """SHA-256 of ``path``. ``from_device`` first drops the file's cached pages (Linux), so the
    bytes come from the medium itself and not from memory; the file must have been fsynced."""
    digest = hashlib.sha256()
    with open(path, "rb", buffering=0) as handle:
        fd = handle.fileno()
        if from_device:
            drop_cache(fd)
        buffer = bytearray(CHUNK_BYTES)
        view = memoryview(buffer)
        while count := handle.readinto(buffer):
            digest.update(view[:count])
            on_bytes(count)
            if cancel is not None:
                cancel.raise_if_cancelled("read_back" if from_device else "remux")
        if from_device:
            drop_cache(fd)  # what was read back should not stay in memory either
    return digest.hexdigest()


def drop_cache(fd: int) -> None:
    """Ask the kernel to forget the file's clean cached pages (no-op where unsupported)."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is not None:
        advise(fd, 0, 0, os.POSIX_FADV_DONTNEED)


def fsync_path(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def write_file(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)


def sha256sums_text(entries: Iterable[tuple[str, str]]) -> str:
    """``<hex>  <relative path>`` lines, as ``sha256sum -c`` reads them."""
    return "".join(f"{digest}  {path}\n" for path, digest in sorted(entries))

