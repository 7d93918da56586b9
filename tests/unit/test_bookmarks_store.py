"""Bookmarks on a real SQLite station database: create, edit, history, search, evidence holds, audit."""

from __future__ import annotations

import json
import types
from datetime import datetime, timedelta, timezone

import pytest

from videowall.audit import AuditLog
from videowall.model.bookmark import DEFAULT_CATEGORIES, BookmarkFilter
from videowall.bookmarks.store import BookmarkStore
from videowall.config.paths import database_path, settings_path
from videowall.config.settings import Settings, save_settings
from videowall.recording.holds import HELD_SQL, HoldStore
from videowall.recording.index import NewSegment, RecordingStore
from videowall.recording.retention import RetentionJob
from videowall.model.retention import RetentionPolicy
from videowall.recording.timebase import to_us
from videowall.recording.types import SegmentState, TimeSource
from tests.fixtures.clock import FakeClock
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.station import Station
from videowall.storage.db import open_database
from videowall.storage.migrations import MIGRATIONS, schema_version

NOW = datetime(2026, 6, 30, 12, 0, tzinfo=timezone.utc)
AT = NOW - timedelta(hours=2)


@pytest.fixture
def clock():
    return FakeClock(start_utc=NOW)


@pytest.fixture
def store(tmp_path, clock):
    recordings = RecordingStore.open(database_path(tmp_path), tmp_path / "recordings", clock)
    for name in ("Brama", "Rynek", "Dworzec"):
        recordings.conn.execute("INSERT INTO cameras (name, main_url, created_utc, updated_utc)"
                                " VALUES (?, 'rtsp://127.0.0.1/x', 't', 't')", (name,))
    yield recordings
    recordings.close()


@pytest.fixture
def holds(store, clock):
    return HoldStore(store, clock)


@pytest.fixture
def bookmarks(store, holds, clock):
    return BookmarkStore(store, holds, clock, categories=DEFAULT_CATEGORIES)


def _create(bookmarks, **overrides):
    fields = {"at_utc": AT, "camera_ids": [1], "category": "kradzież", "operator": "jan.kowalski"} | overrides
    return bookmarks.create(**fields)


def _invalid(call, *args, **kwargs) -> str:
    with pytest.raises(VideowallError) as err:
        call(*args, **kwargs)
    assert err.value.kind is ErrorKind.INVALID_INPUT, err.value
    return err.value.user_message


def _segment(store: RecordingStore, camera_id: int, start: datetime, end: datetime) -> int:
    path = store.root / str(camera_id) / f"cam{camera_id}-{to_us(start)}.mp4"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\0" * 1000)
    segment_id = store.begin_segment(NewSegment(camera_id, "main", store.relative(path), to_us(start),
                                                TimeSource.CAMERA_NTP, 0.0, "h264", 640, 360))
    store.update_segment(segment_id, to_us(end), 1000, SegmentState.COMPLETE)
    return segment_id


def _held_segments(store: RecordingStore) -> set[int]:
    with store.reading() as conn:
        return {row[0] for row in conn.execute(f"SELECT id FROM recording_segments WHERE {HELD_SQL}")}


def _audit_actions(store: RecordingStore) -> list[str]:
    return [entry.action for entry in AuditLog(store.conn).entries()]


# -- creating and editing -------------------------------------------------------------------------------
def test_create_keeps_every_field_and_the_range_around_the_moment(bookmarks, clock):
    created = _create(bookmarks, camera_ids=[3, 1, 3], description="Kradzież roweru spod sklepu",
                      place="ul. Floriańska 3", case_number="RSD 12/26", pre_roll_s=10, post_roll_s=120)
    assert created == bookmarks.get(created.id)
    assert (created.at_utc, created.start_utc, created.end_utc) == (
        AT, AT - timedelta(seconds=10), AT + timedelta(seconds=120))
    assert created.camera_ids == (1, 3)
    assert (created.category, created.description, created.place, created.case_number, created.result) == (
        "kradzież", "Kradzież roweru spod sklepu", "ul. Floriańska 3", "RSD 12/26", "")
    assert (created.operator, created.revision, created.created_utc) == ("jan.kowalski", 1, NOW)
    assert (created.evidence, created.hold_ids, created.withdrawn) == (False, (), False)
    default = _create(bookmarks, at_utc=datetime(2026, 6, 30, 12, 0, tzinfo=timezone(timedelta(hours=2))))
    assert (default.start_utc, default.end_utc) == (AT - timedelta(seconds=30), AT + timedelta(seconds=60))


