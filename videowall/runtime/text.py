"""Which characters text from outside (typed, read from a file, sent by a camera) may carry.

Refused everywhere: C0 and C1 control characters and DEL (NUL cuts C strings short, ESC drives
terminals), line and paragraph separators, the bidirectional controls that make a name read
differently than it is stored ("Trojan Source": U+202E shows "Wejście 1" for "1 eicśjeW"), and lone
surrogates (what Python makes of bytes that are not UTF-8 on a command line; SQLite cannot store them).
Line breaks and tabs are allowed only where a text may have several lines.
"""

from __future__ import annotations

import re

_UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_UNSAFE_IN_MULTILINE = re.compile(f"[{_UNSAFE}]")
_UNSAFE_IN_LINE = re.compile(f"[\t\n{_UNSAFE}]")


def unsafe_character(value: str, multiline: bool = False) -> str | None:
    """The first character of ``value`` that text must not carry, as ``U+XXXX``; None when it is clean."""
    found = (_UNSAFE_IN_MULTILINE if multiline else _UNSAFE_IN_LINE).search(value)
    return f"U+{ord(found.group()):04X}" if found else None


def escaped(value: str) -> str:
    """``value`` with every character ``unsafe_character`` refuses written as ``\\uXXXX``: safe to print."""
    return _UNSAFE_IN_LINE.sub(lambda m: f"\\u{ord(m.group()):04x}", value)


def brief(value: object, limit: int = 60, quote: bool = True) -> str:
    """``value`` for a message: quoted (``repr``) unless ``quote`` is False, escaped, cut to ``limit`` characters."""
    shown = repr(value) if quote else escaped(str(value))
    return shown if len(shown) <= limit else f"{shown[:limit - 1]}…"
