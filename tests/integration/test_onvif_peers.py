"""The simulator driven by independent ONVIF clients (npm ``onvif`` 0.8.3, PyPI ``onvif-python`` 0.4.7), side by
side with the product's client. Where the product and the simulator agree but a peer disagrees, the peer wins:
these tests are what keeps the simulator a faithful Profile S device."""

from __future__ import annotations

import collections
import json
import subprocess
import sys
import urllib.request

import pytest

from tests.fixtures.onvif import PASSWORD, USER
from tests.fixtures.peers import ROOT, network_namespace, node_onvif, onvif_python
from videowall.model.camera import Credentials
from videowall.onvif.client import OnvifClient
from videowall.onvif.onboarding import probe
from videowall.onvif.ptz_device import PtzDevice

CREDS = Credentials(USER, PASSWORD)
PEERS = ("node", "onvif_python")


@pytest.fixture(scope="module")
def peer_sim(sim_factory):
    """Camera 1 has PTZ; WS-UsernameToken or HTTP Digest (the default, as most cameras)."""
    return sim_factory(cameras=2, user=USER, password=PASSWORD, ptz_cameras=(1,))


@pytest.fixture(scope="module")
def digest_sim(sim_factory):
    """A camera that accepts HTTP Digest only."""
    return sim_factory(cameras=1, user=USER, password=PASSWORD, ptz_cameras=(1,), onvif_auth="digest")


@pytest.fixture
def product_ptz(peer_sim):
    client = OnvifClient(peer_sim.onvif_url(1), CREDS)
    client.connect()
    device = PtzDevice(client, "main")
    device.goto_home()
    yield device
    device.stop()
    client.close()


def drive(peer: str, sim, steps=(), digest: bool = False) -> dict:
    """One session of ``peer`` against camera 1 (the default /onvif/device_service path)."""
    base = {"mode": "session", "host": "127.0.0.1", "port": sim.onvif_port, "user": USER, "password": PASSWORD,
            "steps": [list(step) for step in steps]}
    if peer == "node":
        result = node_onvif({**base, "path": "/onvif/device_service", "wsse": not digest})
    else:
        result = onvif_python({**base, "digest": digest})
    return result


def _ok(result: dict) -> dict:
    assert "error" not in result, result["error"]
    return result


def _close(a: dict, b, tolerance: float = 2e-3) -> bool:
    b = b if isinstance(b, dict) else {"pan": b.pan, "tilt": b.tilt, "zoom": b.zoom}
    return all(abs(a[axis] - b[axis]) <= tolerance for axis in ("pan", "tilt", "zoom"))


@pytest.mark.parametrize("peer", PEERS)
def test_profiles_and_stream_uris_agree_with_the_product(peer_sim, peer):
    result = _ok(drive(peer, peer_sim))
    report = probe(peer_sim.onvif_url(1), CREDS)
    assert {p["token"] for p in result["profiles"]} == {p.token for p in report.profiles} == {"main", "sub"}
    assert result["uris"] == {"main": report.main_uri, "sub": report.sub_uri} == {
        "main": peer_sim.url(1, "main"), "sub": peer_sim.url(1, "sub")}
    sizes = {p["token"]: (p["width"], p["height"]) for p in result["profiles"]}
    assert sizes == {p.token: (p.width, p.height) for p in report.profiles} == {"main": (1280, 720), "sub": (640, 360)}
    if peer == "node":  # node-onvif drops every profile whose video source it cannot match
        assert result["activeSources"] == 1 and result["defaultProfile"] == "main" and result["warnings"] == []
    else:
        assert result["sources"] == ["vs0"]
        assert "http://www.onvif.org/ver20/ptz/wsdl" in result["services"]


@pytest.mark.parametrize("peer", PEERS)
def test_presets_set_by_one_client_are_seen_by_the_other(peer_sim, product_ptz, peer):
    mine = product_ptz.set_preset(f"Product {peer}")
    result = _ok(drive(peer, peer_sim, [("absoluteMove", 0.4, 0.2, 0.1), ("setPreset", f"Peer {peer}"),
                                        ("presets",)]))
    theirs = result["results"][1]
    assert {"token": mine, "name": f"Product {peer}"} in result["results"][2]
    [preset] = [p for p in product_ptz.presets() if p.token == theirs]
    assert preset.name == f"Peer {peer}" and _close({"pan": 0.4, "tilt": 0.2, "zoom": 0.1}, preset.position)
    for token in (mine, theirs):
        product_ptz.remove_preset(token)


