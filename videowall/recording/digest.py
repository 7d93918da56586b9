"""The recorder's SHA-256 of a closed segment file, kept in the index (stations check remote footage against it)."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

log = logging.getLogger(__name__)

CHUNK_BYTES = 1024 * 1024


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()


def seal_segment(store, segment_id: int, path: Path) -> None:
    """Store the digest of a segment that will not change any more. A file that cannot be read keeps no
    digest (a station then refuses to export it remotely) and the recorder goes on recording."""
    try:
        store.set_digest(segment_id, file_sha256(path))
    except OSError as err:
        log.error("cannot hash %s for the index: %s", path.name, err.strerror or err)
