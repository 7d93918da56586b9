"""The recording server as a separate process: index queries, byte ranges, digests, sessions, the access log.

A real ``videowall recorder --listen`` (HTTPS, openssl's certificate) records simulator cameras; this test
process is the station and talks to it with the real client over loopback.
"""

from __future__ import annotations

import hashlib
import socket
import ssl
from datetime import datetime, timedelta, timezone

import httpx
import pytest

from tests.fixtures.recorder_server import videowall_cli
from videowall.footage.access_log import AccessLog
from videowall.footage.client import RecorderClient
from videowall.footage.wire import API
from videowall.recording.timebase import from_us
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.storage.db import open_database

_NOW = datetime.now(timezone.utc)
EVER = (_NOW - timedelta(hours=1), _NOW + timedelta(hours=2))    # the recorder started in this session


@pytest.fixture
def client(remote_recorder):
    made = RecorderClient(remote_recorder.url, remote_recorder.token(), ca_file=remote_recorder.cert)
    yield made
    made.close()


def _sealed(client, camera_id):
    return [s for s in client.footage(camera_id, *EVER)["segments"] if s["sha256"]]


def test_index_of_a_camera_and_time_range_in_utc(client, remote_recorder):
    camera_id = remote_recorder.camera_ids[0]
    everything = client.footage(camera_id, *EVER)["segments"]
    assert len(everything) >= 3
    second = everything[1]
    start, end = from_us(second["start_us"]), from_us(second["end_us"])
    middle = start + (end - start) / 2
    around = client.footage(camera_id, middle, middle + timedelta(milliseconds=1))["segments"]
    assert [s["id"] for s in around] == [second["id"]]
    other = client.footage(remote_recorder.camera_ids[1], *EVER)["segments"]
    assert other and {s["camera_id"] for s in other} == {remote_recorder.camera_ids[1]}
    gaps = client.footage(camera_id, EVER[0], start)["gaps"]
    assert gaps and gaps[0]["reason"]


def test_digest_at_close_matches_the_file_and_the_download(client, remote_recorder, tmp_path):
    segment = _sealed(client, remote_recorder.camera_ids[0])[0]
    store = remote_recorder.store()
    try:
        on_disk = store.segment(segment["id"]).path.read_bytes()
    finally:
        store.close()
    assert segment["sha256"] == hashlib.sha256(on_disk).hexdigest()
    part = tmp_path / "segment.part"
    header, kept = client.download(segment["id"], part)
    assert header == segment["sha256"] and kept == 0
    assert part.read_bytes() == on_disk


def test_byte_range_reads_and_a_resumed_download(client, remote_recorder, tmp_path):
    segment = _sealed(client, remote_recorder.camera_ids[1])[0]
    whole = tmp_path / "whole"
    client.download(segment["id"], whole)
    data = whole.read_bytes()
    assert client.read_range(segment["id"], 100, 1000) == data[100:1100]
    part = tmp_path / "resumed"
    part.write_bytes(data[:5000])
    received = []
    _header, kept = client.download(segment["id"], part, lambda chunk: received.append(len(chunk)))
    assert kept == 5000 and part.read_bytes() == data
    assert sum(received) == len(data) - 5000


def test_every_read_and_every_refusal_is_in_the_access_log(remote_recorder, tmp_path):
    user = "police.viewer"
    good = RecorderClient(remote_recorder.url, remote_recorder.token(user), ca_file=remote_recorder.cert)
    bad = RecorderClient(remote_recorder.url, "not-a-token-of-this-recorder", ca_file=remote_recorder.cert)
    try:
        segment = _sealed(good, remote_recorder.camera_ids[0])[0]
        good.read_range(segment["id"], 0, 4096)
        with pytest.raises(VideowallError) as refused:
            bad.footage(remote_recorder.camera_ids[0], *EVER)
    finally:
        good.close()
        bad.close()
    assert refused.value.kind is ErrorKind.AUTH_FAILED
    assert "videowall recorder token" in refused.value.user_message
    conn = open_database(remote_recorder.db_path)
    try:
        entries = AccessLog(conn).entries(5000)
    finally:
        conn.close()
    mine = [e for e in entries if e.user_name == user]
    assert any(e.path.endswith("/footage") and e.status == 200 and e.camera_id == remote_recorder.camera_ids[0]
               for e in mine)
    read = [e for e in mine if e.segment_id == segment["id"]]
    assert read and read[-1].status == 206 and read[-1].byte_range == "bytes=0-4095" and read[-1].bytes == 4096
    assert read[-1].camera_id == segment["camera_id"]
    assert any(e.status == 401 and e.user_name is None and e.path.endswith("/footage") for e in entries)


def test_revoked_and_expired_sessions_are_refused(remote_recorder):
    token = remote_recorder.token("shift.b")
    done = videowall_cli("recorder", "revoke", "--data-dir", str(remote_recorder.data_dir), "--user", "shift.b")
    assert done.returncode == 0 and "1 session(s)" in done.stdout
    client = RecorderClient(remote_recorder.url, token, ca_file=remote_recorder.cert)
    try:
        with pytest.raises(VideowallError) as refused:
            client.clock()
    finally:
        client.close()
    assert refused.value.kind is ErrorKind.AUTH_FAILED


def test_a_certificate_the_station_does_not_trust_is_refused(remote_recorder):
    client = RecorderClient(remote_recorder.url, remote_recorder.token())
    try:
        with pytest.raises(VideowallError) as refused:
            client.clock()
    finally:
        client.close()
    assert refused.value.kind is ErrorKind.AUTH_FAILED
    assert "certificate" in refused.value.user_message


def test_a_recorder_that_is_down_is_unreachable(remote_recorder):
    with socket.socket() as probe:       # a port nothing listens on (bound, never listening)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        client = RecorderClient(f"https://127.0.0.1:{port}", "some-token", ca_file=remote_recorder.cert)
        try:
            with pytest.raises(VideowallError) as down:
                client.footage(1, *EVER)
        finally:
            client.close()
    assert down.value.kind is ErrorKind.UNREACHABLE
    assert f"127.0.0.1:{port}" in down.value.user_message


def test_times_without_a_utc_offset_and_unknown_segments_get_clear_answers(remote_recorder):
    token = remote_recorder.token()
    with httpx.Client(base_url=remote_recorder.url + API, verify=ssl.create_default_context(cafile=str(remote_recorder.cert)),
                      headers={"Authorization": f"Bearer {token}"}, timeout=15) as http:
        naive = http.get("/cameras/1/footage", params={"from": "2026-12-03T10:00:00", "to": "2026-12-03T11:00:00"})
        missing = http.get("/segments/999999")
    assert naive.status_code == 400 and "UTC offset" in naive.json()["error"]
    assert missing.status_code == 404 and "no segment 999999" in missing.json()["error"]


def test_plain_http_is_refused_off_loopback(tmp_path):
    done = videowall_cli("recorder", "--data-dir", str(tmp_path), "--listen", "0.0.0.0:0", "--seconds", "1")
    assert done.returncode == 1 and "HTTPS" in done.stderr
    with pytest.raises(VideowallError) as refused:
        RecorderClient("http://10.1.2.3:8443", "token")
    assert refused.value.kind is ErrorKind.INVALID_URL
