"""Every string the alarms UI translates has a Polish and an English entry (context "Alarms"), and the
Polish UI shows them."""

from __future__ import annotations

import ast
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from ui.alarms import search_panel, table_model

ROOT = Path(__file__).resolve().parents[2]


def _tr_strings() -> set[str]:
    found = set(table_model.COLUMNS) | set(search_panel.COLUMNS)     # translated through tr(COLUMNS[i])
    for path in (ROOT / "ui" / "alarms").glob("*.py"):
        for call in (n for n in ast.walk(ast.parse(path.read_text())) if isinstance(n, ast.Call)):
            name = getattr(call.func, "id", getattr(call.func, "attr", None))
            if name == "tr" and call.args and isinstance(call.args[0], ast.Constant):
                found.add(call.args[0].value)
    return found


@pytest.mark.parametrize("language", ["pl", "en"])
def test_alarm_translations_cover_the_ui(language):
    root = ET.parse(ROOT / "ui" / "i18n" / f"alarms_{language}.ts").getroot()
    entries = {msg.findtext("source"): msg.findtext("translation")
               for ctx in root.iter("context") if ctx.findtext("name") == "Alarms" for msg in ctx.iter("message")}
    needed = _tr_strings()
    assert len(needed) > 40 and needed <= set(entries)
    assert all(entries[key] for key in needed)


def test_the_polish_ui_shows_polish_alarm_texts(qtbot):
    from ui.app import create_application
    from ui.alarms.texts import kind_text, state_text
    from videowall.events.model import AlarmState, EventKind

    create_application(offscreen=True, language="pl")
    try:
        assert kind_text(EventKind.TAMPER) == "sabotaż"
        assert state_text(AlarmState.ACKNOWLEDGED) == "potwierdzony"
    finally:
        create_application(offscreen=True, language="en")
