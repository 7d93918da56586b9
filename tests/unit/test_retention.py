"""Retention and legal holds on a real SQLite index and real files, with an injected clock."""

from __future__ import annotations

import types
from datetime import datetime, timedelta, timezone

import pytest

from videowall.recording.holds import HoldStore
from videowall.recording.index import NewSegment, RecordingStore
from videowall.recording.retention import RetentionJob, SpaceState
from videowall.model.retention import (
    Deployment, RetentionPolicy, parse_deployment, policy_from_settings, validate_retention_days,
)
from videowall.recording.timebase import to_us
from videowall.recording.types import SegmentState, TimeSource
from tests.fixtures.clock import FakeClock
from videowall.runtime.errors import ErrorKind, VideowallError

NOW = datetime(2026, 6, 30, 12, 0, tzinfo=timezone.utc)
SEGMENT_BYTES = 1000


@pytest.fixture
def clock():
    return FakeClock(start_utc=NOW)


@pytest.fixture
def store(tmp_path, clock):
    root = tmp_path / "recordings"
    root.mkdir()
    st = RecordingStore.open(tmp_path / "videowall.sqlite3", root, clock)
    yield st
    st.close()


def _segment(store: RecordingStore, camera_id: int, days_ago: float, minutes: float = 1.0,
             state: SegmentState = SegmentState.COMPLETE) -> int:
    """A one-minute (by default) segment of ``camera_id`` that ended ``days_ago`` days before NOW."""
    end = NOW - timedelta(days=days_ago)
    start = end - timedelta(minutes=minutes)
    path = store.root / str(camera_id) / start.strftime("%Y-%m-%d") / f"cam{camera_id}-{to_us(start)}.mp4"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\0" * SEGMENT_BYTES)
    segment_id = store.begin_segment(NewSegment(camera_id, "main", store.relative(path), to_us(start),
                                                TimeSource.CAMERA_NTP, 0.0, "h264", 640, 360))
    store.update_segment(segment_id, to_us(end), SEGMENT_BYTES, state)
    return segment_id


def _ids(store: RecordingStore) -> set[int]:
    return {s.id for s in store.all_segments()}


def _audit(store: RecordingStore, prefix: str) -> list:
    return store._audit.entries(action_prefix=prefix)


# -- policy ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("deployment, days", [(Deployment.STRAZ, 20), (Deployment.STRAZ, 60),
                                              (Deployment.GMINA, 1), (Deployment.GMINA, 90)])
def test_retention_within_the_law_is_accepted(deployment, days):
    assert validate_retention_days(deployment, days) == days


@pytest.mark.parametrize("deployment, days", [(Deployment.STRAZ, 19), (Deployment.STRAZ, 61),
                                              (Deployment.GMINA, 91), (Deployment.GMINA, 0),
                                              (Deployment.STRAZ, 30.5), (Deployment.STRAZ, True)])
def test_retention_outside_the_law_is_refused(deployment, days):
    with pytest.raises(VideowallError) as err:
        RetentionPolicy(deployment=deployment, retention_days=days)
    assert err.value.kind is ErrorKind.INVALID_INPUT
    assert "days" in err.value.user_message


def test_defaults_and_settings():
    assert RetentionPolicy().deployment is Deployment.STRAZ and RetentionPolicy().retention_days == 30
    assert RetentionPolicy().legal_minimum_days == 20
    assert RetentionPolicy(deployment=Deployment.GMINA, retention_days=90).legal_minimum_days == 0
    settings = types.SimpleNamespace(deployment="gmina", retention_days=90, min_free_gb=1, warn_free_gb=2.5)
    policy = policy_from_settings(settings)
    assert (policy.deployment, policy.retention_days) == (Deployment.GMINA, 90)
    assert (policy.min_free_bytes, policy.warn_free_bytes) == (1 << 30, int(2.5 * (1 << 30)))
    with pytest.raises(VideowallError):
        parse_deployment("police")
    with pytest.raises(VideowallError):
        RetentionPolicy(min_free_bytes=10, warn_free_bytes=5)


