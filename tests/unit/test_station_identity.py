"""Migration 7 on real SQLite files: a station id per data dir, legacy claims only for the cameras it had."""

from __future__ import annotations

import json
import uuid

import pytest

from videowall.config.paths import database_path
from videowall.config.secrets import SERVICE, MemoryKeyring, SecretsStore
from videowall.storage.station_secrets import open_station_secrets
from videowall.model.camera import Credentials, Transport
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.storage.cameras import CameraStore
from videowall.storage.db import open_database
from videowall.storage.identity import LegacyClaims, station_id
from videowall.storage.migrations import MIGRATIONS


def _version_6_database(path, cameras: list[tuple[str, str, int]]):
    conn = open_database(path, migrations=MIGRATIONS[:6])
    for name, transport, has_credentials in cameras:
        conn.execute("INSERT INTO cameras (name, main_url, transport, has_credentials, created_utc, updated_utc)"
                     " VALUES (:name, 'rtsp://127.0.0.1/x', :transport, :has, 't', 't')",
                     {"name": name, "transport": transport, "has": has_credentials})
    conn.close()


def test_each_data_dir_gets_its_own_station_id_kept_across_opens(tmp_path):
    first, second = database_path(tmp_path / "a"), database_path(tmp_path / "b")
    ids = []
    for path in (first, second, first):
        conn = open_database(path)
        ids.append(station_id(conn))
        conn.close()
    assert ids[0] == ids[2] != ids[1]
    assert all(len(i) == 32 and int(i, 16) >= 0 for i in ids)


def test_a_new_database_has_no_legacy_claims(tmp_path):
    conn = open_database(database_path(tmp_path))
    try:
        camera = CameraStore(conn).add("Gate", "rtsp://127.0.0.1/x", has_credentials=True)
        assert not LegacyClaims(conn).may_claim(camera.id)
        assert camera.transport is Transport.AUTO
    finally:
        conn.close()


def test_upgrade_keeps_cameras_maps_tcp_to_auto_and_lists_cameras_with_credentials(tmp_path):
    path = database_path(tmp_path)
    _version_6_database(path, [("Gate", "tcp", 1), ("Yard", "udp", 0), ("Door", "udp", 1)])
    conn = open_database(path)
    try:
        cameras = CameraStore(conn).list()
        assert [(c.name, c.transport) for c in cameras] == [
            ("Gate", Transport.AUTO), ("Yard", Transport.UDP), ("Door", Transport.UDP)]
        claims = LegacyClaims(conn)
        assert [claims.may_claim(c.id) for c in cameras] == [True, False, True]
        claims.settled(cameras[0].id)
        assert not claims.may_claim(cameras[0].id)
    finally:
        conn.close()


def test_two_upgraded_data_dirs_with_one_legacy_entry(tmp_path):
    """The issue's case: both data dirs have a camera 1; the old shared entry goes to one of them only."""
    backend = MemoryKeyring()
    legacy = Credentials("op2", f"pw-{uuid.uuid4().hex}")   # the last write of the old version wins
    backend.set_password(SERVICE, "camera:1", json.dumps({"username": legacy.username, "password": legacy.password}))
    conns = []
    for name in ("a", "b"):
        path = database_path(tmp_path / name)
        _version_6_database(path, [("Gate", "tcp", 1)])
        conns.append(open_database(path))
    try:
        first, second = (SecretsStore(backend, station_id(c), LegacyClaims(c)) for c in conns)
        assert first.get(1) == legacy
        with pytest.raises(VideowallError) as err:
            second.get(1)
        assert err.value.kind is ErrorKind.NOT_FOUND and "another data dir" in err.value.user_message
        own = Credentials("op", f"pw-{uuid.uuid4().hex}")
        second.set(1, own)
        assert second.get(1) == own and first.get(1) == legacy
    finally:
        for conn in conns:
            conn.close()


def test_open_station_secrets_keys_by_the_database_identity(tmp_path):
    conn = open_database(database_path(tmp_path))
    try:
        store = open_station_secrets(conn, "memory")
        creds = Credentials("admin", f"pw-{uuid.uuid4().hex}")
        store.set(41, creds)
        assert SecretsStore(MemoryKeyring(), station_id(conn)).get(41) is None   # another keyring: nothing
        assert open_station_secrets(conn, "memory").get(41) == creds
        store.delete(41)
    finally:
        conn.close()
