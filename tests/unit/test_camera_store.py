"""CameraStore on a real SQLite file: validation messages, unique names, lookup, update, removal."""

from __future__ import annotations

import threading
from datetime import datetime, timezone

import pytest

from videowall.model.camera import Camera, Transport
from tests.fixtures.clock import FakeClock
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.storage.cameras import CameraStore
from videowall.storage.db import open_database

URL = "rtsp://127.0.0.1:8554/cam1"
SUB_URL = "rtsp://127.0.0.1:8554/cam1-sub"


@pytest.fixture
def clock():
    return FakeClock(start_utc=datetime(2026, 5, 6, 7, 8, 9, tzinfo=timezone.utc))


@pytest.fixture
def conn(tmp_path):
    connection = open_database(tmp_path / "videowall.sqlite3")
    yield connection
    connection.close()


@pytest.fixture
def store(conn, clock):
    return CameraStore(conn, clock=clock)


def _error(call, *args, **kwargs) -> VideowallError:
    with pytest.raises(VideowallError) as err:
        call(*args, **kwargs)
    return err.value


def test_add_returns_the_saved_camera_and_list_is_ordered_by_id(store):
    gate = store.add("  Gate  ", URL, sub_url=SUB_URL, location="North fence", group="Outside",
                     transport=Transport.UDP, has_credentials=True)
    assert gate == Camera(id=gate.id, name="Gate", main_url=URL, sub_url=SUB_URL, location="North fence",
                          group="Outside", transport=Transport.UDP, has_credentials=True)
    door = store.add("Door", URL, transport="tcp")
    assert door.sub_url is None and door.transport is Transport.TCP and not door.has_credentials
    assert [c.name for c in store.list()] == ["Gate", "Door"]
    assert door.id > gate.id


def test_times_are_stored_as_utc_iso_8601(store, conn, clock):
    camera = store.add("Gate", URL)
    clock.advance(90)
    store.update(camera.id, location="Moved")
    created, updated = conn.execute("SELECT created_utc, updated_utc FROM cameras WHERE id = ?",
                                    (camera.id,)).fetchone()
    assert datetime.fromisoformat(created) == datetime(2026, 5, 6, 7, 8, 9, tzinfo=timezone.utc)
    assert datetime.fromisoformat(updated) == datetime(2026, 5, 6, 7, 9, 39, tzinfo=timezone.utc)
    assert datetime.fromisoformat(created).utcoffset().total_seconds() == 0


@pytest.mark.parametrize("name, words", [
    ("", "needs a name"),
    ("   ", "needs a name"),
    ("42", "only digits"),
    ("x" * 101, "too long"),
    ("tab\there", "control characters"),
])
def test_bad_names_are_refused_with_a_clear_message(store, name, words):
    err = _error(store.add, name, URL)
    assert err.kind is ErrorKind.INVALID_INPUT
    assert words in err.user_message
    assert store.list() == []


def test_names_are_unique_ignoring_case(store):
    gate = store.add("Gate", URL)
    err = _error(store.add, "GATE", URL)
    assert err.kind is ErrorKind.INVALID_INPUT
    assert "'Gate' already exists" in err.user_message and f"id {gate.id}" in err.user_message
    assert len(store.list()) == 1


@pytest.mark.parametrize("url", ["http://127.0.0.1/cam", "not a url", "", "rtsp://"])
def test_invalid_main_url_is_refused(store, url):
    err = _error(store.add, "Gate", url)
    assert err.kind is ErrorKind.INVALID_URL
    assert err.user_message.startswith("Main stream URL:")
    assert store.list() == []


def test_url_with_embedded_credentials_is_refused_without_echoing_the_password(store):
    err = _error(store.add, "Gate", "rtsp://admin:Wh1teRabbit@127.0.0.1:8554/cam1")
    assert err.kind is ErrorKind.INVALID_URL
    assert "Wh1teRabbit" not in err.user_message
    assert "Wh1teRabbit" not in repr(err)
    assert err.__suppress_context__  # a traceback does not show the validator's own exception either


def test_invalid_sub_url_is_named_as_such_and_blank_sub_url_means_none(store):
    err = _error(store.add, "Gate", URL, sub_url="ftp://127.0.0.1/x")
    assert err.kind is ErrorKind.INVALID_URL and err.user_message.startswith("Sub stream URL:")
    assert store.add("Gate", URL, sub_url="   ").sub_url is None


