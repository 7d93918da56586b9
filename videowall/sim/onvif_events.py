"""The simulator's ONVIF event service: PullPoint subscriptions over the same SOAP/HTTP as its other services.

Paths: ``/onvif/camN/events_service`` (CreatePullPointSubscription, GetServiceCapabilities) and
``/onvif/camN/subscription/ID`` (PullMessages, Renew, Unsubscribe). What the cameras report:
- motion (``tns1:VideoSource/MotionAlarm`` on odd cameras, ``tns1:RuleEngine/CellMotionDetector/Motion`` on
  even ones) while the moving box is in the detection cell, the right third of the picture, sampled ten
  times a second on the frame ticker's clock, so the events match the video;
- tampering (``tns1:VideoSource/GlobalSceneChange/ImagingService``) of the ``--tamper`` cameras from the start;
- what a test posts to ``/sim/events`` (JSON ``{"camera": N, "kind": ...}``): ``tamper``, ``input``,
  ``video_loss``, ``storage``, ``unknown`` (a vendor topic), ``storm`` (``count`` input toggles at
  ``per_s``), ``drop`` (the camera forgets its subscriptions), ``malformed`` / ``huge`` (the next reply).
New subscriptions first get the current state of every property as ``Initialized`` messages. Each keeps at
most ``QUEUE_LIMIT`` messages (the oldest go, as in a camera's buffer) and ends at its termination time
unless renewed. ``GET /sim/events/sent`` lists (event seq, epoch ns the reply carrying it was built) for the
benchmark's "event on the wire". Stdlib only (Debian's Python 3.11 server process).
"""

from __future__ import annotations

import collections
import dataclasses
import itertools
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from xml.etree import ElementTree as ET
from xml.sax.saxutils import quoteattr

from videowall.sim.onvif_services import Service, SoapFault

TEV = "http://www.onvif.org/ver10/events/wsdl"
WSNT = "http://docs.oasis-open.org/wsn/b-2"
WSA = "http://www.w3.org/2005/08/addressing"
TOPICS = "http://www.onvif.org/ver10/topics"
_NS = f'xmlns:tev="{TEV}" xmlns:wsnt="{WSNT}" xmlns:wsa="{WSA}" xmlns:tns1="{TOPICS}"'
_DIALECT = "http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet"
_CAPABILITIES = ('<tev:Capabilities WSSubscriptionPolicySupport="false" WSPullPointSupport="true" '
                 'WSPausableSubscriptionManagerInterfaceSupport="false" MaxNotificationProducers="0" '
                 'MaxPullPoints="100"/>')
QUEUE_LIMIT = 1000
MAX_PULL_TIMEOUT_S = 60.0
DEFAULT_TERMINATION_S = 60.0
MOTION_SAMPLE_S = 0.1
HUGE_REPLY_BYTES = 20 * 1024 * 1024
_DURATION = re.compile(r"^P(?:T(?:(?P<h>[\d.]+)H)?(?:(?P<m>[\d.]+)M)?(?:(?P<s>[\d.]+)S)?)?$")
_TAMPER_TOPIC = "tns1:VideoSource/GlobalSceneChange/ImagingService"
_COMMAND_TOPICS = {  # kind → (topic, source item, data item)
    "tamper": (_TAMPER_TOPIC, ("Source", "vs0"), "State"),
    "input": ("tns1:Device/Trigger/DigitalInput", ("InputToken", "1"), "LogicalState"),
    "video_loss": ("tns1:VideoSource/SignalLoss", ("Source", "vs0"), "State"),
    "storage": ("tns1:Device/HardwareFailure/StorageFailure", ("Token", "sd0"), "Failed"),
    "unknown": ("tns1:Vendor/SimulatorCustom/Door", ("Door", "front"), "Open"),
}


