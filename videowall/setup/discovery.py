"""The devices a WS-Discovery probe found, as the set-up dialog lists them (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote

from videowall.onvif.discovery import DiscoveredDevice

_SCOPE = "onvif://www.onvif.org/"


@dataclass(frozen=True)
class FoundCamera:
    name: str           # the device's name scope, or its address when it has none
    hardware: str       # model from the hardware scope ("" when not given)
    address: str        # the device service URL to probe
    ptz: bool


def _scope(device: DiscoveredDevice, kind: str) -> str:
    prefix = f"{_SCOPE}{kind}/"
    return next((unquote(s[len(prefix):]) for s in device.scopes if s.startswith(prefix)), "")


def found_cameras(devices: list[DiscoveredDevice]) -> list[FoundCamera]:
    """One row per device with an HTTP(S) service address, sorted by name then address."""
    found = []
    for device in devices:
        address = next((x for x in device.xaddrs if x.startswith(("http://", "https://"))), None)
        if address is None:
            continue
        found.append(FoundCamera(name=_scope(device, "name") or address, hardware=_scope(device, "hardware"),
                                 address=address, ptz=f"{_SCOPE}type/ptz" in device.scopes))
    return sorted(found, key=lambda c: (c.name.casefold(), c.address))
