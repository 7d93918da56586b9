"""Checks on what an operator types into a bookmark, and the text folding used by search."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import datetime, timezone

from videowall.model.bookmark import category_key
from videowall.runtime.errors import ErrorKind, VideowallError

MAX_CATEGORY_CHARS = 100
MAX_DESCRIPTION_CHARS = 4000
MAX_PLACE_CHARS = 200
MAX_CASE_CHARS = 100
MAX_RESULT_CHARS = 2000
MAX_REASON_CHARS = 500
MAX_OPERATOR_CHARS = 200
MAX_CAMERAS = 64
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")   # newlines and tabs are fine in free text
# Letters NFKD does not take apart; folded so "lodz" finds "Łódź".
_FOLD_EXTRA = str.maketrans({"ł": "l", "Ł": "l", "đ": "d", "ø": "o", "ß": "ss"})


def invalid(message: str) -> VideowallError:
    return VideowallError(ErrorKind.INVALID_INPUT, message)


def text(value: object, label: str, limit: int, *, required: bool = False, single_line: bool = False) -> str:
    """``value`` stripped; INVALID_INPUT when missing (if required), too long or with control characters."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise invalid(f"{label} must be text.")
    cleaned = value.strip()
    if required and not cleaned:
        raise invalid(f"{label} is required.")
    if len(cleaned) > limit:
        raise invalid(f"{label} is too long ({len(cleaned)} characters; at most {limit}).")
    if _CONTROL.search(cleaned) or (single_line and ("\n" in cleaned or "\t" in cleaned)):
        raise invalid(f"{label} must not contain control characters{' or line breaks' if single_line else ''}.")
    return cleaned


def operator(value: object, label: str = "The operator") -> str:
    return text(value, label, MAX_OPERATOR_CHARS, required=True, single_line=True)


def reason(value: object, label: str) -> str:
    return text(value, label, MAX_REASON_CHARS, required=True)


def category(value: object, allowed: tuple[str, ...] | None) -> str:
    cleaned = category_key(text(value, "The category", MAX_CATEGORY_CHARS, required=True, single_line=True))
    if allowed is not None and cleaned not in {category_key(name) for name in allowed}:
        raise invalid(f"Unknown category {cleaned!r}; choose one of: {', '.join(allowed)}.")
    return cleaned


def camera_ids(value: object) -> tuple[int, ...]:
    """Distinct positive camera ids, sorted; at least one."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise invalid("The cameras must be a list of camera ids.")
    ids = []
    for item in value:
        if isinstance(item, bool) or not isinstance(item, int) or item < 1:
            raise invalid(f"{item!r} is not a camera id.")
        ids.append(item)
    if not ids:
        raise invalid("A bookmark needs at least one camera.")
    unique = tuple(sorted(set(ids)))
    if len(unique) > MAX_CAMERAS:
        raise invalid(f"A bookmark can name at most {MAX_CAMERAS} cameras, not {len(unique)}.")
    return unique


def moment(value: object, label: str) -> datetime:
    if not isinstance(value, datetime):
        raise invalid(f"{label} must be a date and time.")
    if value.tzinfo is None:
        raise invalid(f"{label} needs a time zone.")
    return value.astimezone(timezone.utc)


def roll(value: object, label: str, limit: int) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= limit:
        raise invalid(f"{label} must be from 0 to {limit} seconds, not {value!r}.")
    return round(value * 1_000_000)


def time_range(start_utc: datetime, end_utc: datetime) -> None:
    if end_utc <= start_utc:
        raise invalid("The bookmark must end after it starts "
                      f"(start {start_utc.isoformat()}, end {end_utc.isoformat()}).")


def fold(value: str | None) -> str:
    """Lower case without diacritics: what text search compares."""
    if not value:
        return ""
    decomposed = unicodedata.normalize("NFKD", value.translate(_FOLD_EXTRA))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
