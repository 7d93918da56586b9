"""The ONVIF SOAP client: the only module that imports zeep and onvif (for its bundled WSDL files).

Safe by construction: zeep parses replies with DTDs, entities and external references forbidden and without
huge-tree support; every request has a connect timeout (≈3 s) and a read timeout (≈5 s); HTTPS certificates
are verified unless a per-camera SHA-256 fingerprint is pinned, in which case exactly that certificate is
accepted. WS-UsernameToken uses PasswordDigest with ``Created`` taken from the camera's clock (offset read with
GetSystemDateAndTime), so the password itself never goes on the wire nor into zeep's DEBUG envelope logs.
All calls block: run them on a worker thread, never the GUI thread. Errors become ``VideowallError``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import ssl
import threading
import warnings
from collections.abc import Callable
from typing import Any, TypeVar

import onvif
import requests
import urllib3
import zeep
import zeep.exceptions
from urllib.parse import urlsplit
from lxml import etree
from zeep.transports import Transport
from zeep.wsdl import Document
from zeep.wsse.username import UsernameToken

from videowall.model.camera import Credentials
from videowall.onvif.reply import ReplyReader
from videowall.onvif.transport import MAX_REPLY_BYTES, session
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.runtime.redaction import redact, register_secret

log = logging.getLogger(__name__)
T = TypeVar("T")

CONNECT_TIMEOUT_S = 3.0
CALL_TIMEOUT_S = 5.0
WSDL_DIR = os.path.join(os.path.dirname(os.path.dirname(onvif.__file__)), "wsdl")
SERVICES = {  # name -> (wsdl file, binding)
    "device": ("devicemgmt.wsdl", "{http://www.onvif.org/ver10/device/wsdl}DeviceBinding"),
    "media": ("media.wsdl", "{http://www.onvif.org/ver10/media/wsdl}MediaBinding"),
    "ptz": ("ptz.wsdl", "{http://www.onvif.org/ver20/ptz/wsdl}PTZBinding"),
}
SAFE_SETTINGS = zeep.Settings(strict=False, raw_response=False, forbid_dtd=True, forbid_entities=True,
                              forbid_external=True, xml_huge_tree=False)
_documents: dict[str, Document] = {}
_documents_lock = threading.Lock()


def _document(service: str) -> Document:
    """Parsed WSDLs are shared: loading the three takes ≈1.3 s, far more than a call."""
    with _documents_lock:
        if service not in _documents:
            path = os.path.join(WSDL_DIR, SERVICES[service][0])
            _documents[service] = Document(path, Transport(timeout=CONNECT_TIMEOUT_S), settings=SAFE_SETTINGS)
        return _documents[service]


class _CameraClockToken(UsernameToken):
    """PasswordDigest token whose Created is now on the camera's clock and whose nonce is fresh per call."""

    def __init__(self, username: str, password: str, offset: Callable[[], dt.timedelta]) -> None:
        super().__init__(username, password, use_digest=True)
        self._offset = offset

    def apply(self, envelope, headers):
        self.created = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None) + self._offset()
        return super().apply(envelope, headers)


def sign_envelope(envelope: Any, credentials: Credentials, camera_offset: dt.timedelta) -> None:
    """Add WS-UsernameToken (PasswordDigest, Created on the camera's clock) to an lxml SOAP envelope; for the
    event subscriptions (``onvif.events``), which send their own envelopes."""
    register_secret(credentials.password)
    _CameraClockToken(credentials.username, credentials.password, lambda: camera_offset).apply(envelope, {})


def certificate_sha256(url: str, timeout_s: float = CONNECT_TIMEOUT_S) -> str:
    """The SHA-256 fingerprint (hex) of the certificate an HTTPS device presents, for the operator to check
    and pin ("trust this certificate"); no verification is done here, nothing is sent but the handshake."""
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise VideowallError(ErrorKind.INVALID_URL, "Only an https:// address has a certificate to trust.")
    try:
        pem = ssl.get_server_certificate((parts.hostname, parts.port or 443), timeout=timeout_s)
    except (OSError, ssl.SSLError) as err:
        raise VideowallError(ErrorKind.UNREACHABLE, f"Cannot read the certificate of {redact(url)}.",
                             _detail(err)) from None
    return hashlib.sha256(ssl.PEM_cert_to_DER_cert(pem)).hexdigest()


