"""Playback and evidence export on a station through the recording server (two processes on loopback).

The recorder is the real ``videowall recorder --listen`` process (tests/fixtures/recorder_server.py). Exports
run the real ``videowall export --recorder`` command as a station process; playback runs here on
``RemoteFootage`` and is compared frame by frame with playback of the recorder's own files.
"""

from __future__ import annotations

import os
import socket
import ssl
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np

from tests.fixtures.cutting_proxy import CuttingProxy
from tests.fixtures.recorder_server import REPO, videowall_cli
from videowall.audit import AuditLog
from videowall.commands.footage import CACHE_DIR, TOKEN_ENV
from videowall.evidence.plan import GOP_SLACK
from videowall.footage.access_log import AccessLog
from videowall.footage.client import RecorderClient
from videowall.footage.remote import RemoteFootage
from videowall.footage.server import FootageServer
from videowall.recording.playback import PlaybackSession
from videowall.recording.timebase import to_us
from tests.fixtures.clock import FakeClock
from videowall.runtime.clock import SYSTEM_CLOCK
from videowall.storage.cameras import CameraStore
from videowall.storage.db import open_database

EXPORT_ARGS = ("--case", "RSD-123/26", "--authority", "Komenda Miejska Policji", "--reason", "wniosek",
               "--operator", "st. insp. Nowak")


def _station(tmp_path: Path, recorder, name: str = "station") -> Path:
    """A station data dir that knows the recorder's cameras by the same ids."""
    data_dir = tmp_path / name
    conn = open_database(data_dir / "videowall.sqlite3")
    store = CameraStore(conn)
    for camera_id in recorder.camera_ids:
        camera = store.add(name=f"CAM {camera_id}", main_url=f"rtsp://127.0.0.1:9/cam{camera_id}/main")
        assert camera.id == camera_id
    conn.close()
    return data_dir


def _sealed(recorder, camera_id: int):
    store = recorder.store()
    try:
        return [s for s in store.segments_us(camera_id, 0, 2**62) if s.sha256]
    finally:
        store.close()


def _export(data_dir: Path, recorder, url: str, token: str, out: Path, exhibit: str, camera_id: int,
            start: datetime, end: datetime) -> subprocess.CompletedProcess:
    env = {**os.environ, TOKEN_ENV: token}
    return subprocess.run(
        [sys.executable, "-m", "videowall.cli", "export", "--data-dir", str(data_dir), "--camera", str(camera_id),
         "--from", start.isoformat(), "--to", end.isoformat(), "--exhibit", exhibit, "--out", str(out),
         "--recorder", url, "--recorder-ca", str(recorder.cert), *EXPORT_ARGS],
        capture_output=True, text=True, timeout=300, cwd=REPO, env=env)


def _audit_actions(data_dir: Path) -> list[str]:
    conn = open_database(data_dir / "videowall.sqlite3")
    try:
        return [e.action for e in AuditLog(conn).entries()]
    finally:
        conn.close()


def _range(segments, first: int, last: int) -> tuple[datetime, datetime]:
    return segments[first].start_utc + timedelta(milliseconds=300), segments[last].end_utc - timedelta(milliseconds=300)


def test_remote_export_verifies_and_matches_the_recorder_packets(remote_recorder, tmp_path):
    camera_id = remote_recorder.camera_ids[0]
    segments = _sealed(remote_recorder, camera_id)
    start, end = _range(segments, 0, 2)
    station = _station(tmp_path, remote_recorder)
    out = tmp_path / "usb"
    out.mkdir()
    done = _export(station, remote_recorder, remote_recorder.url, remote_recorder.token(), out, "SM-R-1",
                   camera_id, start, end)
    assert done.returncode == 0, done.stderr
    assert "the recorder's clock is" in done.stderr
    verified = videowall_cli("verify", str(out / "SM-R-1"))
    assert verified.returncode == 0, verified.stdout + verified.stderr
    # The same packets as an export made from the recorder's own files would hold.
    local_out = tmp_path / "local"
    local_out.mkdir()
    local = videowall_cli("export", "--data-dir", str(remote_recorder.data_dir), "--camera", str(camera_id),
                          "--from", start.isoformat(), "--to", end.isoformat(), "--exhibit", "SM-L-1",
                          "--out", str(local_out), *EXPORT_ARGS, timeout_s=300)
    assert local.returncode == 0, local.stderr
    remote_lists = sorted((out / "SM-R-1" / "video").glob("*.framehash.txt"))
    local_lists = sorted((local_out / "SM-L-1" / "video").glob("*.framehash.txt"))
    assert remote_lists and [p.read_text() for p in remote_lists] == [p.read_text() for p in local_lists]
    assert "evidence.export.completed" in _audit_actions(station)


