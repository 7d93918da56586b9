"""Renders videowall.svg to the PNG sizes and the Windows .ico (run after editing the SVG).

    python -m resources.icons.render

Uses Qt's SVG renderer offscreen. The .ico holds 16–48 px as classic 32-bit DIBs (what every Windows
tool and NSIS read) and 256 px as PNG (the Vista+ large icon).
"""

from __future__ import annotations

import os
import struct
import sys

from resources.icons import ICON_DIR, PNG_SIZES, icon_path

ICO_DIB_SIZES = (16, 24, 32, 48)
ICO_PNG_SIZE = 256


def render_png(size: int):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(icon_path()))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {icon_path()}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def _dib(image) -> bytes:
    """A 32-bit BGRA icon DIB: header with doubled height, bottom-up pixels, an all-zero AND mask."""
    size = image.width()
    rows = [bytes(image.constScanLine(y))[: size * 4] for y in range(size)]   # ARGB32 = BGRA in memory
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, size * size * 4, 0, 0, 0, 0)
    mask_row = ((size + 31) // 32) * 4
    return header + b"".join(reversed(rows)) + bytes(mask_row * size)


def _png_bytes(image) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def build_ico(images: dict[int, object]) -> bytes:
    blobs = [(size, _dib(images[size])) for size in ICO_DIB_SIZES]
    blobs.append((ICO_PNG_SIZE, _png_bytes(images[ICO_PNG_SIZE])))
    offset = 6 + 16 * len(blobs)
    header = struct.pack("<HHH", 0, 1, len(blobs))
    entries = b""
    for size, blob in blobs:
        side = 0 if size >= 256 else size    # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    return header + entries + b"".join(blob for _, blob in blobs)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (QPainter needs it)
    images = {size: render_png(size) for size in sorted(set(PNG_SIZES) | set(ICO_DIB_SIZES))}
    for size in PNG_SIZES:
        images[size].save(str(icon_path(size)), "PNG")
    (ICON_DIR / "videowall.ico").write_bytes(build_ico(images))
    print(f"wrote {len(PNG_SIZES)} PNGs and videowall.ico to {ICON_DIR.name}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
