"""The check every PTZ command of a station passes before it reaches the camera (on the camera's PTZ queue thread).

A command that moves or changes the camera needs ``Permission.PTZ`` on it and the camera's lease
(``ptz_lease``): taken or renewed here, so the person holding it moves on and anyone else is refused. A stop
is sent when the camera is free or ours, and then releases the lease; it is skipped when another station holds
the camera (it would stop their move). Stops go out without a permission check and, when the shared database
does not answer, without the lease check: stopping is always the safe side.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from videowall.access.roles import Permission
from videowall.onvif.ptz_lease import Holder, PtzLeases
from videowall.onvif.ptz_queue import PtzAction
from videowall.runtime.errors import VideowallError

log = logging.getLogger(__name__)
_READ_ONLY = frozenset({PtzAction.PRESETS})


class PtzGate:
    """``holder()`` names who is logged in now; ``require(permission, camera_ids)`` refuses with PERMISSION_DENIED
    (``Station.require``); ``camera_name(id)`` names a camera in a refusal."""

    def __init__(self, leases: PtzLeases, holder: Callable[[], Holder],
                 require: Callable[[Permission, tuple[int, ...]], None],
                 camera_name: Callable[[int], str] = lambda camera_id: f"#{camera_id}") -> None:
        self.leases = leases
        self._holder = holder
        self._require = require
        self._camera_name = camera_name
        self._lock = threading.Lock()
        self._taken: dict[int, Holder] = {}    # who took each camera here: a stop after a user switch is theirs

    def before(self, camera_id: int, action: PtzAction) -> bool:
        """Whether to send ``action`` to the camera; raises (PERMISSION_DENIED, ``PtzLeaseHeld``) for a refused one."""
        if action is PtzAction.STOP:
            return self._may_stop(camera_id)
        self._require(Permission.PTZ, (camera_id,))
        if action in _READ_ONLY:
            return True
        holder = self._holder()
        self.leases.take(camera_id, holder, self._camera_name(camera_id))
        with self._lock:
            self._taken[camera_id] = holder
        return True

    def stopped(self, camera_id: int) -> None:
        """After a stop was sent: the lease ends (a failure only leaves it to run out)."""
        with self._lock:
            holder = self._taken.pop(camera_id, None)
        try:
            self.leases.release(camera_id, holder or self._holder())
        except VideowallError as err:
            log.warning("PTZ lease of camera %s not released (%s); it ends by itself", camera_id, err.user_message)

    def _may_stop(self, camera_id: int) -> bool:
        with self._lock:
            holder = self._taken.get(camera_id)
        try:
            lease = self.leases.current(camera_id)
        except VideowallError as err:
            log.warning("PTZ lease of camera %s unknown (%s); stopping anyway", camera_id, err.user_message)
            return True
        return lease is None or lease.holder.is_(holder or self._holder())
