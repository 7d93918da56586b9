"""Changes of the shared state reach the feed on both engines: by NOTIFY on PostgreSQL, by the connection's
own triggers on SQLite; only committed changes, once per row and transaction."""

from __future__ import annotations

import queue
from collections.abc import Iterator

import pytest

from tests.fixtures.databases import ENGINES, open_engine
from videowall.model.layout import uniform
from videowall.runtime.errors import VideowallError
from videowall.storage.change_listener import ChangeListener
from videowall.storage.changes import DELETE, INSERT, UPDATE, Change, feed
from videowall.storage.database import POSTGRESQL
from videowall.storage.cameras import CameraStore
from videowall.storage.views import View, ViewStore

TIMEOUT_S = 30.0


class Heard:
    """What the feed of a database delivered, in order."""

    def __init__(self, db) -> None:
        self.changes: queue.Queue[Change] = queue.Queue()
        self.unsubscribe = feed(db.where).subscribe(self.changes.put)

    def next(self) -> Change:
        return self.changes.get(timeout=TIMEOUT_S)


@pytest.fixture(params=ENGINES)
def station(request, tmp_path) -> Iterator[tuple[object, Heard]]:
    db = open_engine(request, request.param, tmp_path)
    listener = ChangeListener(db).start() if db.dialect == POSTGRESQL else None
    if listener is not None:
        assert listener.connected.wait(TIMEOUT_S)
    heard = Heard(db)
    yield db, heard
    heard.unsubscribe()
    if listener is not None:
        listener.stop()
    db.close()


def test_view_changes_are_heard_with_their_row_and_kind(station):
    db, heard = station
    views = ViewStore(db)
    saved = views.save(View("Rynek", uniform(2), (None,)))
    assert heard.next() == Change("views", saved.id, INSERT)
    views.save(View("Rynek", uniform(3), (None,)))
    assert heard.next() == Change("views", saved.id, UPDATE)
    views.remove("Rynek")
    assert heard.next() == Change("views", saved.id, DELETE)


def test_a_camera_added_is_heard(station):
    db, heard = station
    camera = CameraStore(db).add("Brama", "rtsp://127.0.0.1:8554/cam1")
    assert heard.next() == Change("cameras", camera.id, INSERT)


def test_a_rolled_back_change_is_never_heard(station):
    db, heard = station
    views = ViewStore(db)
    with pytest.raises(RuntimeError):
        with db.transaction():
            views.save(View("Wycofany", uniform(2), (None,)))
            raise RuntimeError("the operator's action failed half way")
    kept = views.save(View("Zapisany", uniform(2), (None,)))
    assert heard.next() == Change("views", kept.id, INSERT)     # the first heard: nothing of the rolled back one


def test_a_savepoint_rolled_back_drops_only_its_own_changes(station):
    db, heard = station
    views = ViewStore(db)
    with db.transaction():
        first = views.save(View("Pierwszy", uniform(2), (None,)))
        with pytest.raises(VideowallError):
            with db.transaction():
                views.save(View("Drugi", uniform(2), (None,)))
                views.remove("nie ma takiego")
    assert heard.next() == Change("views", first.id, INSERT)
    last = views.save(View("Trzeci", uniform(2), (None,)))
    assert heard.next() == Change("views", last.id, INSERT)


def test_changes_of_a_transaction_are_heard_in_order_after_it_commits(station):
    db, heard = station
    views = ViewStore(db)
    with db.transaction():
        saved = views.save(View("Dworzec", uniform(2), (None,), hotkey=3))
        views.save(View("Dworzec", uniform(3), (None,), hotkey=3))
    assert heard.next() == Change("views", saved.id, INSERT)
    assert heard.next() == Change("views", saved.id, UPDATE)
    sentinel = views.save(View("Koniec", uniform(2), (None,)))
    assert heard.next() == Change("views", sentinel.id, INSERT)


def test_a_payload_this_version_cannot_read_is_ignored():
    assert Change.from_payload("not json") is None
    assert Change.from_payload('{"table": "views"}') is None
    assert Change.from_payload(Change("views", 4, UPDATE).to_payload()) == Change("views", 4, UPDATE)
