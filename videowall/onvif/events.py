"""ONVIF events over PullPoint: one camera's subscription as asyncio calls (the only module importing httpx).

Why not zeep: a PullMessages call waits up to its timeout for the camera to have something, and zeep's
calls block a thread for that long; 100 cameras would need 100 threads. Here every call is a coroutine on
one event loop (``events.subscriptions``), with the same safety as ``onvif.client``: replies are parsed
with DTDs, entities and network access refused and no huge-tree support, a reply larger than
``MAX_REPLY_BYTES`` is cut off and refused, every request has a connect and a read timeout, HTTPS is
verified unless a SHA-256 fingerprint is pinned, and WS-UsernameToken digests use the camera's clock
(``client.sign_envelope``). The clock offset is measured at ``open`` (GetSystemDateAndTime), as onboarding
does, and corrects the cameras' event times. Errors are ``VideowallError``.
"""

from __future__ import annotations

import hashlib
import logging
import ssl
import time
import uuid
from datetime import datetime, timedelta, timezone
from xml.sax.saxutils import escape

import httpx
from lxml import etree

from videowall.model.camera import Credentials
from videowall.onvif.client import sign_envelope
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.runtime.redaction import redact

SOAP_ENV = "http://www.w3.org/2003/05/soap-envelope"
TDS = "http://www.onvif.org/ver10/device/wsdl"
TEV = "http://www.onvif.org/ver10/events/wsdl"
TT = "http://www.onvif.org/ver10/schema"
WSNT = "http://docs.oasis-open.org/wsn/b-2"
WSA = "http://www.w3.org/2005/08/addressing"
CONNECT_TIMEOUT_S = 3.0
CALL_TIMEOUT_S = 5.0
MAX_REPLY_BYTES = 2 * 1024 * 1024     # 100 messages are ≈ 100 kB; more is a broken or hostile device
MESSAGE_LIMIT = 100
SUBSCRIPTION_S = 300                  # asked termination time; renewed at half of it (a Renew costs a pull)
_ACTIONS = {
    "CreatePullPointSubscription": f"{TEV}/EventPortType/CreatePullPointSubscriptionRequest",
    "PullMessages": f"{TEV}/PullPointSubscription/PullMessagesRequest",
    "Renew": f"{WSNT}/SubscriptionManager/RenewRequest",
    "Unsubscribe": f"{WSNT}/SubscriptionManager/UnsubscribeRequest",
}
logging.getLogger("httpx").setLevel(logging.WARNING)   # one INFO line per request: every long-poll
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                          huge_tree=False, remove_comments=True, remove_pis=True)


def new_http_client(pinned: bool = False) -> httpx.AsyncClient:
    """One camera's connection pool (no environment proxy: camera traffic must not leave through one).

    One pool per camera, not one shared: httpcore scans its whole pool on every request, and with 100
    cameras' connections in one pool a pull cost 13.9 ms of CPU instead of 2.9 ms (measured here).
    ``pinned``: the certificate is checked against the pinned fingerprint per reply instead of the CAs.
    """
    verify: ssl.SSLContext | bool = True
    if pinned:
        verify = ssl.create_default_context()
        verify.check_hostname = False
        verify.verify_mode = ssl.CERT_NONE
    return httpx.AsyncClient(trust_env=False, verify=verify,
                             limits=httpx.Limits(max_connections=2, max_keepalive_connections=1))