def test_a_segment_altered_on_the_recorder_disk_refuses_the_export(remote_recorder, tmp_path):
    camera_id = remote_recorder.camera_ids[1]
    segments = _sealed(remote_recorder, camera_id)
    victim = segments[1]
    original = victim.path.read_bytes()
    altered = bytearray(original)
    altered[len(altered) // 2] ^= 0x01
    station = _station(tmp_path, remote_recorder)
    out = tmp_path / "usb"
    out.mkdir()
    victim.path.write_bytes(bytes(altered))
    try:
        done = _export(station, remote_recorder, remote_recorder.url, remote_recorder.token(), out, "SM-R-2",
                       camera_id, *_range(segments, 0, 2))
    finally:
        victim.path.write_bytes(original)
    assert done.returncode == 1
    assert f"Segment {victim.id} of camera {camera_id}" in done.stderr and "does not match the SHA-256" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (out / "SM-R-2").exists() and (out / "SM-R-2.partial").is_dir()
    assert _audit_actions(station)[-1] == "evidence.export.failed"
    assert not list((station / CACHE_DIR).rglob(f"{victim.id}-*"))     # the altered bytes are not kept


def test_a_cut_network_fails_the_export_and_the_next_one_fetches_only_the_rest(remote_recorder, tmp_path):
    camera_id = remote_recorder.camera_ids[0]
    segments = _sealed(remote_recorder, camera_id)
    start, end = _range(segments, 0, 2)
    user = "station.cut"
    token = remote_recorder.token(user)
    proxy = CuttingProxy(int(remote_recorder.url.rsplit(":", 1)[1]))
    station = _station(tmp_path, remote_recorder)
    out = tmp_path / "usb"
    out.mkdir()
    try:
        # A first export through the proxy measures what precedes the footage (TLS, index answers), so the
        # cut can fall in the middle of the second segment's download.
        calibration = _export(_station(tmp_path, remote_recorder, "calibration"), remote_recorder,
                              f"https://127.0.0.1:{proxy.port}", token, out, "SM-R-3cal", camera_id, start, end)
        assert calibration.returncode == 0, calibration.stderr
        planned = [s for s in segments if s.start_utc < end and s.end_utc > start - GOP_SLACK]
        overhead = proxy.bytes_to_client - sum(s.bytes for s in planned)
        proxy.cut_after(overhead + planned[0].bytes + planned[1].bytes // 2)
        cut = _export(station, remote_recorder, f"https://127.0.0.1:{proxy.port}", token, out, "SM-R-3",
                      camera_id, start, end)
        assert proxy.was_cut
        assert cut.returncode == 1 and "NOT complete" in cut.stderr and "Traceback" not in cut.stderr
        assert not (out / "SM-R-3").exists() and (out / "SM-R-3.partial").is_dir()
        assert _audit_actions(station)[-1] == "evidence.export.failed"
        cache = next((station / CACHE_DIR).iterdir())
        kept = {int(p.name.split("-")[0]) for p in cache.glob("*.mp4")}
        partial = {int(p.name.split("-")[0]): p.stat().st_size for p in cache.glob("*.part")}
        assert kept and planned[0].id in kept
        assert partial and all(size > 0 for size in partial.values())     # cut inside a segment
        first_run_last = _access_log_ids(remote_recorder, user)[-1]
        proxy.restore()
        resumed = _export(station, remote_recorder, f"https://127.0.0.1:{proxy.port}", token, out, "SM-R-3b",
                          camera_id, start, end)
    finally:
        proxy.close()
    assert resumed.returncode == 0, resumed.stderr
    reads = [e for e in _access_log(remote_recorder, user) if e[0] > first_run_last and e[1].segment_id]
    fetched = {entry.segment_id for _id, entry in reads}
    assert not fetched & kept                      # what the station had was not fetched again
    for segment_id, size in partial.items():
        assert any(e.segment_id == segment_id and e.byte_range == f"bytes={size}-" for _id, e in reads)


def _access_log(recorder, user: str):
    conn = open_database(recorder.db_path)
    try:
        rows = conn.execute("SELECT id FROM footage_access WHERE user_name = :user ORDER BY id",
                            {"user": user}).fetchall()
        entries = [e for e in AccessLog(conn).entries(100_000) if e.user_name == user]
    finally:
        conn.close()
    return list(zip([r[0] for r in rows], entries))


def _access_log_ids(recorder, user: str) -> list[int]:
    return [row_id for row_id, _entry in _access_log(recorder, user)]


def test_wrong_credentials_and_a_recorder_that_is_down_write_nothing(remote_recorder, tmp_path):
    camera_id = remote_recorder.camera_ids[0]
    start, end = _range(_sealed(remote_recorder, camera_id), 0, 1)
    station = _station(tmp_path, remote_recorder)
    out = tmp_path / "usb"
    out.mkdir()
    wrong = _export(station, remote_recorder, remote_recorder.url, "a-token-nobody-issued", out, "SM-R-4",
                    camera_id, start, end)
    assert wrong.returncode == 1 and "refused this station's session" in wrong.stderr
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        down = _export(station, remote_recorder, f"https://127.0.0.1:{unused.getsockname()[1]}",
                       remote_recorder.token(), out, "SM-R-4", camera_id, start, end)
    assert down.returncode == 1 and "cannot be reached" in down.stderr
    assert "a-token-nobody-issued" not in wrong.stderr + down.stderr
    assert list(out.iterdir()) == []


def _sessions(remote, local, camera_ids, start_us):
    clock = FakeClock(start_utc=datetime.now(timezone.utc) + timedelta(hours=1))
    return (PlaybackSession(remote, camera_ids, start_us, clock), PlaybackSession(local, camera_ids, start_us, clock),
            clock)


def test_remote_playback_shows_the_same_frames_as_local_at_every_speed(remote_recorder, tmp_path):
    camera_ids = list(remote_recorder.camera_ids)
    segments = _sealed(remote_recorder, camera_ids[0])
    start_us = to_us(segments[0].start_utc) + 500_000
    client = RecorderClient(remote_recorder.url, remote_recorder.token(), ca_file=remote_recorder.cert)
    remote = RemoteFootage(client, tmp_path / "cache")
    local = remote_recorder.store()
    remote_session, local_session, clock = _sessions(remote, local, camera_ids, start_us)
    try:
        for camera_id in camera_ids:
            for session in (remote_session, local_session):
                session.set_box(camera_id, 320, 180)
        for step in _steps(segments):
            for session in (remote_session, local_session):
                step(session)
                session.run_pending()
            clock.advance(0.5)
            remote_state, local_state = remote_session.render(), local_session.render()
            assert remote_state.position_us == local_state.position_us
            for camera_id in camera_ids:
                ours, theirs = remote_session.picture(camera_id), local_session.picture(camera_id)
                assert (ours.frame is None) == (theirs.frame is None) and ours.gap_reason == theirs.gap_reason
                if ours.frame is not None:
                    assert ours.frame.utc_us == theirs.frame.utc_us
                    assert np.array_equal(ours.frame.image, theirs.frame.image)
    finally:
        remote_session.close()
        local_session.close()
        remote.close()
        local.close()


def _steps(segments):
    middle = to_us(segments[1].start_utc) + 700_000
    return [lambda s: s.play(), lambda s: s.set_rate(4.0), lambda s: s.set_rate(16.0), lambda s: s.seek(middle),
            lambda s: s.set_rate(-2.0), lambda s: s.set_rate(1.0), lambda s: s.pause(), lambda s: s.step(1),
            lambda s: s.step(-1), lambda s: s.seek(to_us(segments[0].start_utc) - 3_600_000_000)]


def test_playback_from_a_recorder_that_is_down_says_why(tmp_path, tls_files):
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        client = RecorderClient(f"https://127.0.0.1:{unused.getsockname()[1]}", "token", ca_file=tls_files[0])
        remote = RemoteFootage(client, tmp_path / "cache")
        session = PlaybackSession(remote, [1], to_us(datetime.now(timezone.utc)) - 60_000_000,
                                  FakeClock(start_utc=datetime.now(timezone.utc)))
        try:
            session.render()
        finally:
            session.close()
            remote.close()
    picture = session.picture(1)
    assert picture.frame is None and "cannot be reached" in picture.gap_reason


def test_clock_skew_between_hosts_is_shown_and_times_stay_the_recorders(remote_recorder, tls_files):
    ahead = _AheadClock(timedelta(seconds=30))
    server = FootageServer(remote_recorder.store(), "127.0.0.1", 0,
                           _server_tls(*tls_files), clock=ahead)
    server.start()
    token = remote_recorder.token()
    skewed = RecorderClient(server.url, token, ca_file=tls_files[0])
    honest = RecorderClient(remote_recorder.url, token, ca_file=tls_files[0])
    try:
        skew = skewed.clock().skew_s
        camera_id = remote_recorder.camera_ids[0]
        first = _sealed(remote_recorder, camera_id)[0]
        window = (first.start_utc, first.end_utc)
        assert skewed.footage(camera_id, *window)["segments"] == honest.footage(camera_id, *window)["segments"]
        shown = subprocess.run(
            [sys.executable, "-m", "videowall.cli", "footage", "status", "--data-dir", str(remote_recorder.data_dir),
             "--recorder", server.url, "--recorder-ca", str(tls_files[0]), "--recorder-token-stdin"],
            input=token + "\n", capture_output=True, text=True, timeout=60, cwd=REPO)
    finally:
        skewed.close()
        honest.close()
        server.stop()
    assert 29 < skew < 31      # half the round trip is allowed for, so within a second on loopback
    assert shown.returncode == 0, shown.stderr
    assert "s ahead of this station's" in shown.stdout and "NTP" in shown.stdout


class _AheadClock:
    """The system clock, ``offset`` ahead: the recorder host's clock running fast."""

    def __init__(self, offset: timedelta) -> None:
        self._offset = offset

    def monotonic(self) -> float:
        return SYSTEM_CLOCK.monotonic()

    def now_utc(self) -> datetime:
        return SYSTEM_CLOCK.now_utc() + self._offset


def _server_tls(cert: Path, key: Path) -> ssl.SSLContext:
    from videowall.footage.server import tls_context
    return tls_context(cert, key)