# -- expiry and holds ----------------------------------------------------------------------------------
def test_deletes_exactly_the_expired_unheld_segments(store, clock):
    holds = HoldStore(store, clock)
    expired_free = [_segment(store, 1, 45), _segment(store, 2, 31), _segment(store, 1, 30.001)]
    young = [_segment(store, 1, 29.99), _segment(store, 2, 2)]
    held_by_camera = _segment(store, 1, 40)
    held_by_all = _segment(store, 2, 50)
    other_camera_same_time = _segment(store, 2, 40)   # camera 1's hold does not cover camera 2
    still_recording = _segment(store, 3, 35, state=SegmentState.RECORDING)
    holds.place(1, NOW - timedelta(days=40, minutes=2), NOW - timedelta(days=40), "assault near the bus stop",
                "II K 123/26", actor="jan.kowalski")
    holds.place(None, NOW - timedelta(days=50, minutes=0.5), NOW - timedelta(days=50, minutes=0.2),
                "whole-site incident", "RSD 7/26", actor="anna.nowak")
    paths = {s.id: s.path for s in store.all_segments()}

    report = RetentionJob(store, RetentionPolicy(retention_days=30, min_free_bytes=0, warn_free_bytes=0),
                          clock, _plenty).run()

    deleted = set(expired_free) | {other_camera_same_time}
    assert _ids(store) == set(young) | {held_by_camera, held_by_all, still_recording}
    assert report.deleted_expired == len(deleted) and report.deleted_for_space == 0
    assert report.expired_but_held == 2 and report.failed == 0
    assert report.bytes_freed == len(deleted) * SEGMENT_BYTES
    assert all(not paths[i].exists() for i in deleted)
    assert all(paths[i].exists() for i in _ids(store))
    entries = _audit(store, "recording.deleted")
    assert sorted(e.details["segment_id"] for e in entries) == sorted(deleted)
    assert all(e.details["reason"] == "retention period ended" and e.actor == "system" for e in entries)


def test_a_lifted_hold_lets_retention_delete(store, clock):
    holds = HoldStore(store, clock)
    segment = _segment(store, 1, 45)
    hold = holds.place(1, NOW - timedelta(days=46), NOW - timedelta(days=44), "evidence", "II K 1/26", "jan")
    policy = RetentionPolicy(min_free_bytes=0, warn_free_bytes=0)
    RetentionJob(store, policy, clock, _plenty).run()
    assert _ids(store) == {segment}
    released = holds.release(hold.id, "case closed, court decision of 2026-06-01", actor="anna.nowak")
    assert not released.active and released.release_reason.startswith("case closed")
    assert holds.list() == [] and len(holds.list(include_released=True)) == 1
    RetentionJob(store, policy, clock, _plenty).run()
    assert _ids(store) == set()
    actions = [e.action for e in store._audit.entries()]
    assert actions == ["recording.hold_placed", "recording.hold_released", "recording.deleted"]
    placed, lifted = store._audit.entries()[:2]
    assert placed.details["case_number"] == "II K 1/26" and placed.actor == "jan"
    assert lifted.details["reason"].startswith("case closed") and lifted.actor == "anna.nowak"


def test_hold_input_is_validated(store, clock):
    holds = HoldStore(store, clock)
    with pytest.raises(VideowallError):
        holds.place(1, NOW, NOW - timedelta(hours=1), "reason", "case", "jan")
    with pytest.raises(VideowallError):
        holds.place(1, NOW - timedelta(hours=1), NOW, "  ", "case", "jan")
    with pytest.raises(VideowallError):
        holds.place(1, NOW - timedelta(hours=1), NOW, "reason", "bad\ncase", "jan")
    hold = holds.place(1, NOW - timedelta(hours=1), NOW, "reason", "case", "jan")
    holds.release(hold.id, "done", "jan")
    with pytest.raises(VideowallError) as err:
        holds.release(hold.id, "again", "jan")
    assert "already lifted" in err.value.user_message
    with pytest.raises(VideowallError) as err:
        holds.get(999)
    assert err.value.kind is ErrorKind.NOT_FOUND
    assert [e.action for e in store._audit.entries()] == ["recording.hold_placed", "recording.hold_released"]


def test_holds_over_a_range_include_all_camera_holds(store, clock):
    holds = HoldStore(store, clock)
    one = holds.place(1, NOW - timedelta(hours=3), NOW - timedelta(hours=2), "r", "c1", "jan")
    every = holds.place(None, NOW - timedelta(hours=1), NOW, "r", "c2", "jan")
    holds.place(2, NOW - timedelta(hours=3), NOW, "r", "c3", "jan")
    assert [h.id for h in holds.holds_over(1, NOW - timedelta(hours=4), NOW)] == [one.id, every.id]
    assert [h.id for h in holds.holds_over(1, NOW - timedelta(minutes=30), NOW)] == [every.id]


