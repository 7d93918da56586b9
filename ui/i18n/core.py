"""The core's messages in the UI language (context "core"): the one function the UI shows them through.

The core makes English messages, many with values filled in (``There is no camera named 'Rynek'.``). Its
templates (``There is no camera named %1.``) are in ``core_<lang>.ts``, extracted from the core's source by
``ui.i18n.core_messages``. ``core_text`` translates a message that is a template as it is; otherwise it
finds the template the message was made from, translates that, and puts the values back — each value
translated too, since a message may carry another (``Invalid setting: timezone must be …``).
A message no template matches is shown as it came: English beats nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache
from xml.etree import ElementTree as ET

from PySide6.QtCore import QCoreApplication

from ui.i18n import I18N_DIR

CONTEXT = "core"
_PLACEHOLDER = re.compile(r"%(\d+)")
_MAX_DEPTH = 3


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[re.Pattern[str], str, tuple[int, ...]], ...]:
    """(regex, template, placeholder numbers in order) of every template with values, most literal text first."""
    root = ET.parse(I18N_DIR / "core_en.ts").getroot()
    templates = [m.findtext("source") or "" for m in root.iter("message")]
    out = []
    for template in templates:
        pieces = _PLACEHOLDER.split(template)
        if len(pieces) == 1:
            continue
        regex = "".join(re.escape(p) if i % 2 == 0 else "(.+?)" for i, p in enumerate(pieces))
        numbers = tuple(int(p) for p in pieces[1::2])
        out.append((re.compile(regex + r"\Z", re.DOTALL), template, numbers))
    out.sort(key=lambda item: -len(_PLACEHOLDER.sub("", item[1])))
    return tuple(out)


def core_text(message: str, _depth: int = 0) -> str:
    """``message`` (an English core message) in the UI language."""
    translated = QCoreApplication.translate(CONTEXT, message)
    if translated != message or _depth >= _MAX_DEPTH:
        return translated
    for regex, template, numbers in _patterns():
        match = regex.match(message)
        if match is None:
            continue
        values = {n: core_text(v, _depth + 1) for n, v in zip(numbers, match.groups())}
        text = QCoreApplication.translate(CONTEXT, template)
        return _PLACEHOLDER.sub(lambda m: values.get(int(m.group(1)), m.group(0)), text)
    return message
