"""Typed errors: the core raises them, the UI decides where to show them (never by message text)."""

from __future__ import annotations

import enum


class ErrorKind(enum.Enum):
    AUTH_FAILED = "auth_failed"
    UNREACHABLE = "unreachable"
    INVALID_URL = "invalid_url"
    TIMEOUT = "timeout"
    STREAM_ERROR = "stream_error"
    NOT_FOUND = "not_found"
    INVALID_INPUT = "invalid_input"
    STORAGE_CORRUPT = "storage_corrupt"
    STORAGE_ERROR = "storage_error"
    NO_KEYRING = "no_keyring"
    SIMULATOR_ERROR = "simulator_error"
    INTERNAL = "internal"
    PERMISSION_DENIED = "permission_denied"


class VideowallError(Exception):
    """An error an operator can act on.

    ``user_message`` is shown as it is, so it must already be redacted and say what to do;
    ``detail`` is for the log (also passed through redaction before it is written).
    """

    def __init__(self, kind: ErrorKind, user_message: str, detail: str = "") -> None:
        super().__init__(user_message)
        self.kind = kind
        self.user_message = user_message
        self.detail = detail

    def __repr__(self) -> str:
        return f"VideowallError({self.kind.value}, {self.user_message!r})"
