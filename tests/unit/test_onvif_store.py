"""ONVIF facts and PTZ tours in a real SQLite database (migration "onvif")."""

from __future__ import annotations

import pytest

from videowall.onvif.store import OnvifStore
from videowall.onvif.types import DeviceInfo, MediaProfile, OnvifReport
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.storage.cameras import CameraStore

REPORT = OnvifReport(
    device_url="http://10.0.0.5/onvif/device_service", info=DeviceInfo("Acme", "PTZ-1", "2.1", "SN1"),
    clock_offset_s=-3.0, profiles=(MediaProfile("p0", "main", 1920, 1080, "H264", True),
                                   MediaProfile("p1", "sub", 640, 360, "H264", True)),
    main_profile="p0", sub_profile="p1", main_uri="rtsp://10.0.0.5/main", sub_uri="rtsp://10.0.0.5/sub",
    snapshot_uri=None, ptz=True)


@pytest.fixture
def stores(database):
    return CameraStore(database), OnvifStore(database)


def test_device_facts_round_trip_and_go_with_their_camera(stores):
    cameras, onvif = stores
    camera = cameras.add("Gate", REPORT.main_uri)
    onvif.save_device(camera.id, REPORT, pinned_sha256="ab" * 32)
    device = onvif.device(camera.id)
    assert (device.model, device.ptz_profile, device.pinned_sha256) == ("PTZ-1", "p0", "ab" * 32)
    assert onvif.ptz_camera_ids() == [camera.id]
    cameras.remove(camera.id)
    with pytest.raises(VideowallError) as info:
        onvif.device(camera.id)
    assert info.value.kind is ErrorKind.NOT_FOUND


def test_tours_are_saved_updated_by_name_and_deleted(stores):
    cameras, onvif = stores
    camera = cameras.add("Gate", REPORT.main_uri)
    first = onvif.save_tour(camera.id, "Night", ["1", "2"], 8.0)
    again = onvif.save_tour(camera.id, "Night", ["2", "3", "1"], 12.0, loop=False)
    assert again.id == first.id
    assert onvif.tours(camera.id) == [again]
    assert again.preset_tokens == ("2", "3", "1") and not again.loop
    onvif.delete_tour(again.id)
    assert onvif.tours(camera.id) == []


def test_a_tour_needs_presets_and_a_positive_dwell(stores):
    cameras, onvif = stores
    camera = cameras.add("Gate", REPORT.main_uri)
    for tokens, dwell in (([], 5.0), (["1"], 0.0)):
        with pytest.raises(VideowallError):
            onvif.save_tour(camera.id, "Bad", tokens, dwell)
