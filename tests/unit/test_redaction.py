"""Redaction of URL user-info and registered secrets, in strings and in log records."""

from __future__ import annotations

import io
import logging
import uuid

from videowall.runtime.redaction import MASK, RedactingFilter, install_redaction, redact, register_secret


def _secret() -> str:
    return f"s3cret-{uuid.uuid4().hex[:12]}"


def _logger_to(stream: io.StringIO) -> logging.Logger:
    logger = logging.getLogger(f"test.redaction.{uuid.uuid4().hex}")
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    logger.addHandler(handler)
    install_redaction(logger)
    return logger


def test_url_userinfo_is_masked_wherever_it_appears():
    text = "open rtsp://admin:hunter2@10.0.0.5:554/Streaming/101 then rtsps://viewer@cam.local/x failed"
    assert redact(text) == f"open rtsp://{MASK}@10.0.0.5:554/Streaming/101 then rtsps://{MASK}@cam.local/x failed"


def test_urls_without_userinfo_and_plain_text_are_unchanged():
    text = "rtsp://10.0.0.5:554/live?user=x and an e-mail ops@example.org"
    assert redact(text) == text


def test_registered_secret_and_its_url_encoded_form_are_masked():
    secret = f"p@ss word/{uuid.uuid4().hex[:8]}"
    register_secret(secret)
    encoded = secret.replace("@", "%40").replace(" ", "%20").replace("/", "%2F")
    out = redact(f"raw={secret} encoded={encoded}")
    assert secret not in out and encoded not in out
    assert out == f"raw={MASK} encoded={MASK}"


def test_empty_and_very_short_secrets_are_not_registered():
    register_secret(None)
    register_secret("")
    register_secret("ab")
    assert redact("ab cd") == "ab cd"


def test_log_record_message_and_args_are_redacted():
    secret = _secret()
    register_secret(secret)
    stream = io.StringIO()
    logger = _logger_to(stream)
    logger.info("opening %s with password %s", "rtsp://admin:other@cam/1", secret)
    assert stream.getvalue() == f"INFO opening rtsp://{MASK}@cam/1 with password {MASK}\n"


def test_exception_text_in_log_records_is_redacted():
    secret = _secret()
    register_secret(secret)
    stream = io.StringIO()
    logger = _logger_to(stream)
    try:
        raise ConnectionError(f"rtsp://admin:{secret}@10.0.0.5/x: 401 Unauthorized ({secret})")
    except ConnectionError:
        logger.exception("stream failed")
    output = stream.getvalue()
    assert "ConnectionError" in output and "401 Unauthorized" in output
    assert secret not in output and "admin" not in output


def test_stack_info_is_redacted():
    secret = _secret()
    register_secret(secret)
    record = logging.LogRecord("x", logging.WARNING, __file__, 1, "msg", None, None, sinfo=f"Stack: {secret}")
    RedactingFilter().filter(record)
    assert secret not in record.stack_info


def test_install_redaction_is_idempotent():
    stream = io.StringIO()
    logger = _logger_to(stream)
    install_redaction(logger)
    assert sum(isinstance(f, RedactingFilter) for f in logger.filters) == 1
    assert sum(isinstance(f, RedactingFilter) for f in logger.handlers[0].filters) == 1


def test_records_of_any_logger_reach_late_handlers_redacted():
    """Logger filters do not apply to propagated records; the process-wide factory covers them."""
    install_redaction()
    secret = _secret()
    register_secret(secret)
    stream = io.StringIO()
    late_handler = logging.StreamHandler(stream)   # added after install, carries no filter
    root = logging.getLogger()
    root.addHandler(late_handler)
    try:
        logging.getLogger(f"videowall.child.{uuid.uuid4().hex}").warning("auth with %s failed", secret)
    finally:
        root.removeHandler(late_handler)
    assert secret not in stream.getvalue() and MASK in stream.getvalue()
