"""Onboarding: an ONVIF address and credentials in, everything needed to save the camera out (blocking)."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from videowall.model.camera import Credentials
from videowall.onvif.client import OnvifClient
from videowall.onvif.ptz_device import PtzDevice
from videowall.onvif.transport import MAX_REPLY_BYTES
from videowall.onvif.types import DeviceInfo, MediaProfile, OnvifReport
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.runtime.redaction import redact

log = logging.getLogger(__name__)
DEFAULT_PATH = "/onvif/device_service"


def device_url(address: str) -> str:
    """http://HOST:PORT → http://HOST:PORT/onvif/device_service; a URL with a path is kept as given."""
    parts = urlsplit(address.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.username or parts.password:
        raise VideowallError(ErrorKind.INVALID_URL,
                             "Give the ONVIF address as http://HOST:PORT or https://HOST:PORT (no user:password@).")
    return address.strip() if parts.path not in ("", "/") else f"{parts.scheme}://{parts.netloc}{DEFAULT_PATH}"


def _profiles(client: OnvifClient) -> tuple[MediaProfile, ...]:
    """The usable profiles (those with a token); a profile's size and encoding are optional."""
    reader = client.reader("GetProfiles")
    rows = reader.items(client.call("media", "GetProfiles"))
    profiles = []
    for raw in rows:
        token = reader.optional_text(raw, "token")
        if token is None:
            log.warning("%s: a media profile without a token was skipped", redact(client.device_url))
            continue
        profiles.append(MediaProfile(
            token=token, name=reader.optional_text(raw, "Name") or token,
            width=reader.optional_int(raw, "VideoEncoderConfiguration.Resolution.Width"),
            height=reader.optional_int(raw, "VideoEncoderConfiguration.Resolution.Height"),
            encoding=reader.optional_text(raw, "VideoEncoderConfiguration.Encoding") or "",
            has_ptz=reader.optional(raw, "PTZConfiguration") is not None))
    if rows and not profiles:
        raise reader.lacks("a media profile with a token")
    if not profiles:
        raise VideowallError(ErrorKind.NOT_FOUND, "The camera reports no media profiles.")
    return tuple(profiles)


def _area(profile: MediaProfile) -> int:
    return (profile.width or 0) * (profile.height or 0)


def _stream_uri(client: OnvifClient, token: str) -> str:
    setup = {"Stream": "RTP-Unicast", "Transport": {"Protocol": "RTSP"}}
    reader = client.reader("GetStreamUri")
    uri = reader.text(client.call("media", "GetStreamUri", StreamSetup=setup, ProfileToken=token), "Uri")
    if urlsplit(uri).scheme.lower() not in ("rtsp", "rtsps"):
        raise reader.lacks(f"an rtsp:// address (it gave {redact(uri)[:80]!r})")
    return uri


def _snapshot_uri(client: OnvifClient, token: str) -> str | None:
    try:
        reply = client.call("media", "GetSnapshotUri", ProfileToken=token)
    except VideowallError as err:
        if err.kind in (ErrorKind.AUTH_FAILED, ErrorKind.TIMEOUT, ErrorKind.UNREACHABLE):
            raise
        return None  # many cameras have no snapshot service: not a reason to refuse the camera
    uri = client.reader("GetSnapshotUri").optional_text(reply, "Uri")
    return uri if uri and urlsplit(uri).scheme.lower() in ("http", "https") else None


def _device_info(client: OnvifClient) -> DeviceInfo:
    """Manufacturer and model are needed to tell cameras apart; firmware and serial may be missing."""
    reader = client.reader("GetDeviceInformation")
    raw = reader.present(client.call("device", "GetDeviceInformation"), "device information")
    return DeviceInfo(reader.text(raw, "Manufacturer"), reader.text(raw, "Model"),
                      reader.optional_text(raw, "FirmwareVersion") or "",
                      reader.optional_text(raw, "SerialNumber") or "")


def probe(address: str, credentials: Credentials | None, pinned_sha256: str | None = None,
          client: OnvifClient | None = None, max_reply_bytes: int = MAX_REPLY_BYTES) -> OnvifReport:
    """Everything onboarding needs: device info, profiles (largest = main, smallest = sub), URIs, PTZ, presets."""
    url = device_url(address)
    client = client or OnvifClient(url, credentials, pinned_sha256=pinned_sha256, max_reply_bytes=max_reply_bytes)
    client.connect()
    info = _device_info(client)
    profiles = _profiles(client)
    ordered = sorted(profiles, key=_area, reverse=True)
    main, sub = ordered[0], (ordered[-1] if len(ordered) > 1 else None)
    ptz_profile = next((p for p in ordered if p.has_ptz), None) if client.has("ptz") else None
    presets = tuple(PtzDevice(client, ptz_profile.token).presets()) if ptz_profile else ()
    return OnvifReport(
        device_url=url, info=info, clock_offset_s=client.clock_offset_s, profiles=profiles,
        main_profile=main.token, sub_profile=sub.token if sub else None,
        main_uri=_stream_uri(client, main.token), sub_uri=_stream_uri(client, sub.token) if sub else None,
        snapshot_uri=_snapshot_uri(client, main.token), ptz=ptz_profile is not None, presets=presets)
