"""The simulator's ONVIF PTZ service (ver20): one node in the generic spaces, continuous, absolute and relative
moves, presets and home. Pan and tilt are in [-1, 1], zoom in [0, 1] (``PtzState``)."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET
from xml.sax.saxutils import escape

from videowall.sim.onvif_services import TPTZ, TT, Service, SoapFault, request_text
from videowall.sim.ptz_state import MAX_PRESETS, PtzState

if TYPE_CHECKING:
    from videowall.sim.onvif_camera import OnvifCamera

NODE, CONFIGURATION = "node0", "ptz0"
_SPACES = "http://www.onvif.org/ver10/tptz"
POSITION_PT, POSITION_Z = f"{_SPACES}/PanTiltSpaces/PositionGenericSpace", f"{_SPACES}/ZoomSpaces/PositionGenericSpace"
TRANSLATION_PT = f"{_SPACES}/PanTiltSpaces/TranslationGenericSpace"
TRANSLATION_Z = f"{_SPACES}/ZoomSpaces/TranslationGenericSpace"
VELOCITY_PT, VELOCITY_Z = f"{_SPACES}/PanTiltSpaces/VelocityGenericSpace", f"{_SPACES}/ZoomSpaces/VelocityGenericSpace"
SPEED_PT, SPEED_Z = f"{_SPACES}/PanTiltSpaces/GenericSpeedSpace", f"{_SPACES}/ZoomSpaces/ZoomGenericSpeedSpace"
_DURATION = re.compile(r"^P(?:T(?:(?P<h>[\d.]+)H)?(?:(?P<m>[\d.]+)M)?(?:(?P<s>[\d.]+)S)?)?$")


def _range(low: float, high: float) -> str:  # tt:FloatRange
    return f"<tt:Min>{low:g}</tt:Min><tt:Max>{high:g}</tt:Max>"


def _space_2d(element: str, uri: str) -> str:
    return (f"<tt:{element}><tt:URI>{uri}</tt:URI><tt:XRange>{_range(-1, 1)}</tt:XRange>"
            f"<tt:YRange>{_range(-1, 1)}</tt:YRange></tt:{element}>")


def _space_1d(element: str, uri: str, low: float) -> str:
    return f"<tt:{element}><tt:URI>{uri}</tt:URI><tt:XRange>{_range(low, 1)}</tt:XRange></tt:{element}>"


def ptz_configuration(element: str) -> str:
    """The one PTZ configuration (also inside each media profile)."""
    return (f'<{element} token="{CONFIGURATION}"><tt:Name>PTZ</tt:Name><tt:UseCount>2</tt:UseCount>'
            f'<tt:NodeToken>{NODE}</tt:NodeToken><tt:DefaultAbsolutePantTiltPositionSpace>{POSITION_PT}'
            f'</tt:DefaultAbsolutePantTiltPositionSpace><tt:DefaultAbsoluteZoomPositionSpace>{POSITION_Z}'
            f'</tt:DefaultAbsoluteZoomPositionSpace><tt:DefaultRelativePanTiltTranslationSpace>{TRANSLATION_PT}'
            f'</tt:DefaultRelativePanTiltTranslationSpace><tt:DefaultRelativeZoomTranslationSpace>{TRANSLATION_Z}'
            f'</tt:DefaultRelativeZoomTranslationSpace><tt:DefaultContinuousPanTiltVelocitySpace>{VELOCITY_PT}'
            f'</tt:DefaultContinuousPanTiltVelocitySpace><tt:DefaultContinuousZoomVelocitySpace>{VELOCITY_Z}'
            f'</tt:DefaultContinuousZoomVelocitySpace><tt:DefaultPTZSpeed><tt:PanTilt x="1" y="1" '
            f'space="{SPEED_PT}"/><tt:Zoom x="1" space="{SPEED_Z}"/></tt:DefaultPTZSpeed><tt:DefaultPTZTimeout>'
            f'PT10S</tt:DefaultPTZTimeout><tt:PanTiltLimits><tt:Range><tt:URI>{POSITION_PT}</tt:URI><tt:XRange>'
            f'{_range(-1, 1)}</tt:XRange><tt:YRange>{_range(-1, 1)}</tt:YRange></tt:Range></tt:PanTiltLimits>'
            f'<tt:ZoomLimits><tt:Range><tt:URI>{POSITION_Z}</tt:URI><tt:XRange>{_range(0, 1)}</tt:XRange>'
            f'</tt:Range></tt:ZoomLimits></{element}>')


def _spaces() -> str:
    return (_space_2d("AbsolutePanTiltPositionSpace", POSITION_PT)
            + _space_1d("AbsoluteZoomPositionSpace", POSITION_Z, 0)
            + _space_2d("RelativePanTiltTranslationSpace", TRANSLATION_PT)
            + _space_1d("RelativeZoomTranslationSpace", TRANSLATION_Z, -1)
            + _space_2d("ContinuousPanTiltVelocitySpace", VELOCITY_PT)
            + _space_1d("ContinuousZoomVelocitySpace", VELOCITY_Z, -1)
            + _space_1d("PanTiltSpeedSpace", SPEED_PT, 0) + _space_1d("ZoomSpeedSpace", SPEED_Z, 0))


def _vector(parent: ET.Element | None) -> tuple[float | None, float | None, float | None]:
    """(x, y, zoom) of a PTZVector/PTZSpeed element; None where the request leaves an axis out."""
    if parent is None:
        return None, None, None
    pan_tilt, zoom = parent.find(f"{{{TT}}}PanTilt"), parent.find(f"{{{TT}}}Zoom")
    try:
        return (float(pan_tilt.get("x", 0)) if pan_tilt is not None else None,
                float(pan_tilt.get("y", 0)) if pan_tilt is not None else None,
                float(zoom.get("x", 0)) if zoom is not None else None)
    except ValueError:
        raise SoapFault("ter:InvalidArgVal", "a coordinate is not a number") from None


def _duration_s(text: str | None) -> float | None:
    match = _DURATION.match((text or "").strip())
    if not text or not match:
        return None
    hours, minutes, seconds = (float(match.group(g) or 0) for g in ("h", "m", "s"))
    return hours * 3600 + minutes * 60 + seconds or None


class PtzService(Service):
    namespace = TPTZ
    prefix = "tptz"
    capability_rank = 6

    def __init__(self, camera: OnvifCamera, state: PtzState) -> None:
        self.camera = camera
        self.state = state

    def capabilities(self) -> str:
        return ('<tptz:Capabilities EFlip="false" Reverse="false" GetCompatibleConfigurations="false" '
                'MoveStatus="true" StatusPosition="true"/>')

    def legacy_capabilities(self, xaddr: str) -> str:
        return f"<tt:PTZ><tt:XAddr>{xaddr}</tt:XAddr></tt:PTZ>"

    def _profile_state(self, op: ET.Element) -> PtzState:
        self.camera.profile_token(op, TPTZ)
        return self.state

    def _node(self, element: str) -> str:
        return (f'<{element} token="{NODE}" FixedHomePosition="false" GeoMove="false"><tt:Name>{NODE}</tt:Name>'
                f'<tt:SupportedPTZSpaces>{_spaces()}</tt:SupportedPTZSpaces><tt:MaximumNumberOfPresets>'
                f'{MAX_PRESETS}</tt:MaximumNumberOfPresets><tt:HomeSupported>true</tt:HomeSupported></{element}>')

    def op_GetNodes(self, _op: ET.Element, _now: datetime) -> str:
        return f"<tptz:GetNodesResponse>{self._node('tptz:PTZNode')}</tptz:GetNodesResponse>"

    def op_GetNode(self, op: ET.Element, _now: datetime) -> str:
        if request_text(op, TPTZ, "NodeToken") != NODE:
            raise SoapFault("ter:NoEntity", "no such PTZ node")
        return f"<tptz:GetNodeResponse>{self._node('tptz:PTZNode')}</tptz:GetNodeResponse>"

    def op_GetConfigurations(self, _op: ET.Element, _now: datetime) -> str:
        return (f"<tptz:GetConfigurationsResponse>{ptz_configuration('tptz:PTZConfiguration')}"
                f"</tptz:GetConfigurationsResponse>")

    def op_GetConfiguration(self, op: ET.Element, _now: datetime) -> str:
        if request_text(op, TPTZ, "PTZConfigurationToken") != CONFIGURATION:
            raise SoapFault("ter:NoConfig", "no such PTZ configuration")
        return (f"<tptz:GetConfigurationResponse>{ptz_configuration('tptz:PTZConfiguration')}"
                f"</tptz:GetConfigurationResponse>")

    def op_GetConfigurationOptions(self, op: ET.Element, _now: datetime) -> str:
        if request_text(op, TPTZ, "ConfigurationToken") != CONFIGURATION:
            raise SoapFault("ter:NoConfig", "no such PTZ configuration")
        return (f"<tptz:GetConfigurationOptionsResponse><tptz:PTZConfigurationOptions><tt:Spaces>{_spaces()}"
                f"</tt:Spaces><tt:PTZTimeout><tt:Min>PT1S</tt:Min><tt:Max>PT60S</tt:Max></tt:PTZTimeout>"
                f"</tptz:PTZConfigurationOptions></tptz:GetConfigurationOptionsResponse>")

    def op_GetStatus(self, op: ET.Element, _now: datetime) -> str:
        state = self._profile_state(op)
        now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        pan, tilt, zoom = state.position()
        moving = "MOVING" if state.moving() else "IDLE"
        return (f'<tptz:GetStatusResponse><tptz:PTZStatus><tt:Position><tt:PanTilt x="{pan:.4f}" y="{tilt:.4f}" '
                f'space="{POSITION_PT}"/><tt:Zoom x="{zoom:.4f}" space="{POSITION_Z}"/></tt:Position>'
                f'<tt:MoveStatus><tt:PanTilt>{moving}</tt:PanTilt><tt:Zoom>{moving}</tt:Zoom></tt:MoveStatus>'
                f'<tt:UtcTime>{now}</tt:UtcTime></tptz:PTZStatus></tptz:GetStatusResponse>')

    def op_ContinuousMove(self, op: ET.Element, _now: datetime) -> str:
        state = self._profile_state(op)
        pan_v, tilt_v, zoom_v = _vector(op.find(f"{{{TPTZ}}}Velocity"))
        state.move(pan_v or 0.0, tilt_v or 0.0, zoom_v or 0.0, _duration_s(op.findtext(f"{{{TPTZ}}}Timeout")))
        return "<tptz:ContinuousMoveResponse/>"

    def op_AbsoluteMove(self, op: ET.Element, _now: datetime) -> str:
        state = self._profile_state(op)
        position = op.find(f"{{{TPTZ}}}Position")
        if position is None:
            raise SoapFault("ter:InvalidArgVal", "AbsoluteMove needs a Position")
        pan, tilt, zoom = _vector(position)
        current = state.position()
        target = (current[0] if pan is None else pan, current[1] if tilt is None else tilt,
                  current[2] if zoom is None else zoom)
        if not (-1 <= target[0] <= 1 and -1 <= target[1] <= 1 and 0 <= target[2] <= 1):
            raise SoapFault("ter:InvalidPosition", "the position is outside the generic space")
        state.go_to(target)
        return "<tptz:AbsoluteMoveResponse/>"

    def op_RelativeMove(self, op: ET.Element, _now: datetime) -> str:
        state = self._profile_state(op)
        translation = op.find(f"{{{TPTZ}}}Translation")
        if translation is None:
            raise SoapFault("ter:InvalidArgVal", "RelativeMove needs a Translation")
        d_pan, d_tilt, d_zoom = _vector(translation)
        state.translate(d_pan or 0.0, d_tilt or 0.0, d_zoom or 0.0)
        return "<tptz:RelativeMoveResponse/>"

    def op_Stop(self, op: ET.Element, _now: datetime) -> str:
        self._profile_state(op).stop()
        return "<tptz:StopResponse/>"

    def op_GetPresets(self, op: ET.Element, _now: datetime) -> str:
        items = "".join(
            f'<tptz:Preset token="{token}"><tt:Name>{escape(name)}</tt:Name><tt:PTZPosition><tt:PanTilt '
            f'x="{p:.4f}" y="{t:.4f}" space="{POSITION_PT}"/><tt:Zoom x="{z:.4f}" space="{POSITION_Z}"/>'
            f'</tt:PTZPosition></tptz:Preset>'
            for token, name, (p, t, z) in self._profile_state(op).presets())
        return f"<tptz:GetPresetsResponse>{items}</tptz:GetPresetsResponse>"

    def op_SetPreset(self, op: ET.Element, _now: datetime) -> str:
        state = self._profile_state(op)
        try:
            token = state.set_preset(op.findtext(f"{{{TPTZ}}}PresetName"), op.findtext(f"{{{TPTZ}}}PresetToken"))
        except KeyError:
            raise SoapFault("ter:NoToken", "no such preset") from None
        except ValueError:
            raise SoapFault("ter:TooManyPresets", "the preset list is full") from None
        return f"<tptz:SetPresetResponse><tptz:PresetToken>{token}</tptz:PresetToken></tptz:SetPresetResponse>"

    def op_RemovePreset(self, op: ET.Element, _now: datetime) -> str:
        try:
            self._profile_state(op).remove_preset(request_text(op, TPTZ, "PresetToken"))
        except KeyError:
            raise SoapFault("ter:NoToken", "no such preset") from None
        return "<tptz:RemovePresetResponse/>"

    def op_GotoPreset(self, op: ET.Element, _now: datetime) -> str:
        state = self._profile_state(op)
        try:
            state.go_to(state.preset(request_text(op, TPTZ, "PresetToken")))
        except KeyError:
            raise SoapFault("ter:NoToken", "no such preset") from None
        return "<tptz:GotoPresetResponse/>"

    def op_GotoHomePosition(self, op: ET.Element, _now: datetime) -> str:
        self._profile_state(op).go_home()
        return "<tptz:GotoHomePositionResponse/>"

    def op_SetHomePosition(self, op: ET.Element, _now: datetime) -> str:
        self._profile_state(op).set_home()
        return "<tptz:SetHomePositionResponse/>"
