"""Qt translations: one pair of sources per feature, ``<feature>_<lang>.ts`` (e.g. ``wall_pl.ts``).

Each feature keeps its own files so features can be translated independently; ``.qm`` files are built
from them by ``python -m ui.i18n.build`` (the set-up script runs it) or on first use.
"""

from __future__ import annotations

from pathlib import Path

I18N_DIR = Path(__file__).resolve().parent
LANGUAGES = ("pl", "en")


def sources(language: str) -> list[Path]:
    return sorted(I18N_DIR.glob(f"*_{language}.ts"))


def translation_paths(language: str) -> list[Path]:
    """The compiled .qm files of ``language``, building stale or missing ones from their .ts sources."""
    from ui.i18n.build import build_one

    out = []
    for ts in sources(language):
        qm = ts.with_suffix(".qm")
        if (qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime) or build_one(ts, qm):
            out.append(qm)
    return out
