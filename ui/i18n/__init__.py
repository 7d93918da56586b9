"""Qt translation files: ``videowall_<lang>.ts`` sources here, ``.qm`` built by ``python -m ui.i18n.build``."""

from __future__ import annotations

from pathlib import Path

I18N_DIR = Path(__file__).resolve().parent
LANGUAGES = ("pl", "en")


def translation_path(language: str) -> Path | None:
    """The compiled .qm of ``language``, building it from the .ts source on first use if needed."""
    qm = I18N_DIR / f"videowall_{language}.qm"
    ts = I18N_DIR / f"videowall_{language}.ts"
    if not ts.exists():
        return None
    if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
        from ui.i18n.build import build_one
        if not build_one(ts, qm):
            return None
    return qm
