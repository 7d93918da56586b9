"""PyAV/FFmpeg exceptions → VideowallError, always redacted.

The exceptions are made by PyAV's own ``err_check`` from FFmpeg error codes, exactly as a failed open raises them.
"""

from __future__ import annotations

import errno

import av.error
import pytest

from videowall.media.av_errors import exception_text, no_video_error, open_error, read_error
from videowall.runtime.errors import ErrorKind

URL = "rtsp://admin:Zq9secret@10.1.2.3:554/Streaming/101"
WHERE = "10.1.2.3:554"
AVERROR_HTTP_UNAUTHORIZED = -825242872    # FFERRTAG(0xF8, '4', '0', '1')
AVERROR_HTTP_FORBIDDEN = -858797304       # FFERRTAG(0xF8, '4', '0', '3')
AVERROR_HTTP_NOT_FOUND = -875574520       # FFERRTAG(0xF8, '4', '0', '4')
AVERROR_INVALIDDATA = -1094995529
AVERROR_EXIT = -1414092869
AVERROR_PROTOCOL_NOT_FOUND = -1330794744


def raised(code: int) -> Exception:
    try:
        av.error.err_check(code, URL)
    except Exception as exc:  # noqa: BLE001 - we want whatever PyAV raises
        return exc
    raise AssertionError(f"err_check({code}) raised nothing")


@pytest.mark.parametrize("code, kind, words", [
    (AVERROR_HTTP_UNAUTHORIZED, ErrorKind.AUTH_FAILED, "user name or password"),
    (AVERROR_HTTP_FORBIDDEN, ErrorKind.AUTH_FAILED, "user name or password"),
    (AVERROR_HTTP_NOT_FOUND, ErrorKind.NOT_FOUND, "no stream at this path"),
    (-errno.ECONNREFUSED, ErrorKind.UNREACHABLE, "refused the connection"),
    (-errno.EHOSTUNREACH, ErrorKind.UNREACHABLE, "cannot be reached"),
    (-errno.EIO, ErrorKind.UNREACHABLE, "cannot be reached"),          # FFmpeg's failed DNS lookup
    (-errno.ETIMEDOUT, ErrorKind.UNREACHABLE, "did not answer within 5 s"),
    (AVERROR_EXIT, ErrorKind.UNREACHABLE, "did not answer within 5 s"),
    (AVERROR_INVALIDDATA, ErrorKind.STREAM_ERROR, "did not send a playable stream"),
    (AVERROR_PROTOCOL_NOT_FOUND, ErrorKind.INVALID_URL, "cannot open this kind of address"),
])
def test_open_errors(code: int, kind: ErrorKind, words: str) -> None:
    exc = raised(code)
    err = open_error(exc, WHERE, timeout_s=5.0, timed_out=False)
    assert err.kind is kind
    assert words in err.user_message and WHERE in err.user_message
    assert "Zq9secret" not in err.user_message + err.detail
    assert type(exc).__name__ in err.detail


def test_invalid_data_after_the_open_timeout_means_no_answer() -> None:
    # FFmpeg's RTSP demuxer reports an interrupted handshake as "Invalid data".
    err = open_error(raised(AVERROR_INVALIDDATA), WHERE, timeout_s=5.0, timed_out=True)
    assert err.kind is ErrorKind.UNREACHABLE
    assert "did not answer within 5 s" in err.user_message


def test_unexpected_exceptions_are_internal_and_redacted() -> None:
    err = open_error(RuntimeError(f"boom while opening {URL}"), WHERE, 5.0, False)
    assert err.kind is ErrorKind.INTERNAL
    assert "Zq9secret" not in err.detail and "RuntimeError" in err.detail


def test_read_errors() -> None:
    lost = read_error(raised(-errno.ECONNRESET), WHERE)
    assert lost.kind is ErrorKind.STREAM_ERROR and "was lost" in lost.user_message
    assert "Zq9secret" not in lost.detail
    ended = read_error(None, WHERE)
    assert ended.kind is ErrorKind.STREAM_ERROR and "ended the stream" in ended.user_message
    stalled = read_error(raised(AVERROR_EXIT), WHERE, stalled_s=5.0)
    assert stalled.kind is ErrorKind.TIMEOUT and "stopped sending video for 5 s" in stalled.user_message


def test_exception_text_and_no_video() -> None:
    assert "Zq9secret" not in exception_text(raised(AVERROR_HTTP_UNAUTHORIZED))
    assert no_video_error(WHERE).kind is ErrorKind.STREAM_ERROR


AVERROR_HTTP_BAD_REQUEST = -808465656     # FFERRTAG(0xF8, '4', '0', '0')
AVERROR_HTTP_OTHER_4XX = -1482175736      # FFERRTAG(0xF8, '4', 'X', 'X')


@pytest.mark.parametrize("code, answer, refused", [
    (AVERROR_HTTP_BAD_REQUEST, "400 Bad Request", True),            # rtsp-server-perl to a TCP SETUP
    (-errno.EPROTONOSUPPORT, "461 Unsupported Transport", True),     # FFmpeg's code for a 461 to SETUP
    (AVERROR_HTTP_NOT_FOUND, "404 Not Found", False),
    (AVERROR_HTTP_OTHER_4XX, "a 4xx client error", False),
    (-errno.ECONNREFUSED, None, False),
    (AVERROR_INVALIDDATA, None, False),
])
def test_the_servers_answer_is_read_from_the_error_code(code: int, answer: str | None, refused: bool) -> None:
    from videowall.media.av_errors import rtsp_answer, transport_refused

    exc = raised(code)
    assert rtsp_answer(exc) == answer
    assert transport_refused(exc) is refused


def test_a_refused_transport_is_named_with_the_real_answer_not_as_an_unplayable_stream() -> None:
    err = open_error(raised(-errno.EPROTONOSUPPORT), WHERE, 5.0, False, "TCP")
    assert err.kind is ErrorKind.STREAM_ERROR
    assert err.user_message == f"The camera at {WHERE} answered 461 Unsupported Transport over TCP instead of " \
                               "sending the stream."
    assert "Zq9secret" not in err.user_message + err.detail
