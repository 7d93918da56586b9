"""The alarm engine on a real SQLite file: rules, debounce, storms beyond the queue, handling and audit."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from videowall.audit import AuditLog
from videowall.events.engine import AlarmEngine
from videowall.events.model import AlarmState, CameraEvent, EventKind, Origin, Show
from videowall.events.rules import AlarmRule, rule_for
from videowall.events.store import EventStore
from tests.fixtures.clock import FakeClock
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.storage.cameras import CameraStore
from videowall.storage.db import open_database

T0 = datetime(2026, 12, 3, 8, 0, tzinfo=timezone.utc)


@pytest.fixture
def parts(tmp_path):
    conn = open_database(tmp_path / "videowall.db")
    cameras = CameraStore(conn)
    gate = cameras.add("Brama", "rtsp://127.0.0.1:1/gate", group="Ratusz")
    store = EventStore(conn, FakeClock(T0))
    engine = AlarmEngine(store, cameras.get)
    yield store, engine, gate
    engine.close()
    conn.close()


def event(camera_id, kind=EventKind.DIGITAL_INPUT, at_s: float = 0, active=True, source="1", **data):
    return CameraEvent(camera_id, kind, T0 + timedelta(seconds=at_s), active, source=source, data=data)


def test_rules_camera_beats_group_beats_everyone_beats_default():
    rules = [AlarmRule(EventKind.MOTION, 3), AlarmRule(EventKind.MOTION, 2, group="ratusz"),
             AlarmRule(EventKind.MOTION, 1, camera_id=7)]
    assert rule_for(rules, EventKind.MOTION, 7, "Ratusz").priority == 1
    assert rule_for(rules, EventKind.MOTION, 8, "Ratusz").priority == 2
    assert rule_for(rules, EventKind.MOTION, 8, "Rynek").priority == 3
    assert rule_for(rules, EventKind.TAMPER, 8, "").priority == 1      # built-in default
    with pytest.raises(VideowallError):
        AlarmRule(EventKind.MOTION, 9)


def test_equal_events_within_the_debounce_are_one_alarm_later_ones_another(parts):
    store, engine, gate = parts
    for at_s in (0, 5, 10):
        engine.submit(event(gate.id, at_s=at_s))
        assert engine.wait_idle(10)
    engine.submit(event(gate.id, at_s=100))
    assert engine.wait_idle(10)
    alarms = store.alarms(camera_id=gate.id)
    assert sorted(a.count for a in alarms) == [1, 3]
    assert all(a.priority == 2 and a.show is Show.TILE for a in alarms)


def test_an_off_state_or_an_initial_state_raises_nothing_but_is_stored(parts):
    store, engine, gate = parts
    engine.submit(event(gate.id, active=False))
    engine.submit(event(gate.id, kind=EventKind.TAMPER, operation="Initialized"))
    assert engine.wait_idle(10)
    assert store.alarms(camera_id=gate.id) == []
    assert len(store.events_over(gate.id, T0 - timedelta(1), T0 + timedelta(1))) == 2


def test_a_group_rule_with_priority_0_silences_motion(parts):
    store, engine, gate = parts
    store.save_rule(AlarmRule(EventKind.MOTION, 0, group="Ratusz"), by="admin")
    engine.reload_rules()
    engine.submit(event(gate.id, kind=EventKind.MOTION))
    assert engine.wait_idle(10)
    assert store.alarms(camera_id=gate.id) == []


def test_a_storm_beyond_the_queue_loses_nothing_and_is_one_alarm(parts):
    store, engine, gate = parts
    listened = []
    engine.add_listener(lambda alarms, raised: listened.append((alarms, raised)))
    for n in range(20_000):
        engine.submit(event(gate.id, at_s=n / 1000))
    assert engine.wait_idle(30)
    (alarm,) = store.alarms(camera_id=gate.id)
    assert alarm.count == 20_000 and engine.lost == 0
    assert sum(len(raised) for _alarms, raised in listened) == 1
    rows = store.events_over(gate.id, T0, T0 + timedelta(seconds=30))
    assert sum(row.count for row in rows) == 20_000 and len(rows) == 1


def test_station_events_have_no_camera_and_handling_is_audited(parts):
    store, engine, _gate = parts
    engine.submit(CameraEvent(None, EventKind.EXPORT_FAILED, T0, None, source="write", origin=Origin.STATION))
    assert engine.wait_idle(10)
    (alarm,) = store.alarms()
    assert alarm.camera_id is None and alarm.priority == 3
    with pytest.raises(VideowallError) as unnamed:
        store.acknowledge(alarm.id, " ")
    assert unnamed.value.kind is ErrorKind.INVALID_INPUT
    store.acknowledge(alarm.id, "sierż. Kowalska")
    assert store.acknowledge(alarm.id, "st. sierż. Nowak").acknowledged_by == "sierż. Kowalska"
    closed = store.close(alarm.id, "sierż. Kowalska", "Pendrive wymieniony, eksport powtórzony.")
    assert closed.state is AlarmState.CLOSED
    with pytest.raises(VideowallError):
        store.close(alarm.id, "sierż. Kowalska", "again")
    actions = [e.action for e in AuditLog(store.conn).entries(action_prefix="alarm.")]
    assert actions == ["alarm.raised", "alarm.acknowledged", "alarm.closed"]
    assert store.alarms() == [] and store.alarms(include_closed=True)[0].id == alarm.id


def test_a_failing_listener_does_not_stop_the_engine(parts):
    store, engine, gate = parts

    def broken(_alarms, _raised):
        raise RuntimeError("listener bug")

    engine.add_listener(broken)
    engine.submit(event(gate.id))
    engine.submit(event(gate.id, kind=EventKind.TAMPER))
    assert engine.wait_idle(10)
    assert len(store.alarms(camera_id=gate.id)) == 2
