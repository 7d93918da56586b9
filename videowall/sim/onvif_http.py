"""The simulator's ONVIF front: SOAP over HTTP, a snapshot per profile, and a WS-Discovery responder.

Runs inside the GStreamer server process (so PTZ moves steer the frames) on daemon threads. Paths:
``/onvif/device_service`` (camera 1, the ONVIF default path) and ``/onvif/camN/<service>_service`` for every
service the camera has (``OnvifCamera.services``: device, media, ptz …);
``/onvif/camN/snapshot/{main,sub}.bmp``; ``/sim/requests`` lists the last SOAP requests with the time each
arrived (epoch ns), so a benchmark can time "request on the wire". With credentials, requests other than
GetSystemDateAndTime need a WS-UsernameToken or HTTP Digest (``auth``: "wsse", "digest" or "both"); where
Digest is accepted, an unauthenticated request gets 401 with a Digest challenge, as cameras answer.
WS-Discovery answers Probes sent to its own UDP port and, with ``multicast``, to 239.255.255.250:3702.
Stdlib only (Debian's Python 3.11).
"""

from __future__ import annotations

import collections
import json
import re
import socket
import struct
import threading
import time
import uuid
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.etree import ElementTree as ET
from xml.sax.saxutils import escape

from videowall.sim.onvif_auth import HttpDigest, check_token
from videowall.sim.onvif_camera import OnvifCamera
from videowall.sim.onvif_device import scopes
from videowall.sim.onvif_services import TT, SoapFault

SOAP_ENV = "http://www.w3.org/2003/05/soap-envelope"
_MAX_BODY = 64 * 1024
_PATH = re.compile(r"^/onvif/(?:cam(?P<cam>\d+)/)?(?:(?P<service>[a-z0-9]+)_service|subscription/(?P<sub>\d+))$")
_D = "http://schemas.xmlsoap.org/ws/2005/04/discovery"
_A = "http://schemas.xmlsoap.org/ws/2004/08/addressing"
MULTICAST = ("239.255.255.250", 3702)
AUTH_MODES = ("wsse", "digest", "both")
_SNAPSHOT = re.compile(r"^/onvif/cam(?P<cam>\d+)/snapshot/(?P<token>main|sub)\.bmp$")


class OnvifSite:
    """What the handlers serve: the cameras, credentials, the camera clock offset and the request log."""

    def __init__(self, cameras: dict[int, OnvifCamera], user: str | None, password: str | None,
                 clock_offset_s: float, snapshot, auth: str = "both") -> None:
        self.cameras = cameras
        self.user, self.password = user, password
        self.auth = auth
        self.digest = HttpDigest(user, password or "") if user is not None else None
        self.clock_offset = timedelta(seconds=clock_offset_s)
        self.snapshot = snapshot  # (camera, token) -> BMP bytes
        self.events = None        # onvif_events.SimEvents, set by the server when cameras report events
        self.requests: collections.deque[tuple[int, int, str, str]] = collections.deque(maxlen=1000)
        self.lock = threading.Lock()

    def camera_now(self) -> datetime:
        return datetime.now(timezone.utc) + self.clock_offset


def envelope(body: str, camera: OnvifCamera | None = None) -> bytes:
    services = camera.services.values() if camera is not None else ()
    namespaces = "".join(f' xmlns:{s.prefix}="{s.namespace}"' for s in services)
    return (f'<?xml version="1.0" encoding="UTF-8"?><env:Envelope xmlns:env="{SOAP_ENV}" xmlns:tt="{TT}"{namespaces} '
            f'xmlns:ter="http://www.onvif.org/ver10/error"><env:Body>{body}</env:Body></env:Envelope>').encode()


def _fault(fault: SoapFault) -> bytes:
    return envelope(f"<env:Fault><env:Code><env:Value>env:Sender</env:Value><env:Subcode><env:Value>"
                     f"{fault.subcode}</env:Value></env:Subcode></env:Code><env:Reason><env:Text "
                     f'xml:lang="en">{fault.reason}</env:Text></env:Reason></env:Fault>')


class _Unauthorized(Exception):
    def __init__(self, fault: SoapFault, status: int, challenge: str | None) -> None:
        super().__init__(fault.reason)
        self.fault, self.status, self.challenge = fault, status, challenge


