"""The station: the core services of one workstation, built once from a data dir (no Qt).

The one composition root: GUI, demo and headless commands all build the core through here, so every
one of them gets the same database, secrets backend, stream supervisor, recordings, bookmarks, audit
log, signing keys, exporter identity, ONVIF devices and time zone.

Commands that only read and write the database (cameras, bookmarks, PTZ) open a light station
(``Station.open(..., streams=False)``): no stream supervisor and no recorder, so no session or thread
is started; its ``close`` closes the database connections it opened.
"""

from __future__ import annotations

import contextlib
import getpass
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from videowall.access.purpose import NO_PURPOSE, Purpose, ViewKind, check_purpose, reason_required
from videowall.access.roles import Permission
from videowall.access.session import Session
from videowall.access.users import UserStore
from videowall.audit import AuditLog
from videowall.audit.access_list import AccessSession, access_sessions
from videowall.audit.view_log import ViewTicket, end_view, start_view
from videowall.bookmarks.identity import current_operator
from videowall.bookmarks.store import BookmarkStore
from videowall.config.paths import data_dir as resolve_data_dir, settings_path
from videowall.config.secrets import SecretsStore
from videowall.config.settings import Settings, load_settings
from videowall.storage.station_secrets import open_station_secrets
from videowall.media.types import StreamOptions
from videowall.recording.holds import HoldStore
from videowall.recording.index import RecordingStore
from videowall.recording.recorder_types import RecorderConfig
from videowall.model.retention import policy_from_settings
from videowall.recording.service import RecordingService, recordings_root
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.storage.cameras import CameraStore
from videowall.storage.changes import ChangeFeed, feed
from videowall.storage.database import POSTGRESQL, Database
from videowall.storage.deployment import open_station_database
from videowall.storage.views import ViewStore
from videowall.streams.supervisor import StreamSupervisor

if TYPE_CHECKING:
    from videowall.storage.change_listener import ChangeListener
    from videowall.evidence.keystore import SigningKeyStore
    from videowall.evidence.request import Exporter
    from videowall.evidence.signing import SigningIdentity
    from videowall.onvif.ptz_device import PtzDevice
    from videowall.onvif.ptz_gate import PtzGate
    from videowall.onvif.ptz_lease import Holder
    from videowall.onvif.store import OnvifStore