class OnvifClient:
    """SOAP calls to one device. Not thread-safe: one owner thread (e.g. the camera's PTZ queue)."""

    def __init__(self, device_url: str, credentials: Credentials | None, *, pinned_sha256: str | None = None,
                 connect_timeout_s: float = CONNECT_TIMEOUT_S, call_timeout_s: float = CALL_TIMEOUT_S,
                 max_reply_bytes: int = MAX_REPLY_BYTES) -> None:
        self.device_url = device_url
        self._credentials = credentials
        if credentials is not None:
            register_secret(credentials.password)
        http = session(credentials, pinned_sha256, max_reply_bytes, call_timeout_s)
        self._transport = Transport(session=http, timeout=connect_timeout_s,
                                    operation_timeout=(connect_timeout_s, call_timeout_s))
        self._offset = dt.timedelta(0)
        self._services: dict[str, Any] = {}
        self.xaddrs: dict[str, str] = {"device": device_url}

    @property
    def clock_offset_s(self) -> float:
        return self._offset.total_seconds()

    def connect(self) -> None:
        """Read the camera clock (no auth needed) and the service addresses (GetCapabilities)."""
        self._offset = self._camera_clock() - dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
        reader = self.reader("GetCapabilities")
        caps = reader.present(self.call("device", "GetCapabilities", Category="All"), "Capabilities")
        for name, path in (("media", "Media.XAddr"), ("ptz", "PTZ.XAddr")):
            xaddr = reader.optional_text(caps, path)
            if xaddr and urlsplit(xaddr).scheme in ("http", "https"):
                self.xaddrs[name] = xaddr
        self._services = {}

    def _camera_clock(self) -> dt.datetime:
        """The camera's UTC time; this station's clock (with a warning) when the camera gives none usable."""
        try:
            reply = self.call("device", "GetSystemDateAndTime")
        except VideowallError as err:
            if err.kind is not ErrorKind.STREAM_ERROR:
                raise
            reply = None
        reader = self.reader("GetSystemDateAndTime")
        parts = [reader.optional_int(reply, f"UTCDateTime.{path}") for path in
                 ("Date.Year", "Date.Month", "Date.Day", "Time.Hour", "Time.Minute", "Time.Second")]
        try:
            return dt.datetime(*parts)  # type: ignore[arg-type, misc]
        except (TypeError, ValueError):
            log.warning("%s reports no usable UTC time; using this station's clock", redact(self.device_url))
            return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)

    def reader(self, operation: str) -> ReplyReader:
        """Validating access to the reply of ``operation`` (missing values → "… lacks X" errors)."""
        return ReplyReader(self.device_url, operation)

    def has(self, service: str) -> bool:
        return service in self.xaddrs

    def call(self, service: str, operation: str, **params: Any) -> Any:
        """One SOAP call; raises VideowallError (AUTH_FAILED, TIMEOUT, UNREACHABLE, NOT_FOUND, STREAM_ERROR)."""
        if service not in self.xaddrs:
            raise VideowallError(ErrorKind.NOT_FOUND, f"The camera has no ONVIF {service} service.")
        return _translate_errors(self.device_url, operation,
                                 lambda: getattr(self._service(service), operation)(**params))

    def _service(self, name: str) -> Any:
        if name not in self._services:
            wsse = None
            if self._credentials is not None:
                wsse = _CameraClockToken(self._credentials.username, self._credentials.password,
                                         lambda: self._offset)
            client = zeep.Client(_document(name), wsse=wsse, transport=self._transport, settings=SAFE_SETTINGS,
                                 plugins=[_SoapShapeCheck(self.device_url)])
            self._services[name] = client.create_service(SERVICES[name][1], self.xaddrs[name])
        return self._services[name]

    def close(self) -> None:
        self._transport.session.close()


class _SoapShapeCheck(zeep.Plugin):
    """Refuses, before zeep reads it, a reply that is XML but no SOAP envelope with a non-empty body."""

    def __init__(self, device_url: str) -> None:
        self._device_url = device_url

    def ingress(self, envelope, http_headers, operation):
        reader = ReplyReader(self._device_url, getattr(operation, "name", "the request"))
        namespace = next((ns for ns in _SOAP_ENVS if envelope.tag == f"{{{ns}}}Envelope"), None)
        if namespace is None:
            kind = (http_headers or {}).get("Content-Type", "no content type")
            raise reader.lacks(f"a SOAP envelope (it is not a SOAP reply: {redact(kind)[:60]})")
        body = envelope.find(f"{{{namespace}}}Body")
        if body is None or len(body) == 0:
            raise reader.lacks("content (its SOAP body is empty)")
        return envelope, http_headers