class PullPointSession:
    """One camera's PullPoint subscription. Coroutines: call them from one task on the events loop.

    ``open`` → ``pull`` (repeatedly; renews the subscription when due) → ``close`` (Unsubscribe, best effort).
    """

    def __init__(self, http: httpx.AsyncClient, device_url: str, credentials: Credentials | None, *,
                 pinned_sha256: str | None = None, pull_timeout_s: float = 20.0, monotonic=None) -> None:
        self.device_url = device_url
        self._http = http
        self._credentials = credentials
        self._pinned = pinned_sha256.replace(":", "").lower() if pinned_sha256 else None
        self.pull_timeout_s = pull_timeout_s
        self.clock_offset = timedelta(0)          # camera clock − station clock
        self.events_url: str | None = None
        self.subscription_url: str | None = None
        self._renew_due = 0.0
        self._monotonic = monotonic or time.monotonic

    async def open(self) -> None:
        """Clock offset, the event service's address, a new PullPoint. NOT_FOUND if the camera has no events."""
        await self._measure_clock()
        caps = await self._call(self.device_url, "GetCapabilities",
                                f'<tds:GetCapabilities xmlns:tds="{TDS}"><tds:Category>Events</tds:Category>'
                                f'</tds:GetCapabilities>', addressed=False)
        address = caps.findtext(f".//{{{TT}}}Events/{{{TT}}}XAddr")
        if not address or not address.strip().startswith(("http://", "https://")):
            raise VideowallError(ErrorKind.NOT_FOUND, f"The camera at {redact(self.device_url)} does not support "
                                                      f"ONVIF events (it reports no event service).")
        self.events_url = address.strip()
        reply = await self._call(self.events_url, "CreatePullPointSubscription",
                                 f'<tev:CreatePullPointSubscription xmlns:tev="{TEV}"><tev:InitialTerminationTime>'
                                 f'PT{SUBSCRIPTION_S}S</tev:InitialTerminationTime>'
                                 f'</tev:CreatePullPointSubscription>')
        reference = reply.findtext(f".//{{{TEV}}}SubscriptionReference/{{{WSA}}}Address")
        if not reference or not reference.strip().startswith(("http://", "https://")):
            raise VideowallError(ErrorKind.STREAM_ERROR, f"The camera at {redact(self.device_url)} created no "
                                                         f"usable event subscription.")
        self.subscription_url = reference.strip()
        self._renew_due = self._monotonic() + SUBSCRIPTION_S / 2

    async def pull(self) -> list[etree._Element]:
        """The NotificationMessage elements the camera has (waits up to ``pull_timeout_s`` for some)."""
        if self.subscription_url is None:
            raise VideowallError(ErrorKind.INTERNAL, "The event subscription is not open.")
        if self._monotonic() >= self._renew_due:
            await self._call(self.subscription_url, "Renew",
                             f'<wsnt:Renew xmlns:wsnt="{WSNT}"><wsnt:TerminationTime>PT{SUBSCRIPTION_S}S'
                             f'</wsnt:TerminationTime></wsnt:Renew>')
            self._renew_due = self._monotonic() + SUBSCRIPTION_S / 2
        reply = await self._call(self.subscription_url, "PullMessages",
                                 f'<tev:PullMessages xmlns:tev="{TEV}"><tev:Timeout>PT{int(self.pull_timeout_s)}S'
                                 f'</tev:Timeout><tev:MessageLimit>{MESSAGE_LIMIT}</tev:MessageLimit>'
                                 f'</tev:PullMessages>', read_timeout_s=self.pull_timeout_s + CALL_TIMEOUT_S)
        return reply.findall(f".//{{{WSNT}}}NotificationMessage")[:MESSAGE_LIMIT]

    async def close(self) -> None:
        """Unsubscribe, so the camera frees the PullPoint now (cameras have few); errors are ignored."""
        url, self.subscription_url = self.subscription_url, None
        if url is None:
            return
        try:
            await self._call(url, "Unsubscribe", f'<wsnt:Unsubscribe xmlns:wsnt="{WSNT}"/>')
        except VideowallError:
            pass

    # -- SOAP -------------------------------------------------------------------------------------
    async def _measure_clock(self) -> None:
        reply = await self._call(self.device_url, "GetSystemDateAndTime",
                                 f'<tds:GetSystemDateAndTime xmlns:tds="{TDS}"/>', addressed=False, sign=False)
        utc = reply.find(f".//{{{TT}}}UTCDateTime")
        try:
            camera_now = datetime(*(int(utc.findtext(f".//{{{TT}}}{part}"))
                                    for part in ("Year", "Month", "Day", "Hour", "Minute", "Second")),
                                  tzinfo=timezone.utc)
        except (AttributeError, TypeError, ValueError):   # no usable time: trust the station's clock
            return
        self.clock_offset = camera_now - datetime.now(timezone.utc).replace(microsecond=0)

    def _envelope(self, url: str, body: str, action: str | None, sign: bool) -> bytes:
        header = ""
        if action is not None:
            header = (f'<wsa:Action>{escape(action)}</wsa:Action><wsa:MessageID>urn:uuid:{uuid.uuid4()}'
                      f'</wsa:MessageID><wsa:To>{escape(url)}</wsa:To>')
        text = (f'<s:Envelope xmlns:s="{SOAP_ENV}" xmlns:wsa="{WSA}"><s:Header>{header}</s:Header>'
                f'<s:Body>{body}</s:Body></s:Envelope>')
        envelope = etree.fromstring(text.encode(), _PARSER)
        if sign and self._credentials is not None:
            sign_envelope(envelope, self._credentials, self.clock_offset)
        return etree.tostring(envelope, xml_declaration=True, encoding="utf-8")

    async def _call(self, url: str, operation: str, body: str, *, addressed: bool = True,
                    sign: bool = True, read_timeout_s: float = CALL_TIMEOUT_S) -> etree._Element:
        """One SOAP call; ``addressed`` adds the WS-Addressing headers the event service expects."""
        action_uri = _ACTIONS.get(operation) if addressed else None
        payload = self._envelope(url, body, action_uri, sign)
        headers = {"Content-Type": f'application/soap+xml; charset=utf-8; action="{action_uri or ""}"'}
        timeout = httpx.Timeout(read_timeout_s, connect=CONNECT_TIMEOUT_S)
        where = redact(self.device_url)
        try:
            async with self._http.stream("POST", url, content=payload, headers=headers, timeout=timeout) as reply:
                self._check_pin(reply)
                content = await _read_bounded(reply, where)
                status = reply.status_code
        except httpx.TimeoutException as err:
            raise VideowallError(ErrorKind.TIMEOUT, f"The camera at {where} did not answer {operation} in time.",
                                 redact(repr(err))) from None
        except httpx.HTTPError as err:
            raise VideowallError(ErrorKind.UNREACHABLE, f"Cannot reach the camera at {where} for events.",
                                 redact(repr(err))) from None
        if status in (401, 403):
            raise _auth_error(where)
        root = _parse(content, where)
        fault = root.find(f"{{{SOAP_ENV}}}Body/{{{SOAP_ENV}}}Fault")
        if fault is not None:
            raise _fault_error(where, operation, fault)
        if status != 200:
            raise VideowallError(ErrorKind.UNREACHABLE, f"The camera at {where} answered HTTP {status} to {operation}.")
        body_el = root.find(f"{{{SOAP_ENV}}}Body")
        if body_el is None:
            raise VideowallError(ErrorKind.STREAM_ERROR, f"The camera at {where} sent a reply without a SOAP body.")
        return body_el

    def _check_pin(self, reply: httpx.Response) -> None:
        if self._pinned is None or reply.url.scheme != "https":
            return
        stream = reply.extensions.get("network_stream")
        ssl_object = stream.get_extra_info("ssl_object") if stream is not None else None
        der = ssl_object.getpeercert(binary_form=True) if ssl_object is not None else None
        if der is None or hashlib.sha256(der).hexdigest() != self._pinned:
            raise VideowallError(ErrorKind.UNREACHABLE, f"The certificate of {redact(self.device_url)} is not the "
                                                        f"pinned one; events were not read.")