@dataclass
class Station:
    data_dir: Path
    settings: Settings
    cameras: CameraStore
    secrets: SecretsStore
    supervisor: StreamSupervisor | None     # None: a light station (``open(..., streams=False)``)
    warnings: list[VideowallError]
    views: ViewStore | None = None      # named wall views (layout + cameras); set by ``open``
    users: UserStore | None = None      # the people who log in; set by ``open``
    session: Session | None = None      # who is logged in (``login``); None: nobody, or a site without users
    recording: RecordingService | None = None   # created by ``recording_service``
    _recording_lock: threading.RLock = field(default_factory=threading.RLock, repr=False)
    _bookmarks: BookmarkStore | None = field(default=None, repr=False)
    _db: Database | None = field(default=None, repr=False)   # the stores' connection
    _light_index: RecordingStore | None = field(default=None, repr=False)
    _signing_keys: SigningKeyStore | None = field(default=None, repr=False)
    _events: object | None = field(default=None, repr=False)       # events.service.EventService
    _ptz_gate: PtzGate | None = field(default=None, repr=False)
    _closed: bool = field(default=False, repr=False)
    _listener: ChangeListener | None = field(default=None, repr=False)

    @classmethod
    def open(cls, data_dir: Path | str | None = None, secrets_kind: str | None = None, *,
             streams: bool = True) -> Station:
        """``streams=False``: the light station of a command that only works on the database."""
        root = resolve_data_dir(data_dir)
        settings, settings_error = load_settings(settings_path(root))
        warnings = [settings_error] if settings_error else []
        conn = open_station_database(root, secrets_kind)
        try:
            cameras = CameraStore(conn)
            secrets = open_station_secrets(conn, secrets_kind)   # the keyring itself opens when a password is needed
        except BaseException:
            conn.close()
            raise
        if not streams:
            return cls(root, settings, cameras, secrets, None, warnings, views=ViewStore(conn), users=UserStore(conn),
                       _db=conn)
        supervisor = StreamSupervisor(cameras.get, secrets.get,
                                      options=StreamOptions(backoff_cap_s=settings.reconnect_max_backoff_s),
                                      max_live_decoders=settings.max_live_decoders,
                                      max_warm_sessions=settings.max_warm_sessions)
        return cls(root, settings, cameras, secrets, supervisor, warnings, views=ViewStore(conn), users=UserStore(conn),
                   _db=conn)

    def recording_service(self, recorder_config: RecorderConfig | None = None) -> RecordingService:
        """The station's recorder (riding on the supervisor's sessions), created on first use, not started.

        ``start()`` reconciles the index with the files and may take a while: call it off the GUI thread.
        """
        with self._recording_lock:    # the GUI starts it from one worker and may open playback from another
            if self._closed:
                raise VideowallError(ErrorKind.INTERNAL, "The station is closing; recordings are not available.")
            if self.supervisor is None:
                raise VideowallError(ErrorKind.INTERNAL, "This station was opened without streams; it cannot "
                                                         "record.")
            if self.recording is None:
                store = RecordingStore(open_station_database(self.data_dir),
                                            recordings_root(self.data_dir, self.settings))
                self.recording = RecordingService(store, self.supervisor, recorder_config=recorder_config,
                                                  policy=policy_from_settings(self.settings))
            return self.recording

    @property
    def operator(self) -> str:
        """Who is logged in to this workstation: the operator named on bookmarks, holds and audit entries.

        The logged-in person and role; on a site without users, the OS login name as before."""
        return self.session.operator if self.session is not None else current_operator()

    def login(self, login: str, password: str) -> Session:
        """Log a person in (at start, or at shift change: the wall keeps running). AUTH_FAILED if refused."""
        session = self.users.login(login, password)
        with self.audit() as log:
            log.append("user.login", {"login": session.login, "role": session.role.value}, actor=session.operator)
        self.session = session
        return session

    def lock(self) -> None:
        """Nobody is logged in any more (the wall keeps running; actions wait for the next login)."""
        if self.session is not None:
            with self.audit() as log:
                log.append("user.logout", {"login": self.session.login}, actor=self.session.operator)
        self.session = None

    def require(self, permission: Permission, camera_ids: tuple[int, ...] = ()) -> None:
        """PERMISSION_DENIED, saying why, unless the person logged in may ``permission`` on these cameras.

        A site without users allows everything, as before users existed."""
        if self.session is None:
            if self.users is not None and self.users.any():
                raise VideowallError(ErrorKind.PERMISSION_DENIED,
                                     f"Log in first: nobody is logged in at this station to {permission.value}.")
            return
        if not camera_ids:
            self.session.require(permission)
        for camera_id in camera_ids:
            self.session.require(permission, self.cameras.get(camera_id))

    def reason_needed(self, kind: ViewKind) -> bool:
        """Whether opening ``kind`` footage here needs a reason and case number (setting ``reasons_required``)."""
        return reason_required(self.settings.reasons_required, self.session.role if self.session else None, kind)

    def begin_view(self, kind: ViewKind, camera_id: int, purpose: Purpose = NO_PURPOSE,
                   footage_from: datetime | None = None, footage_to: datetime | None = None) -> ViewTicket:
        """Check the person may watch ``camera_id`` (live or playback) and has given the reason the deployment
        requires (ReasonRequired otherwise), then log the start of the view session in the audit chain."""
        camera = self.cameras.get(camera_id)
        self.require(Permission.LIVE if kind is ViewKind.LIVE else Permission.PLAYBACK, (camera_id,))
        check_purpose(self.settings.reasons_required, self.session.role if self.session else None, kind, purpose)
        with self.audit() as log:
            session = self.session
            return start_view(log, actor=self.operator, login=session.login if session else None,
                              role=session.role.value if session else None, station=self.settings.station_name,
                              camera_id=camera.id, camera_name=camera.name, kind=kind.value, reason=purpose.reason,
                              case_number=purpose.case_number, footage_from=footage_from, footage_to=footage_to)

    def end_view(self, ticket: ViewTicket, footage_from: datetime | None = None,
                 footage_to: datetime | None = None) -> None:
        """Log the end of a view session (a playback names the footage it showed)."""
        with self.audit() as log:
            end_view(log, ticket, footage_from, footage_to)

    def access_log(self, camera_id: int | None = None, start_utc: datetime | None = None,
                   end_utc: datetime | None = None) -> list[AccessSession]:
        """The view sessions and exports of the access log (PERMISSION_DENIED unless the person may read it)."""
        self.require(Permission.READ_ACCESS_LOG)
        with self.audit() as log:
            return access_sessions(log, camera_id=camera_id, start_utc=start_utc, end_utc=end_utc)

    def alarms_over(self, start_utc: datetime, end_utc: datetime) -> list:
        """The alarms of a period (the activity record's), from the deployment's database like every store's."""
        from videowall.events.store import EventStore

        return EventStore(self._db).alarms_over(start_utc, end_utc)

    def bookmarks(self) -> BookmarkStore:
        """The station's bookmarks, on the recording index (created on first use; recording is not started)."""
        with self._recording_lock:
            if self._bookmarks is None:
                if self.supervisor is None:     # light: the recordings index alone, no recorder
                    if self._closed:
                        raise VideowallError(ErrorKind.INTERNAL, "The station is closing; bookmarks are not "
                                                                 "available.")
                    self._light_index = RecordingStore(open_station_database(self.data_dir),
                                                       recordings_root(self.data_dir, self.settings))
                    store, holds = self._light_index, HoldStore(self._light_index)
                else:
                    service = self.recording_service()
                    store, holds = service.store, service.holds
                self._bookmarks = BookmarkStore(store, holds, categories=lambda: self.settings.bookmark_categories,
                                                guard=self.require)
            return self._bookmarks

    def changes(self) -> ChangeFeed:
        """Changes to the shared state made here or at other stations (``storage.changes``); on a joined
        station the first call starts listening to the deployment's database."""
        with self._recording_lock:
            if self._listener is None and self._db.dialect == POSTGRESQL and not self._closed:
                from videowall.storage.change_listener import ChangeListener  # psycopg: joined stations only

                self._listener = ChangeListener(self._db).start()
        return feed(self._db.where)

    @property
    def zone(self) -> ZoneInfo:
        """The station's time zone: times are shown in it, and read in it when they carry no offset."""
        return ZoneInfo(self.settings.timezone)

    @contextlib.contextmanager
    def audit(self) -> Iterator[AuditLog]:
        """The audit log, on a database connection of its own that is closed on leaving (any thread)."""
        conn = open_station_database(self.data_dir)
        try:
            yield AuditLog(conn)
        finally:
            conn.close()

    def signing_keys(self) -> SigningKeyStore:
        """The evidence signing key and certificate store (its secret parts in the station's keyring)."""
        from videowall.evidence.keystore import SigningKeyStore   # cryptography: only when signing
        from videowall.evidence.secret_names import NamedSecrets

        with self._recording_lock:
            if self._signing_keys is None:
                self._signing_keys = SigningKeyStore(self.data_dir, NamedSecrets(self.secrets))
            return self._signing_keys

    def signing_identity(self, organisation: str | None = None) -> SigningIdentity:
        """The identity exports are signed with; the first call creates the key (slow: a worker thread)."""
        chosen = self.settings.organisation if organisation is None else organisation
        return self.signing_keys().identity(chosen, self.settings.station_name)

    def exporter(self, *, organisation: str | None = None, unit: str | None = None,
                 operator_name: str | None = None, camera_ids: tuple[int, ...] = ()) -> Exporter:
        """Who exports (named in the manifest and the protocol): the settings', unless given.

        The person logged in, with their role, when there is one; PERMISSION_DENIED unless they may export
        the footage of ``camera_ids``."""
        from videowall.evidence.request import Exporter

        self.require(Permission.EXPORT, camera_ids)
        settings, session = self.settings, self.session
        return Exporter(organisation=settings.organisation if organisation is None else organisation,
                        unit=settings.unit if unit is None else unit,
                        operator_id=session.login if session else getpass.getuser(),
                        operator_name=session.full_name if session else operator_name or self.operator,
                        operator_role=session.role.label if session else "operator",
                        station_name=settings.station_name, timezone=settings.timezone)

    def ptz_devices(self) -> tuple[OnvifStore, Callable[[int], PtzDevice]]:
        """The ONVIF facts of the saved cameras and a ``camera id → connected PtzDevice`` factory."""
        from videowall.onvif.saved import ptz_device_factory   # zeep: only where PTZ is used

        return ptz_device_factory(self.data_dir, self.secrets)

    def ptz_holder(self) -> Holder:
        """Who moves cameras from here now: the person logged in (on a site without users, the OS user as an
        operator) at this station (its name in the settings, else the computer's)."""
        from videowall.access.roles import Role
        from videowall.onvif.ptz_lease import Holder

        station = self.settings.station_name or socket.gethostname()
        if self.session is None:
            return Holder(getpass.getuser(), current_operator(), Role.OPERATOR, station)
        return Holder(self.session.login, self.session.full_name, self.session.role, station)

    def ptz_gate(self) -> PtzGate:
        """The check of every PTZ command of this station (permission, the camera's lease), on a database
        connection of its own (the PTZ queues' threads use it), created on first use."""
        from videowall.onvif.ptz_gate import PtzGate
        from videowall.onvif.ptz_lease import PtzLeases

        with self._recording_lock:
            if self._closed:
                raise VideowallError(ErrorKind.INTERNAL, "The station is closing; PTZ is not available.")
            if self._ptz_gate is None:
                self._ptz_gate = PtzGate(PtzLeases(open_station_database(self.data_dir)), self.ptz_holder,
                                         self.require, lambda camera_id: self.cameras.get(camera_id).name)
            return self._ptz_gate

    def events(self):
        """The station's events and alarms (``events.service.EventService``), created on first use."""
        from videowall.events.service import EventService

        with self._recording_lock:
            if self._events is None:
                self._events = EventService(self)
            return self._events

    def ptz_device(self, camera_id: int) -> PtzDevice:
        """One camera's PTZ, connected now (blocking), for a command: its ONVIF facts are read on the station's
        connection, the secrets only when the camera has credentials. Windows use ``ptz_devices``."""
        from videowall.onvif.saved import ptz_device
        from videowall.onvif.store import OnvifStore

        camera = self.cameras.get(camera_id)
        return ptz_device(camera.id, OnvifStore(self._db), self.secrets if camera.has_credentials else None)

    def close(self) -> None:
        if self._events is not None:
            self._events.close()
        # Under the lock: a worker still building the recording service finishes first, and none starts after.
        with self._recording_lock:
            self._closed = True
            recording = self.recording
            listener, self._listener = self._listener, None
        if listener is not None:
            listener.stop()
        if recording is not None:
            recording.stop()
            recording.store.close()
        if self.supervisor is not None:
            self.supervisor.close()
        if self._light_index is not None:
            self._light_index.close()
        if self._ptz_gate is not None:
            self._ptz_gate.leases.close()
        if self.supervisor is None and self._db is not None:   # a full station's stays until the process ends
            with self._db.lock:       # a query on another thread finishes first (threads.md rule 2)
                self._db.close()

