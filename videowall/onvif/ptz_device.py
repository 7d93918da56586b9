"""PTZ operations on one media profile of an ``OnvifClient``, in plain values (blocking: worker threads only)."""

from __future__ import annotations

from videowall.onvif.client import OnvifClient
from videowall.onvif.types import PtzPosition, PtzPreset
from videowall.runtime.errors import ErrorKind, VideowallError


def _clamp(value: float, low: float = -1.0, high: float = 1.0) -> float:
    return max(low, min(high, float(value)))


def _position(raw) -> PtzPosition | None:
    if raw is None:
        return None
    pan_tilt, zoom = getattr(raw, "PanTilt", None), getattr(raw, "Zoom", None)
    return PtzPosition(float(pan_tilt.x) if pan_tilt is not None else 0.0,
                       float(pan_tilt.y) if pan_tilt is not None else 0.0,
                       float(zoom.x) if zoom is not None else 0.0)


class PtzDevice:
    """ContinuousMove/Stop/presets/home of one profile. Owned by one thread (the camera's PTZ queue)."""

    def __init__(self, client: OnvifClient, profile_token: str) -> None:
        if not client.has("ptz"):
            raise VideowallError(ErrorKind.NOT_FOUND, "This camera has no PTZ service.")
        self.client = client
        self.profile_token = profile_token

    def move(self, pan: float, tilt: float, zoom: float, timeout_s: float | None = None) -> None:
        """Continuous move at these velocities (-1..1); the camera stops by itself after ``timeout_s``."""
        params = {"ProfileToken": self.profile_token,
                  "Velocity": {"PanTilt": {"x": _clamp(pan), "y": _clamp(tilt)}, "Zoom": {"x": _clamp(zoom)}}}
        if timeout_s:
            params["Timeout"] = f"PT{timeout_s:.3f}S"
        self.client.call("ptz", "ContinuousMove", **params)

    def stop(self) -> None:
        self.client.call("ptz", "Stop", ProfileToken=self.profile_token, PanTilt=True, Zoom=True)

    def status(self) -> PtzPosition | None:
        return _position(self.client.call("ptz", "GetStatus", ProfileToken=self.profile_token).Position)

    def presets(self) -> list[PtzPreset]:
        rows = self.client.call("ptz", "GetPresets", ProfileToken=self.profile_token) or []
        return [PtzPreset(str(row.token), str(row.Name or ""), _position(row.PTZPosition)) for row in rows]

    def set_preset(self, name: str | None = None, token: str | None = None) -> str:
        """Save the current position as a new preset (or over ``token``, renaming it to ``name``)."""
        params = {"ProfileToken": self.profile_token}
        if name:
            params["PresetName"] = name
        if token:
            params["PresetToken"] = token
        return str(self.client.call("ptz", "SetPreset", **params))

    def remove_preset(self, token: str) -> None:
        self.client.call("ptz", "RemovePreset", ProfileToken=self.profile_token, PresetToken=token)

    def goto_preset(self, token: str) -> None:
        self.client.call("ptz", "GotoPreset", ProfileToken=self.profile_token, PresetToken=token)

    def goto_home(self) -> None:
        self.client.call("ptz", "GotoHomePosition", ProfileToken=self.profile_token)

    def set_home(self) -> None:
        self.client.call("ptz", "SetHomePosition", ProfileToken=self.profile_token)
