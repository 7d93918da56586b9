"""ONVIF events end to end: the simulator's event service over SOAP/HTTP → subscriptions → alarm engine →
SQLite, including the cameras that misbehave (no event service, dropped subscription, broken replies, storms)."""

from __future__ import annotations

import json
import urllib.request
from datetime import datetime, timedelta, timezone

import pytest

from tests.fixtures.waiting import wait_for
from videowall.events.model import AlarmState, EventFilter, EventKind, Origin
from videowall.events.service import EventService
from videowall.events.subscriptions import SubscriptionState
from videowall.model.camera import Credentials
from videowall.onvif.saved import add_camera
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.station import Station

USER, PASSWORD = "events-op", "Ev3nts-s3cret"
CAMERA_CLOCK_OFFSET_S = 3600.0     # the cameras' clock is an hour off: event times must be corrected


@pytest.fixture(scope="module")
def events_sim(sim_factory):
    """Camera 1 moves (motion), 2 is quiet, 3 is tampered from the start, 4 has no event service."""
    return sim_factory(cameras=4, user=USER, password=PASSWORD, onvif=True, main_size=(640, 360), fps=5,
                       clock_offset_s=CAMERA_CLOCK_OFFSET_S, motion_cameras=(1,), tamper_cameras=(3,),
                       no_events_cameras=(4,))


@pytest.fixture
def service(events_sim, tmp_path):
    station = Station.open(tmp_path, secrets_kind="memory")
    for camera in range(1, 5):
        add_camera(station.cameras, station.secrets, f"cam{camera}", events_sim.onvif_url(camera),
                   Credentials(USER, PASSWORD))
    events = EventService(station, pull_timeout_s=2)
    events.subscribe_all()
    wait_for(lambda: all(events.subscriptions.status(c) is not None and events.subscriptions.status(c).state
                         in (SubscriptionState.SUBSCRIBED, SubscriptionState.NOT_SUPPORTED) for c in range(1, 5)),
             "every camera subscribed or refused")
    yield events
    events.close()
    station.close()


def _alarm(service: EventService, camera_id: int, kind: EventKind, count: int = 1):
    return wait_for(lambda: next((a for a in service.store.alarms(camera_id=camera_id)
                                  if a.kind is kind and a.count >= count), None),
                    f"a {kind.value} alarm of camera {camera_id} with {count} events")


def test_an_input_becomes_an_alarm_at_station_time(service, events_sim):
    events_sim.send_event(2, "input", input="7")
    alarm = _alarm(service, 2, EventKind.DIGITAL_INPUT)
    assert (alarm.priority, alarm.state, alarm.source) == (2, AlarmState.NEW, "7")
    now = datetime.now(timezone.utc)
    assert abs(alarm.first_utc - now) < timedelta(minutes=5)    # not an hour off: the camera clock is corrected
    stored = service.store.search_events(EventFilter(camera_id=2, kind=EventKind.DIGITAL_INPUT))
    assert stored[0].data["operation"] == "Changed"
    camera_time = datetime.fromisoformat(stored[0].data["camera_utc"])
    assert abs((camera_time - stored[0].first_utc).total_seconds() - CAMERA_CLOCK_OFFSET_S) < 5


def test_tampering_from_the_start_is_stored_and_a_new_one_raises_a_priority_1_alarm(service, events_sim):
    initial = wait_for(lambda: service.store.search_events(EventFilter(camera_id=3, kind=EventKind.TAMPER)),
                       "the initial tamper state")
    assert initial[0].data["operation"] == "Initialized" and initial[0].active is True
    assert not [a for a in service.store.alarms(camera_id=3) if a.kind is EventKind.TAMPER]
    events_sim.send_event(3, "tamper")
    alarm = _alarm(service, 3, EventKind.TAMPER)
    assert alarm.priority == 1 and alarm.show.value == "tile"


def test_motion_of_the_moving_box_is_reported_on_and_off(service):
    runs = wait_for(lambda: {e.active for e in service.store.search_events(
        EventFilter(camera_id=1, kind=EventKind.MOTION))} >= {True, False} or None, "motion on and off", 30)
    assert runs
    assert _alarm(service, 1, EventKind.MOTION).priority == 4


