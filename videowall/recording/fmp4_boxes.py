"""Top-level box walk of a fragmented MP4 file, to cut off the torn tail a crash leaves behind.

A recorder killed mid-write leaves the header (ftyp + moov), whole fragments (moof + mdat) and maybe
part of the last box. Players cope, but every reader then reports "partial file"; trimming the file to
its last whole fragment makes it an ordinary, clean fMP4 again. Pure Python, no decoding.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class BoxScan:
    size: int                 # file size on disk
    clean_end: int            # offset just past the last complete fragment (or the header if none)
    fragments: int            # complete moof + mdat pairs
    has_header: bool          # ftyp and moov both present and complete

    @property
    def torn(self) -> bool:
        return self.clean_end < self.size


def scan(path: Path) -> BoxScan:
    """Walk the top-level boxes of ``path``. Runs on the calling thread (reads headers only)."""
    size = path.stat().st_size
    seen: set[bytes] = set()
    fragments = 0
    clean_end = 0
    moof_pending = False
    with path.open("rb") as f:
        offset = 0
        while offset + 8 <= size:
            f.seek(offset)
            header = f.read(16)
            box_size, kind = struct.unpack(">I4s", header[:8])
            if box_size == 1:
                if len(header) < 16:
                    break
                box_size = struct.unpack(">Q", header[8:16])[0]
            elif box_size == 0:      # "to the end of the file": only a finished writer may say that
                box_size = size - offset
            if box_size < 8 or offset + box_size > size:
                break                # torn box
            offset += box_size
            seen.add(kind)
            if kind == b"moof":
                moof_pending = True
            elif kind == b"mdat" and moof_pending:
                moof_pending = False
                fragments += 1
                clean_end = offset
            elif kind in (b"ftyp", b"moov") and not fragments:
                clean_end = offset
            elif kind in (b"mfra", b"free", b"skip", b"sidx", b"styp") and not moof_pending:
                clean_end = offset
    return BoxScan(size=size, clean_end=clean_end, fragments=fragments,
                   has_header=b"ftyp" in seen and b"moov" in seen)


def trim_torn_tail(path: Path) -> BoxScan:
    """Truncate ``path`` to its last complete fragment if its end is torn; returns the scan before trimming.

    The file is flushed to disk after truncation. A file without a complete header is left as it is.
    """
    result = scan(path)
    if result.torn and result.has_header:
        with path.open("r+b") as f:
            f.truncate(result.clean_end)
            f.flush()
            os.fsync(f.fileno())
    return result
