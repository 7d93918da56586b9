"""Everything the operator reads is translated: UI texts, the core's messages (with their values), Qt's own
strings; a text without a Polish translation fails here."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from ui.app import create_application, install_translator
from ui.i18n import LANGUAGES
from ui.i18n.catalog import literal_texts, translations, ui_texts
from ui.i18n.core import core_text
from ui.i18n.core_messages import core_templates, read_ts, ts_path

# Language names are shown in their own language (an operator looking for "Polski" must find it in English too).
ENDONYMS = {"Polski", "English"}
PLACEHOLDER = re.compile(r"%(?:\d+|n)")


@pytest.fixture
def polish(qtbot):
    app = create_application(offscreen=True, language="pl")
    yield app
    install_translator(app, "en")


def test_every_ui_text_has_a_polish_translation():
    polish = translations("pl")
    texts = list(ui_texts())
    assert len(texts) > 300
    missing = sorted(f"{t.where}: [{t.context}] {t.source!r}" for t in texts
                     if t.source is not None and not polish.get((t.context, t.source)))
    assert missing == []


def test_no_ui_text_bypasses_the_translation_files():
    assert [t for t in literal_texts() if t.text not in ENDONYMS] == []


def test_translations_keep_their_placeholders():
    for language in LANGUAGES:
        for (context, source), text in translations(language).items():
            if text is not None:
                assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (context, source)


def test_every_core_message_is_extracted_and_translated():
    templates = core_templates()
    assert len(templates) > 150
    assert "There is no camera named %1." in templates
    polish = read_ts(ts_path("pl"))
    assert sorted(polish) == templates, "run python -m ui.i18n.core_messages and translate what it adds"
    assert [t for t in templates if not polish[t]] == []


def test_core_messages_translate_with_their_values_even_nested(polish):
    assert core_text("There is no camera named 'Rynek'.") == "Nie ma kamery o nazwie 'Rynek'."
    assert core_text("Invalid setting: timezone must be an IANA zone such as 'Europe/Warsaw', not 'Mars'.") == (
        "Błędne ustawienie: timezone musi być strefą IANA, np. 'Europe/Warsaw', a nie 'Mars'.")
    assert core_text("Recording failed for some cameras; it is retried automatically. See the log for details.") \
        .startswith("Nagrywanie części kamer nie powiodło się")
    assert core_text("Not a message of the core.") == "Not a message of the core."


def test_qt_own_strings_are_polish(polish):
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    assert sorted(b.text() for b in buttons.buttons()) == ["Anuluj", "Zachowaj"]


def test_the_ui_shows_core_messages_only_through_core_text():
    """An error's ``user_message`` reaches the operator translated; only log lines keep the English text."""
    import ast

    from ui.i18n.catalog import UI_DIR

    untranslated = []
    for path in sorted(UI_DIR.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        allowed: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                through_core_text = isinstance(func, ast.Name) and func.id == "core_text"
                logged = isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "log"
                if through_core_text or logged:
                    allowed.update(id(inner) for arg in node.args for inner in ast.walk(arg))
        untranslated += [f"{path.name}:{node.lineno}" for node in ast.walk(tree)
                         if isinstance(node, ast.Attribute) and node.attr == "user_message" and id(node) not in allowed
                         and not isinstance(node.ctx, ast.Store)]
    assert untranslated == []
