"""HTTP Digest access authentication (RFC 7616) for ONVIF SOAP requests: challenge in, Authorization header out.

Many cameras want Digest instead of (or besides) WS-UsernameToken: they answer an unauthenticated request with
401 and a ``WWW-Authenticate: Digest …`` challenge. ``DigestSigner`` keeps the last challenge and signs every
later request with it (counting ``nc`` up), so only the first request of a connection (or one after the camera
dropped its nonce) costs a second round trip. MD5, MD5-sess, SHA-256 and SHA-256-sess; qop ``auth`` or none.
Only the hash of the password goes on the wire. Pure Python, no I/O.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass

_FIELD = re.compile(r'([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))')
_HASHES = {"MD5": hashlib.md5, "SHA-256": hashlib.sha256}


@dataclass(frozen=True)
class DigestChallenge:
    realm: str
    nonce: str
    algorithm: str = "MD5"
    qop: str | None = None      # "auth" or None (RFC 2069 style)
    opaque: str | None = None
    stale: bool = False


def parse_challenge(header: str | None) -> DigestChallenge | None:
    """The Digest challenge of a WWW-Authenticate header (None if there is none we can answer)."""
    if not header:
        return None
    start = header.lower().find("digest ")
    if start < 0:
        return None
    fields = {key.lower(): bare or re.sub(r"\\(.)", r"\1", quoted)
              for key, quoted, bare in _FIELD.findall(header[start + 7:])}
    algorithm = fields.get("algorithm", "MD5")
    if not fields.get("nonce") or algorithm.upper().removesuffix("-SESS") not in _HASHES:
        return None
    qops = {item.strip() for item in fields.get("qop", "").split(",") if item.strip()}
    if qops and "auth" not in qops:
        return None  # auth-int only: would need the body's hash; no camera seen asks for it
    return DigestChallenge(realm=fields.get("realm", ""), nonce=fields["nonce"], algorithm=algorithm,
                           qop="auth" if qops else None, opaque=fields.get("opaque"),
                           stale=fields.get("stale", "").lower() == "true")


class DigestSigner:
    """Authorization headers for one user against one device; thread-safe."""

    def __init__(self, username: str, password: str, cnonce: Callable[[], str] = lambda: os.urandom(8).hex()) -> None:
        self._username, self._password = username, password
        self._cnonce = cnonce
        self._challenge: DigestChallenge | None = None
        self._count = 0
        self._lock = threading.Lock()

    @property
    def has_challenge(self) -> bool:
        return self._challenge is not None

    def accept(self, header: str | None) -> bool:
        """Take the challenge of a 401 reply; False when it holds none we can answer."""
        challenge = parse_challenge(header)
        if challenge is None:
            return False
        with self._lock:
            self._challenge, self._count = challenge, 0
        return True

    def header(self, method: str, uri: str) -> str | None:
        """The Authorization header for a request (None before any challenge)."""
        with self._lock:
            challenge = self._challenge
            if challenge is None:
                return None
            self._count += 1
            count = f"{self._count:08x}"
        cnonce = self._cnonce()
        algorithm = challenge.algorithm
        digest = _HASHES[algorithm.upper().removesuffix("-SESS")]

        def h(text: str) -> str:
            return digest(text.encode("utf-8")).hexdigest()

        ha1 = h(f"{self._username}:{challenge.realm}:{self._password}")
        if algorithm.upper().endswith("-SESS"):
            ha1 = h(f"{ha1}:{challenge.nonce}:{cnonce}")
        ha2 = h(f"{method}:{uri}")
        if challenge.qop:
            response = h(f"{ha1}:{challenge.nonce}:{count}:{cnonce}:{challenge.qop}:{ha2}")
        else:
            response = h(f"{ha1}:{challenge.nonce}:{ha2}")
        parts = [f'username="{_quote(self._username)}"', f'realm="{_quote(challenge.realm)}"',
                 f'nonce="{_quote(challenge.nonce)}"', f'uri="{_quote(uri)}"', f'response="{response}"',
                 f"algorithm={algorithm}"]
        if challenge.qop:
            parts += [f"qop={challenge.qop}", f"nc={count}", f'cnonce="{cnonce}"']
        if challenge.opaque is not None:
            parts.append(f'opaque="{_quote(challenge.opaque)}"')
        return "Digest " + ", ".join(parts)


def _quote(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')
