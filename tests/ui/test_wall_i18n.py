"""The wall's texts are translated: every tr() source has a Polish and an English entry, and Polish loads."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from ui.app import choose_language, create_application, install_translator
from ui.i18n import sources
from ui.wall.tile_state import LABELS, LIMITED_TEXT
from ui.wall.wall_keys import SHORTCUTS

UI = Path(__file__).resolve().parents[2] / "ui"
# module → the translation context its tr() uses
CONTEXTS = {"wall/wall_keys.py": "WallHelp", "cameras/camera_panel.py": "CameraPanel",
            "views/views_panel.py": "ViewsPanel", "views/layout_editor.py": "LayoutEditor",
            "main_window.py": "MainWindow", "ptz/tile_overlay.py": "PtzTileOverlay",
            "tours/panel.py": "ToursPanel"}
TR_CALL = re.compile(r"""\btr\(\s*(?:f?)["']([^"']+)["']""")


def entries(language: str) -> dict[tuple[str, str], str]:
    """Every feature's entries: a context may be spread over several files (the camera tree's set-up texts)."""
    return {(ctx.findtext("name"), msg.findtext("source")): msg.findtext("translation") or ""
            for ts in sources(language) for ctx in ET.parse(ts).getroot().iter("context")
            for msg in ctx.iter("message")}


def needed() -> set[tuple[str, str]]:
    out = {("TileState", text) for text in [*LABELS.values(), LIMITED_TEXT]}
    out |= {("WallHelp", what) for _, what in SHORTCUTS}
    for module, context in CONTEXTS.items():
        out |= {(context, text) for text in TR_CALL.findall((UI / module).read_text(encoding="utf-8"))}
    return out


@pytest.mark.parametrize("language", ["pl", "en"])
def test_every_wall_text_has_a_translation(language):
    have = entries(language)
    missing = sorted(n for n in needed() if not have.get(n))
    assert not missing, f"missing {language} translations: {missing}"


def test_polish_loads_and_is_the_default_on_a_polish_system():
    assert choose_language(None, "pl_PL") == "pl" and choose_language(None, "en_GB") == "en"
    app = create_application(offscreen=True, language="pl")
    try:
        assert QCoreApplication.translate("TileState", "paused: limit") == "wstrzymano: limit"
        assert QCoreApplication.translate("WallHelp", "Keyboard shortcuts") == "Skróty klawiszowe"
        assert QCoreApplication.translate("CameraPanel", "%1 of %2 cameras") == "%1 z %2 kamer"
    finally:
        install_translator(app, "en")
    assert QCoreApplication.translate("WallHelp", "Keyboard shortcuts") == "Keyboard shortcuts"