def test_every_edit_is_kept_in_the_history_with_old_and_new_values(bookmarks, clock):
    created = _create(bookmarks, description="rower")
    clock.advance(60)
    edited = bookmarks.update(created.id, edited_by="anna.nowak", description="rower górski, czerwony",
                              camera_ids=[1, 2], end_utc=AT + timedelta(minutes=5), result="sprawca ujęty")
    assert edited.revision == 2 and edited.updated_utc == NOW + timedelta(seconds=60)
    assert edited.operator == "jan.kowalski"          # the creator stays; the editor is in the history
    clock.advance(60)
    assert bookmarks.update(created.id, edited_by="anna.nowak", description=" rower górski, czerwony ") == edited
    history = bookmarks.history(created.id)
    assert [(r.revision, r.action, r.changed_by) for r in history] == [
        (1, "created", "jan.kowalski"), (2, "edited", "anna.nowak")]
    assert history[0].changes["description"] == (None, "rower")
    assert history[1].changed_utc == NOW + timedelta(seconds=60)
    assert history[1].changes == {
        "description": ("rower", "rower górski, czerwony"), "camera_ids": ([1], [1, 2]),
        "end_utc": ((AT + timedelta(seconds=60)).isoformat(), (AT + timedelta(minutes=5)).isoformat()),
        "result": ("", "sprawca ujęty")}


def test_edit_refuses_a_stale_revision_and_unknown_fields(bookmarks):
    created = _create(bookmarks)
    bookmarks.update(created.id, edited_by="anna", place="Rynek Główny")
    message = _invalid(bookmarks.update, created.id, edited_by="jan", expected_revision=1, place="Dworzec")
    assert "changed meanwhile" in message and "revision 2" in message
    assert "operator" in _invalid(bookmarks.update, created.id, edited_by="jan", operator="someone else")
    assert bookmarks.get(created.id).place == "Rynek Główny"


@pytest.mark.parametrize(("fields", "expected"), [
    ({"category": "  "}, "category is required"),
    ({"category": "pożar lasu"}, "Unknown category"),
    ({"camera_ids": []}, "at least one camera"),
    ({"camera_ids": [0]}, "not a camera id"),
    ({"at_utc": datetime(2026, 6, 30, 10, 0)}, "time zone"),
    ({"description": "x" * 4001}, "too long"),
    ({"place": "Rynek\nGłówny"}, "control characters"),
    ({"description": "bell\x07"}, "control characters"),
    ({"operator": ""}, "operator is required"),
    ({"pre_roll_s": -1}, "pre-roll"),
    ({"post_roll_s": 3601}, "post-roll"),
    ({"pre_roll_s": 0, "post_roll_s": 0}, "both be 0"),
])
def test_invalid_input_gets_a_clear_error_and_saves_nothing(bookmarks, store, fields, expected):
    assert expected in _invalid(_create, bookmarks, **fields)
    assert bookmarks.search(BookmarkFilter(include_withdrawn=True)) == []
    assert _audit_actions(store) == []


def test_unknown_camera_and_unknown_bookmark_are_not_found(bookmarks):
    with pytest.raises(VideowallError) as err:
        _create(bookmarks, camera_ids=[1, 42])
    assert err.value.kind is ErrorKind.NOT_FOUND and "42" in err.value.user_message
    with pytest.raises(VideowallError) as err:
        bookmarks.get(7)
    assert err.value.kind is ErrorKind.NOT_FOUND


def test_edit_refuses_an_end_before_the_start(bookmarks):
    created = _create(bookmarks)
    message = _invalid(bookmarks.update, created.id, edited_by="anna", end_utc=created.start_utc)
    assert "must end after it starts" in message
    assert bookmarks.history(created.id)[-1].revision == 1


def test_a_category_that_left_the_list_stays_on_old_bookmarks(store, holds, clock):
    categories = ["kradzież", "pożar"]
    station_bookmarks = BookmarkStore(store, holds, clock, categories=lambda: tuple(categories))
    created = _create(station_bookmarks, category="pożar")
    categories.remove("pożar")
    edited = station_bookmarks.update(created.id, edited_by="anna", category="pożar", place="Rynek")
    assert (edited.category, edited.place) == ("pożar", "Rynek")
    assert "Unknown category" in _invalid(_create, station_bookmarks, category="pożar")


