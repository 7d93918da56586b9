"""Turns PyAV/FFmpeg exceptions into VideowallErrors an operator can act on.

PyAV puts the whole URL, ``user:password@`` included, into ``str(exc)`` and ``exc.filename``: nothing of the
exception reaches a message or a detail without ``redact``.
"""

from __future__ import annotations

import errno

import av.error

from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.runtime.redaction import redact

_UNREACHABLE_ERRNOS = {errno.ENETUNREACH, errno.EHOSTUNREACH, errno.EHOSTDOWN, errno.ENETDOWN, errno.EADDRNOTAVAIL,
                       errno.ECONNABORTED, errno.ECONNRESET, errno.EPIPE, errno.EIO}


def exception_text(exc: BaseException) -> str:
    """``Type: message`` of ``exc``, redacted, for logs and ``detail``."""
    return redact(f"{type(exc).__name__}: {exc}")


def rtsp_answer(exc: BaseException) -> str | None:
    """The RTSP status a server answered with, as far as FFmpeg's error code tells it; None for no answer.

    FFmpeg turns "461 Unsupported Transport" to SETUP into EPROTONOSUPPORT when no other transport was allowed.
    """
    if isinstance(exc, av.error.HTTPBadRequestError):
        return "400 Bad Request"
    if isinstance(exc, av.error.HTTPUnauthorizedError):
        return "401 Unauthorized"
    if isinstance(exc, av.error.HTTPForbiddenError):
        return "403 Forbidden"
    if isinstance(exc, av.error.HTTPNotFoundError):
        return "404 Not Found"
    if isinstance(exc, av.error.HTTPOtherClientError):
        return "a 4xx client error"
    if isinstance(exc, av.error.HTTPServerError):
        return "a 5xx server error"
    if isinstance(exc, av.error.FFmpegError) and getattr(exc, "errno", None) == errno.EPROTONOSUPPORT:
        return "461 Unsupported Transport"
    return None


def transport_refused(exc: BaseException) -> bool:
    """True when the answer means "not over this transport": worth trying the other one.

    461 is the standard answer; servers that speak only UDP (rtsp-server-perl, rtsp-streaming-server) also
    answer a TCP SETUP with 400 Bad Request.
    """
    return rtsp_answer(exc) in ("400 Bad Request", "461 Unsupported Transport")


def open_error(exc: BaseException, where: str, timeout_s: float, timed_out: bool,
               transport: str | None = None) -> VideowallError:
    """Map an exception raised by ``av.open`` (connect, RTSP handshake, probing).

    ``where`` is the camera's host:port (no credentials); ``timed_out`` is True when the attempt ran into its
    open timeout or was interrupted by it: FFmpeg then reports anything from ExitError to InvalidDataError.
    ``transport`` ("TCP", "UDP") is named in the message when the server's answer may depend on it.
    """
    detail = exception_text(exc)
    if isinstance(exc, VideowallError):
        return exc
    if isinstance(exc, (av.error.HTTPUnauthorizedError, av.error.HTTPForbiddenError)):
        return VideowallError(ErrorKind.AUTH_FAILED,
                              f"The camera at {where} refused the user name or password. Check the credentials "
                              "saved for this camera.", detail)
    if isinstance(exc, av.error.HTTPNotFoundError):
        return VideowallError(ErrorKind.NOT_FOUND,
                              f"The camera at {where} has no stream at this path. Check the stream address.", detail)
    if isinstance(exc, ConnectionRefusedError):
        return VideowallError(ErrorKind.UNREACHABLE,
                              f"The camera at {where} refused the connection. Check the port and that its RTSP "
                              "service is on.", detail)
    if timed_out or isinstance(exc, (TimeoutError, av.error.ExitError)):
        return VideowallError(ErrorKind.UNREACHABLE,
                              f"The camera at {where} did not answer within {timeout_s:g} s. Check that it is "
                              "powered and on the network.", detail)
    if isinstance(exc, OSError) and getattr(exc, "errno", None) in _UNREACHABLE_ERRNOS:
        # FFmpeg reports a failed name lookup as EIO as well.
        return VideowallError(ErrorKind.UNREACHABLE,
                              f"The camera at {where} cannot be reached. Check its address and the network.", detail)
    if isinstance(exc, (av.error.ProtocolNotFoundError, av.error.DemuxerNotFoundError)):
        return VideowallError(ErrorKind.INVALID_URL,
                              f"The video library cannot open this kind of address (camera at {where}).", detail)
    answer = rtsp_answer(exc)
    if answer is not None:
        over = f" over {transport}" if transport else ""
        return VideowallError(ErrorKind.STREAM_ERROR,
                              f"The camera at {where} answered {answer}{over} instead of sending the stream.", detail)
    if isinstance(exc, av.error.FFmpegError):
        return VideowallError(ErrorKind.STREAM_ERROR,
                              f"The camera at {where} answered but did not send a playable stream.", detail)
    return VideowallError(ErrorKind.INTERNAL, f"Opening the stream from {where} failed unexpectedly.", detail)


def read_error(exc: BaseException | None, where: str, stalled_s: float | None = None) -> VideowallError:
    """Map the end of a stream that was open: an exception, an end of stream (``exc`` None), or a stall."""
    if stalled_s is not None:
        return VideowallError(ErrorKind.TIMEOUT,
                              f"The camera at {where} stopped sending video for {stalled_s:g} s. Reconnecting.",
                              exception_text(exc) if exc is not None else "stalled")
    if exc is None:
        return VideowallError(ErrorKind.STREAM_ERROR, f"The camera at {where} ended the stream. Reconnecting.",
                              "end of stream")
    kind = ErrorKind.STREAM_ERROR if isinstance(exc, av.error.FFmpegError) else ErrorKind.INTERNAL
    return VideowallError(kind, f"The stream from {where} was lost. Reconnecting.", exception_text(exc))


def no_video_error(where: str) -> VideowallError:
    return VideowallError(ErrorKind.STREAM_ERROR, f"The stream from {where} has no video track.", "no video stream")
