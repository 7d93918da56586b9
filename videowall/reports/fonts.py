"""TrueType fonts with Polish letters for the printed documents (reportlab's built-in fonts have none).

DejaVu Sans (Debian package fonts-dejavu-core) or, on Windows and macOS, Arial; a copy in
``resources/fonts`` wins over the system's.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from videowall.runtime.errors import ErrorKind, VideowallError

_FONT_SETS = (  # (regular, bold, monospace) file names, looked up in the folders below
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf"),
    ("arial.ttf", "arialbd.ttf", "consola.ttf"),
    ("Arial.ttf", "Arial Bold.ttf", "Courier New.ttf"),
)
_FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/local/share/fonts",
              "C:/Windows/Fonts", "/System/Library/Fonts/Supplemental", "/Library/Fonts")
FONT_HINT = "Install the DejaVu fonts (Debian/Ubuntu: sudo apt-get install fonts-dejavu-core)."
FONT_NAMES = ("VW-Regular", "VW-Bold", "VW-Mono")
_REGISTER_LOCK = threading.Lock()   # documents are written on worker threads


def font_folders() -> list[Path]:
    bundled = resources.files("resources").joinpath("fonts")
    folders = [Path(str(bundled)), *(Path(d) for d in _FONT_DIRS)]
    if sys.platform == "win32":
        folders.insert(1, Path(r"C:\Windows\Fonts"))
    return folders


def find_font_files(folders: Sequence[Path] | None = None) -> tuple[Path, Path, Path]:
    """(regular, bold, monospace) of the first complete font set found in ``folders``."""
    for names in _FONT_SETS:
        for folder in font_folders() if folders is None else folders:
            paths = tuple(folder / name for name in names)
            if all(p.is_file() for p in paths):
                return paths  # type: ignore[return-value]
    raise VideowallError(ErrorKind.INTERNAL, f"No font with Polish letters was found to print the document. {FONT_HINT}")


def register_fonts() -> tuple[str, str, str]:
    """Register the fonts with reportlab once per process; returns the (regular, bold, mono) names."""
    with _REGISTER_LOCK:
        if FONT_NAMES[-1] not in pdfmetrics.getRegisteredFontNames():
            for name, path in zip(FONT_NAMES, find_font_files()):
                pdfmetrics.registerFont(TTFont(name, str(path)))
    return FONT_NAMES
