"""Why someone opens footage: the reason and case number a deployment may require (docs/design/access-log.md)."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from videowall.access.roles import Role
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.runtime.text import unsafe_character

MAX_REASON_CHARS = 300
MAX_CASE_CHARS = 100


class ViewKind(enum.Enum):
    LIVE = "live"
    PLAYBACK = "playback"


class ReasonRequired(VideowallError):
    """Footage was opened without the reason or case number the deployment requires."""

    def __init__(self, user_message: str) -> None:
        super().__init__(ErrorKind.PERMISSION_DENIED, user_message)


@dataclass(frozen=True)
class Purpose:
    reason: str
    case_number: str

    @classmethod
    def of(cls, reason: str | None, case_number: str | None) -> Purpose:
        """Trimmed; INVALID_INPUT for text too long or with control characters."""
        return cls(_clean(reason, MAX_REASON_CHARS, f"The reason must be at most {MAX_REASON_CHARS} printable "
                                                    "characters."),
                   _clean(case_number, MAX_CASE_CHARS, f"The case number must be at most {MAX_CASE_CHARS} printable "
                                                       "characters."))

    @property
    def complete(self) -> bool:
        return bool(self.reason and self.case_number)


def _clean(value: str | None, limit: int, message: str) -> str:
    text = " ".join((value or "").split())
    if len(text) > limit or unsafe_character(text):
        raise VideowallError(ErrorKind.INVALID_INPUT, message)
    return text


NO_PURPOSE = Purpose("", "")


def reason_required(rules: tuple[str, ...], role: Role | None, kind: ViewKind) -> bool:
    """Whether ``rules`` (the setting ``reasons_required``) ask a reason of ``role`` opening ``kind``."""
    if kind is ViewKind.PLAYBACK and "playback" in rules:
        return True
    return role is Role.POLICE and f"police_{kind.value}" in rules


def check_purpose(rules: tuple[str, ...], role: Role | None, kind: ViewKind, purpose: Purpose) -> None:
    """ReasonRequired when the deployment asks for a reason and case number that ``purpose`` lacks."""
    if purpose.complete or not reason_required(rules, role, kind):
        return
    raise ReasonRequired(_required_message(kind))


def _required_message(kind: ViewKind) -> str:
    if kind is ViewKind.LIVE:
        return "This deployment requires a reason and a case number to watch this live video: give both."
    return "This deployment requires a reason and a case number to play back recordings: give both."
