"""Text from outside (camera names, descriptions, settings) as reportlab paragraph markup."""

from __future__ import annotations

from xml.sax.saxutils import escape

from videowall.runtime.text import escaped


def cell_markup(text: str, multiline: bool = False) -> str:
    """``text`` safe inside a Paragraph: markup characters escaped (a name like ``<b>`` prints as it is),
    characters text must not carry (control, bidirectional, NUL) shown as ``\\uXXXX`` so a printed name reads
    as it is stored; with ``multiline`` each line break starts a new line."""
    lines = text.split("\n") if multiline else [text]
    return "<br/>".join(escape(escaped(line)) for line in lines)