# -- search -----------------------------------------------------------------------------------------------
def test_search_filters_by_time_camera_category_operator_and_text(bookmarks):
    early = _create(bookmarks, at_utc=AT - timedelta(hours=5), camera_ids=[1], category="kradzież",
                    description="Kradzież w Łodzi", operator="jan")
    middle = _create(bookmarks, at_utc=AT, camera_ids=[2, 3], category="akt wandalizmu",
                     description="Graffiti na przystanku", place="Plac Bohaterów", operator="anna")
    late = _create(bookmarks, at_utc=AT + timedelta(hours=1), camera_ids=[3], category="kradzież",
                   case_number="RSD 77/26", operator="anna")

    def ids(**flt):
        return [b.id for b in bookmarks.search(BookmarkFilter(**flt))]

    assert ids() == [late.id, middle.id, early.id]                        # newest first
    assert ids(start_utc=AT - timedelta(seconds=30), end_utc=AT) == [middle.id]   # overlap counts
    assert ids(start_utc=AT + timedelta(minutes=2)) == [late.id]
    assert ids(end_utc=AT - timedelta(hours=1)) == [early.id]
    assert ids(camera_id=3) == [late.id, middle.id]
    assert ids(category="kradzież") == [late.id, early.id]
    assert ids(operator="anna") == [late.id, middle.id]
    assert ids(text="lodz") == [early.id]                                 # no case, no diacritics
    assert ids(text="PLAC graffiti") == [middle.id]                       # every word, any field
    assert ids(text="rsd 77") == [late.id]
    assert ids(text="wandalizmu") == [middle.id]
    assert ids(text="graffiti Łódź") == []
    assert ids(camera_id=3, operator="anna", category="kradzież") == [late.id]
    assert [b.id for b in bookmarks.search(limit=2)] == [late.id, middle.id]
    assert [b.id for b in bookmarks.over(3, AT - timedelta(hours=1), AT + timedelta(hours=2))] == [middle.id,
                                                                                                   late.id]
    assert bookmarks.operators() == ["anna", "jan"]


def test_withdrawn_bookmarks_are_hidden_unless_asked_for(bookmarks):
    kept = _create(bookmarks)
    mistake = _create(bookmarks, at_utc=AT + timedelta(minutes=1))
    assert "reason" in _invalid(bookmarks.withdraw, mistake.id, by="jan", reason=" ")
    withdrawn = bookmarks.withdraw(mistake.id, by="jan", reason="wrong camera")
    assert withdrawn.withdrawn and withdrawn.revision == 2
    assert [b.id for b in bookmarks.search()] == [kept.id]
    assert [b.id for b in bookmarks.search(BookmarkFilter(include_withdrawn=True))] == [mistake.id, kept.id]
    assert "restore it" in _invalid(bookmarks.update, mistake.id, edited_by="jan", place="x")
    restored = bookmarks.restore(mistake.id, by="jan", reason="it was the right camera after all")
    assert not restored.withdrawn
    assert [r.action for r in bookmarks.history(mistake.id)] == ["created", "withdrawn", "restored"]
    assert bookmarks.history(mistake.id)[1].reason == "wrong camera"