@dataclass(frozen=True)
class _Message:
    seq: int
    topic: str
    source: tuple[str, str]
    data: tuple[str, str]
    operation: str
    camera_utc: datetime

    def xml(self) -> str:
        stamp = self.camera_utc.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        return (f'<wsnt:NotificationMessage><wsnt:Topic Dialect="{_DIALECT}">{self.topic}</wsnt:Topic>'
                f'<wsnt:Message><tt:Message UtcTime="{stamp}" PropertyOperation="{self.operation}">'
                f'<tt:Source><tt:SimpleItem Name={quoteattr(self.source[0])} Value={quoteattr(self.source[1])}/>'
                f'</tt:Source><tt:Data><tt:SimpleItem Name={quoteattr(self.data[0])} '
                f'Value={quoteattr(self.data[1])}/><tt:SimpleItem Name="SimSeq" Value="{self.seq}"/></tt:Data>'
                f'</tt:Message></wsnt:Message></wsnt:NotificationMessage>')


@dataclass
class _Subscription:
    id: int
    camera: int
    expires: float                                  # monotonic
    queue: collections.deque = field(default_factory=lambda: collections.deque(maxlen=QUEUE_LIMIT))


class SimEvents:
    """The event sources and subscriptions of all simulated cameras (thread-safe: HTTP threads, ticker)."""

    def __init__(self, base_urls: dict[int, str], camera_now: Callable[[], datetime],
                 cameras: set[int], tamper: set[int]) -> None:
        self._base_urls = base_urls                 # camera → http://host:port/onvif/camN
        self._camera_now = camera_now
        self.cameras = set(cameras)                 # the cameras that have an event service
        self._cond = threading.Condition()
        self._subs: dict[int, _Subscription] = {}
        self._ids = itertools.count(1)
        self._seqs = itertools.count(1)
        self._states: dict[tuple[int, str, tuple[str, str]], _Message] = {}
        self._next_reply_fault: dict[int, str] = {}
        self.sent: collections.deque[tuple[int, int]] = collections.deque(maxlen=10000)
        for camera in tamper & self.cameras:
            self.publish(camera, _TAMPER_TOPIC, ("Source", "vs0"), ("State", "true"))

    # -- sources ----------------------------------------------------------------------------------
    def publish(self, camera: int, topic: str, source: tuple[str, str], data: tuple[str, str]) -> int:
        message = _Message(next(self._seqs), topic, source, data, "Changed", self._camera_now())
        with self._cond:
            self._states[(camera, topic, source)] = message
            for sub in self._subs.values():
                if sub.camera == camera:
                    sub.queue.append(message)
            self._cond.notify_all()
        return message.seq

    def watch_motion(self, cameras: set[int], box_at: Callable[[int, float], tuple[int, int, int]], width: int,
                     started: float) -> None:
        """Motion events of ``cameras`` from their moving box (``box_at(camera, t_s)``), on one daemon thread."""
        def loop() -> None:
            moving: dict[int, bool] = {}
            while True:
                t_s = time.monotonic() - started
                for camera in sorted(cameras & self.cameras):
                    x, _y, size = box_at(camera, t_s)
                    now_moving = x + size > width * 2 // 3
                    if moving.get(camera) != now_moving:
                        moving[camera] = now_moving
                        self._publish_motion(camera, now_moving)
                time.sleep(MOTION_SAMPLE_S)

        threading.Thread(target=loop, name="sim-motion", daemon=True).start()

    def _publish_motion(self, camera: int, moving: bool) -> None:
        value = "true" if moving else "false"
        if camera % 2:
            self.publish(camera, "tns1:VideoSource/MotionAlarm", ("Source", "vs0"), ("State", value))
        else:
            self.publish(camera, "tns1:RuleEngine/CellMotionDetector/Motion",
                         ("VideoSourceConfigurationToken", "vsc0"), ("IsMotion", value))

    def command(self, payload: dict) -> dict:
        """A test's order (see the module doc); returns {"seq": last event seq} or {} for faults."""
        camera, kind = int(payload.get("camera", 0)), str(payload.get("kind", ""))
        if camera not in self._base_urls:
            raise ValueError(f"no camera {camera}")
        state = "true" if payload.get("state", True) else "false"
        if kind in _COMMAND_TOPICS:
            topic, source, item = _COMMAND_TOPICS[kind]
            if kind == "input":
                source = ("InputToken", str(payload.get("input", "1")))
            return {"seq": self.publish(camera, topic, source, (item, state))}
        if kind == "storm":
            count, per_s = int(payload.get("count", 1000)), float(payload.get("per_s", 1000))
            threading.Thread(target=self._storm, args=(camera, count, per_s), daemon=True).start()
            return {}
        if kind == "drop":
            with self._cond:
                for sub_id in [s.id for s in self._subs.values() if s.camera == camera]:
                    del self._subs[sub_id]
                self._cond.notify_all()
            return {}
        if kind in ("malformed", "huge"):
            with self._cond:
                self._next_reply_fault[camera] = kind
            return {}
        raise ValueError(f"unknown event kind {kind!r}")

    def _storm(self, camera: int, count: int, per_s: float) -> None:
        topic, _source, item = _COMMAND_TOPICS["input"]
        start = time.monotonic()
        for n in range(count):
            self.publish(camera, topic, ("InputToken", "storm"), (item, "true" if n % 2 == 0 else "false"))
            delay = start + (n + 1) / per_s - time.monotonic()
            if delay > 0:
                time.sleep(delay)

    # -- SOAP -------------------------------------------------------------------------------------
    def handle(self, camera: int, sub_id: int | None, op: ET.Element) -> str:
        name = op.tag.rpartition("}")[2]
        if camera not in self.cameras:
            raise SoapFault("ter:ActionNotSupported", "this camera has no event service")
        if sub_id is None:
            if name == "CreatePullPointSubscription":
                return self._create(camera, op)
            if name == "GetServiceCapabilities":
                return f"<tev:GetServiceCapabilitiesResponse {_NS}>{_CAPABILITIES}</tev:GetServiceCapabilitiesResponse>"
        elif name == "PullMessages":
            return self._pull(camera, sub_id, op)
        elif name == "Renew":
            return self._renew(camera, sub_id, op)
        elif name == "Unsubscribe":
            with self._cond:
                self._subscription(camera, sub_id)
                del self._subs[sub_id]
                self._cond.notify_all()
            return f"<wsnt:UnsubscribeResponse {_NS}/>"
        raise SoapFault("ter:ActionNotSupported", f"events does not support {name}")

    def _create(self, camera: int, op: ET.Element) -> str:
        lifetime = _seconds(op.findtext(f"{{{TEV}}}InitialTerminationTime")) or DEFAULT_TERMINATION_S
        with self._cond:
            now = time.monotonic()
            for stale in [s.id for s in self._subs.values() if s.expires < now]:
                del self._subs[stale]
            sub = _Subscription(next(self._ids), camera, now + lifetime)
            sub.queue.extend(dataclasses.replace(m, operation="Initialized")
                             for (cam, _t, _s), m in self._states.items() if cam == camera)
            self._subs[sub.id] = sub
        address = f"{self._base_urls[camera]}/subscription/{sub.id}"
        return (f"<tev:CreatePullPointSubscriptionResponse {_NS}><tev:SubscriptionReference><wsa:Address>"
                f"{address}</wsa:Address></tev:SubscriptionReference>{self._times(lifetime, 'wsnt')}"
                f"</tev:CreatePullPointSubscriptionResponse>")

    def _subscription(self, camera: int, sub_id: int) -> _Subscription:
        """Under the lock. An unknown, foreign or expired subscription is a fault (and an expired one goes)."""
        sub = self._subs.get(sub_id)
        if sub is not None and sub.expires < time.monotonic():
            del self._subs[sub_id]
            sub = None
        if sub is None or sub.camera != camera:
            raise SoapFault("ter:InvalidArgVal", "unknown or expired subscription")
        return sub

    def _pull(self, camera: int, sub_id: int, op: ET.Element) -> str:
        timeout_s = min(_seconds(op.findtext(f"{{{TEV}}}Timeout")) or 0.0, MAX_PULL_TIMEOUT_S)
        try:
            limit = max(1, int(op.findtext(f"{{{TEV}}}MessageLimit") or 1))
        except ValueError:
            raise SoapFault("ter:InvalidArgVal", "MessageLimit is not a number") from None
        deadline = time.monotonic() + timeout_s
        with self._cond:
            sub = self._subscription(camera, sub_id)
            while not sub.queue and self._subs.get(sub_id) is sub and camera not in self._next_reply_fault:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self._cond.wait(remaining)
            self._subscription(camera, sub_id)  # dropped or expired while waiting: a fault, as a camera does
            fault = self._next_reply_fault.pop(camera, None)
            messages = [sub.queue.popleft() for _ in range(min(limit, len(sub.queue)))]
            lifetime = sub.expires - time.monotonic()
        if fault == "malformed":
            return f"<tev:PullMessagesResponse {_NS}><wsnt:NotificationMessage><wsnt:Topic>"
        if fault == "huge":
            filler = "A" * HUGE_REPLY_BYTES
            return (f'<tev:PullMessagesResponse {_NS}>{self._times(lifetime, "tev")}<wsnt:NotificationMessage>'
                    f'<wsnt:Topic>tns1:Vendor/Huge</wsnt:Topic><wsnt:Message><tt:Message><tt:Data><tt:SimpleItem '
                    f'Name="Blob" Value="{filler}"/></tt:Data></tt:Message></wsnt:Message>'
                    f'</wsnt:NotificationMessage></tev:PullMessagesResponse>')
        built_ns = time.time_ns()
        with self._cond:
            self.sent.extend((m.seq, built_ns) for m in messages)
        body = "".join(m.xml() for m in messages)
        return f"<tev:PullMessagesResponse {_NS}>{self._times(lifetime, 'tev')}{body}</tev:PullMessagesResponse>"

    def _renew(self, camera: int, sub_id: int, op: ET.Element) -> str:
        lifetime = _seconds(op.findtext(f"{{{WSNT}}}TerminationTime")) or DEFAULT_TERMINATION_S
        with self._cond:
            self._subscription(camera, sub_id).expires = time.monotonic() + lifetime
        return f"<wsnt:RenewResponse {_NS}>{self._times(lifetime, 'wsnt', current_last=True)}</wsnt:RenewResponse>"

    def _times(self, lifetime_s: float, prefix: str, current_last: bool = False) -> str:
        now = self._camera_now()
        current = f"<{prefix}:CurrentTime>{_stamp(now)}</{prefix}:CurrentTime>"
        termination = f"<{prefix}:TerminationTime>{_stamp(now + timedelta(seconds=lifetime_s))}</{prefix}:TerminationTime>"
        return termination + current if current_last else current + termination


