"""The station: the core services of one workstation, built once from a data dir (no Qt).

GUI, demo and headless commands all build the core through here, so every one of them gets the same
database, secrets backend and stream supervisor.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path

from videowall.bookmarks.identity import current_operator
from videowall.bookmarks.store import BookmarkStore
from videowall.config.paths import data_dir as resolve_data_dir, database_path, settings_path
from videowall.config.secrets import SecretsStore, open_secrets
from videowall.config.settings import Settings, load_settings
from videowall.recording.index import RecordingStore
from videowall.recording.recorder_types import RecorderConfig
from videowall.recording.retention_policy import policy_from_settings
from videowall.recording.service import RecordingService, recordings_root
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.storage.cameras import CameraStore
from videowall.storage.db import open_database
from videowall.storage.views import ViewStore
from videowall.streams.supervisor import StreamSupervisor

log = logging.getLogger(__name__)


@dataclass
class Station:
    data_dir: Path
    settings: Settings
    cameras: CameraStore
    secrets: SecretsStore
    supervisor: StreamSupervisor
    warnings: list[VideowallError]
    views: ViewStore | None = None      # named wall views (layout + cameras); set by ``open``
    recording: RecordingService | None = None   # created by ``recording_service``
    _recording_lock: threading.RLock = field(default_factory=threading.RLock, repr=False)
    _bookmarks: BookmarkStore | None = field(default=None, repr=False)
    _events: object | None = field(default=None, repr=False)       # events.service.EventService
    _closed: bool = field(default=False, repr=False)

    @classmethod
    def open(cls, data_dir: Path | str | None = None, secrets_kind: str | None = None) -> Station:
        root = resolve_data_dir(data_dir)
        settings, settings_error = load_settings(settings_path(root))
        warnings = [settings_error] if settings_error else []
        conn = open_database(database_path(root))
        cameras = CameraStore(conn)
        secrets = open_secrets(secrets_kind)
        supervisor = StreamSupervisor(cameras.get, lambda cid: _credentials_or_none(secrets, cid),
                                      max_live_decoders=settings.max_live_decoders,
                                      max_warm_sessions=settings.max_warm_sessions)
        return cls(root, settings, cameras, secrets, supervisor, warnings, views=ViewStore(conn))

    def recording_service(self, recorder_config: RecorderConfig | None = None) -> RecordingService:
        """The station's recorder (riding on the supervisor's sessions), created on first use, not started.

        ``start()`` reconciles the index with the files and may take a while: call it off the GUI thread.
        """
        with self._recording_lock:    # the GUI starts it from one worker and may open playback from another
            if self._closed:
                raise VideowallError(ErrorKind.INTERNAL, "The station is closing; recordings are not available.")
            if self.recording is None:
                store = RecordingStore.open(database_path(self.data_dir),
                                            recordings_root(self.data_dir, self.settings))
                self.recording = RecordingService(store, self.supervisor, recorder_config=recorder_config,
                                                  policy=policy_from_settings(self.settings))
            return self.recording

    @property
    def operator(self) -> str:
        """Who is logged in to this workstation: the operator named on bookmarks, holds and audit entries."""
        return current_operator()

    def bookmarks(self) -> BookmarkStore:
        """The station's bookmarks, on the recording index (created on first use; recording is not started)."""
        with self._recording_lock:
            if self._bookmarks is None:
                service = self.recording_service()
                self._bookmarks = BookmarkStore(service.store, service.holds,
                                                categories=lambda: self.settings.bookmark_categories)
            return self._bookmarks

    def events(self):
        """The station's events and alarms (``events.service.EventService``), created on first use."""
        from videowall.events.service import EventService

        with self._recording_lock:
            if self._events is None:
                self._events = EventService(self)
            return self._events

    def close(self) -> None:
        if self._events is not None:
            self._events.close()
        # Under the lock: a worker still building the recording service finishes first, and none starts after.
        with self._recording_lock:
            self._closed = True
            recording = self.recording
        if recording is not None:
            recording.stop()
            recording.store.close()
        self.supervisor.close()


def _credentials_or_none(secrets: SecretsStore, camera_id: int):
    try:
        return secrets.get(camera_id)
    except VideowallError as err:  # a locked keyring must not kill the session thread: it reports it
        log.warning("credentials for camera %s unavailable: %s", camera_id, err.user_message)
        return None