def test_unknown_transport_and_overlong_location_are_refused(store):
    err = _error(store.add, "Gate", URL, transport="sctp")
    assert err.kind is ErrorKind.INVALID_INPUT and "'auto', 'udp-tcp', 'tcp', 'udp'" in err.user_message
    err = _error(store.add, "Gate", URL, location="y" * 201)
    assert err.kind is ErrorKind.INVALID_INPUT and "Location" in err.user_message


def test_validate_new_reports_what_add_would_without_writing(store):
    store.add("Gate", URL)
    assert _error(store.validate_new, "gate", URL).kind is ErrorKind.INVALID_INPUT
    assert _error(store.validate_new, "Door", "http://x").kind is ErrorKind.INVALID_URL
    store.validate_new("Door", URL, SUB_URL, "Hall", "Inside")
    assert [c.name for c in store.list()] == ["Gate"]


def test_find_by_id_or_by_name_ignoring_case(store):
    gate = store.add("Gate", URL)
    door = store.add("Front door", URL)
    assert store.find(str(gate.id)) == gate
    assert store.find(door.id) == door
    assert store.find("front DOOR") == door
    assert store.get(gate.id) == gate



def test_a_typed_camera_list_mixes_ids_and_names(store):
    gate = store.add("Gate", URL)
    door = store.add("Front door", URL)
    assert store.find_listed(f" front door , {gate.id},") == [door, gate]
    with pytest.raises(VideowallError, match="Name at least one camera"):
        store.find_listed(" , ")
    with pytest.raises(VideowallError, match="no camera named 'Back'"):
        store.find_listed("Gate,Back")

def test_lookups_of_missing_cameras_say_what_was_not_found(store):
    store.add("Gate", URL)
    err = _error(store.find, "Garage")
    assert err.kind is ErrorKind.NOT_FOUND and "'Garage'" in err.user_message
    err = _error(store.find, "77")
    assert err.kind is ErrorKind.NOT_FOUND and "id 77" in err.user_message
    assert _error(store.get, 78).kind is ErrorKind.NOT_FOUND


def test_remove_returns_the_camera_and_ids_are_never_reused(store):
    gate = store.add("Gate", URL)
    door = store.add("Door", URL)
    assert store.remove("gate") == gate
    assert store.remove(str(door.id)) == door
    assert store.list() == []
    assert _error(store.remove, "Gate").kind is ErrorKind.NOT_FOUND
    again = store.add("Gate", URL)
    assert again.id > door.id  # a new camera never inherits a removed camera's keyring entry


def test_update_changes_only_given_fields_and_keeps_names_unique(store):
    gate = store.add("Gate", URL, sub_url=SUB_URL, location="North")
    store.add("Door", URL)
    renamed = store.update(gate.id, name="Main gate", transport="udp", sub_url=None)
    assert renamed == Camera(id=gate.id, name="Main gate", main_url=URL, sub_url=None, location="North",
                             transport=Transport.UDP)
    assert store.update(gate.id, name="main GATE").name == "main GATE"  # its own name in another case
    err = _error(store.update, gate.id, name="door")
    assert err.kind is ErrorKind.INVALID_INPUT and "'Door' already exists" in err.user_message
    assert _error(store.update, gate.id, main_url="http://x").kind is ErrorKind.INVALID_URL
    assert store.get(gate.id).main_url == URL
    assert _error(store.update, 999, name="Nowhere").kind is ErrorKind.NOT_FOUND


def test_store_transaction_groups_work_all_or_nothing(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.add("Gate", URL, has_credentials=True)
            raise RuntimeError("storing the credentials failed")
    assert store.list() == []
    with store.transaction():
        store.add("Gate", URL)
    assert [c.name for c in store.list()] == ["Gate"]


def test_threads_sharing_the_connection_take_turns(store):
    errors: list[BaseException] = []

    def work(worker: int) -> None:
        try:
            for i in range(25):
                with store.transaction():
                    camera = store.add(f"W{worker}-{i}", URL)
                    assert store.get(camera.id).name == camera.name
                store.list()
        except BaseException as err:  # collected: an exception in a thread would otherwise be lost
            errors.append(err)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert len(store.list()) == 100