# -- evidence ---------------------------------------------------------------------------------------------
def test_evidence_holds_the_footage_of_every_camera_until_released_with_a_reason(bookmarks, holds, store, clock):
    created = _create(bookmarks, camera_ids=[1, 2])
    inside = [_segment(store, 1, AT - timedelta(seconds=10), AT + timedelta(seconds=50)),
              _segment(store, 2, AT, AT + timedelta(minutes=2))]
    outside = [_segment(store, 1, AT + timedelta(minutes=5), AT + timedelta(minutes=6)),
               _segment(store, 3, AT, AT + timedelta(minutes=1))]
    assert "case number is required" in _invalid(bookmarks.mark_as_evidence, created.id, by="jan", reason="r")
    assert "reason" in _invalid(bookmarks.mark_as_evidence, created.id, by="jan", reason="", case_number="c")

    marked = bookmarks.mark_as_evidence(created.id, by="anna", reason="wniosek KMP Kraków",
                                        case_number="RSD 5/26")
    assert marked.evidence and marked.case_number == "RSD 5/26" and len(marked.hold_ids) == 2
    placed = [holds.get(hold_id) for hold_id in marked.hold_ids]
    assert sorted(h.camera_id for h in placed) == [1, 2]
    assert all((h.start_utc, h.end_utc, h.case_number, h.reason, h.placed_by) == (
        created.start_utc, created.end_utc, "RSD 5/26", "wniosek KMP Kraków", "anna") for h in placed)
    assert _held_segments(store) == set(inside)
    assert all(holds.is_held(store.segment(sid)) for sid in inside)
    assert [b.id for b in bookmarks.search(BookmarkFilter(evidence_only=True))] == [created.id]
    assert "already evidence" in _invalid(bookmarks.mark_as_evidence, created.id, by="anna", reason="again")
    assert "release the evidence" in _invalid(bookmarks.withdraw, created.id, by="anna", reason="oops")

    clock.advance(40 * 86_400)          # past the retention period: only the held footage survives
    policy = RetentionPolicy(retention_days=30, min_free_bytes=0, warn_free_bytes=0)
    RetentionJob(store, policy, clock, lambda _path: types.SimpleNamespace(free=1 << 50)).run()
    assert {s.id for s in store.all_segments()} == set(inside)

    assert "reason" in _invalid(bookmarks.release_evidence, created.id, by="anna", reason="  ")
    released = bookmarks.release_evidence(created.id, by="anna", reason="postępowanie umorzone")
    assert not released.evidence and released.hold_ids == ()
    assert all(holds.get(hold_id).release_reason == "postępowanie umorzone" for hold_id in marked.hold_ids)
    assert "not marked as evidence" in _invalid(bookmarks.release_evidence, created.id, by="anna", reason="x")
    RetentionJob(store, policy, clock, lambda _path: types.SimpleNamespace(free=1 << 50)).run()
    assert store.all_segments() == []
    assert [r.action for r in bookmarks.history(created.id)] == ["created", "evidence_marked", "evidence_released"]
    assert bookmarks.history(created.id)[2].reason == "postępowanie umorzone"
    assert outside[0] not in _held_segments(store)


def test_the_bookmarks_case_number_is_used_when_none_is_given(bookmarks, holds):
    created = _create(bookmarks, case_number="II K 100/26")
    marked = bookmarks.mark_as_evidence(created.id, by="jan", reason="zabezpieczenie")
    assert {holds.get(h).case_number for h in marked.hold_ids} == {"II K 100/26"}
    assert "case number" in _invalid(bookmarks.update, created.id, edited_by="jan", case_number="II K 101/26")


def test_widening_evidence_moves_the_holds_and_narrowing_is_refused(bookmarks, holds, store):
    created = _create(bookmarks, camera_ids=[1])
    marked = bookmarks.mark_as_evidence(created.id, by="jan", reason="wniosek", case_number="RSD 1/26")
    later_start = created.start_utc + timedelta(seconds=1)
    assert "can only grow" in _invalid(bookmarks.update, created.id, edited_by="jan", start_utc=later_start)
    assert "can only grow" in _invalid(bookmarks.update, created.id, edited_by="jan", camera_ids=[2])
    later = _segment(store, 2, AT + timedelta(minutes=3), AT + timedelta(minutes=4))

    widened = bookmarks.update(created.id, edited_by="anna", camera_ids=[1, 2], end_utc=AT + timedelta(minutes=10),
                               description="also seen from the market square")
    assert widened.evidence and len(widened.hold_ids) == 2 and not set(widened.hold_ids) & set(marked.hold_ids)
    new_holds = [holds.get(h) for h in widened.hold_ids]
    assert all((h.end_utc, h.case_number, h.reason) == (AT + timedelta(minutes=10), "RSD 1/26", "wniosek")
               for h in new_holds)
    assert not holds.get(marked.hold_ids[0]).active
    assert later in _held_segments(store)
    assert bookmarks.history(created.id)[-1].changes["hold_ids"] == (list(marked.hold_ids), list(widened.hold_ids))


