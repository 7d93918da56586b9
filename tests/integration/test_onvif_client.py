"""ONVIF client and onboarding against the simulator and hostile peers (real sockets, real SOAP)."""

from __future__ import annotations

import logging
import struct
import urllib.request

import pytest

from tests.fixtures.onvif import PASSWORD, USER, FrameGrabber, HostileServer, SilentServer
from videowall.model.camera import Credentials
from videowall.onvif.client import OnvifClient
from videowall.onvif.discovery import discover
from videowall.onvif.onboarding import probe
from videowall.runtime.errors import ErrorKind, VideowallError

CREDS = Credentials(USER, PASSWORD)
_ENVELOPE = ('<?xml version="1.0"?>{dtd}<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" '
             'xmlns:tds="http://www.onvif.org/ver10/device/wsdl"><env:Body><tds:GetSystemDateAndTimeResponse>'
             '<tds:SystemDateAndTime>{text}</tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>'
             '</env:Body></env:Envelope>')
HOSTILE = {
    "dtd": ('<!DOCTYPE env:Envelope [<!ELEMENT x ANY>]>', "x"),
    "billion_laughs": ('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">'
                       '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>', "&lol3;"),
    "external_entity": ('<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', "&xxe;"),
}


def test_probe_returns_the_simulators_uris_and_the_stream_plays(ptz_sim):
    report = probe(f"http://127.0.0.1:{ptz_sim.onvif_port}", CREDS)
    assert report.info.manufacturer == "Videowall Simulator" and report.info.serial == "SIM-0001"
    assert report.main_uri == ptz_sim.url(1, "main") and report.sub_uri == ptz_sim.url(1, "sub")
    assert report.snapshot_uri.startswith(f"http://127.0.0.1:{ptz_sim.onvif_port}/")
    assert report.ptz and {p.token for p in report.profiles} == {"main", "sub"}
    grabber = FrameGrabber(report.sub_uri, CREDS)
    try:
        assert grabber.frame_after().size > 0
    finally:
        grabber.close()


def test_the_snapshot_uri_serves_a_picture_of_the_profile_size(ptz_sim):
    report = probe(ptz_sim.onvif_url(2), CREDS)
    with urllib.request.urlopen(report.snapshot_uri, timeout=5) as reply:
        picture = reply.read()
    width, height = struct.unpack("<ii", picture[18:26])
    assert picture[:2] == b"BM" and (width, height) == (640, 360)


def test_a_camera_without_ptz_reports_none(ptz_sim):
    report = probe(ptz_sim.onvif_url(2), CREDS)
    assert not report.ptz and report.main_uri == ptz_sim.url(2, "main")


def test_the_camera_clock_offset_is_read_and_used(sim_factory):
    sim = sim_factory(cameras=1, user=USER, password=PASSWORD, onvif=True, clock_offset_s=-7200)
    report = probe(sim.onvif_url(1), CREDS)  # a token stamped with our clock would be 2 h off: refused
    assert report.clock_offset_s == pytest.approx(-7200, abs=2)


def test_wrong_password_is_a_clear_auth_error(ptz_sim):
    with pytest.raises(VideowallError) as info:
        probe(ptz_sim.onvif_url(1), Credentials(USER, "not-the-password"))
    assert info.value.kind is ErrorKind.AUTH_FAILED
    assert "username or password" in info.value.user_message


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_replies_are_rejected(name):
    dtd, text = HOSTILE[name]
    server = HostileServer(_ENVELOPE.format(dtd=dtd, text=text).encode())
    try:
        with pytest.raises(VideowallError) as info:
            OnvifClient(server.url, None).connect()
    finally:
        server.close()
    assert info.value.kind is ErrorKind.STREAM_ERROR
    assert "rejected as unsafe" in info.value.user_message


def test_a_device_that_never_answers_times_out():
    server = SilentServer()
    try:
        with pytest.raises(VideowallError) as info:
            OnvifClient(server.url, CREDS, call_timeout_s=0.5).connect()
    finally:
        server.close()
    assert info.value.kind is ErrorKind.TIMEOUT


def test_no_password_in_any_debug_log_record(ptz_sim, caplog):
    caplog.set_level(logging.DEBUG)
    probe(ptz_sim.onvif_url(1), CREDS)
    envelopes = [r for r in caplog.records if r.name.startswith("zeep") and "UsernameToken" in r.getMessage()]
    assert envelopes, "zeep logged no envelope: the check below would prove nothing"
    for record in caplog.records:
        assert PASSWORD not in record.getMessage()
        assert PASSWORD not in str(record.args)


def test_discovery_lists_the_simulators_cameras(ptz_sim):
    devices = discover(1.0, ("127.0.0.1", ptz_sim.discovery_port))
    xaddrs = {x for device in devices for x in device.xaddrs}
    assert xaddrs == {ptz_sim.onvif_url(1), ptz_sim.onvif_url(2)}
