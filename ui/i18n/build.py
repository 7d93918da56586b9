"""Compiles the .ts translation sources to .qm with the lrelease shipped in the PySide6 wheel."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from ui.i18n import LANGUAGES, sources


def _lrelease() -> list[str] | None:
    exe = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-lrelease")
    if exe:
        return [exe]
    import PySide6
    bundled = Path(PySide6.__file__).parent / "Qt" / "libexec" / "lrelease"
    return [str(bundled)] if bundled.exists() else None


def build_one(ts: Path, qm: Path) -> bool:
    tool = _lrelease()
    if tool is None:
        return False
    result = subprocess.run([*tool, "-silent", str(ts), "-qm", str(qm)], capture_output=True, timeout=60)
    return result.returncode == 0 and qm.exists()


def main() -> int:
    failed = [ts.name for lang in LANGUAGES for ts in sources(lang) if not build_one(ts, ts.with_suffix(".qm"))]
    if failed:
        print(f"lrelease failed for: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
