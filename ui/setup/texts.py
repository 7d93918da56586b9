"""The set-up screens' texts: one translation context, camera states and transports in words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from videowall.model.camera import Profile, Transport
from videowall.setup.camera_state import CameraState

CONTEXT = "Setup"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def state_text(state: CameraState) -> str:
    return {CameraState.IDLE: tr("not connected"), CameraState.CONNECTING: tr("connecting"),
            CameraState.LIVE: tr("live"), CameraState.RECONNECTING: tr("reconnecting"),
            CameraState.OFFLINE: tr("offline"), CameraState.RECORDING: tr("recording")}[state]


def transport_text(transport: Transport) -> str:
    return {Transport.AUTO: tr("Automatic (TCP, then UDP)"), Transport.UDP_THEN_TCP: tr("Automatic (UDP, then TCP)"),
            Transport.TCP: tr("TCP only"), Transport.UDP: tr("UDP only")}[transport]


def profile_text(profile: Profile) -> str:
    return {Profile.MAIN: tr("Main stream (full resolution)"), Profile.SUB: tr("Sub stream (low resolution)")}[profile]