_SOAP_ENVS = ("http://www.w3.org/2003/05/soap-envelope", "http://schemas.xmlsoap.org/soap/envelope/")
_DETAIL_CHARS = 600


def _detail(err: Exception) -> str:
    return redact(repr(err))[:_DETAIL_CHARS]


def _translate_errors(url: str, operation: str, call: Callable[[], T]) -> T:
    where = redact(url)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", urllib3.exceptions.InsecureRequestWarning)
            return call()
    except (zeep.exceptions.DTDForbidden, zeep.exceptions.EntitiesForbidden,
            zeep.exceptions.ExternalReferenceForbidden) as err:
        raise VideowallError(ErrorKind.STREAM_ERROR,
                             f"The device at {where} sent a reply with a DTD, entities or external references; "
                             f"it was rejected as unsafe.", _detail(err)) from None
    except zeep.exceptions.Fault as err:
        raise _fault_error(where, operation, err) from None
    except zeep.exceptions.TransportError as err:
        if err.status_code in (401, 403):
            raise _auth_error(where) from None
        if 200 <= (err.status_code or 0) < 300:
            what = "an empty reply" if not err.content else "a reply that is not valid XML"
            raise VideowallError(ErrorKind.STREAM_ERROR, f"The device at {where} sent {what} to {operation}.",
                                 _detail(err)) from None
        raise VideowallError(ErrorKind.UNREACHABLE, f"The device at {where} answered {operation} with HTTP "
                             f"{err.status_code} and no SOAP reply.", _detail(err)) from None
    except (zeep.exceptions.XMLSyntaxError, zeep.exceptions.XMLParseError, etree.XMLSyntaxError) as err:
        raise VideowallError(ErrorKind.STREAM_ERROR,
                             f"The device at {where} sent a reply to {operation} that is not valid XML.",
                             _detail(err)) from None
    except requests.exceptions.SSLError as err:
        raise VideowallError(ErrorKind.UNREACHABLE,
                             f"The certificate of {where} is not trusted. Check it and trust it explicitly "
                             f"(pin its fingerprint) if it is the camera's own.", _detail(err)) from None
    except requests.exceptions.Timeout as err:
        raise VideowallError(ErrorKind.TIMEOUT, f"The device at {where} did not answer in time.",
                             _detail(err)) from None
    except requests.exceptions.RequestException as err:
        raise VideowallError(ErrorKind.UNREACHABLE, f"Cannot reach the device at {where}.",
                             _detail(err)) from None
    except (zeep.exceptions.Error, etree.LxmlError, AttributeError, IndexError, KeyError, TypeError,
            ValueError) as err:  # zeep reading a reply of a shape it did not expect
        raise VideowallError(ErrorKind.STREAM_ERROR,
                             f"The device at {where} sent a reply to {operation} that this station cannot read.",
                             _detail(err)) from None


def _auth_error(where: str) -> VideowallError:
    return VideowallError(ErrorKind.AUTH_FAILED,
                          f"The device at {where} refused the username or password (or its clock is far off).")


def _fault_error(where: str, operation: str, err: zeep.exceptions.Fault) -> VideowallError:
    codes = " ".join(str(code) for code in (err.subcodes or ()))
    if "NotAuthorized" in codes or "NotAuthorized" in str(err.code):
        return _auth_error(where)
    if err.code is None and not codes and err.message == "Unknown fault occured":  # zeep's words for "no Fault"
        return VideowallError(ErrorKind.STREAM_ERROR,
                              f"The device at {where} answered {operation} with an error that is not a SOAP fault.",
                              _detail(err))
    kind = ErrorKind.NOT_FOUND if ("NoToken" in codes or "NoProfile" in codes) else ErrorKind.STREAM_ERROR
    reason = redact(str(err.message or "no reason given"))[:200]
    return VideowallError(kind, f"The device at {where} refused {operation}: {reason}", _detail(err))