@pytest.mark.parametrize("peer", PEERS)
def test_continuous_move_then_stop_leaves_the_camera_still(peer_sim, product_ptz, peer):
    result = _ok(drive(peer, peer_sim, [("status",), ("continuousMove", 0.5, -0.5, 0.0, 300), ("status",),
                                        ("status",)]))
    before, _, after, later = result["results"]
    assert after["pan"] > before["pan"] and after["tilt"] < before["tilt"]
    assert after == later, "the camera kept moving after Stop"
    assert _close(after, product_ptz.status())


@pytest.mark.parametrize("peer", PEERS)
def test_absolute_and_relative_moves_land_where_asked(peer_sim, product_ptz, peer):
    result = _ok(drive(peer, peer_sim, [("absoluteMove", 0.25, -0.5, 0.5), ("status",),
                                        ("relativeMove", -0.1, 0.1, 0.0), ("status",), ("configurations",)]))
    assert _close(result["results"][1], {"pan": 0.25, "tilt": -0.5, "zoom": 0.5})
    assert _close(result["results"][3], {"pan": 0.15, "tilt": -0.4, "zoom": 0.5})
    assert _close(result["results"][3], product_ptz.status())
    assert result["results"][4] == [{"token": "ptz0", "node": "node0"}]


@pytest.mark.parametrize("peer", PEERS)
def test_a_digest_only_camera_serves_clients_that_use_http_digest(digest_sim, peer):
    result = _ok(drive(peer, digest_sim, [("absoluteMove", 0.1, 0.1, 0.1), ("status",)], digest=True))
    assert result["uris"]["main"] == digest_sim.url(1, "main")
    assert _close(result["results"][1], {"pan": 0.1, "tilt": 0.1, "zoom": 0.1})


def test_a_digest_only_camera_refuses_ws_username_token_alone(digest_sim):
    # onvif-python in its default mode sends only WS-UsernameToken: the camera must not take it.
    assert "error" in drive("onvif_python", digest_sim, digest=False)


def test_the_product_uses_digest_where_the_camera_wants_it_and_is_challenged_once(digest_sim):
    with urllib.request.urlopen(f"http://127.0.0.1:{digest_sim.onvif_port}/sim/requests", timeout=10) as reply:
        seen = len(json.loads(reply.read()))
    report = probe(digest_sim.onvif_url(1), CREDS)
    assert report.main_uri == digest_sim.url(1, "main") and report.ptz
    with urllib.request.urlopen(f"http://127.0.0.1:{digest_sim.onvif_port}/sim/requests", timeout=10) as reply:
        operations = [row[3] for row in json.loads(reply.read())[seen:]]
    # GetSystemDateAndTime needs no auth; the first request after it is challenged and re-sent, no other.
    assert operations[:3] == ["GetSystemDateAndTime", "GetCapabilities", "GetCapabilities"]
    repeated = {op: n for op, n in collections.Counter(operations).items() if n > 1}
    assert repeated == {"GetCapabilities": 2, "GetStreamUri": 2}  # the two stream URIs: main and sub


def test_standard_discovery_finds_the_simulator_on_the_multicast_group():
    """WS-Discovery on 239.255.255.250:3702 inside a network namespace this test creates: nothing leaves it."""
    with network_namespace() as namespace:
        run = subprocess.run(["ip", "netns", "exec", namespace, sys.executable, "-m",
                              "tests.peers.discovery_in_namespace"], capture_output=True, text=True, timeout=180,
                             cwd=ROOT)
    assert run.returncode == 0, run.stderr[-2000:]
    found = json.loads(run.stdout)
    expected = sorted(found["xaddrs"])
    assert sorted(x for xaddrs in found["product"] for x in xaddrs) == expected
    assert sorted(x for d in _ok(found["node"])["devices"] for x in d["xaddrs"]) == expected
    python_devices = _ok(found["onvif_python"])["devices"]
    assert sorted(x for d in python_devices for x in d["xaddrs"]) == expected
    assert all("dn:NetworkVideoTransmitter" in d["types"] for d in python_devices)
