"""A station's connection to a recording server (httpx): index queries, segment downloads that resume.

Every failure becomes a VideowallError that says what to do: the server down or unreachable, the session
refused, the certificate not trusted, a segment gone. The token travels only in the Authorization header.
"""

from __future__ import annotations

import contextlib
import ipaddress
import json
import ssl
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from videowall.footage.wire import API, parse_utc_param, utc_text
from videowall.runtime.clock import SYSTEM_CLOCK, Clock
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.runtime.redaction import redact, register_secret

TIMEOUT_S = 15.0
SHA256_HEADER = "X-Videowall-Sha256"


@dataclass(frozen=True)
class RecorderClock:
    server_utc: datetime
    skew_s: float          # the recorder's clock minus this station's (positive: the recorder is ahead)


class RecorderClient:
    def __init__(self, base_url: str, token: str, ca_file: Path | None = None, timeout_s: float = TIMEOUT_S,
                 clock: Clock = SYSTEM_CLOCK) -> None:
        self.base_url = _checked_url(base_url)
        if not token.strip():
            raise VideowallError(ErrorKind.AUTH_FAILED, "No token for the recording server was given.")
        register_secret(token.strip())
        self._clock = clock
        self._http = httpx.Client(base_url=self.base_url + API, verify=_verify(ca_file), timeout=timeout_s,
                                  headers={"Authorization": f"Bearer {token.strip()}"})

    def close(self) -> None:
        self._http.close()

    def clock(self) -> RecorderClock:
        """The recorder's time, and how far it is from this station's (half the round trip is allowed for)."""
        before = self._clock.now_utc()
        data = self._json("/status")
        after = self._clock.now_utc()
        server = parse_utc_param(data.get("server_time_utc"), "server_time_utc")
        local = before + (after - before) / 2
        return RecorderClock(server, (server - local).total_seconds())

    def footage(self, camera_id: int, start_utc: datetime, end_utc: datetime) -> dict:
        """The server's segments and gaps of ``camera_id`` overlapping [start, end) (JSON as sent)."""
        return self._json(f"/cameras/{camera_id}/footage", params={"from": utc_text(start_utc),
                                                                    "to": utc_text(end_utc)})

    def download(self, segment_id: int, part: Path, on_chunk: Callable[[bytes], None] | None = None) -> tuple[str | None, int]:
        """Append the segment's bytes after what ``part`` already holds (a resumed download fetches only the
        rest); ``on_chunk`` sees each piece appended. Returns the recorder's digest header, if any, and how
        many bytes of ``part`` were kept from before (0 when the server sent the whole file again)."""
        have = part.stat().st_size if part.exists() else 0
        headers = {"Range": f"bytes={have}-"} if have else {}
        with self._request_stream(f"/segments/{segment_id}", headers) as response:
            if response.status_code == 416:        # nothing after what we have: the file is complete
                return response.headers.get(SHA256_HEADER), have
            if have and response.status_code != 206:
                part.unlink(missing_ok=True)       # the server ignored the range: start over
                have = 0
            with open(part, "ab") as out:
                for chunk in _chunks(response, self.base_url):
                    out.write(chunk)
                    if on_chunk is not None:
                        on_chunk(chunk)
            return response.headers.get(SHA256_HEADER), have

    def read_range(self, segment_id: int, start: int, length: int) -> bytes:
        """``length`` bytes of a segment from ``start`` (one Range request)."""
        headers = {"Range": f"bytes={start}-{start + length - 1}"}
        with self._request_stream(f"/segments/{segment_id}", headers) as response:
            return b"".join(_chunks(response, self.base_url))

    # -- internals ------------------------------------------------------------------------------------
    def _json(self, path: str, params: dict | None = None) -> dict:
        with self._request_stream(path, {}, params) as response:
            body = b"".join(_chunks(response, self.base_url))
        try:
            return json.loads(body)
        except ValueError:
            raise VideowallError(ErrorKind.STREAM_ERROR,
                                 f"The recording server at {self.base_url} sent an unreadable answer.") from None

    @contextlib.contextmanager
    def _request_stream(self, path: str, headers: dict, params: dict | None = None) -> Iterator[httpx.Response]:
        try:
            with self._http.stream("GET", path, headers=headers, params=params) as response:
                if response.status_code >= 400 and response.status_code != 416:
                    response.read()
                    raise _refused(response, self.base_url)
                yield response
        except httpx.HTTPError as err:
            raise _transport_error(err, self.base_url) from None


def _chunks(response: httpx.Response, base_url: str) -> Iterator[bytes]:
    try:
        yield from response.iter_bytes()     # as it arrives: a cut download keeps every byte it got
    except httpx.HTTPError as err:
        raise _transport_error(err, base_url) from None


def _refused(response: httpx.Response, base_url: str) -> VideowallError:
    try:
        reason = str(response.json().get("error") or "")
    except ValueError:
        reason = ""
    status = response.status_code
    if status == 401:
        return VideowallError(ErrorKind.AUTH_FAILED,
                              f"The recording server at {base_url} refused this station's session ({reason}) "
                              "Ask for a new token on the recorder: videowall recorder token --user NAME.")
    if status == 404:
        return VideowallError(ErrorKind.NOT_FOUND, reason or f"The recording server at {base_url} has no such footage.")
    return VideowallError(ErrorKind.STREAM_ERROR,
                          f"The recording server at {base_url} answered {status}: "
                          f"{(reason or response.reason_phrase).rstrip('.')}.")


def _transport_error(err: httpx.HTTPError, base_url: str) -> VideowallError:
    text = redact(str(err) or type(err).__name__)
    cause = err.__context__
    if isinstance(cause, ssl.SSLCertVerificationError) or "CERTIFICATE_VERIFY_FAILED" in text:
        return VideowallError(ErrorKind.AUTH_FAILED,
                              f"The recording server at {base_url} showed a certificate this station does not trust "
                              f"({text}). Give the recorder's CA certificate (--recorder-ca).", detail=repr(err))
    if isinstance(err, httpx.TimeoutException):
        return VideowallError(ErrorKind.TIMEOUT, f"The recording server at {base_url} did not answer in time.",
                              detail=repr(err))
    if isinstance(err, httpx.ConnectError):
        return VideowallError(ErrorKind.UNREACHABLE,
                              f"The recording server at {base_url} cannot be reached ({text}). Check that it runs "
                              "and that the network to it works.", detail=repr(err))
    return VideowallError(ErrorKind.UNREACHABLE,
                          f"The connection to the recording server at {base_url} broke ({text}).", detail=repr(err))


def _checked_url(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.username or parts.password:
        raise VideowallError(ErrorKind.INVALID_URL,
                             f"{redact(url)} is not a recording server address (https://HOST:PORT, no credentials).")
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        raise VideowallError(ErrorKind.INVALID_URL,
                             "Footage from another PC is read over HTTPS only: use https://… for the recording server.")
    return f"{parts.scheme}://{parts.netloc}"


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _verify(ca_file: Path | None) -> ssl.SSLContext | bool:
    if ca_file is None:
        return True
    try:
        return ssl.create_default_context(cafile=str(ca_file))
    except (OSError, ssl.SSLError) as err:
        raise VideowallError(ErrorKind.INVALID_INPUT, f"Cannot read the CA certificate {ca_file}: "
                             f"{getattr(err, 'strerror', None) or err}.") from None
