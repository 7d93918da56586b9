"""Plain values the ONVIF client returns (no zeep objects leave the adapter)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DeviceInfo:
    manufacturer: str
    model: str
    firmware: str
    serial: str


@dataclass(frozen=True)
class MediaProfile:
    token: str
    name: str
    width: int | None
    height: int | None
    encoding: str
    has_ptz: bool


@dataclass(frozen=True)
class PtzPosition:
    pan: float
    tilt: float
    zoom: float


@dataclass(frozen=True)
class PtzPreset:
    token: str
    name: str
    position: PtzPosition | None = None


@dataclass(frozen=True)
class OnvifReport:
    """What onboarding learns about a device (credentials never included)."""

    device_url: str
    info: DeviceInfo
    clock_offset_s: float
    profiles: tuple[MediaProfile, ...]
    main_profile: str
    sub_profile: str | None
    main_uri: str
    sub_uri: str | None
    snapshot_uri: str | None
    ptz: bool
    presets: tuple[PtzPreset, ...] = field(default=())
