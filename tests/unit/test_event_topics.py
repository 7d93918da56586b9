"""ONVIF notification messages → events: topics by namespace, states, camera-clock correction, bounds."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from lxml import etree

from videowall.events.model import EventKind
from videowall.events.topics import MAX_ITEMS, MAX_TEXT, parse_notification

RECEIVED = datetime(2026, 12, 3, 10, 0, 0, tzinfo=timezone.utc)


def message(topic: str, data: str, source: str = '<tt:SimpleItem Name="Source" Value="vs0"/>',
            utc: str | None = "2026-12-03T11:00:00Z", prefix: str = "tns1", operation: str = "Changed"):
    stamp = f' UtcTime="{utc}"' if utc is not None else ""
    return etree.fromstring(
        f'<wsnt:NotificationMessage xmlns:wsnt="http://docs.oasis-open.org/wsn/b-2" '
        f'xmlns:tt="http://www.onvif.org/ver10/schema" xmlns:{prefix}="http://www.onvif.org/ver10/topics">'
        f'<wsnt:Topic>{topic}</wsnt:Topic><wsnt:Message><tt:Message{stamp} PropertyOperation="{operation}">'
        f'<tt:Source>{source}</tt:Source><tt:Data>{data}</tt:Data></tt:Message></wsnt:Message>'
        f'</wsnt:NotificationMessage>')


def parse(element, offset_s: float = 3600.0):
    return parse_notification(element, 5, timedelta(seconds=offset_s), RECEIVED)


def test_motion_alarm_and_cell_motion_are_motion_with_their_state():
    on = parse(message("tns1:VideoSource/MotionAlarm", '<tt:SimpleItem Name="State" Value="true"/>'))
    off = parse(message("tns1:RuleEngine/CellMotionDetector/Motion", '<tt:SimpleItem Name="IsMotion" Value="false"/>'))
    assert (on.kind, on.active, on.source) == (EventKind.MOTION, True, "vs0")
    assert (off.kind, off.active) == (EventKind.MOTION, False)


def test_the_topic_prefix_is_whatever_the_camera_bound_to_the_onvif_namespace():
    event = parse(message("ns7:VideoSource/GlobalSceneChange/ImagingService",
                          '<tt:SimpleItem Name="State" Value="1"/>', prefix="ns7"))
    assert (event.kind, event.active, event.topic) == (
        EventKind.TAMPER, True, "tns1:VideoSource/GlobalSceneChange/ImagingService")


def test_digital_input_video_loss_and_storage_faults():
    cases = {
        ("tns1:Device/Trigger/DigitalInput", "LogicalState"): EventKind.DIGITAL_INPUT,
        ("tns1:VideoSource/SignalLoss", "State"): EventKind.VIDEO_LOSS,
        ("tns1:Device/HardwareFailure/StorageFailure", "Failed"): EventKind.STORAGE_FAULT,
    }
    for (topic, item), kind in cases.items():
        event = parse(message(topic, f'<tt:SimpleItem Name="{item}" Value="true"/>',
                              source='<tt:SimpleItem Name="InputToken" Value="IN2"/>'))
        assert (event.kind, event.active, event.source) == (kind, True, "IN2")


def test_an_unknown_topic_is_kept_raw_with_its_items():
    event = parse(message("tns1:Vendor/Door/Opened", '<tt:SimpleItem Name="Open" Value="true"/>'
                                                     '<tt:SimpleItem Name="Door" Value="back"/>'))
    assert (event.kind, event.topic, event.active) == (EventKind.OTHER, "tns1:Vendor/Door/Opened", True)
    assert event.data["data.Door"] == "back"


def test_the_camera_time_is_moved_onto_the_station_clock():
    event = parse(message("tns1:VideoSource/MotionAlarm", '<tt:SimpleItem Name="State" Value="true"/>'))
    assert event.at_utc == RECEIVED                        # camera 11:00 with its clock an hour ahead
    assert event.data["camera_utc"].startswith("2026-12-03T11:00:00")


def test_a_missing_unreadable_or_absurd_time_is_the_time_received():
    for utc in (None, "yesterday", "1970-01-01T00:00:00Z"):
        event = parse(message("tns1:VideoSource/MotionAlarm", '<tt:SimpleItem Name="State" Value="true"/>', utc=utc))
        assert event.at_utc == RECEIVED


def test_initialized_states_are_marked_and_huge_values_are_cut():
    items = "".join(f'<tt:SimpleItem Name="n{i}" Value="{"x" * 5000}"/>' for i in range(MAX_ITEMS * 3))
    event = parse(message("tns1:Vendor/Huge", items, operation="Initialized"))
    assert event.initial
    data = [key for key in event.data if key.startswith("data.")]
    assert len(data) == MAX_ITEMS and all(len(event.data[key]) == MAX_TEXT for key in data)


def test_a_message_without_topic_or_body_is_other_not_an_error():
    element = etree.fromstring('<wsnt:NotificationMessage xmlns:wsnt="http://docs.oasis-open.org/wsn/b-2"/>')
    event = parse(element)
    assert (event.kind, event.topic, event.at_utc) == (EventKind.OTHER, "(no topic)", RECEIVED)
