"""PTZ operations on one media profile of an ``OnvifClient``, in plain values (blocking: worker threads only)."""

from __future__ import annotations

from videowall.onvif.client import OnvifClient
from videowall.onvif.reply import ReplyReader
from videowall.onvif.types import PtzPosition, PtzPreset
from videowall.runtime.errors import ErrorKind, VideowallError


def _clamp(value: float, low: float = -1.0, high: float = 1.0) -> float:
    return max(low, min(high, float(value)))


def _position(reader: ReplyReader, raw) -> PtzPosition | None:
    """A PTZVector in plain values; None when it has no usable coordinate at all."""
    pan, tilt, zoom = (reader.optional_float(raw, path) for path in ("PanTilt.x", "PanTilt.y", "Zoom.x"))
    if pan is None and tilt is None and zoom is None:
        return None
    return PtzPosition(pan or 0.0, tilt or 0.0, zoom or 0.0)


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
        reader = self.client.reader("GetStatus")
        reply = reader.present(self.client.call("ptz", "GetStatus", ProfileToken=self.profile_token), "a status")
        return _position(reader, reader.optional(reply, "Position"))

    def presets(self) -> list[PtzPreset]:
        """The presets that have a token (a row without one cannot be recalled)."""
        reader = self.client.reader("GetPresets")
        rows = reader.items(self.client.call("ptz", "GetPresets", ProfileToken=self.profile_token))
        return [PtzPreset(token, reader.optional_text(row, "Name") or "",
                          _position(reader, reader.optional(row, "PTZPosition")))
                for row in rows if (token := reader.optional_text(row, "token"))]

    def set_preset(self, name: str | None = None, token: str | None = None) -> str:
        """Save the current position as a new preset (or over ``token``, renaming it to ``name``)."""
        params = {"ProfileToken": self.profile_token}
        if name:
            params["PresetName"] = name
        if token:
            params["PresetToken"] = token
        reply = self.client.call("ptz", "SetPreset", **params)
        reader = self.client.reader("SetPreset")
        # zeep unwraps a one-element response: the reply is the token itself
        return reader.present(reader.optional_text(reply, ""), "PresetToken")

    def remove_preset(self, token: str) -> None:
        self.client.call("ptz", "RemovePreset", ProfileToken=self.profile_token, PresetToken=token)

    def goto_preset(self, token: str) -> None:
        self.client.call("ptz", "GotoPreset", ProfileToken=self.profile_token, PresetToken=token)

    def goto_home(self) -> None:
        self.client.call("ptz", "GotoHomePosition", ProfileToken=self.profile_token)

    def set_home(self) -> None:
        self.client.call("ptz", "SetHomePosition", ProfileToken=self.profile_token)