def test_a_camera_without_events_is_not_supported_and_the_rest_go_on(service, events_sim):
    status = service.subscriptions.status(4)
    assert status.state is SubscriptionState.NOT_SUPPORTED
    assert "does not support ONVIF events" in status.message
    noted = wait_for(lambda: service.store.search_events(EventFilter(camera_id=4, kind=EventKind.EVENTS_UNAVAILABLE)),
                     "the station's note that camera 4 has no events")
    assert noted[0].origin is Origin.STATION
    events_sim.send_event(2, "video_loss")
    assert _alarm(service, 2, EventKind.VIDEO_LOSS).priority == 1


@pytest.mark.parametrize("fault", ["drop", "malformed", "huge"])
def test_a_dropped_subscription_or_a_broken_reply_is_resubscribed(service, events_sim, fault):
    events_sim.send_event(2, fault)
    wait_for(lambda: service.subscriptions.status(2).state is SubscriptionState.RETRYING, "the failure noticed")
    wait_for(lambda: service.subscriptions.status(2).state is SubscriptionState.SUBSCRIBED, "subscribed again")
    events_sim.send_event(2, "storage")
    assert _alarm(service, 2, EventKind.STORAGE_FAULT).priority == 2


def test_a_storm_is_one_alarm_with_a_count_and_a_few_rows(service, events_sim):
    events_sim.send_event(2, "storm", count=1000, per_s=1000)
    alarm = _alarm(service, 2, EventKind.DIGITAL_INPUT, count=500)
    assert alarm.count == 500 and alarm.source == "storm"   # 500 "on" of 1000 toggles; "off" raises nothing
    assert service.engine.wait_idle(10)
    rows = [row for row in service.store.search_events(EventFilter(camera_id=2, kind=EventKind.DIGITAL_INPUT))
            if row.source == "storm"]
    assert sum(r.count for r in rows) == 1000 and len(rows) <= 10
    assert len([a for a in service.store.alarms(camera_id=2) if a.kind is EventKind.DIGITAL_INPUT]) == 1


def test_acknowledge_and_close_need_names_and_a_comment_and_are_audited(service, events_sim):
    events_sim.send_event(2, "input", input="9")
    alarm = _alarm(service, 2, EventKind.DIGITAL_INPUT)
    acknowledged = service.store.acknowledge(alarm.id, "st. insp. Nowak")
    assert (acknowledged.state, acknowledged.acknowledged_by) == (AlarmState.ACKNOWLEDGED, "st. insp. Nowak")
    with pytest.raises(VideowallError) as refused:
        service.store.close(alarm.id, "st. insp. Nowak", "   ")
    assert refused.value.kind is ErrorKind.INVALID_INPUT
    closed = service.store.close(alarm.id, "st. insp. Nowak", "Brama otwarta przez dozorcę.")
    assert closed.state is AlarmState.CLOSED and closed.comment == "Brama otwarta przez dozorcę."
    from videowall.audit import AuditLog
    actions = [(e.action, e.details.get("alarm_id")) for e in AuditLog(service.conn).entries(action_prefix="alarm.")]
    assert ("alarm.raised", alarm.id) in actions and ("alarm.closed", alarm.id) in actions
    events_sim.send_event(2, "input", input="9")       # after closing, the same input is a new alarm
    wait_for(lambda: len([a for a in service.store.alarms(camera_id=2, include_closed=True)
                          if a.source == "9"]) == 2, "a second alarm")


def test_closing_the_service_unsubscribes_every_camera(events_sim, tmp_path):
    station = Station.open(tmp_path, secrets_kind="memory")
    add_camera(station.cameras, station.secrets, "cam2", events_sim.onvif_url(2), Credentials(USER, PASSWORD))
    events = EventService(station, pull_timeout_s=2)
    events.subscribe_all()
    wait_for(lambda: events.subscriptions.status(1) is not None
             and events.subscriptions.status(1).state is SubscriptionState.SUBSCRIBED, "subscribed")
    before = len(_requests(events_sim, "Unsubscribe"))
    events.close()
    station.close()
    assert len(_requests(events_sim, "Unsubscribe")) == before + 1


def _requests(sim, operation: str) -> list:
    with urllib.request.urlopen(f"http://127.0.0.1:{sim.onvif_port}/sim/requests", timeout=5) as reply:
        return [row for row in json.loads(reply.read()) if row[3] == operation]
