"""Which RTSP transport to try first: the camera's choice, reordered by what last worked for it.

One ``TransportMemory`` is shared by every session of a supervisor, so a camera's main and sub stream and
every reconnection start with the transport that played, and a UDP-only server costs one refused SETUP per
camera and process, not one per connection. Thread-safe.
"""

from __future__ import annotations

import threading

from videowall.model.camera import Transport


class TransportMemory:
    def __init__(self) -> None:
        self._worked: dict[int, Transport] = {}
        self._lock = threading.Lock()

    def order(self, camera_id: int, choice: Transport) -> tuple[Transport, ...]:
        """The concrete transports to try for ``choice``, the one that last worked first."""
        order = choice.order
        with self._lock:
            worked = self._worked.get(camera_id)
        if worked is None or worked not in order:
            return order
        return (worked, *(t for t in order if t is not worked))

    def worked(self, camera_id: int, transport: Transport) -> None:
        with self._lock:
            self._worked[camera_id] = transport

    def last_worked(self, camera_id: int) -> Transport | None:
        with self._lock:
            return self._worked.get(camera_id)
