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
        cleaned = []
        for label, value, limit in (("reason", reason, MAX_REASON_CHARS), ("case number", case_number, MAX_CASE_CHARS)):
            text = " ".join((value or "").split())
            if len(text) > limit or unsafe_character(text):
                raise VideowallError(ErrorKind.INVALID_INPUT,
                                     f"The {label} must be at most {limit} printable characters.")
            cleaned.append(text)
        return cls(*cleaned)

    @property
    def complete(self) -> bool:
        return bool(self.reason and self.case_number)


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
    missing = " and ".join(label for label, value in (("a reason", purpose.reason),
                                                      ("a case number", purpose.case_number)) if not value)
    raise ReasonRequired(f"This deployment requires a reason and a case number to open {kind.value} footage: "
                         f"give {missing}.")
