"""What the camera tree says about each camera: live, connecting, reconnecting, offline, recording (no Qt)."""

from __future__ import annotations

import enum
from collections.abc import Callable

from videowall.media.types import SessionState, SessionStatus
from videowall.model.camera import Profile
from videowall.recording.recorder_types import RecorderState, RecorderStatus


class CameraState(enum.Enum):
    IDLE = "idle"                  # not shown and not recorded: no connection open
    CONNECTING = "connecting"
    LIVE = "live"
    RECONNECTING = "reconnecting"
    OFFLINE = "offline"            # unreachable, refused the credentials, or a bad address
    RECORDING = "recording"        # live and written to disk


_OFFLINE = {SessionState.UNREACHABLE, SessionState.AUTH_FAILED, SessionState.INVALID_URL}
_RANK = {CameraState.IDLE: 0, CameraState.CONNECTING: 1, CameraState.OFFLINE: 2, CameraState.RECONNECTING: 3,
         CameraState.LIVE: 4}

SessionLookup = Callable[[int, Profile], SessionStatus]
RecorderLookup = Callable[[int], RecorderStatus | None]


def session_state(status: SessionStatus) -> CameraState:
    state = status.state
    if state is SessionState.LIVE:
        return CameraState.LIVE
    if state is SessionState.CONNECTING:
        return CameraState.CONNECTING
    if state is SessionState.RECONNECTING:
        return CameraState.RECONNECTING
    if state in _OFFLINE:
        return CameraState.OFFLINE
    return CameraState.IDLE


def camera_state(camera_id: int, sessions: SessionLookup, recorder: RecorderLookup) -> CameraState:
    """The best of the camera's two streams; RECORDING while its recorder writes and a stream is live."""
    best = max((session_state(sessions(camera_id, profile)) for profile in Profile), key=_RANK.__getitem__)
    status = recorder(camera_id)
    if best is CameraState.LIVE and status is not None and status.state is RecorderState.RECORDING:
        return CameraState.RECORDING
    return best
