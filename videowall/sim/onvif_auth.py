"""WS-UsernameToken (PasswordDigest) and HTTP Digest checks of the simulator's ONVIF services.

digest = Base64(SHA-1(nonce + created + password)); ``created`` must be within ``MAX_SKEW_S`` of the
simulated camera clock (which may run off the real one, so clients have to read GetSystemDateAndTime and
correct for it). Plain-text passwords are refused: the simulator models a camera that wants digests.
HTTP Digest is the other way many cameras authenticate SOAP requests (``HttpDigest``).
Stdlib only (Debian's 3.11 server process).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import time
from datetime import datetime, timezone
from xml.etree import ElementTree as ET

WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"
DIGEST_TYPE = ("http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0"
               "#PasswordDigest")
MAX_SKEW_S = 300.0


def _parse_created(text: str) -> datetime:
    text = text.strip().replace("Z", "+00:00")
    created = datetime.fromisoformat(text)
    return created if created.tzinfo else created.replace(tzinfo=timezone.utc)


def check_token(envelope: ET.Element, user: str, password: str, camera_now: datetime) -> bool:
    """True when the envelope carries a valid digest token for ``user``/``password``."""
    token = envelope.find(f".//{{{WSSE}}}UsernameToken")
    if token is None:
        return False
    name = token.findtext(f"{{{WSSE}}}Username", "")
    pw = token.find(f"{{{WSSE}}}Password")
    nonce_text = token.findtext(f"{{{WSSE}}}Nonce", "")
    created_text = token.findtext(f"{{{WSU}}}Created", "")
    if pw is None or pw.get("Type", DIGEST_TYPE) != DIGEST_TYPE or not nonce_text or not created_text:
        return False
    try:
        nonce = base64.b64decode(nonce_text)
        created = _parse_created(created_text)
    except ValueError:
        return False
    if abs((created - camera_now).total_seconds()) > MAX_SKEW_S:
        return False
    expected = base64.b64encode(hashlib.sha1(nonce + created_text.encode() + password.encode()).digest())
    return hmac.compare_digest(name.encode(), user.encode()) and hmac.compare_digest(
        expected, (pw.text or "").strip().encode())


class HttpDigest:
    """HTTP Digest (RFC 7616, MD5, qop=auth) for the SOAP endpoints: challenges with a nonce this server made
    (valid ``NONCE_LIFE_S``; older ones are answered ``stale=true``) and checks Authorization headers."""

    REALM = "VideowallSim"
    NONCE_LIFE_S = 300.0

    def __init__(self, user: str, password: str) -> None:
        self._user, self._password = user, password
        self._secret = os.urandom(16)

    def _nonce(self, issued: int) -> str:
        mac = hmac.new(self._secret, str(issued).encode(), hashlib.sha256).hexdigest()[:32]
        return f"{issued:x}{mac}"

    def challenge(self, stale: bool = False) -> str:
        nonce = self._nonce(int(time.time()))
        return (f'Digest realm="{self.REALM}", qop="auth", nonce="{nonce}", algorithm=MD5'
                + (", stale=true" if stale else ""))

    def check(self, method: str, header: str | None) -> str:
        """"ok", "stale" (a once valid nonce, too old) or "no"."""
        if not header or not header.startswith("Digest "):
            return "no"
        fields = {key.lower(): quoted or bare for key, quoted, bare in _DIGEST_FIELD.findall(header[7:])}
        nonce = fields.get("nonce", "")
        try:
            issued = int(nonce[:-32], 16)
        except ValueError:
            return "no"
        if not hmac.compare_digest(self._nonce(issued), nonce):
            return "no"
        if fields.get("algorithm", "MD5").upper() != "MD5" or fields.get("qop", "auth") != "auth":
            return "no"

        def md5(text: str) -> str:
            return hashlib.md5(text.encode()).hexdigest()

        ha1 = md5(f"{self._user}:{self.REALM}:{self._password}")
        ha2 = md5(f"{method}:{fields.get('uri', '')}")
        if "qop" in fields:
            expected = md5(f"{ha1}:{nonce}:{fields.get('nc', '')}:{fields.get('cnonce', '')}:auth:{ha2}")
        else:
            expected = md5(f"{ha1}:{nonce}:{ha2}")
        if not (hmac.compare_digest(fields.get("username", "").encode(), self._user.encode())
                and hmac.compare_digest(expected, fields.get("response", ""))):
            return "no"
        return "stale" if time.time() - issued > self.NONCE_LIFE_S else "ok"


_DIGEST_FIELD = re.compile(r'(\w+)=(?:"([^"]*)"|([^\s,]*))')
