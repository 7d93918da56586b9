"""Lays out a stand-in of the Windows PyInstaller output, so Linux CI can prove videowall.nsi compiles.

    python installers/windows/payload_stub.py OUT_DIR

The real payload can only be frozen on Windows (the GitHub workflow does that). This writes the same tree
shape — both executables, ``_internal`` with Python, Qt, FFmpeg and the wheels' folders, nested plugin
folders, names with spaces — with small stand-in files, and copies the real resources the spec bundles
(translations, icons), so ``File /r`` in the script meets what it meets on Windows.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Relative paths as PyInstaller 6 lays out a one-dir PySide6 + PyAV app on Windows.
STUB_FILES = (
    "videowall.exe",
    "videowall-cli.exe",
    "_internal/base_library.zip",
    "_internal/python312.dll",
    "_internal/python3.dll",
    "_internal/VCRUNTIME140.dll",
    "_internal/VCRUNTIME140_1.dll",
    "_internal/libcrypto-3.dll",
    "_internal/libssl-3.dll",
    "_internal/sqlite3.dll",
    "_internal/_sqlite3.pyd",
    "_internal/_ssl.pyd",
    "_internal/select.pyd",
    "_internal/unicodedata.pyd",
    "_internal/PySide6/Qt6Core.dll",
    "_internal/PySide6/Qt6Gui.dll",
    "_internal/PySide6/Qt6Widgets.dll",
    "_internal/PySide6/Qt6Svg.dll",
    "_internal/PySide6/QtCore.pyd",
    "_internal/PySide6/QtGui.pyd",
    "_internal/PySide6/QtWidgets.pyd",
    "_internal/PySide6/pyside6.abi3.dll",
    "_internal/PySide6/plugins/platforms/qwindows.dll",
    "_internal/PySide6/plugins/platforms/qoffscreen.dll",
    "_internal/PySide6/plugins/imageformats/qsvg.dll",
    "_internal/PySide6/plugins/iconengines/qsvgicon.dll",
    "_internal/PySide6/plugins/styles/qmodernwindowsstyle.dll",
    "_internal/PySide6/translations/qtbase_pl.qm",
    "_internal/shiboken6/shiboken6.abi3.dll",
    "_internal/shiboken6/Shiboken.pyd",
    "_internal/av/_core.cp312-win_amd64.pyd",
    "_internal/av/container/core.cp312-win_amd64.pyd",
    "_internal/av.libs/avcodec-62.dll",
    "_internal/av.libs/avformat-62.dll",
    "_internal/av.libs/avutil-60.dll",
    "_internal/av.libs/swscale-9.dll",
    "_internal/numpy/_core/_multiarray_umath.cp312-win_amd64.pyd",
    "_internal/numpy.libs/libscipy_openblas64_.dll",
    "_internal/cryptography/hazmat/bindings/_rust.pyd",
    "_internal/lxml/etree.cp312-win_amd64.pyd",
    "_internal/keyring-25.7.0.dist-info/entry_points.txt",
    "_internal/keyring-25.7.0.dist-info/METADATA",
    "_internal/tzdata/zoneinfo/Europe/Warsaw",
    "_internal/tzdata/zoneinfo/UTC",
    "_internal/wsdl/devicemgmt.wsdl",
    "_internal/wsdl/ptz.wsdl",
    "_internal/videowall/sim/gst_server.py",
    "_internal/certifi/cacert.pem",
    "_internal/setuptools/_vendor/jaraco/text/Lorem ipsum.txt",
)


def lay_out(out: Path) -> int:
    """Write the stand-in tree into ``out`` (emptied first); return the number of files."""
    if out.exists():
        shutil.rmtree(out)
    for rel in STUB_FILES:
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"videowall payload stand-in: {rel}\n", encoding="utf-8")
    resources = [("ui/i18n", "*.qm"), ("ui/i18n", "*.ts"), ("resources/icons", "videowall*")]
    for folder, pattern in resources:
        for source in sorted((ROOT / folder).glob(pattern)):
            target = out / "_internal" / folder / source.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return sum(1 for p in out.rglob("*") if p.is_file())


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: payload_stub.py OUT_DIR", file=sys.stderr)
        return 2
    count = lay_out(Path(argv[0]))
    print(f"payload stand-in: {count} files in {argv[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
