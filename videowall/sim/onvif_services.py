"""The simulator's ONVIF SOAP operations (device, media, PTZ): request element in, response XML text out.

One ``OnvifCamera`` per simulated camera. Responses are built as text with the ONVIF namespaces; values that
come from requests are escaped. Unknown operations raise ``SoapFault`` (ActionNotSupported). Stdlib only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from xml.etree import ElementTree as ET
from xml.sax.saxutils import escape

from videowall.sim.ptz_state import PtzState

TT = "http://www.onvif.org/ver10/schema"
TDS = "http://www.onvif.org/ver10/device/wsdl"
TRT = "http://www.onvif.org/ver10/media/wsdl"
TPTZ = "http://www.onvif.org/ver20/ptz/wsdl"
NAMESPACES = f'xmlns:tt="{TT}" xmlns:tds="{TDS}" xmlns:trt="{TRT}" xmlns:tptz="{TPTZ}"'
_DURATION = re.compile(r"^P(?:T(?:(?P<h>[\d.]+)H)?(?:(?P<m>[\d.]+)M)?(?:(?P<s>[\d.]+)S)?)?$")


class SoapFault(Exception):
    def __init__(self, subcode: str, reason: str, status: int = 400) -> None:
        super().__init__(reason)
        self.subcode, self.reason, self.status = subcode, reason, status


@dataclass
class OnvifCamera:
    index: int
    base_url: str            # http://host:port/onvif/camN
    rtsp_base: str           # rtsp://host:port/camN
    sizes: dict[str, tuple[int, int]]
    ptz: PtzState | None
    events_url: str | None = None   # the event service's address; None: the camera has none

    def handle(self, service: str, op: ET.Element, camera_now: datetime) -> str:
        name = op.tag.rpartition("}")[2]
        handler = getattr(self, f"_{service}_{name}", None)
        if handler is None:
            raise SoapFault("ter:ActionNotSupported", f"{service} does not support {name}")
        return handler(op, camera_now) if name == "GetSystemDateAndTime" else handler(op)

    # -- device --
    def _device_GetSystemDateAndTime(self, _op: ET.Element, now: datetime) -> str:
        return (f"<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:DateTimeType>Manual"
                f"</tt:DateTimeType><tt:DaylightSavings>false</tt:DaylightSavings><tt:UTCDateTime>"
                f"<tt:Time><tt:Hour>{now.hour}</tt:Hour><tt:Minute>{now.minute}</tt:Minute>"
                f"<tt:Second>{now.second}</tt:Second></tt:Time><tt:Date><tt:Year>{now.year}</tt:Year>"
                f"<tt:Month>{now.month}</tt:Month><tt:Day>{now.day}</tt:Day></tt:Date></tt:UTCDateTime>"
                f"</tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>")

    def _device_GetDeviceInformation(self, _op: ET.Element) -> str:
        model = "SimPTZ" if self.ptz else "SimCam"
        return (f"<tds:GetDeviceInformationResponse><tds:Manufacturer>Videowall Simulator</tds:Manufacturer>"
                f"<tds:Model>{model}</tds:Model><tds:FirmwareVersion>1.0</tds:FirmwareVersion>"
                f"<tds:SerialNumber>SIM-{self.index:04d}</tds:SerialNumber><tds:HardwareId>sim</tds:HardwareId>"
                f"</tds:GetDeviceInformationResponse>")

    def _device_GetCapabilities(self, _op: ET.Element) -> str:
        ptz = f"<tt:PTZ><tt:XAddr>{self.base_url}/ptz_service</tt:XAddr></tt:PTZ>" if self.ptz else ""
        events = (f"<tt:Events><tt:XAddr>{self.events_url}</tt:XAddr><tt:WSSubscriptionPolicySupport>false"
                  f"</tt:WSSubscriptionPolicySupport><tt:WSPullPointSupport>true</tt:WSPullPointSupport>"
                  f"<tt:WSPausableSubscriptionManagerInterfaceSupport>false"
                  f"</tt:WSPausableSubscriptionManagerInterfaceSupport></tt:Events>") if self.events_url else ""
        return (f"<tds:GetCapabilitiesResponse><tds:Capabilities>"
                f"<tt:Device><tt:XAddr>{self.base_url}/device_service</tt:XAddr></tt:Device>{events}"
                f"<tt:Media><tt:XAddr>{self.base_url}/media_service</tt:XAddr><tt:StreamingCapabilities>"
                f"<tt:RTPMulticast>false</tt:RTPMulticast><tt:RTP_TCP>true</tt:RTP_TCP>"
                f"<tt:RTP_RTSP_TCP>true</tt:RTP_RTSP_TCP></tt:StreamingCapabilities></tt:Media>{ptz}"
                f"</tds:Capabilities></tds:GetCapabilitiesResponse>")

    # -- media --
    def _media_GetProfiles(self, _op: ET.Element) -> str:
        profiles = "".join(self._profile(token) for token in self.sizes)
        return f"<trt:GetProfilesResponse>{profiles}</trt:GetProfilesResponse>"

    def _profile(self, token: str) -> str:
        width, height = self.sizes[token]
        ptz = (f'<tt:PTZConfiguration token="ptz0"><tt:Name>PTZ</tt:Name><tt:UseCount>2</tt:UseCount>'
               f'<tt:NodeToken>node0</tt:NodeToken></tt:PTZConfiguration>') if self.ptz else ""
        return (f'<trt:Profiles token="{token}" fixed="true"><tt:Name>{token}</tt:Name>'
                f'<tt:VideoEncoderConfiguration token="enc_{token}"><tt:Name>{token}</tt:Name>'
                f'<tt:UseCount>1</tt:UseCount><tt:Encoding>H264</tt:Encoding><tt:Resolution>'
                f'<tt:Width>{width}</tt:Width><tt:Height>{height}</tt:Height></tt:Resolution>'
                f'<tt:Quality>5</tt:Quality></tt:VideoEncoderConfiguration>{ptz}</trt:Profiles>')

    def _profile_token(self, op: ET.Element, ns: str) -> str:
        token = (op.findtext(f"{{{ns}}}ProfileToken") or "").strip()
        if token not in self.sizes:
            raise SoapFault("ter:NoProfile", f"no profile {token!r}")
        return token

    def _media_GetStreamUri(self, op: ET.Element) -> str:
        token = self._profile_token(op, TRT)
        return self._media_uri("GetStreamUri", f"{self.rtsp_base}/{token}")

    def _media_GetSnapshotUri(self, op: ET.Element) -> str:
        token = self._profile_token(op, TRT)
        return self._media_uri("GetSnapshotUri", f"{self.base_url}/snapshot/{token}.bmp")

    @staticmethod
    def _media_uri(op: str, uri: str) -> str:
        return (f"<trt:{op}Response><trt:MediaUri><tt:Uri>{escape(uri)}</tt:Uri>"
                f"<tt:InvalidAfterConnect>false</tt:InvalidAfterConnect><tt:InvalidAfterReboot>false"
                f"</tt:InvalidAfterReboot><tt:Timeout>PT0S</tt:Timeout></trt:MediaUri></trt:{op}Response>")

    # -- ptz --
    def _state(self, op: ET.Element) -> PtzState:
        if self.ptz is None:
            raise SoapFault("ter:ActionNotSupported", "this camera has no PTZ")
        self._profile_token(op, TPTZ)
        return self.ptz

    def _ptz_GetNodes(self, _op: ET.Element) -> str:
        return ('<tptz:GetNodesResponse><tptz:PTZNode token="node0" FixedHomePosition="false">'
                '<tt:Name>node0</tt:Name><tt:SupportedPTZSpaces/><tt:MaximumNumberOfPresets>32'
                '</tt:MaximumNumberOfPresets><tt:HomeSupported>true</tt:HomeSupported></tptz:PTZNode>'
                '</tptz:GetNodesResponse>')

    def _ptz_GetStatus(self, op: ET.Element) -> str:
        state = self._state(op)
        now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        pan, tilt, zoom = state.position()
        moving = "MOVING" if state.moving() else "IDLE"
        return (f'<tptz:GetStatusResponse><tptz:PTZStatus><tt:Position><tt:PanTilt x="{pan:.4f}" '
                f'y="{tilt:.4f}"/><tt:Zoom x="{zoom:.4f}"/></tt:Position><tt:MoveStatus><tt:PanTilt>{moving}'
                f'</tt:PanTilt><tt:Zoom>{moving}</tt:Zoom></tt:MoveStatus>'
                f'<tt:UtcTime>{now}</tt:UtcTime></tptz:PTZStatus></tptz:GetStatusResponse>')

    def _ptz_ContinuousMove(self, op: ET.Element) -> str:
        state = self._state(op)
        velocity = op.find(f"{{{TPTZ}}}Velocity")
        pan_tilt = velocity.find(f"{{{TT}}}PanTilt") if velocity is not None else None
        zoom = velocity.find(f"{{{TT}}}Zoom") if velocity is not None else None
        try:
            pan_v = float(pan_tilt.get("x", 0)) if pan_tilt is not None else 0.0
            tilt_v = float(pan_tilt.get("y", 0)) if pan_tilt is not None else 0.0
            zoom_v = float(zoom.get("x", 0)) if zoom is not None else 0.0
        except ValueError:
            raise SoapFault("ter:InvalidArgVal", "velocity is not a number") from None
        state.move(pan_v, tilt_v, zoom_v, _duration_s(op.findtext(f"{{{TPTZ}}}Timeout")))
        return "<tptz:ContinuousMoveResponse/>"

    def _ptz_Stop(self, op: ET.Element) -> str:
        self._state(op).stop()
        return "<tptz:StopResponse/>"

    def _ptz_GetPresets(self, op: ET.Element) -> str:
        items = "".join(
            f'<tptz:Preset token="{token}"><tt:Name>{escape(name)}</tt:Name><tt:PTZPosition><tt:PanTilt '
            f'x="{p:.4f}" y="{t:.4f}"/><tt:Zoom x="{z:.4f}"/></tt:PTZPosition></tptz:Preset>'
            for token, name, (p, t, z) in self._state(op).presets())
        return f"<tptz:GetPresetsResponse>{items}</tptz:GetPresetsResponse>"

    def _ptz_SetPreset(self, op: ET.Element) -> str:
        state = self._state(op)
        try:
            token = state.set_preset(op.findtext(f"{{{TPTZ}}}PresetName"), op.findtext(f"{{{TPTZ}}}PresetToken"))
        except KeyError:
            raise SoapFault("ter:NoToken", "no such preset") from None
        except ValueError:
            raise SoapFault("ter:TooManyPresets", "the preset list is full") from None
        return f"<tptz:SetPresetResponse><tptz:PresetToken>{token}</tptz:PresetToken></tptz:SetPresetResponse>"

    def _ptz_RemovePreset(self, op: ET.Element) -> str:
        try:
            self._state(op).remove_preset((op.findtext(f"{{{TPTZ}}}PresetToken") or "").strip())
        except KeyError:
            raise SoapFault("ter:NoToken", "no such preset") from None
        return "<tptz:RemovePresetResponse/>"

    def _ptz_GotoPreset(self, op: ET.Element) -> str:
        state = self._state(op)
        try:
            state.go_to(state.preset((op.findtext(f"{{{TPTZ}}}PresetToken") or "").strip()))
        except KeyError:
            raise SoapFault("ter:NoToken", "no such preset") from None
        return "<tptz:GotoPresetResponse/>"

    def _ptz_GotoHomePosition(self, op: ET.Element) -> str:
        self._state(op).go_home()
        return "<tptz:GotoHomePositionResponse/>"

    def _ptz_SetHomePosition(self, op: ET.Element) -> str:
        self._state(op).set_home()
        return "<tptz:SetHomePositionResponse/>"


def _duration_s(text: str | None) -> float | None:
    match = _DURATION.match((text or "").strip())
    if not text or not match:
        return None
    hours, minutes, seconds = (float(match.group(g) or 0) for g in ("h", "m", "s"))
    return hours * 3600 + minutes * 60 + seconds or None
