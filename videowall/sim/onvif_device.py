"""The simulator's ONVIF device service: clock, identity, scopes and the addresses of the camera's services."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from videowall.sim.onvif_services import TDS, Service, request_text

if TYPE_CHECKING:
    from videowall.sim.onvif_camera import OnvifCamera

SCOPES = ("onvif://www.onvif.org/Profile/Streaming", "onvif://www.onvif.org/type/video_encoder",
          "onvif://www.onvif.org/name/VideowallSim", "onvif://www.onvif.org/location/simulator")


def scopes(camera: OnvifCamera) -> tuple[str, ...]:
    model = "SimPTZ" if camera.ptz else "SimCam"
    ptz = ("onvif://www.onvif.org/type/ptz",) if camera.ptz else ()
    return SCOPES + ptz + (f"onvif://www.onvif.org/hardware/{model}",)


class DeviceService(Service):
    namespace = TDS
    prefix = "tds"
    capability_rank = 1

    def __init__(self, camera: OnvifCamera) -> None:
        self.camera = camera

    def capabilities(self) -> str:
        return ('<tds:Capabilities><tds:Network IPFilter="false" ZeroConfiguration="false" IPVersion6="false" '
                'DynDNS="false"/><tds:Security TLS1.2="false" OnboardKeyGeneration="false" '
                'AccessPolicyConfig="false" DefaultAccessPolicy="false" Dot1X="false" RemoteUserHandling="false" '
                'X.509Token="false" SAMLToken="false" KerberosToken="false" UsernameToken="true" '
                'HttpDigest="true" RELToken="false"/><tds:System DiscoveryResolve="false" DiscoveryBye="false" '
                'RemoteDiscovery="false" SystemBackup="false" SystemLogging="false" FirmwareUpgrade="false"/>'
                '</tds:Capabilities>')

    def legacy_capabilities(self, xaddr: str) -> str:
        return (f"<tt:Device><tt:XAddr>{xaddr}</tt:XAddr><tt:System><tt:DiscoveryResolve>false"
                f"</tt:DiscoveryResolve><tt:DiscoveryBye>false</tt:DiscoveryBye><tt:RemoteDiscovery>false"
                f"</tt:RemoteDiscovery><tt:SystemBackup>false</tt:SystemBackup><tt:SystemLogging>false"
                f"</tt:SystemLogging><tt:FirmwareUpgrade>false</tt:FirmwareUpgrade><tt:SupportedVersions>"
                f"<tt:Major>2</tt:Major><tt:Minor>60</tt:Minor></tt:SupportedVersions></tt:System></tt:Device>")

    def op_GetSystemDateAndTime(self, _op: ET.Element, now: datetime) -> str:
        return (f"<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:DateTimeType>Manual"
                f"</tt:DateTimeType><tt:DaylightSavings>false</tt:DaylightSavings><tt:TimeZone><tt:TZ>UTC0"
                f"</tt:TZ></tt:TimeZone><tt:UTCDateTime><tt:Time><tt:Hour>{now.hour}</tt:Hour><tt:Minute>"
                f"{now.minute}</tt:Minute><tt:Second>{now.second}</tt:Second></tt:Time><tt:Date><tt:Year>"
                f"{now.year}</tt:Year><tt:Month>{now.month}</tt:Month><tt:Day>{now.day}</tt:Day></tt:Date>"
                f"</tt:UTCDateTime></tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>")

    def op_GetDeviceInformation(self, _op: ET.Element, _now: datetime) -> str:
        model = "SimPTZ" if self.camera.ptz else "SimCam"
        return (f"<tds:GetDeviceInformationResponse><tds:Manufacturer>Videowall Simulator</tds:Manufacturer>"
                f"<tds:Model>{model}</tds:Model><tds:FirmwareVersion>1.0</tds:FirmwareVersion>"
                f"<tds:SerialNumber>SIM-{self.camera.index:04d}</tds:SerialNumber><tds:HardwareId>sim"
                f"</tds:HardwareId></tds:GetDeviceInformationResponse>")

    def op_GetScopes(self, _op: ET.Element, _now: datetime) -> str:
        items = "".join(f"<tds:Scopes><tt:ScopeDef>Fixed</tt:ScopeDef><tt:ScopeItem>{scope}</tt:ScopeItem>"
                        f"</tds:Scopes>" for scope in scopes(self.camera))
        return f"<tds:GetScopesResponse>{items}</tds:GetScopesResponse>"

    def op_GetCapabilities(self, _op: ET.Element, _now: datetime) -> str:
        services = sorted(self.camera.services.items(), key=lambda item: item[1].capability_rank)
        parts = "".join(service.legacy_capabilities(self.camera.xaddr(name)) for name, service in services)
        return (f"<tds:GetCapabilitiesResponse><tds:Capabilities>{parts}</tds:Capabilities>"
                f"</tds:GetCapabilitiesResponse>")

    def op_GetServices(self, op: ET.Element, _now: datetime) -> str:
        with_capabilities = request_text(op, TDS, "IncludeCapability").lower() in ("true", "1")
        items = []
        for name, service in self.camera.services.items():
            capabilities = f"<tds:Capabilities>{service.capabilities()}</tds:Capabilities>" if with_capabilities else ""
            major, minor = service.version
            items.append(f"<tds:Service><tds:Namespace>{service.namespace}</tds:Namespace><tds:XAddr>"
                         f"{self.camera.xaddr(name)}</tds:XAddr>{capabilities}<tds:Version><tt:Major>{major}"
                         f"</tt:Major><tt:Minor>{minor}</tt:Minor></tds:Version></tds:Service>")
        return f"<tds:GetServicesResponse>{''.join(items)}</tds:GetServicesResponse>"
