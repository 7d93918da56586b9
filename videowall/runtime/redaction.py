"""Keeps secrets out of logs and messages.

Two layers: URL user-info (``scheme://user:pass@``) is always masked, and every secret the process
has handled (registered when it is read from the keyring or stdin) is masked wherever it appears.
"""

from __future__ import annotations

import logging
import re
import threading
from urllib.parse import quote

MASK = "***"
_USERINFO = re.compile(r"(?P<scheme>[a-zA-Z][a-zA-Z0-9+.-]*://)(?P<userinfo>[^/@\s'\"]+)@")
_lock = threading.Lock()
_secrets: set[str] = set()


def register_secret(secret: str | None) -> None:
    """Remember a secret (and its URL-encoded form) so that it is masked from now on."""
    if not secret or len(secret) < 3:
        return
    with _lock:
        _secrets.add(secret)
        _secrets.add(quote(secret, safe=""))


def redact(text: object) -> str:
    out = _USERINFO.sub(lambda m: m.group("scheme") + MASK + "@", str(text))
    with _lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        out = out.replace(secret, MASK)
    return out


def registered_secrets() -> frozenset[str]:
    """Every secret registered so far (for checks that nothing leaked, e.g. after a test run)."""
    with _lock:
        return frozenset(_secrets)


def redact_record(record: logging.LogRecord) -> logging.LogRecord:
    """Rewrite a record's message (args included), exception and stack text through ``redact``."""
    if getattr(record, "_videowall_redacted", False):
        return record
    record.msg = redact(record.getMessage())
    record.args = None
    if record.exc_info and record.exc_info[1] is not None and not record.exc_text:
        # Formatters use a ready exc_text instead of formatting exc_info again.
        record.exc_text = logging.Formatter().formatException(record.exc_info)
    if record.exc_text:
        record.exc_text = redact(record.exc_text)
    if record.stack_info:
        record.stack_info = redact(record.stack_info)
    record._videowall_redacted = True
    return record


class RedactingFilter(logging.Filter):
    """A handler/logger filter applying ``redact_record`` (for loggers outside the process-wide factory)."""

    def filter(self, record: logging.LogRecord) -> bool:
        redact_record(record)
        return True


_factory_installed = False


def install_redaction(logger: logging.Logger | None = None) -> None:
    """Redact every log record of the process at creation (whatever handler later formats it).

    With ``logger``, also attach the filter to it and its handlers (for records built outside the
    standard factory). Idempotent.
    """
    global _factory_installed
    with _lock:
        if not _factory_installed:
            previous = logging.getLogRecordFactory()

            def factory(*args, **kwargs) -> logging.LogRecord:
                return redact_record(previous(*args, **kwargs))

            logging.setLogRecordFactory(factory)
            _factory_installed = True
    target = logger or logging.getLogger()
    if not any(isinstance(f, RedactingFilter) for f in target.filters):
        target.addFilter(RedactingFilter())
    for handler in target.handlers:
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(RedactingFilter())