# -- audit ------------------------------------------------------------------------------------------------
def test_every_change_is_audited_in_one_verified_chain(bookmarks, store):
    created = _create(bookmarks, camera_ids=[1, 2])
    bookmarks.update(created.id, edited_by="anna", place="Rynek")
    bookmarks.mark_as_evidence(created.id, by="anna", reason="wniosek", case_number="RSD 9/26")
    bookmarks.release_evidence(created.id, by="jan", reason="sprawa zakończona")
    bookmarks.withdraw(created.id, by="jan", reason="duplikat")
    log = AuditLog(store.conn)
    assert log.verify() == []
    assert _audit_actions(store) == [
        "bookmark.created", "bookmark.edited", "recording.hold_placed", "recording.hold_placed",
        "bookmark.evidence_marked", "recording.hold_released", "recording.hold_released",
        "bookmark.evidence_released", "bookmark.withdrawn"]
    edited = log.entries(action_prefix="bookmark.edited")[0]
    assert edited.actor == "anna"
    assert edited.details == {"bookmark_id": created.id, "revision": 2, "changes": {"place": ["", "Rynek"]}}
    assert log.entries(action_prefix="bookmark.withdrawn")[0].details["reason"] == "duplikat"


def test_a_failed_hold_leaves_no_trace(bookmarks, store, holds):
    created = _create(bookmarks, camera_ids=[1, 2])
    before = _audit_actions(store)
    message = _invalid(bookmarks.mark_as_evidence, created.id, by="jan", reason="x" * 501, case_number="c")
    assert "too long" in message
    assert _audit_actions(store) == before and holds.list(include_released=True) == []
    assert bookmarks.get(created.id).revision == 1


def test_history_cannot_be_rewritten_or_bookmarks_deleted(bookmarks, store):
    created = _create(bookmarks)
    for statement in ("UPDATE bookmark_revisions SET changed_by = 'x'", "DELETE FROM bookmark_revisions",
                      f"DELETE FROM bookmarks WHERE id = {created.id}"):
        with pytest.raises(Exception, match="append-only|never deleted"):
            store.conn.execute(statement)


# -- schema migration -------------------------------------------------------------------------------------
def test_a_version_5_database_gets_bookmarks_and_keeps_its_data(tmp_path, clock):
    path = database_path(tmp_path)
    old = open_database(path, migrations=MIGRATIONS[:5], clock=clock)
    old.execute("INSERT INTO cameras (name, main_url, created_utc, updated_utc)"
                " VALUES ('Brama', 'rtsp://127.0.0.1/x', 't', 't')")
    AuditLog(old, clock).append("recording.hold_placed", {"hold_id": 1}, "jan")
    old.execute("INSERT INTO legal_holds (camera_id, start_us, end_us, reason, case_number, placed_by, placed_utc)"
                " VALUES (1, 0, 10, 'r', 'c', 'jan', 't')")
    old.close()
    store = RecordingStore.open(path, tmp_path / "recordings", clock)
    try:
        assert schema_version(store.conn) == len(MIGRATIONS)
        assert store.conn.execute("SELECT name FROM cameras").fetchall() == [("Brama",)]
        assert store.conn.execute("SELECT count(*) FROM legal_holds").fetchone()[0] == 1
        bookmarks = BookmarkStore(store, HoldStore(store, clock), clock)
        created = _create(bookmarks)
        assert bookmarks.get(created.id).camera_ids == (1,)
        assert [e.action for e in AuditLog(store.conn).entries()] == ["recording.hold_placed", "bookmark.created"]
        assert AuditLog(store.conn).verify() == []
        assert json.loads(store.conn.execute("SELECT changes FROM bookmark_revisions").fetchone()[0])["category"] == [
            None, "kradzież"]
    finally:
        store.close()


def test_the_station_builds_bookmarks_on_its_database_with_its_categories(tmp_path):
    save_settings(settings_path(tmp_path), Settings(bookmark_categories=("kradzież", "pożar")))
    station = Station.open(tmp_path, secrets_kind="memory")
    try:
        camera = station.cameras.add("Brama", "rtsp://127.0.0.1/x")
        assert station.bookmarks() is station.bookmarks()
        created = station.bookmarks().create(at_utc=AT, camera_ids=[camera.id], category="pożar",
                                             operator=station.operator)
        assert created.operator == station.operator != ""
        assert "Unknown category" in _invalid(station.bookmarks().create, at_utc=AT, camera_ids=[camera.id],
                                              category="inne", operator=station.operator)
        assert not station.recording.status().recorders        # bookmarks do not start recording
    finally:
        station.close()
    reopened = RecordingStore.open(database_path(tmp_path), tmp_path / "recordings")
    try:
        assert BookmarkStore(reopened, HoldStore(reopened)).get(created.id).category == "pożar"
    finally:
        reopened.close()