class _Handler(BaseHTTPRequestHandler):
    server_version = "VideowallSimOnvif/1.0"
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True   # headers and body go out as two writes: Nagle + delayed ACK added 40 ms
    site: OnvifSite

    def log_message(self, *_args) -> None:  # quiet: stderr is the server's failure report
        pass

    def do_POST(self) -> None:
        arrived_ns = time.time_ns()
        length = int(self.headers.get("Content-Length") or 0)
        if self.path == "/sim/events" and self.site.events is not None and length <= _MAX_BODY:
            self._event_command(self.rfile.read(length))
            return
        match = _PATH.match(self.path)
        if match is None or length > _MAX_BODY:
            self.close_connection = True  # the unread body would be taken for the next request
            self._reply(404 if match is None else 413, b"", "text/plain")
            return
        body = self.rfile.read(length)
        camera = self.site.cameras.get(int(match.group("cam") or 1))
        sub = match.group("sub")
        service = "events" if sub else match.group("service")   # a subscription belongs to the event service
        if camera is None or service not in camera.services:
            self._reply(404, b"", "text/plain")
            return
        challenge = None
        try:
            reply = self._dispatch(camera, service, body, arrived_ns, int(sub) if sub else None)
            status, payload = 200, envelope(reply, camera)
        except _Unauthorized as refusal:
            status, payload, challenge = refusal.status, _fault(refusal.fault), refusal.challenge
        except SoapFault as fault:
            status, payload = fault.status, _fault(fault)
        self._reply(status, payload, "application/soap+xml; charset=utf-8", challenge)

    def _dispatch(self, camera: OnvifCamera, service: str, body: bytes, arrived_ns: int,
                  subscription: int | None) -> str:
        try:
            envelope = ET.fromstring(body)
        except ET.ParseError:
            raise SoapFault("ter:WellFormed", "the request is not well-formed XML") from None
        soap_body = envelope.find(f"{{{SOAP_ENV}}}Body")
        if soap_body is None or len(soap_body) == 0:
            raise SoapFault("ter:MissingAttr", "the SOAP body is empty")
        op = soap_body[0]
        name = op.tag.rpartition("}")[2]
        with self.site.lock:
            self.site.requests.append((arrived_ns, camera.index, service, name))
        now = self.site.camera_now()
        if self.site.user is not None and name != "GetSystemDateAndTime":
            self._authorize(envelope, now)
        if subscription is not None:
            return self.site.events.handle(camera.index, subscription, op)
        return camera.handle(service, op, now)

    def _authorize(self, envelope: ET.Element, now: datetime) -> None:
        site = self.site
        if site.auth != "digest" and check_token(envelope, site.user or "", site.password or "", now):
            return
        fault = SoapFault("ter:NotAuthorized", "Sender not Authorized")
        if site.auth == "wsse" or site.digest is None:
            raise _Unauthorized(fault, 400, None)
        verdict = site.digest.check("POST", self.headers.get("Authorization"))
        if verdict != "ok":
            raise _Unauthorized(fault, 401, site.digest.challenge(stale=verdict == "stale"))

    def _event_command(self, body: bytes) -> None:
        try:
            answer = self.site.events.command(json.loads(body))
        except (ValueError, TypeError, AttributeError) as err:
            self._reply(400, str(err).encode(), "text/plain")
            return
        self._reply(200, json.dumps(answer).encode(), "application/json")

    def do_GET(self) -> None:
        if self.path == "/sim/requests":
            with self.site.lock:
                rows = [list(row) for row in self.site.requests]
            self._reply(200, json.dumps(rows).encode(), "application/json")
            return
        if self.path == "/sim/events/sent" and self.site.events is not None:
            self._reply(200, json.dumps(list(self.site.events.sent)).encode(), "application/json")
            return
        match = _SNAPSHOT.match(self.path)
        if match is None or int(match.group("cam")) not in self.site.cameras:
            self._reply(404, b"", "text/plain")
            return
        self._reply(200, self.site.snapshot(int(match.group("cam")), match.group("token")), "image/bmp")

    def _reply(self, status: int, payload: bytes, content_type: str, challenge: str | None = None) -> None:
        self.send_response(status)
        if self.close_connection:
            self.send_header("Connection", "close")
        if challenge is not None:
            self.send_header("WWW-Authenticate", challenge)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


