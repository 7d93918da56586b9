"""RTSP URL checks and credential injection.

Stored URLs never carry credentials: the operator types them in the credential fields, the keyring keeps
them, and ``with_credentials`` puts them into the URL only for the moment ``av.open`` needs it.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit
from urllib.request import url2pathname

from videowall.model.camera import Credentials
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.runtime.redaction import redact, register_secret

SCHEMES = ("rtsp", "rtsps")
_DEFAULT_PORTS = {"rtsp": 554, "rtsps": 322}


def _invalid(message: str, url: str) -> VideowallError:
    return VideowallError(ErrorKind.INVALID_URL, message, detail=f"url={redact(url)}")


def validate_rtsp_url(url: str) -> str:
    """Return ``url`` stripped of surrounding blanks, or raise VideowallError(INVALID_URL) saying what is wrong."""
    if not isinstance(url, str) or not url.strip():
        raise _invalid("The stream address is empty. Enter an address like rtsp://camera-host:554/stream.", "")
    url = url.strip()
    if any(ch.isspace() for ch in url):
        raise _invalid("The stream address contains spaces. Remove them (encode a space in a path as %20).", url)
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in url):
        raise _invalid("The stream address contains control characters.", url)
    scheme, sep, _rest = url.partition("://")
    if not sep:
        raise _invalid("The stream address must start with rtsp:// or rtsps://.", url)
    if scheme.lower() not in SCHEMES:
        raise _invalid(f"Unsupported address type '{redact(scheme)}://': only rtsp:// and rtsps:// are supported.", url)
    try:
        parts = urlsplit(url)
    except ValueError:
        raise _invalid("The stream address is malformed (check the brackets around an IPv6 host).", url) from None
    if "@" in parts.netloc:
        raise _invalid("The stream address contains a user name or password. Remove them from the address "
                       "and enter them in the camera's user and password fields instead.", url)
    host = parts.hostname
    if not host:
        raise _invalid("The stream address has no camera host. Enter an address like rtsp://camera-host:554/stream.",
                       url)
    _check_port(parts.netloc, url)
    return url


def _check_port(netloc: str, url: str) -> None:
    host_port = netloc.rsplit("]", 1)[-1] if netloc.startswith("[") else netloc
    if ":" not in host_port:
        return
    port_text = host_port.rsplit(":", 1)[1]
    if not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
        raise _invalid(f"The stream address has an invalid port '{port_text}': use a number from 1 to 65535.", url)


def port_of(url: str) -> int:
    """The TCP port ``url`` connects to (explicit, or the scheme's default)."""
    parts = urlsplit(url)
    return parts.port or _DEFAULT_PORTS.get(parts.scheme.lower(), 554)


def with_credentials(url: str, creds: Credentials | None) -> str:
    """``url`` with percent-encoded ``user:password@``; the password is registered for redaction first.

    Call it only right before opening: the result must never be stored or logged unredacted.
    """
    clean = without_credentials(url)
    if creds is None or (not creds.username and not creds.password):
        return clean
    register_secret(creds.password)
    parts = urlsplit(clean)
    userinfo = quote(creds.username, safe="")
    if creds.password:
        userinfo += ":" + quote(creds.password, safe="")
    return urlunsplit(parts._replace(netloc=f"{userinfo}@{parts.netloc}"))


def without_credentials(url: str) -> str:
    """``url`` with any ``user:password@`` removed (the part before the last '@' of the authority)."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))


def local_file_path(url: str) -> Path | None:
    """The path a ``file:`` URL names (``file:///C:/x.mp4`` → ``C:\\x.mp4`` on Windows), None for other schemes."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        return None
    return Path(url2pathname(parts.path))
