"""Device replies of any shape: each broken answer of a camera is a clear VideowallError naming what is wrong,
never a traceback; replies are read within a byte limit (a 512 MB reply keeps the process small)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from tests.fixtures.onvif import FloodServer, Reply, ScriptedCamera, soap
from tests.fixtures.peers import ROOT
from videowall.onvif.client import OnvifClient
from videowall.onvif.onboarding import probe
from videowall.onvif.ptz_device import PtzDevice
from videowall.runtime.errors import ErrorKind, VideowallError

_ENCODER = ('<tt:VideoEncoderConfiguration token="e"><tt:Name>e</tt:Name><tt:UseCount>1</tt:UseCount>'
            '<tt:Encoding>H264</tt:Encoding><tt:Resolution><tt:Width>{w}</tt:Width><tt:Height>360</tt:Height>'
            '</tt:Resolution><tt:Quality>1</tt:Quality></tt:VideoEncoderConfiguration>')
_FAULT = ('<env:Fault><env:Code><env:Value>env:Receiver</env:Value><env:Subcode><env:Value>ter:ActionNotSupported'
          '</env:Value></env:Subcode></env:Code><env:Reason><env:Text xml:lang="en">{reason}</env:Text></env:Reason>'
          '</env:Fault>')
BROKEN = {  # case → (operation, reply, words the message must hold)
    "empty body": ("GetCapabilities", soap(""), "GetCapabilities that lacks content (its SOAP body is empty)"),
    "empty response element": ("GetCapabilities", soap("<tds:GetCapabilitiesResponse/>"), "lacks Capabilities"),
    "no manufacturer": ("GetDeviceInformation", soap("<tds:GetDeviceInformationResponse><tds:Model>X</tds:Model>"
                                                     "</tds:GetDeviceInformationResponse>"), "lacks Manufacturer"),
    "profiles empty body": ("GetProfiles", soap(""), "GetProfiles that lacks content"),
    "profile without token": ("GetProfiles", soap("<trt:GetProfilesResponse><trt:Profiles><tt:Name>x</tt:Name>"
                                                  "</trt:Profiles></trt:GetProfilesResponse>"),
                              "lacks a media profile with a token"),
    "no stream uri": ("GetStreamUri", soap("<trt:GetStreamUriResponse><trt:MediaUri/></trt:GetStreamUriResponse>"),
                      "GetStreamUri that lacks Uri"),
    "stream uri of another kind": ("GetStreamUri", soap("<trt:GetStreamUriResponse><trt:MediaUri><tt:Uri>javascript:x"
                                                        "</tt:Uri></trt:MediaUri></trt:GetStreamUriResponse>"),
                                   "lacks an rtsp:// address"),
    "soap fault": ("GetProfiles", Reply(soap(_FAULT.format(reason="Profiles are off")).body, 500),
                   "refused GetProfiles: Profiles are off"),
    "html error page": ("GetProfiles", Reply(b"<html><body><h1>500 Internal Error</h1></body></html>", 500,
                                             "text/html"), "not a SOAP reply: text/html"),
    "html login page": ("GetDeviceInformation", Reply(b"<!doctype html><html><body>Login</body></html>", 200,
                                                      "text/html"), "GetDeviceInformation"),
    "truncated xml": ("GetProfiles", Reply(soap("<trt:GetProfilesResponse>" * 3).body[:-40]), "GetProfiles"),
    "not xml at all": ("GetProfiles", Reply(b"\x00\xff garbage", 200), "GetProfiles"),
    "empty reply": ("GetStreamUri", Reply(b""), "an empty reply to GetStreamUri"),
    "xml bomb": ("GetProfiles", Reply(b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;'
                                      b'&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
                                      b'<x>&c;</x>'), "rejected as unsafe"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_reply_is_a_clear_error(case):
    operation, reply, words = BROKEN[case]
    camera = ScriptedCamera({operation: reply})
    try:
        with pytest.raises(VideowallError) as info:
            probe(camera.url, None)
    finally:
        camera.close()
    assert info.value.kind in (ErrorKind.STREAM_ERROR, ErrorKind.UNREACHABLE)
    assert words in info.value.user_message and camera.url in info.value.user_message


def test_a_wrongly_typed_size_is_left_out_not_fatal():
    bad = f'<trt:GetProfilesResponse><trt:Profiles token="only"><tt:Name>n</tt:Name>{_ENCODER.format(w="wide")}' \
          f'</trt:Profiles></trt:GetProfilesResponse>'
    camera = ScriptedCamera({"GetProfiles": soap(bad), "GetStreamUri": soap(
        "<trt:GetStreamUriResponse><trt:MediaUri><tt:Uri>rtsp://127.0.0.1/only</tt:Uri></trt:MediaUri>"
        "</trt:GetStreamUriResponse>")})
    try:
        report = probe(camera.url, None)
    finally:
        camera.close()
    [profile] = report.profiles
    assert (profile.token, profile.width, profile.height) == ("only", None, 360)


def test_a_camera_without_a_usable_clock_is_still_onboarded():
    camera = ScriptedCamera({"GetSystemDateAndTime": soap("")})
    try:
        report = probe(camera.url, None)
    finally:
        camera.close()
    assert report.main_uri == "rtsp://127.0.0.1:8554/cam1/main"


def test_ptz_replies_without_tokens_or_positions_are_read_safely():
    presets = ('<tptz:GetPresetsResponse><tptz:Preset><tt:Name>no token</tt:Name></tptz:Preset><tptz:Preset '
               'token="7"><tt:Name>Gate</tt:Name><tt:PTZPosition><tt:PanTilt x="NaN" y="0.5"/></tt:PTZPosition>'
               '</tptz:Preset></tptz:GetPresetsResponse>')
    camera = ScriptedCamera({"GetPresets": soap(presets), "GetStatus": soap("<tptz:GetStatusResponse/>"),
                             "SetPreset": soap("<tptz:SetPresetResponse/>")})
    client = OnvifClient(camera.url, None)
    try:
        client.connect()
        device = PtzDevice(client, "main")
        [preset] = device.presets()
        assert preset.token == "7" and preset.name == "Gate" and preset.position.tilt == 0.5
        with pytest.raises(VideowallError) as info:
            device.status()
        assert "GetStatus that lacks a status" in info.value.user_message
        with pytest.raises(VideowallError) as info:
            device.set_preset("x")
        assert "SetPreset that lacks PresetToken" in info.value.user_message
    finally:
        client.close()
        camera.close()


def test_the_reply_size_limit_is_configurable():
    big_info = ('<tds:GetDeviceInformationResponse><tds:Manufacturer>M</tds:Manufacturer><tds:Model>X</tds:Model>'
                f'<tds:FirmwareVersion>{"1" * 2_000_000}</tds:FirmwareVersion><tds:SerialNumber>s</tds:SerialNumber>'
                '<tds:HardwareId>h</tds:HardwareId></tds:GetDeviceInformationResponse>')
    camera = ScriptedCamera({"GetDeviceInformation": soap(big_info)})
    try:
        assert probe(camera.url, None).info.model == "X"  # 2 MB is within the default 4 MB
        with pytest.raises(VideowallError) as info:
            probe(camera.url, None, max_reply_bytes=1024 * 1024)
    finally:
        camera.close()
    assert info.value.kind is ErrorKind.STREAM_ERROR and "larger than 1 MB" in info.value.user_message


_CHILD = textwrap.dedent("""
    import json, sys
    from videowall.onvif.client import OnvifClient
    from videowall.runtime.errors import VideowallError

    def kib(field):
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith(field))

    client = OnvifClient(sys.argv[1], None, call_timeout_s=30)
    client._service("device")                     # WSDL loaded: only the call itself is measured
    with open("/proc/self/clear_refs", "w") as refs:
        refs.write("5")                           # reset the peak (VmHWM) to the current size
    before = kib("VmRSS:")
    try:
        client.connect()
        message = None
    except VideowallError as err:
        message = err.user_message
    print(json.dumps({"growth_kib": kib("VmHWM:") - before, "message": message}))
""")


@pytest.mark.parametrize("declare", [False, True], ids=["streamed", "announced"])
def test_a_512_mb_reply_is_refused_with_the_process_staying_small(declare):
    server = FloodServer(512 * 1024 * 1024, declare=declare)
    try:
        run = subprocess.run([sys.executable, "-c", _CHILD, server.url], capture_output=True, text=True,
                             timeout=120, cwd=ROOT)
    finally:
        server.close()
    assert run.returncode == 0, run.stderr[-2000:]
    result = json.loads(run.stdout)
    assert result["message"] and "larger than 4 MB" in result["message"]
    assert result["growth_kib"] < 64 * 1024, f"the call grew the process by {result['growth_kib']} KiB"
    assert server.written < 64 * 1024 * 1024  # the client hung up early instead of reading it all


def test_the_cli_reports_a_broken_camera_in_one_line():
    camera = ScriptedCamera({"GetCapabilities": soap("")})
    try:
        run = subprocess.run([sys.executable, "-m", "videowall.cli", "onvif", "probe", camera.url,
                              "--max-reply-mb", "2"], capture_output=True, text=True, timeout=60, cwd=ROOT)
    finally:
        camera.close()
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "lacks content (its SOAP body is empty)" in run.stderr