def _stamp(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _seconds(text: str | None) -> float | None:
    """An xs:duration (PT10S) in seconds; None for anything else (an absolute time counts as the default)."""
    match = _DURATION.match((text or "").strip())
    if not text or not match:
        return None
    hours, minutes, seconds = (float(match.group(g) or 0) for g in ("h", "m", "s"))
    return hours * 3600 + minutes * 60 + seconds or None


class EventService(Service):
    """One camera's event service as the device lists it (GetServices, GetCapabilities); ``SimEvents`` answers."""

    namespace = TEV
    prefix = "tev"
    capability_rank = 2   # tt:Capabilities order: Analytics, Device, Events, Imaging, Media, PTZ

    def __init__(self, events: SimEvents, camera: int) -> None:
        self.events, self.camera = events, camera

    def handle(self, op: ET.Element, now: datetime) -> str:
        return self.events.handle(self.camera, None, op)

    def capabilities(self) -> str:
        return _CAPABILITIES

    def legacy_capabilities(self, xaddr: str) -> str:
        return (f"<tt:Events><tt:XAddr>{xaddr}</tt:XAddr><tt:WSSubscriptionPolicySupport>false"
                f"</tt:WSSubscriptionPolicySupport><tt:WSPullPointSupport>true</tt:WSPullPointSupport>"
                f"<tt:WSPausableSubscriptionManagerInterfaceSupport>false"
                f"</tt:WSPausableSubscriptionManagerInterfaceSupport></tt:Events>")
