"""The light station of the database-only commands: the same stores as a full one, no streams, nothing left open."""

from __future__ import annotations

import sqlite3
import threading
from datetime import datetime, timezone

import pytest

from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.station import Station


def test_a_light_station_shares_the_database_with_a_full_one_but_starts_no_streams(tmp_path):
    threads_before = set(threading.enumerate())
    light = Station.open(tmp_path, "memory", streams=False)
    camera = light.cameras.add("Rynek Główny", "rtsp://127.0.0.1:8554/cam1")
    mark = light.bookmarks().create(at_utc=datetime(2026, 6, 30, 15, 0, tzinfo=timezone.utc), camera_ids=[camera.id],
                                    category="kradzież", operator="jan.kowalski", pre_roll_s=30, post_roll_s=60)
    assert light.supervisor is None and light.recording is None
    assert set(threading.enumerate()) <= threads_before, "a light station started a thread"
    with pytest.raises(VideowallError) as refused:
        light.recording_service()
    assert refused.value.kind is ErrorKind.INTERNAL
    light.close()
    with pytest.raises(sqlite3.ProgrammingError):    # closed: a command leaves no connection behind
        light.cameras.list()

    full = Station.open(tmp_path, "memory")
    try:
        assert [c.name for c in full.cameras.list()] == ["Rynek Główny"]
        assert full.bookmarks().get(mark.id).camera_ids == (camera.id,)
    finally:
        full.close()
