"""Every string the PTZ UI translates has a Polish and an English entry in its class's context."""

from __future__ import annotations

import ast
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _tr_strings() -> set[tuple[str, str]]:
    found = set()
    for path in (ROOT / "ui" / "ptz").glob("*.py"):
        for cls in (n for n in ast.walk(ast.parse(path.read_text())) if isinstance(n, ast.ClassDef)):
            for call in (n for n in ast.walk(cls) if isinstance(n, ast.Call)):
                if isinstance(call.func, ast.Attribute) and call.func.attr == "tr" and call.args:
                    found.add((cls.name, call.args[0].value))
    return found


@pytest.mark.parametrize("language", ["pl", "en"])
def test_ptz_translations_cover_the_ui(language):
    root = ET.parse(ROOT / "ui" / "i18n" / f"ptz_{language}.ts").getroot()
    entries = {(ctx.findtext("name"), msg.findtext("source")): msg.findtext("translation")
               for ctx in root.iter("context") for msg in ctx.iter("message")}
    needed = _tr_strings()
    assert needed and needed <= set(entries)
    assert all(entries[key] for key in needed)
