"""One simulated ONVIF camera: its services by path name (the HTTP site serves ``…/<name>_service`` for each).

The device service lists every registered service in GetServices and GetCapabilities, so another service
(events, imaging …) is added with ``camera.add_service(name, service)`` and needs no change elsewhere.
Stdlib only (Debian's Python 3.11).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from xml.etree import ElementTree as ET

from videowall.sim.onvif_device import DeviceService
from videowall.sim.onvif_media import MediaService
from videowall.sim.onvif_ptz import PtzService
from videowall.sim.onvif_services import Service, SoapFault
from videowall.sim.ptz_state import PtzState


@dataclass
class OnvifCamera:
    index: int
    base_url: str            # http://host:port/onvif/camN
    rtsp_base: str           # rtsp://host:port/camN
    sizes: dict[str, tuple[int, int]]
    ptz: PtzState | None
    fps: int = 25
    services: dict[str, Service] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.add_service("device", DeviceService(self))
        self.add_service("media", MediaService(self))
        if self.ptz is not None:
            self.add_service("ptz", PtzService(self, self.ptz))

    def add_service(self, name: str, service: Service) -> None:
        self.services[name] = service

    def xaddr(self, name: str) -> str:
        return f"{self.base_url}/{name}_service"

    def handle(self, service: str, op: ET.Element, camera_now: datetime) -> str:
        if service not in self.services:
            raise SoapFault("ter:ActionNotSupported", f"this camera has no {service} service")
        return self.services[service].handle(op, camera_now)

    def profile_token(self, op: ET.Element, ns: str) -> str:
        token = (op.findtext(f"{{{ns}}}ProfileToken") or "").strip()
        if token not in self.sizes:
            raise SoapFault("ter:NoProfile", f"no profile {token!r}")
        return token