# -- free space ----------------------------------------------------------------------------------------
class _Disk:
    """A disk of ``capacity`` bytes holding the files under the root (file sizes are real)."""

    def __init__(self, store: RecordingStore, capacity: int) -> None:
        self._store, self.capacity = store, capacity

    def __call__(self, _path):
        used = sum(p.stat().st_size for p in self._store.root.rglob("*.mp4"))
        return types.SimpleNamespace(free=self.capacity - used)


def _plenty(_path):
    return types.SimpleNamespace(free=1 << 50)


def test_floor_deletes_the_oldest_unheld_first(store, clock):
    holds = HoldStore(store, clock)
    oldest_held = _segment(store, 1, 28)
    old = [_segment(store, 1, 27), _segment(store, 2, 26), _segment(store, 1, 25)]
    younger = [_segment(store, 2, 24), _segment(store, 1, 1)]
    holds.place(1, NOW - timedelta(days=29), NOW - timedelta(days=27.9), "evidence", "II K 2/26", "jan")
    disk = _Disk(store, capacity=7 * SEGMENT_BYTES)        # 6 files: 1000 B free
    policy = RetentionPolicy(retention_days=30, min_free_bytes=3 * SEGMENT_BYTES + 1,
                             warn_free_bytes=5 * SEGMENT_BYTES)
    report = RetentionJob(store, policy, clock, disk).run()
    assert _ids(store) == {oldest_held, younger[0], younger[1]}   # three oldest unheld went, nothing else
    assert report.deleted_for_space == 3 and report.deleted_expired == 0
    assert report.space is SpaceState.RECLAIMING and "before its retention period" in report.message
    assert {e.details["reason"] for e in _audit(store, "recording.deleted")} == {"free-space floor"}


def test_straz_never_deletes_within_the_legal_minimum_for_space(store, clock):
    young = [_segment(store, 1, 19), _segment(store, 1, 5)]
    older = _segment(store, 1, 21)
    disk = _Disk(store, capacity=3 * SEGMENT_BYTES)        # full
    policy = RetentionPolicy(deployment=Deployment.STRAZ, retention_days=60, min_free_bytes=5 * SEGMENT_BYTES,
                             warn_free_bytes=5 * SEGMENT_BYTES)
    report = RetentionJob(store, policy, clock, disk).run()
    assert _ids(store) == set(young)
    assert older not in _ids(store)
    assert report.space is SpaceState.EXHAUSTED and "legal minimum of 20 days" in report.message


def test_gmina_may_delete_young_footage_for_space(store, clock):
    _segment(store, 1, 19)
    newest = _segment(store, 1, 0.5)
    disk = _Disk(store, capacity=2 * SEGMENT_BYTES)
    policy = RetentionPolicy(deployment=Deployment.GMINA, retention_days=90, min_free_bytes=SEGMENT_BYTES,
                             warn_free_bytes=SEGMENT_BYTES)
    RetentionJob(store, policy, clock, disk).run()
    assert _ids(store) == {newest}


def test_warns_before_it_must_delete(store, clock):
    kept = [_segment(store, 1, 3), _segment(store, 1, 2)]
    disk = _Disk(store, capacity=5 * SEGMENT_BYTES)        # 3000 B free
    policy = RetentionPolicy(min_free_bytes=2 * SEGMENT_BYTES, warn_free_bytes=4 * SEGMENT_BYTES)
    report = RetentionJob(store, policy, clock, disk).run()
    assert report.space is SpaceState.LOW and "getting full" in report.message
    assert _ids(store) == set(kept)
    assert RetentionJob(store, RetentionPolicy(min_free_bytes=0, warn_free_bytes=0), clock, disk).run().space \
        is SpaceState.OK


def test_expiry_follows_the_injected_clock(store, clock):
    segment = _segment(store, 1, 29)
    job = RetentionJob(store, RetentionPolicy(min_free_bytes=0, warn_free_bytes=0), clock, _plenty)
    job.run()
    assert _ids(store) == {segment}
    clock.advance(timedelta(days=1, seconds=1).total_seconds())
    assert job.run().deleted_expired == 1
    assert _ids(store) == set()
    assert not any(store.root.iterdir())   # empty day and camera folders went with it
