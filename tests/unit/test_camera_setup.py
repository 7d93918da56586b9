"""Camera set-up without a screen: add, edit and remove with the keyring and ONVIF facts; states; discovery rows."""

from __future__ import annotations

from dataclasses import replace

import pytest

from videowall.media.types import SessionState, SessionStatus
from videowall.model.camera import Profile, Transport
from videowall.onvif.discovery import DiscoveredDevice
from videowall.onvif.store import OnvifStore
from videowall.onvif.types import DeviceInfo, MediaProfile, OnvifReport
from videowall.recording.recorder_types import RecorderState, RecorderStatus
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.setup.camera_state import CameraState, camera_state
from videowall.setup.cameras import CameraForm, CameraSetup, form_of, form_with_report
from videowall.setup.discovery import found_cameras
from videowall.station import Station

URL = "rtsp://127.0.0.1:8554/cam1"


@pytest.fixture
def station(tmp_path):
    st = Station.open(tmp_path / "data", secrets_kind="memory")
    yield st
    st.close()


def report(ptz: bool = True) -> OnvifReport:
    profiles = (MediaProfile("p-main", "Main", 1920, 1080, "H264", ptz), MediaProfile("p-sub", "Sub", 640, 360, "H264", ptz))
    return OnvifReport(device_url="http://127.0.0.1:8080/onvif/device_service",
                       info=DeviceInfo("Acme", "Dome 5", "1.0", "SN1"), clock_offset_s=0.0, profiles=profiles,
                       main_profile="p-main", sub_profile="p-sub", main_uri=URL, sub_uri=URL + "-sub",
                       snapshot_uri=None, ptz=ptz)


def test_add_with_credentials_and_onvif_facts_then_edit_then_remove(station):
    setup = CameraSetup(station.cameras, station.secrets)
    form = form_with_report(CameraForm(name="", main_url="", group="Śródmieście", location="Rynek",
                                       username="admin", password="s3cret-pw", record=True,
                                       record_profile=Profile.SUB), report())
    camera = setup.add(form)
    assert (camera.name, camera.main_url, camera.sub_url) == ("Acme Dome 5", URL, URL + "-sub")
    assert camera.has_credentials and camera.record and camera.record_profile is Profile.SUB
    assert station.secrets.get(camera.id).password == "s3cret-pw"
    with station.cameras.transaction() as conn:
        assert OnvifStore(conn).device(camera.id).ptz_profile == "p-main"

    same_user = form_of(camera, setup.stored_username(camera))      # the password field stays empty
    edited = setup.edit(camera.id, replace(same_user, name="Rynek 1", group="Podgórze", transport=Transport.TCP,
                                           record=False))
    assert (edited.name, edited.group, edited.transport, edited.record) == ("Rynek 1", "Podgórze", Transport.TCP, False)
    assert edited.has_credentials and station.secrets.get(camera.id).password == "s3cret-pw"

    with pytest.raises(VideowallError, match="password for the new username"):
        setup.edit(camera.id, replace(same_user, username="other"))
    without = setup.edit(camera.id, replace(same_user, username=""))
    assert not without.has_credentials and station.secrets.get(camera.id) is None

    setup.remove(camera.id)
    assert station.cameras.list() == []


def test_a_refused_add_writes_nothing(station):
    setup = CameraSetup(station.cameras, station.secrets)
    setup.add(CameraForm(name="Plac", main_url=URL))
    with pytest.raises(VideowallError) as taken:
        setup.add(CameraForm(name="Plac", main_url=URL, username="admin", password="pw-1234"))
    assert taken.value.kind is ErrorKind.INVALID_INPUT
    with pytest.raises(VideowallError, match="Give the password"):
        setup.add(CameraForm(name="Other", main_url=URL, username="admin"))
    with pytest.raises(VideowallError):
        setup.add(CameraForm(name="Bad", main_url="http://not-rtsp"))
    assert [c.name for c in station.cameras.list()] == ["Plac"]
    assert "pw-1234" not in repr(CameraForm(name="x", main_url=URL, password="pw-1234"))


def test_camera_state_takes_the_best_stream_and_recording():
    def sessions(states):
        return lambda _cid, profile: SessionStatus(states[profile])

    def recorder(state):
        return lambda cid: RecorderStatus(cid, "main", state) if state else None

    live_sub = sessions({Profile.MAIN: SessionState.UNREACHABLE, Profile.SUB: SessionState.LIVE})
    assert camera_state(1, live_sub, recorder(None)) is CameraState.LIVE
    assert camera_state(1, live_sub, recorder(RecorderState.RECORDING)) is CameraState.RECORDING
    assert camera_state(1, live_sub, recorder(RecorderState.WAITING)) is CameraState.LIVE
    down = sessions({Profile.MAIN: SessionState.AUTH_FAILED, Profile.SUB: SessionState.STOPPED})
    assert camera_state(1, down, recorder(RecorderState.RECORDING)) is CameraState.OFFLINE
    retrying = sessions({Profile.MAIN: SessionState.RECONNECTING, Profile.SUB: SessionState.UNREACHABLE})
    assert camera_state(1, retrying, recorder(None)) is CameraState.RECONNECTING
    idle = sessions({Profile.MAIN: SessionState.STOPPED, Profile.SUB: SessionState.STOPPED})
    assert camera_state(1, idle, recorder(None)) is CameraState.IDLE


def test_found_cameras_name_model_and_ptz_from_scopes():
    devices = [
        DiscoveredDevice("urn:uuid:2", ("http://10.0.0.2/onvif/device_service",),
                         ("onvif://www.onvif.org/name/Brama%20Floria%C5%84ska", "onvif://www.onvif.org/type/ptz",
                          "onvif://www.onvif.org/hardware/SimPTZ"), ()),
        DiscoveredDevice("urn:uuid:1", ("http://10.0.0.1/onvif/device_service",), (), ()),
        DiscoveredDevice("urn:uuid:3", ("soap.udp://10.0.0.3",), (), ()),
    ]
    rows = found_cameras(devices)
    assert [(r.name, r.hardware, r.ptz) for r in rows] == [
        ("Brama Floriańska", "SimPTZ", True), ("http://10.0.0.1/onvif/device_service", "", False)]
