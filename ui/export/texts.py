"""The export dialog's texts: one translation context, stage names, sizes and destinations in words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from videowall.evidence.destination import Destination

CONTEXT = "EvidenceExport"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def stage_text(stage: str) -> str:
    texts = {
        "validate": tr("Checking the request and the destination…"),
        "remux": tr("Copying the video (no re-encoding) and hashing every frame…"),
        "package": tr("Writing the manifest, signature, texts and handover protocol…"),
        "sync": tr("Flushing everything to the medium…"),
        "read_back": tr("Reading every file back from the medium and verifying it…"),
        "finish": tr("Finishing…"),
    }
    return texts.get(stage, stage)


def size_text(count: int) -> str:
    """Binary units, one decimal: what file managers show for sticks."""
    value = float(count)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} TiB"


def destination_text(where: Destination) -> str:
    """Two lines: ``PENDRIVE — /media/jan/PENDRIVE`` and ``VFAT, 12.3 GiB free of 14.9 GiB, …``"""
    kind = where.filesystem.upper() if where.filesystem not in ("", "unknown") else tr("unknown filesystem")
    space = tr("%1 free of %2").replace("%1", size_text(where.free_bytes)).replace("%2", size_text(where.total_bytes))
    extras = [kind, space]
    if where.is_fat:
        extras.append(tr("files split below 4 GiB"))
    return f"{where.label} — {where.path}\n{', '.join(extras)}"
