"""The simulator's ONVIF SOAP services: request element in, response XML text out.

A service is a ``Service`` subclass whose ``op_<Operation>`` methods answer requests (``onvif_device``,
``onvif_media``, ``onvif_ptz``); ``onvif_camera.OnvifCamera`` holds a camera's services by path name.
Responses are built as text with the ONVIF namespaces (the envelope declares ``tt`` and every service's
own prefix); values from requests are escaped. Unknown operations raise ``SoapFault`` (ActionNotSupported).
Stdlib only (Debian's Python 3.11).
"""

from __future__ import annotations

from datetime import datetime
from xml.etree import ElementTree as ET

TT = "http://www.onvif.org/ver10/schema"
TDS = "http://www.onvif.org/ver10/device/wsdl"
TRT = "http://www.onvif.org/ver10/media/wsdl"
TPTZ = "http://www.onvif.org/ver20/ptz/wsdl"


def request_text(op: ET.Element, ns: str, name: str) -> str:
    return (op.findtext(f"{{{ns}}}{name}") or "").strip()


class SoapFault(Exception):
    def __init__(self, subcode: str, reason: str, status: int = 400) -> None:
        super().__init__(reason)
        self.subcode, self.reason, self.status = subcode, reason, status


class Service:
    """One ONVIF service of a camera. Subclasses set ``namespace`` and define ``op_<Operation>(op, now)``."""

    namespace = ""
    prefix = ""
    version = (2, 60)
    capability_rank = 99  # position of the service's element in tt:Capabilities (GetCapabilities' schema order)

    def handle(self, op: ET.Element, now: datetime) -> str:
        name = op.tag.rpartition("}")[2]
        handler = getattr(self, f"op_{name}", None)
        if handler is None:
            raise SoapFault("ter:ActionNotSupported", f"{type(self).__name__} does not support {name}")
        return handler(op, now)

    def capabilities(self) -> str:
        """The service's own Capabilities element (GetServices with IncludeCapability, GetServiceCapabilities)."""
        return ""

    def legacy_capabilities(self, xaddr: str) -> str:
        """The service's element in the device's GetCapabilities answer ("" when it has none)."""
        return ""

    def op_GetServiceCapabilities(self, _op: ET.Element, _now: datetime) -> str:
        p = self.prefix
        return f"<{p}:GetServiceCapabilitiesResponse>{self.capabilities()}</{p}:GetServiceCapabilitiesResponse>"
