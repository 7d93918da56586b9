"""The HTTP side of the ONVIF client: a requests session that reads every reply within a byte limit and
answers HTTP Digest challenges (part of the adapter with ``client.py``; nothing else imports requests).

A camera's reply is read in chunks and refused as soon as it passes ``max_reply_bytes`` (or announces more in
Content-Length), so a broken or hostile device cannot make the station hold hundreds of megabytes; the body
must also arrive within the call timeout after its headers (a trickling reply is a timeout, not a hang).
"""

from __future__ import annotations

import time

import requests
from requests.adapters import HTTPAdapter
from requests.auth import AuthBase

from videowall.model.camera import Credentials
from videowall.onvif.http_digest import DigestSigner
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.runtime.redaction import redact

MAX_REPLY_BYTES = 4 * 1024 * 1024
_CHUNK = 64 * 1024


def too_large(url: str, limit: int) -> VideowallError:
    return VideowallError(ErrorKind.STREAM_ERROR,
                          f"The device at {redact(url)} sent a reply larger than {limit / 1048576:g} MB; it was "
                          f"refused (raise the limit only for a device known to send such replies).")


def read_bounded(response: requests.Response, limit: int, body_timeout_s: float) -> bytes:
    """The whole body of a streamed response, or VideowallError once it passes ``limit`` bytes or time."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        response.close()
        raise too_large(response.url, limit)
    deadline = time.monotonic() + body_timeout_s
    chunks, total = [], 0
    try:
        for chunk in response.iter_content(_CHUNK):
            total += len(chunk)
            if total > limit:
                raise too_large(response.url, limit)
            if time.monotonic() > deadline:
                raise VideowallError(ErrorKind.TIMEOUT,
                                     f"The device at {redact(response.url)} did not finish its reply in time.")
            chunks.append(chunk)
    except BaseException:
        response.close()
        raise
    return b"".join(chunks)


class BoundedSession(requests.Session):
    """Streams every response and reads it with ``read_bounded`` before anyone sees it."""

    def __init__(self, max_reply_bytes: int, body_timeout_s: float) -> None:
        super().__init__()
        self.trust_env = False  # a proxy from the environment must not see camera traffic
        self.max_reply_bytes = max_reply_bytes
        self.body_timeout_s = body_timeout_s

    def request(self, method, url, *args, **kwargs):  # noqa: ANN001 - requests' own signature
        kwargs["stream"] = True
        response = super().request(method, url, *args, **kwargs)
        response._content = read_bounded(response, self.max_reply_bytes, self.body_timeout_s)  # noqa: SLF001
        response._content_consumed = True  # noqa: SLF001 - how requests itself marks a read body
        return response


class DigestAuth(AuthBase):
    """HTTP Digest for a session: signs requests once a challenge is known, and on a 401 with a Digest
    challenge re-sends the request once, signed (the WS-UsernameToken in the body stays as it was)."""

    def __init__(self, credentials: Credentials, session: BoundedSession) -> None:
        self._signer = DigestSigner(credentials.username, credentials.password)
        self._session = session

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        self._sign(request)
        request.register_hook("response", self._on_response)
        return request

    def _sign(self, request: requests.PreparedRequest) -> None:
        header = self._signer.header(request.method or "POST", request.path_url)
        if header is not None:
            request.headers["Authorization"] = header

    def _on_response(self, response: requests.Response, **kwargs) -> requests.Response:
        # Runs on the first answer only: the re-send below goes straight to the adapter, past the hooks.
        if response.status_code != 401:
            return response
        if not self._signer.accept(response.headers.get("WWW-Authenticate")):
            return response
        read_bounded(response, self._session.max_reply_bytes, self._session.body_timeout_s)  # free the connection
        response.close()
        retry = response.request.copy()
        self._sign(retry)
        answered = response.connection.send(retry, **kwargs)
        answered.history.append(response)
        answered.request = retry
        return answered


class PinnedAdapter(HTTPAdapter):
    """Accepts exactly the certificate with this SHA-256 fingerprint (an operator's explicit trust)."""

    def __init__(self, fingerprint: str) -> None:
        self._fingerprint = fingerprint
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        kwargs["assert_fingerprint"] = self._fingerprint
        kwargs["cert_reqs"] = "CERT_NONE"
        return super().init_poolmanager(*args, **kwargs)


def session(credentials: Credentials | None, pinned_sha256: str | None, max_reply_bytes: int,
            body_timeout_s: float) -> BoundedSession:
    result = BoundedSession(max_reply_bytes, body_timeout_s)
    if credentials is not None:
        result.auth = DigestAuth(credentials, result)
    if pinned_sha256:
        result.verify = False
        result.mount("https://", PinnedAdapter(pinned_sha256.replace(":", "").lower()))
    return result
