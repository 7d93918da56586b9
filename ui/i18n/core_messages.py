"""The core's user-visible messages as translation templates, found in its source (``python -m ui.i18n.core_messages``).

The core never imports Qt, so its messages are English source texts. This scan collects them from the
places they are made — ``VideowallError(kind, MESSAGE)``, ``RecordingWarning(severity, MESSAGE)``,
``problems.append(MESSAGE)`` / ``yield MESSAGE`` in checks, ``message=MESSAGE``, ``return MESSAGE`` in
``*_message`` / ``*_problem`` functions — and turns each f-string or
``%``-format into a Qt template: ``f"There is no camera named {brief(key)}."`` → ``There is no camera named %1.``
Run as a script it adds new templates to ``core_<lang>.ts`` (unfinished, for a translator) and drops
templates the core no longer has; ``ui.i18n.core.core_text`` matches messages against them at run time.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree as ET

from ui.i18n import I18N_DIR, LANGUAGES

CORE_DIR = Path(__file__).resolve().parents[2] / "videowall"
CONTEXT = "core"
# Constructors and calls whose argument at this position (or keyword) is a message shown to the operator.
_MESSAGE_ARG = {"VideowallError": (1, "user_message"), "RecordingWarning": (1, "text"), "_Unreadable": (0, None)}
# Functions that return a message (or part of one) to show.
_TEXT_FUNCTIONS = ("_message", "_problem")
# The simulator talks to test clients, the command line to administrators in English: not the operator's UI.
_SKIPPED = {"sim", "commands", "cli.py"}
_PRINTF = re.compile(r"%(?:\([a-z_]+\))?[-+ #0]*\d*(?:\.\d+)?[sdifgrx]")
_LETTERS = re.compile(r"[A-Za-z]{2,}")


def _template(node: ast.expr) -> str | None:
    """The Qt template of a message expression: literal text with %1, %2… for what is filled in."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts, n = [], 0
        for value in node.values:
            if isinstance(value, ast.Constant):
                parts.append(str(value.value))
            else:
                n += 1
                parts.append(f"%{n}")
        return "".join(parts)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and isinstance(node.left, ast.Constant) \
            and isinstance(node.left.value, str):
        counter = iter(range(1, 100))
        return _PRINTF.sub(lambda _m: f"%{next(counter)}", node.left.value)
    return None


def _call_name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _error_factories(tree: ast.AST) -> dict[str, tuple[int, str | None]]:
    """Helpers that make an error from a message parameter (``def _invalid(message, url): return
    VideowallError(kind, message, …)``): name → (that parameter's position, no keyword)."""
    found: dict[str, tuple[int, str | None]] = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef):
            continue
        params = [a.arg for a in node.args.args]
        for inner in ast.walk(node):
            if isinstance(inner, ast.Call) and _call_name(inner) == "VideowallError" and len(inner.args) > 1 \
                    and isinstance(inner.args[1], ast.Name) and inner.args[1].id in params:
                found[node.name] = (params.index(inner.args[1].id) - (1 if params[:1] == ["self"] else 0), None)
    return found


def _messages(tree: ast.AST, message_args: dict[str, tuple[int, str | None]]) -> Iterator[ast.expr]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _call_name(node)
            if name in message_args:
                index, keyword = message_args[name]
                if len(node.args) > index:
                    yield node.args[index]
                yield from (k.value for k in node.keywords if keyword and k.arg == keyword)
            elif name == "append" and isinstance(node.func, ast.Attribute) and node.args and \
                    ast.unparse(node.func.value).endswith("problems"):
                yield node.args[0]
            yield from (k.value for k in node.keywords if k.arg == "message")
        elif isinstance(node, ast.Yield) and node.value is not None and _is_text(node.value):
            yield node.value
        elif isinstance(node, ast.FunctionDef) and node.name.endswith(_TEXT_FUNCTIONS):
            yield from (r.value for r in ast.walk(node) if isinstance(r, ast.Return) and r.value is not None
                        and _is_text(r.value))


def _is_text(node: ast.expr) -> bool:
    return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str))


def core_templates(root: Path = CORE_DIR) -> list[str]:
    """Every message template of the core, sorted; templates without words (e.g. ``%1 %2``) are left out."""
    found: set[str] = set()
    trees = [ast.parse(path.read_text(encoding="utf-8")) for path in sorted(root.rglob("*.py"))
             if not _SKIPPED.intersection(path.relative_to(root).parts)]
    message_args = dict(_MESSAGE_ARG)
    for tree in trees:
        message_args.update(_error_factories(tree))
    message_args.pop("VideowallError", None)
    message_args["VideowallError"] = _MESSAGE_ARG["VideowallError"]
    for tree in trees:
        for node in _messages(tree, message_args):
            template = _template(node)
            if template and _LETTERS.search(re.sub(r"%\d+", "", template)):
                found.add(template)
    return sorted(found)


def ts_path(language: str) -> Path:
    return I18N_DIR / f"core_{language}.ts"


def read_ts(path: Path) -> dict[str, str | None]:
    """source → translation (None when unfinished) of the core context of a .ts file."""
    if not path.exists():
        return {}
    out: dict[str, str | None] = {}
    for message in ET.parse(path).getroot().iter("message"):
        translation = message.find("translation")
        done = translation is not None and translation.get("type") != "unfinished" and (translation.text or "")
        out[message.findtext("source") or ""] = (translation.text or "") if done else None
    return out


def write_ts(path: Path, language: str, entries: dict[str, str | None]) -> None:
    root = ET.Element("TS", version="2.1", language={"pl": "pl_PL", "en": "en_GB"}[language], sourcelanguage="en")
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    for source in sorted(entries):
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        translation = ET.SubElement(message, "translation")
        if entries[source] is None:
            translation.set("type", "unfinished")
        else:
            translation.text = entries[source]
    ET.indent(root, "    ")
    body = ET.tostring(root, encoding="unicode")
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8")


def update_ts_files() -> dict[str, list[str]]:
    """Bring every core_<lang>.ts in line with the source; returns the untranslated templates per language."""
    templates = core_templates()
    missing = {}
    for language in LANGUAGES:
        known = read_ts(ts_path(language))
        entries = {t: (t if language == "en" else known.get(t)) for t in templates}
        write_ts(ts_path(language), language, entries)
        missing[language] = [t for t, text in entries.items() if text is None]
    return missing


def main() -> int:
    missing = update_ts_files()
    for language, texts in missing.items():
        for text in texts:
            print(f"{language}: untranslated: {text}", file=sys.stderr)
    return 1 if any(missing.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