async def _read_bounded(reply: httpx.Response, where: str) -> bytes:
    chunks, size = [], 0
    async for chunk in reply.aiter_bytes():
        size += len(chunk)
        if size > MAX_REPLY_BYTES:
            raise VideowallError(ErrorKind.STREAM_ERROR,
                                 f"The camera at {where} sent an event reply over {MAX_REPLY_BYTES // 1024 // 1024} "
                                 f"MiB; it was refused and the subscription is renewed.")
        chunks.append(chunk)
    return b"".join(chunks)


def _parse(content: bytes, where: str) -> etree._Element:
    try:
        root = etree.fromstring(content, _PARSER)
    except etree.XMLSyntaxError as err:
        raise VideowallError(ErrorKind.STREAM_ERROR, f"The camera at {where} sent an event reply that is not "
                                                     f"valid XML.", redact(repr(err))) from None
    if root.getroottree().docinfo.doctype:
        raise VideowallError(ErrorKind.STREAM_ERROR, f"The camera at {where} sent a reply with a DTD; it was "
                                                     f"rejected as unsafe.")
    return root


def _auth_error(where: str) -> VideowallError:
    return VideowallError(ErrorKind.AUTH_FAILED,
                          f"The camera at {where} refused the username or password for events "
                          f"(or its clock is far off).")


def _fault_error(where: str, operation: str, fault: etree._Element) -> VideowallError:
    codes = " ".join(text or "" for text in fault.xpath(".//*[local-name()='Value']/text()"))
    reason = " ".join(fault.xpath(".//*[local-name()='Text']/text()"))[:200]
    if "NotAuthorized" in codes:
        return _auth_error(where)
    if "ActionNotSupported" in codes or "ActionNotSupported" in reason:
        return VideowallError(ErrorKind.NOT_FOUND, f"The camera at {where} does not support ONVIF events "
                                                   f"({operation} refused).")
    return VideowallError(ErrorKind.STREAM_ERROR, f"The camera at {where} refused {operation}: {redact(reason)}")
