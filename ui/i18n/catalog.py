"""What the UI asks to translate, read from its source, and what the .ts files hold (for checks and tools).

``ui_texts()`` finds every ``tr("…")`` call (the context of the module's own or imported ``tr``), every
``self.tr("…")`` (the class's context) and every ``QCoreApplication.translate("Context", "…")``; ``translations(language)`` reads all ``*_<lang>.ts``.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

from ui.i18n import I18N_DIR, sources

UI_DIR = I18N_DIR.parent


@dataclass(frozen=True)
class UiText:
    context: str
    source: str | None      # None: not a literal (an f-string or a variable), which cannot be translated
    where: str              # path:line


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(UI_DIR.parent).with_suffix("").parts)


def _translate_context(call: ast.Call) -> str | None:
    """"Ctx" of ``QCoreApplication.translate("Ctx", …)``, else None."""
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr == "translate" and call.args and \
            isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str):
        return call.args[0].value
    return None


def _own_tr_context(tree: ast.Module) -> str | None:
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "tr":
            for inner in ast.walk(node):
                if isinstance(inner, ast.Call) and (context := _translate_context(inner)):
                    return context
            for inner in ast.walk(node):   # ``QCoreApplication.translate(CONTEXT, text)`` with a module constant
                if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute) and \
                        inner.func.attr == "translate" and inner.args and isinstance(inner.args[0], ast.Name):
                    return _constant(tree, inner.args[0].id)
    return None


def _constant(tree: ast.Module, name: str) -> str | None:
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets) \
                and isinstance(node.value, ast.Constant):
            return node.value.value
    return None


def ui_texts() -> Iterator[UiText]:
    trees = {_module_name(p): (p, ast.parse(p.read_text(encoding="utf-8"))) for p in sorted(UI_DIR.rglob("*.py"))}
    own = {name: _own_tr_context(tree) for name, (_path, tree) in trees.items()}
    for name, (path, tree) in trees.items():
        context = own[name]
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and any(a.name == "tr" for a in node.names):
                context = own.get(node.module or "")
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            for node in ast.walk(cls):      # QObject.tr: the class name is the context
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "tr" \
                        and node.args:
                    yield UiText(cls.name, _literal(node.args[0]), f"{path.relative_to(UI_DIR.parent)}:{node.lineno}")
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            where = f"{path.relative_to(UI_DIR.parent)}:{node.lineno}"
            direct = _translate_context(node)
            if direct is not None and len(node.args) > 1:
                yield UiText(direct, _literal(node.args[1]), where)
            elif isinstance(node.func, ast.Name) and node.func.id == "tr" and node.args and context:
                yield UiText(context, _literal(node.args[0]), where)


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def translations(language: str) -> dict[tuple[str, str], str | None]:
    """(context, source) → translation of every ``*_<language>.ts`` (None: unfinished or empty)."""
    out: dict[tuple[str, str], str | None] = {}
    for ts in sources(language):
        for context in ET.parse(ts).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                translation = message.find("translation")
                text = None
                if translation is not None and translation.get("type") not in ("unfinished", "obsolete"):
                    forms = [f.text for f in translation.iter("numerusform")]
                    text = (forms[0] if forms and all(forms) else None) if forms else (translation.text or None)
                out[(name, message.findtext("source") or "")] = text
    return out


# Qt calls whose text arguments are shown to the operator, and which arguments: a literal there bypasses the
# translation files.
TEXT_ARGS: dict[str, tuple[int, ...]] = {
    **dict.fromkeys(("setText", "setWindowTitle", "setPlaceholderText", "setToolTip", "setStatusTip", "showMessage",
                     "addAction", "addMenu", "addRow", "setTitle", "setSuffix", "setPrefix", "setSpecialValueText",
                     "addItem", "QLabel", "QPushButton", "QCheckBox", "QGroupBox", "QRadioButton", "QAction",
                     "QToolButton"), (0,)),
    "addTab": (1,), "information": (1, 2), "warning": (1, 2), "question": (1, 2), "critical": (1, 2),
    "getText": (1, 2), "getOpenFileName": (1,), "getExistingDirectory": (1,),
}
_LOGGERS = {"log", "logger", "logging"}
_MARKUP = re.compile(r"<[^>]*>|\S+://\S*|%\d|%s")


@dataclass(frozen=True)
class LiteralText:
    text: str
    where: str


def _words(node: ast.expr) -> str | None:
    """The text of a str literal or f-string with words in it (markup, URLs and placeholders aside), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    else:
        return None
    bare = _MARKUP.sub(" ", text)
    return text if any(a.isalpha() and b.isalpha() for a, b in zip(bare, bare[1:])) else None


def _text_call(node: ast.Call) -> tuple[int, ...]:
    func = node.func
    if isinstance(func, ast.Attribute):
        if isinstance(func.value, ast.Name) and func.value.id in _LOGGERS:
            return ()
        if func.attr == "setText" and len(node.args) > 1:     # QImage.setText(key, value): metadata, not UI
            return ()
        return TEXT_ARGS.get(func.attr, ())
    return TEXT_ARGS.get(func.id, ()) if isinstance(func, ast.Name) else ()


def literal_texts() -> Iterator[LiteralText]:
    """Literal words handed straight to a Qt text call anywhere in the UI (not through ``tr``)."""
    for path in sorted(UI_DIR.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            for position in _text_call(node):
                text = _words(node.args[position]) if position < len(node.args) else None
                if text is not None:
                    yield LiteralText(text, f"{path.relative_to(UI_DIR.parent)}:{node.lineno}")
