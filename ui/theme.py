"""The operator's colours: dark by default (a darkened monitoring room, a whole shift), light on request.

Both themes are Qt's Fusion style with a palette of our own, so every widget (docks, menus, dialogs)
follows; the wall itself is always black behind the pictures.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

DARK, LIGHT = "dark", "light"
THEMES = (DARK, LIGHT)
DEFAULT_THEME = DARK

_DARK_COLOURS = {
    QPalette.ColorRole.Window: QColor(32, 34, 37),
    QPalette.ColorRole.WindowText: QColor(220, 222, 225),
    QPalette.ColorRole.Base: QColor(22, 23, 25),
    QPalette.ColorRole.AlternateBase: QColor(38, 40, 44),
    QPalette.ColorRole.ToolTipBase: QColor(45, 47, 51),
    QPalette.ColorRole.ToolTipText: QColor(230, 230, 230),
    QPalette.ColorRole.PlaceholderText: QColor(130, 132, 136),
    QPalette.ColorRole.Text: QColor(220, 222, 225),
    QPalette.ColorRole.Button: QColor(45, 47, 51),
    QPalette.ColorRole.ButtonText: QColor(220, 222, 225),
    QPalette.ColorRole.BrightText: QColor(255, 90, 90),
    QPalette.ColorRole.Highlight: QColor(52, 110, 180),
    QPalette.ColorRole.HighlightedText: QColor(255, 255, 255),
    QPalette.ColorRole.Link: QColor(110, 170, 240),
    QPalette.ColorRole.Light: QColor(70, 72, 76),
    QPalette.ColorRole.Midlight: QColor(55, 57, 61),
    QPalette.ColorRole.Mid: QColor(40, 42, 45),
    QPalette.ColorRole.Dark: QColor(20, 21, 23),
    QPalette.ColorRole.Shadow: QColor(0, 0, 0),
}
_DARK_DISABLED = QColor(110, 112, 116)


def theme_palette(name: str) -> QPalette:
    if name == LIGHT:
        return QStyleFactory.create("Fusion").standardPalette()
    palette = QPalette()
    for role, colour in _DARK_COLOURS.items():
        palette.setColor(role, colour)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, _DARK_DISABLED)
    return palette


def apply_theme(app: QApplication, name: str) -> str:
    """Switch the whole application to ``name`` (an unknown name means the default); returns the theme used."""
    name = name if name in THEMES else DEFAULT_THEME
    app.setStyle("Fusion")
    app.setPalette(theme_palette(name))
    app.setProperty("videowall_theme", name)
    return name


def current_theme(app: QApplication) -> str:
    return app.property("videowall_theme") or DEFAULT_THEME
