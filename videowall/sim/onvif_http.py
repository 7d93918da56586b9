"""The simulator's ONVIF front: SOAP over HTTP, a snapshot per profile, and a WS-Discovery responder.

Runs inside the GStreamer server process (so PTZ moves steer the frames) on daemon threads. Paths:
``/onvif/device_service`` (camera 1, the ONVIF default path) and ``/onvif/camN/{device,media,ptz}_service``;
``/onvif/camN/snapshot/{main,sub}.bmp``; ``/sim/requests`` lists the last SOAP requests with the time each
arrived (epoch ns), so a benchmark can time "request on the wire". Stdlib only (Debian's Python 3.11).
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

from videowall.sim.onvif_auth import check_token
from videowall.sim.onvif_services import NAMESPACES, OnvifCamera, SoapFault

SOAP_ENV = "http://www.w3.org/2003/05/soap-envelope"
_MAX_BODY = 64 * 1024
_PATH = re.compile(r"^/onvif/(?:cam(?P<cam>\d+)/)?(?:(?P<service>device|media|ptz|events)_service"
                   r"|subscription/(?P<sub>\d+))$")
_SNAPSHOT = re.compile(r"^/onvif/cam(?P<cam>\d+)/snapshot/(?P<token>main|sub)\.bmp$")


class OnvifSite:
    """What the handlers serve: the cameras, credentials, the camera clock offset and the request log."""

    def __init__(self, cameras: dict[int, OnvifCamera], user: str | None, password: str | None,
                 clock_offset_s: float, snapshot) -> None:
        self.cameras = cameras
        self.user, self.password = user, password
        self.clock_offset = timedelta(seconds=clock_offset_s)
        self.snapshot = snapshot  # (camera, token) -> BMP bytes
        self.events = None        # onvif_events.SimEvents, set by the server when cameras report events
        self.requests: collections.deque[tuple[int, int, str, str]] = collections.deque(maxlen=1000)
        self.lock = threading.Lock()

    def camera_now(self) -> datetime:
        return datetime.now(timezone.utc) + self.clock_offset


def _envelope(body: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><env:Envelope xmlns:env="{SOAP_ENV}" {NAMESPACES} '
            f'xmlns:ter="http://www.onvif.org/ver10/error"><env:Body>{body}</env:Body></env:Envelope>').encode()


def _fault(fault: SoapFault) -> bytes:
    return _envelope(f"<env:Fault><env:Code><env:Value>env:Sender</env:Value><env:Subcode><env:Value>"
                     f"{fault.subcode}</env:Value></env:Subcode></env:Code><env:Reason><env:Text "
                     f'xml:lang="en">{fault.reason}</env:Text></env:Reason></env:Fault>')


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
        if camera is None:
            self._reply(404, b"", "text/plain")
            return
        try:
            sub = match.group("sub")
            service = match.group("service") or "subscription"
            status, payload = 200, _envelope(self._dispatch(camera, service, body, arrived_ns,
                                                            int(sub) if sub else None))
        except SoapFault as fault:
            status, payload = fault.status, _fault(fault)
        self._reply(status, payload, "application/soap+xml; charset=utf-8")

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
            if not check_token(envelope, self.site.user, self.site.password or "", now):
                raise SoapFault("ter:NotAuthorized", "Sender not Authorized")
        if service in ("events", "subscription"):
            if self.site.events is None:
                raise SoapFault("ter:ActionNotSupported", "this camera has no event service")
            return self.site.events.handle(camera.index, subscription, op)
        return camera.handle(service, op, now)

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

    def _reply(self, status: int, payload: bytes, content_type: str) -> None:
        self.send_response(status)
        if self.close_connection:
            self.send_header("Connection", "close")
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


def serve_discovery(host: str, xaddrs: list[str]) -> socket.socket:
    """Answers WS-Discovery Probes (unicast to this socket) with one ProbeMatch per camera."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((host, 0))

    def loop() -> None:
        while True:
            data, peer = sock.recvfrom(65536)
            relates = re.search(rb"MessageID[^>]*>([^<]+)<", data)
            if b"Probe" not in data or relates is None:
                continue
            sock.sendto(_probe_matches(relates.group(1).decode(errors="replace"), xaddrs), peer)

    threading.Thread(target=loop, name="ws-discovery", daemon=True).start()
    return sock


def _probe_matches(relates_to: str, xaddrs: list[str]) -> bytes:
    matches = "".join(
        f"<d:ProbeMatch><a:EndpointReference><a:Address>urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, x)}"
        f"</a:Address></a:EndpointReference><d:Types>dn:NetworkVideoTransmitter</d:Types>"
        f"<d:Scopes>onvif://www.onvif.org/name/VideowallSim</d:Scopes><d:XAddrs>{x}</d:XAddrs>"
        f"<d:MetadataVersion>1</d:MetadataVersion></d:ProbeMatch>" for x in xaddrs)
    return (f'<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="{SOAP_ENV}" '
            f'xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" '
            f'xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery" '
            f'xmlns:dn="http://www.onvif.org/ver10/network/wsdl"><s:Header><a:MessageID>urn:uuid:{uuid.uuid4()}'
            f'</a:MessageID><a:RelatesTo>{relates_to}</a:RelatesTo><a:Action>'
            f'http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches</a:Action></s:Header><s:Body>'
            f'<d:ProbeMatches>{matches}</d:ProbeMatches></s:Body></s:Envelope>').encode()