class _Server(ThreadingHTTPServer):
    request_queue_size = 128   # a station subscribing to 100 cameras connects to all of them at once


def serve_http(host: str, port: int, site: OnvifSite) -> ThreadingHTTPServer:
    handler = type("OnvifHandler", (_Handler,), {"site": site})
    server = _Server((host, port), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="onvif-http", daemon=True).start()
    return server


def grey_bmp(luma, width: int, height: int) -> bytes:
    """An 8-bit greyscale BMP of a luma plane (rows bottom-up, each padded to 4 bytes)."""
    stride = (width + 3) & ~3
    palette = b"".join(bytes((i, i, i, 0)) for i in range(256))
    rows = b"".join(bytes(luma[y]) + b"\0" * (stride - width) for y in range(height - 1, -1, -1))
    offset = 14 + 40 + len(palette)
    header = struct.pack("<2sIHHI", b"BM", offset + len(rows), 0, 0, offset)
    info = struct.pack("<IiiHHIIiiII", 40, width, height, 1, 8, 0, len(rows), 2835, 2835, 256, 0)
    return header + info + palette + rows


def serve_discovery(host: str, cameras: dict[int, OnvifCamera], multicast: bool = False) -> socket.socket:
    """Answers WS-Discovery Probes with one ProbeMatches message per camera (as separate devices do): those
    sent to the returned socket's own port and, with ``multicast``, those sent to 239.255.255.250:3702 (the group joined on ``host``'s
    interface). Answers go by unicast to the prober, from the returned socket."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((host, 0))
    _answer_on(sock, sock, cameras)
    if multicast:
        group = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        group.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        group.bind(MULTICAST)
        interface = socket.inet_aton(host if host not in ("", "0.0.0.0") else "0.0.0.0")
        group.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, socket.inet_aton(MULTICAST[0]) + interface)
        _answer_on(group, sock, cameras)
    return sock


def _answer_on(listener: socket.socket, sender: socket.socket, cameras: dict[int, OnvifCamera]) -> None:
    def loop() -> None:
        while True:
            data, peer = listener.recvfrom(65536)
            message_id = _probe_id(data)
            for camera in cameras.values() if message_id is not None else ():  # each camera is its own device
                sender.sendto(_probe_match(message_id, camera), peer)

    threading.Thread(target=loop, name="ws-discovery", daemon=True).start()


def _probe_id(data: bytes) -> str | None:
    """The MessageID of a Probe for devices or video transmitters (None for anything else)."""
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        return None
    try:
        envelope = ET.fromstring(data)
    except ET.ParseError:
        return None
    probe = envelope.find(f"{{{SOAP_ENV}}}Body/{{{_D}}}Probe")
    message_id = (envelope.findtext(f"{{{SOAP_ENV}}}Header/{{{_A}}}MessageID") or "").strip()
    if probe is None or not message_id:
        return None
    wanted = {name.rpartition(":")[2] for name in (probe.findtext(f"{{{_D}}}Types") or "").split()}
    return message_id if not wanted or wanted & {"NetworkVideoTransmitter", "Device"} else None


def _probe_match(relates_to: str, camera: OnvifCamera) -> bytes:
    xaddr = camera.xaddr("device")
    return (f'<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="{SOAP_ENV}" xmlns:a="{_A}" xmlns:d="{_D}" '
            f'xmlns:dn="http://www.onvif.org/ver10/network/wsdl" xmlns:tds="http://www.onvif.org/ver10/device/wsdl">'
            f'<s:Header><a:MessageID>urn:uuid:{uuid.uuid4()}</a:MessageID><a:RelatesTo>{escape(relates_to)}'
            f'</a:RelatesTo><a:To>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:To>'
            f'<a:Action>{_D}/ProbeMatches</a:Action></s:Header><s:Body><d:ProbeMatches><d:ProbeMatch>'
            f'<a:EndpointReference><a:Address>urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, xaddr)}</a:Address>'
            f'</a:EndpointReference><d:Types>dn:NetworkVideoTransmitter tds:Device</d:Types><d:Scopes>'
            f'{" ".join(scopes(camera))}</d:Scopes><d:XAddrs>{xaddr}</d:XAddrs><d:MetadataVersion>1'
            f'</d:MetadataVersion></d:ProbeMatch></d:ProbeMatches></s:Body></s:Envelope>').encode()
