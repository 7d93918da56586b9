"""Onboarding: an ONVIF address and credentials in, everything needed to save the camera out (blocking)."""

from __future__ import annotations

from urllib.parse import urlsplit

from videowall.model.camera import Credentials
from videowall.onvif.client import OnvifClient
from videowall.onvif.ptz_device import PtzDevice
from videowall.onvif.types import DeviceInfo, MediaProfile, OnvifReport
from videowall.runtime.errors import ErrorKind, VideowallError

DEFAULT_PATH = "/onvif/device_service"


def device_url(address: str) -> str:
    """http://HOST:PORT → http://HOST:PORT/onvif/device_service; a URL with a path is kept as given."""
    parts = urlsplit(address.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.username or parts.password:
        raise VideowallError(ErrorKind.INVALID_URL,
                             "Give the ONVIF address as http://HOST:PORT or https://HOST:PORT (no user:password@).")
    return address.strip() if parts.path not in ("", "/") else f"{parts.scheme}://{parts.netloc}{DEFAULT_PATH}"


def _profile(raw) -> MediaProfile:
    encoder = raw.VideoEncoderConfiguration
    resolution = encoder.Resolution if encoder is not None else None
    return MediaProfile(token=str(raw.token), name=str(raw.Name or raw.token),
                        width=int(resolution.Width) if resolution is not None else None,
                        height=int(resolution.Height) if resolution is not None else None,
                        encoding=str(encoder.Encoding) if encoder is not None else "",
                        has_ptz=raw.PTZConfiguration is not None)


def _area(profile: MediaProfile) -> int:
    return (profile.width or 0) * (profile.height or 0)


def _stream_uri(client: OnvifClient, token: str) -> str:
    setup = {"Stream": "RTP-Unicast", "Transport": {"Protocol": "RTSP"}}
    return str(client.call("media", "GetStreamUri", StreamSetup=setup, ProfileToken=token).Uri)


def _snapshot_uri(client: OnvifClient, token: str) -> str | None:
    try:
        return str(client.call("media", "GetSnapshotUri", ProfileToken=token).Uri)
    except VideowallError as err:
        if err.kind in (ErrorKind.AUTH_FAILED, ErrorKind.TIMEOUT, ErrorKind.UNREACHABLE):
            raise
        return None  # many cameras have no snapshot service: not a reason to refuse the camera


def probe(address: str, credentials: Credentials | None, pinned_sha256: str | None = None,
          client: OnvifClient | None = None) -> OnvifReport:
    """Everything onboarding needs: device info, profiles (largest = main, smallest = sub), URIs, PTZ, presets."""
    url = device_url(address)
    client = client or OnvifClient(url, credentials, pinned_sha256=pinned_sha256)
    client.connect()
    raw_info = client.call("device", "GetDeviceInformation")
    info = DeviceInfo(str(raw_info.Manufacturer), str(raw_info.Model), str(raw_info.FirmwareVersion),
                      str(raw_info.SerialNumber))
    profiles = tuple(_profile(raw) for raw in client.call("media", "GetProfiles") or [])
    if not profiles:
        raise VideowallError(ErrorKind.NOT_FOUND, "The camera reports no media profiles.")
    ordered = sorted(profiles, key=_area, reverse=True)
    main, sub = ordered[0], (ordered[-1] if len(ordered) > 1 else None)
    ptz_profile = next((p for p in ordered if p.has_ptz), None) if client.has("ptz") else None
    presets = tuple(PtzDevice(client, ptz_profile.token).presets()) if ptz_profile else ()
    return OnvifReport(
        device_url=url, info=info, clock_offset_s=client.clock_offset_s, profiles=profiles,
        main_profile=main.token, sub_profile=sub.token if sub else None,
        main_uri=_stream_uri(client, main.token), sub_uri=_stream_uri(client, sub.token) if sub else None,
        snapshot_uri=_snapshot_uri(client, main.token), ptz=ptz_profile is not None, presets=presets)
