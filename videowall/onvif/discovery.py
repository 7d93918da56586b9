"""WS-Discovery: send one Probe for ONVIF video transmitters and collect the answers for a bounded time.

Default target is the standard multicast group (239.255.255.250:3702); a HOST:PORT target probes one
device by unicast (the simulator, tests on loopback). Replies with a DTD are ignored (no entity tricks
reach the parser); stdlib only. Blocking for up to ``wait_s``: call it off the GUI thread.
"""

from __future__ import annotations

import socket
import time
import uuid
from dataclasses import dataclass
from xml.etree import ElementTree as ET

MULTICAST = ("239.255.255.250", 3702)
_D = "http://schemas.xmlsoap.org/ws/2005/04/discovery"
_A = "http://schemas.xmlsoap.org/ws/2004/08/addressing"
_MAX_WAIT_S = 10.0


@dataclass(frozen=True)
class DiscoveredDevice:
    address: str              # endpoint reference (urn:uuid:…)
    xaddrs: tuple[str, ...]   # device service URLs
    scopes: tuple[str, ...]
    types: tuple[str, ...]


def _probe_message(message_id: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" '
            f'xmlns:a="{_A}" xmlns:d="{_D}" xmlns:dn="http://www.onvif.org/ver10/network/wsdl"><s:Header>'
            f'<a:MessageID>{message_id}</a:MessageID><a:To>urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To>'
            f'<a:Action>{_D}/Probe</a:Action></s:Header><s:Body><d:Probe><d:Types>dn:NetworkVideoTransmitter'
            f'</d:Types></d:Probe></s:Body></s:Envelope>').encode()


def parse_probe_matches(data: bytes, message_id: str) -> list[DiscoveredDevice]:
    """The devices of one ProbeMatches reply to ``message_id`` (empty for anything else or unsafe XML)."""
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        return []
    try:
        root = ET.fromstring(data)
    except ET.ParseError:
        return []
    if (root.findtext(f".//{{{_A}}}RelatesTo") or "").strip() != message_id:
        return []
    devices = []
    for match in root.iter(f"{{{_D}}}ProbeMatch"):
        devices.append(DiscoveredDevice(
            address=(match.findtext(f"{{{_A}}}EndpointReference/{{{_A}}}Address") or "").strip(),
            xaddrs=tuple((match.findtext(f"{{{_D}}}XAddrs") or "").split()),
            scopes=tuple((match.findtext(f"{{{_D}}}Scopes") or "").split()),
            types=tuple((match.findtext(f"{{{_D}}}Types") or "").split())))
    return devices


def discover(wait_s: float = 2.0, target: tuple[str, int] | None = None) -> list[DiscoveredDevice]:
    """Devices that answered within ``wait_s`` (at most 10 s), one entry per endpoint address."""
    wait_s = max(0.1, min(wait_s, _MAX_WAIT_S))
    message_id = f"urn:uuid:{uuid.uuid4()}"
    found: dict[str, DiscoveredDevice] = {}
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 1)
        sock.bind(("127.0.0.1", 0) if target and target[0].startswith("127.") else ("", 0))
        sock.sendto(_probe_message(message_id), target or MULTICAST)
        deadline = time.monotonic() + wait_s
        while (remaining := deadline - time.monotonic()) > 0:
            sock.settimeout(remaining)
            try:
                data, _peer = sock.recvfrom(65536)
            except (TimeoutError, socket.timeout):
                break
            for device in parse_probe_matches(data, message_id):
                found.setdefault(device.address, device)
    return list(found.values())
