"""WS-UsernameToken (PasswordDigest) check of the simulator's ONVIF services.

digest = Base64(SHA-1(nonce + created + password)); ``created`` must be within ``MAX_SKEW_S`` of the
simulated camera clock (which may run off the real one, so clients have to read GetSystemDateAndTime and
correct for it). Plain-text passwords are refused: the simulator models a camera that wants digests.
Stdlib only (Debian's 3.11 server process).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
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
