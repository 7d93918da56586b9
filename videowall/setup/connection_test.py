"""The set-up dialog's connection test: play a camera's stream before it is saved (no Qt, no keyring).

The stream runs on its own session (the supervisor only knows saved cameras); the dialog polls ``latest``
for the preview and ``status`` for what went wrong. Credentials come from the form, never from a URL.
"""

from __future__ import annotations

from dataclasses import replace

from videowall.media.decoder import LiveDecoder
from videowall.media.session import StreamSession
from videowall.media.types import LiveFrame, SessionStatus, StreamOptions, StreamSource
from videowall.model.camera import Credentials, Transport

PREVIEW_SIZE = (480, 270)
UNSAVED_CAMERA_ID = 0


class ConnectionTest:
    def __init__(self, url: str, credentials: Credentials | None, transport: Transport = Transport.AUTO,
                 size: tuple[int, int] = PREVIEW_SIZE) -> None:
        options = replace(StreamOptions(), transport=transport)
        self._decoder = LiveDecoder()
        self._decoder.set_target_size(*size)
        self._session = StreamSession(StreamSource(UNSAVED_CAMERA_ID, "test", url, options),
                                      credentials=lambda: credentials)
        self._session.add_consumer(self._decoder)

    def start(self) -> None:
        self._session.start()

    def status(self) -> SessionStatus:
        return self._session.status()

    def latest(self) -> LiveFrame | None:
        """The newest decoded picture (None until the first one)."""
        return self._decoder.latest()

    def close(self) -> None:
        """Stop the stream (joins its thread: a bounded wait)."""
        self._session.close(timeout_s=5.0)
