"""The simulator's ONVIF media service (Profile S, media ver10): one video source, a profile per stream size."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET
from xml.sax.saxutils import escape

from videowall.sim.onvif_ptz import ptz_configuration
from videowall.sim.onvif_services import TRT, Service

if TYPE_CHECKING:
    from videowall.sim.onvif_camera import OnvifCamera

SOURCE = "vs0"


class MediaService(Service):
    namespace = TRT
    prefix = "trt"
    capability_rank = 5

    def __init__(self, camera: OnvifCamera) -> None:
        self.camera = camera

    def capabilities(self) -> str:
        return (f'<trt:Capabilities SnapshotUri="true" Rotation="false" VideoSourceMode="false" OSD="false">'
                f'<trt:ProfileCapabilities MaximumNumberOfProfiles="{len(self.camera.sizes)}"/>'
                f'<trt:StreamingCapabilities RTPMulticast="false" RTP_TCP="true" RTP_RTSP_TCP="true" '
                f'NonAggregateControl="false" NoRTSPStreaming="false"/></trt:Capabilities>')

    def legacy_capabilities(self, xaddr: str) -> str:
        return (f"<tt:Media><tt:XAddr>{xaddr}</tt:XAddr><tt:StreamingCapabilities><tt:RTPMulticast>false"
                f"</tt:RTPMulticast><tt:RTP_TCP>true</tt:RTP_TCP><tt:RTP_RTSP_TCP>true</tt:RTP_RTSP_TCP>"
                f"</tt:StreamingCapabilities></tt:Media>")

    def _largest(self) -> tuple[int, int]:
        return max(self.camera.sizes.values(), key=lambda size: size[0] * size[1])

    def op_GetVideoSources(self, _op: ET.Element, _now: datetime) -> str:
        width, height = self._largest()
        return (f'<trt:GetVideoSourcesResponse><trt:VideoSources token="{SOURCE}"><tt:Framerate>'
                f'{self.camera.fps}</tt:Framerate><tt:Resolution><tt:Width>{width}</tt:Width><tt:Height>{height}'
                f'</tt:Height></tt:Resolution></trt:VideoSources></trt:GetVideoSourcesResponse>')

    def _source_configuration(self, element: str) -> str:
        width, height = self._largest()
        return (f'<{element} token="vsc0"><tt:Name>source</tt:Name><tt:UseCount>{len(self.camera.sizes)}'
                f'</tt:UseCount><tt:SourceToken>{SOURCE}</tt:SourceToken><tt:Bounds x="0" y="0" width="{width}" '
                f'height="{height}"/></{element}>')

    def _encoder_configuration(self, element: str, token: str) -> str:
        width, height = self.camera.sizes[token]
        return (f'<{element} token="enc_{token}"><tt:Name>{token}</tt:Name><tt:UseCount>1</tt:UseCount>'
                f'<tt:Encoding>H264</tt:Encoding><tt:Resolution><tt:Width>{width}</tt:Width><tt:Height>{height}'
                f'</tt:Height></tt:Resolution><tt:Quality>5</tt:Quality><tt:RateControl><tt:FrameRateLimit>'
                f'{self.camera.fps}</tt:FrameRateLimit><tt:EncodingInterval>1</tt:EncodingInterval>'
                f'<tt:BitrateLimit>4096</tt:BitrateLimit></tt:RateControl><tt:H264><tt:GovLength>'
                f'{self.camera.fps}</tt:GovLength><tt:H264Profile>Main</tt:H264Profile></tt:H264><tt:Multicast>'
                f'<tt:Address><tt:Type>IPv4</tt:Type><tt:IPv4Address>0.0.0.0</tt:IPv4Address></tt:Address>'
                f'<tt:Port>0</tt:Port><tt:TTL>1</tt:TTL><tt:AutoStart>false</tt:AutoStart></tt:Multicast>'
                f'<tt:SessionTimeout>PT60S</tt:SessionTimeout></{element}>')

    def _profile(self, element: str, token: str) -> str:
        ptz = ptz_configuration("tt:PTZConfiguration") if self.camera.ptz else ""
        return (f'<{element} token="{token}" fixed="true"><tt:Name>{token}</tt:Name>'
                f'{self._source_configuration("tt:VideoSourceConfiguration")}'
                f'{self._encoder_configuration("tt:VideoEncoderConfiguration", token)}{ptz}</{element}>')

    def op_GetProfiles(self, _op: ET.Element, _now: datetime) -> str:
        profiles = "".join(self._profile("trt:Profiles", token) for token in self.camera.sizes)
        return f"<trt:GetProfilesResponse>{profiles}</trt:GetProfilesResponse>"

    def op_GetProfile(self, op: ET.Element, _now: datetime) -> str:
        token = self.camera.profile_token(op, TRT)
        return f"<trt:GetProfileResponse>{self._profile('trt:Profile', token)}</trt:GetProfileResponse>"

    def op_GetVideoSourceConfigurations(self, _op: ET.Element, _now: datetime) -> str:
        return (f"<trt:GetVideoSourceConfigurationsResponse>{self._source_configuration('trt:Configurations')}"
                f"</trt:GetVideoSourceConfigurationsResponse>")

    def op_GetVideoEncoderConfigurations(self, _op: ET.Element, _now: datetime) -> str:
        items = "".join(self._encoder_configuration("trt:Configurations", token) for token in self.camera.sizes)
        return f"<trt:GetVideoEncoderConfigurationsResponse>{items}</trt:GetVideoEncoderConfigurationsResponse>"

    def op_GetStreamUri(self, op: ET.Element, _now: datetime) -> str:
        token = self.camera.profile_token(op, TRT)
        return _media_uri("GetStreamUri", f"{self.camera.rtsp_base}/{token}")

    def op_GetSnapshotUri(self, op: ET.Element, _now: datetime) -> str:
        token = self.camera.profile_token(op, TRT)
        return _media_uri("GetSnapshotUri", f"{self.camera.base_url}/snapshot/{token}.bmp")


def _media_uri(op: str, uri: str) -> str:
    return (f"<trt:{op}Response><trt:MediaUri><tt:Uri>{escape(uri)}</tt:Uri>"
            f"<tt:InvalidAfterConnect>false</tt:InvalidAfterConnect><tt:InvalidAfterReboot>false"
            f"</tt:InvalidAfterReboot><tt:Timeout>PT0S</tt:Timeout></trt:MediaUri></trt:{op}Response>")
