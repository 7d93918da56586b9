"""Flushing finished clips to the medium and reading them back while later cameras are still remuxed.

A USB stick writes 10–100 MB/s, far slower than the remux and the hashing. Left to the end, every
byte would wait for the final fsync and then for the read-back; here each finished clip part is
fsynced and re-hashed from the device (page cache dropped) on one thread of its own as soon as it is
complete, so the medium works while the CPU does. Each file is still read back only after it was
fsynced, and the job compares every hash before the rename.

A file read back early could still be damaged by what is written after it: counterfeit sticks report
more capacity than they have and wrap around, overwriting earlier data. So each early file also
remembers the digests of evenly spaced windows, and ``changed_since`` re-reads just those windows
once everything is on the medium (about 1 MiB a file).
"""

from __future__ import annotations

import hashlib
import os
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from videowall.evidence.fileio import drop_cache, fsync_path, sha256_file
from videowall.evidence.progress import CancelToken

WINDOWS = 16
WINDOW_BYTES = 64 * 1024


@dataclass(frozen=True)
class _ReadBack:
    sha256: str
    windows: tuple[tuple[int, str], ...]    # (offset, SHA-256 of the window there)


class MediumCheck:
    def __init__(self, root: Path, cancel: CancelToken) -> None:
        self._root = root
        self._cancel = cancel
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="evidence-medium")
        self._read: dict[str, tuple[Future[_ReadBack], int]] = {}

    def submit(self, path: Path) -> None:
        """``path`` is complete and will not change: flush it and read it back (in submission order)."""
        relative = path.relative_to(self._root).as_posix()
        self._read[relative] = (self._pool.submit(self._flush_and_read, path), path.stat().st_size)

    def results(self) -> tuple[dict[str, str], int]:
        """(relative path → SHA-256 read back from the device, bytes read); waits for the reads still running."""
        hashes = {relative: future.result().sha256 for relative, (future, _size) in self._read.items()}
        return hashes, sum(size for _future, size in self._read.values())

    def changed_since(self) -> list[str]:
        """Files read back early whose windows now read differently from the device (call after the final fsync)."""
        changed = []
        for relative, (future, _size) in self._read.items():
            self._cancel.raise_if_cancelled("read_back")
            windows = future.result().windows
            if _windows(self._root / relative, [offset for offset, _digest in windows]) != windows:
                changed.append(relative)
        return changed

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _flush_and_read(self, path: Path) -> _ReadBack:
        self._cancel.raise_if_cancelled("read_back")
        fsync_path(path)
        digest = sha256_file(path, from_device=True, cancel=self._cancel)
        size = path.stat().st_size
        last = max(0, size - WINDOW_BYTES)
        offsets = sorted({min(last, index * size // WINDOWS) for index in range(WINDOWS)} | {last})
        return _ReadBack(digest, _windows(path, offsets))


def _windows(path: Path, offsets: list[int]) -> tuple[tuple[int, str], ...]:
    with open(path, "rb", buffering=0) as handle:
        fd = handle.fileno()
        drop_cache(fd)
        found = tuple((offset, hashlib.sha256(os.pread(fd, WINDOW_BYTES, offset)).hexdigest()) for offset in offsets)
        drop_cache(fd)
    return found
