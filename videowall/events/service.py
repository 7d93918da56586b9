"""EventService: the station's events and alarms, wired together (no Qt).

Its own database connection (events arrive on the engine's thread and must not queue behind the GUI's
statements), an ``EventStore``, the ``AlarmEngine``, the ONVIF ``EventSubscriptions`` of every camera
added by ONVIF, and the ``StationWatch`` polled on the subscriptions' loop. Built by ``Station.events()``.
"""

from __future__ import annotations

import logging

from videowall.audit import AuditLog
from videowall.config.paths import database_path
from videowall.events.engine import AlarmEngine, AlarmListener
from videowall.events.model import CameraEvent
from videowall.events.station_watch import StationWatch
from videowall.events.store import EventStore
from videowall.events.subscriptions import PULL_TIMEOUT_S, EventSubscriptions, EventTarget
from videowall.onvif.store import OnvifStore
from videowall.runtime.clock import SYSTEM_CLOCK, Clock
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.storage.cameras import CameraStore
from videowall.storage.db import open_database

log = logging.getLogger(__name__)
STATION_POLL_S = 1.0
RULES_RELOAD_S = 10.0


class EventService:
    def __init__(self, station, clock: Clock = SYSTEM_CLOCK, pull_timeout_s: float = PULL_TIMEOUT_S) -> None:
        self._station = station
        self.conn = open_database(database_path(station.data_dir))
        self.cameras = CameraStore(self.conn)
        self.store = EventStore(self.conn, clock)
        self.engine = AlarmEngine(self.store, self.cameras.get)
        self.subscriptions = EventSubscriptions(self.engine.submit, clock, pull_timeout_s)
        self.watch = StationWatch(station.supervisor, self.cameras.list, lambda: station.recording,
                                  AuditLog(self.conn, clock), self.engine.submit, clock)
        self.subscriptions.every(STATION_POLL_S, self.watch.poll)
        self.subscriptions.every(RULES_RELOAD_S, self.engine.reload_rules)   # rules set by the command line

    def add_listener(self, listener: AlarmListener) -> None:
        """``listener(changed alarms, ids newly raised)``, called on the engine's thread."""
        self.engine.add_listener(listener)

    def submit(self, event: CameraEvent) -> None:
        self.engine.submit(event)

    def subscribe_all(self) -> list[EventTarget]:
        """Subscribe to the events of every camera added by ONVIF (blocking: keyring reads); returns them."""
        onvif = OnvifStore(self.conn)
        targets = []
        for camera in self.cameras.list():
            try:
                device = onvif.device(camera.id)
            except VideowallError:
                continue                      # added by RTSP URL: it has no ONVIF events to subscribe to
            targets.append(EventTarget(camera.id, device.device_url, self._credentials(camera),
                                       device.pinned_sha256))
        self.subscriptions.set_targets(targets)
        return targets

    def _credentials(self, camera):
        if not camera.has_credentials:
            return None
        try:
            return self._station.secrets.get(camera.id)
        except VideowallError as err:
            if err.kind is ErrorKind.NO_KEYRING:
                log.warning("events of camera %s without credentials: %s", camera.id, err.user_message)
                return None
            raise

    def close(self) -> None:
        self.subscriptions.close()
        self.engine.close()
        self.conn.close()
