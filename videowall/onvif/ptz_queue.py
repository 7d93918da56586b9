"""One serial PTZ command queue per camera: moves coalesce (latest wins), a stop is never dropped or reordered.

Each queue owns a worker thread and the camera's ``PtzDevice`` (built lazily on that thread, so connecting
never blocks the caller). ``submit`` is safe from any thread and never blocks on the network. Rules:
- a move replaces a move still waiting at the tail of the queue (the camera only needs the newest velocity);
- a stop removes every waiting move (they would be stopped anyway) and is then always sent, in order;
- a move is sent with the camera's own Timeout, and if no newer move or stop arrives within
  ``safety_timeout_s`` the queue sends a Stop by itself (a lost key-release or a dead GUI cannot leave the
  camera spinning);
- a failed stop is retried (with a fresh connection) before it is reported;
- with a ``gate`` (``ptz_gate.PtzGate``), every command passes it first: permission and the camera's PTZ lease
  shared between stations; a command it refuses is reported as an error and never sent.
Results go to ``on_result(camera_id, command, value, error)`` on the worker thread.
"""

from __future__ import annotations

import collections
import enum
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from videowall.runtime.clock import SYSTEM_CLOCK, Clock
from videowall.runtime.errors import ErrorKind, VideowallError

log = logging.getLogger(__name__)
STOP_ATTEMPTS = 3
SAFETY_TIMEOUT_S = 10.0


class PtzAction(enum.StrEnum):
    """What a command asks of the camera (a ``str``, so the UI's signals carry it as text)."""

    MOVE = "move"
    STOP = "stop"
    GOTO = "goto"
    HOME = "home"
    SET_HOME = "set_home"
    SET_PRESET = "set_preset"
    REMOVE_PRESET = "remove_preset"
    PRESETS = "presets"

    @property
    def device_method(self) -> str:
        """The ``PtzDevice`` method that carries it out."""
        return {PtzAction.GOTO: "goto_preset", PtzAction.HOME: "goto_home"}.get(self, self.value)


@dataclass(frozen=True)
class PtzCommand:
    kind: PtzAction
    args: tuple[Any, ...] = ()
    reason: str = ""                # for stops: "operator", "safety", "release", "focus" …

    def __post_init__(self) -> None:
        if not isinstance(self.kind, PtzAction):
            try:
                object.__setattr__(self, "kind", PtzAction(self.kind))
            except ValueError:
                raise VideowallError(ErrorKind.INTERNAL, "Unknown PTZ command.", repr(self.kind)) from None


ResultCallback = Callable[[int, PtzCommand, Any, "VideowallError | None"], None]


class Gate(Protocol):
    def before(self, camera_id: int, action: PtzAction) -> bool: ...

    def stopped(self, camera_id: int) -> None: ...


class CameraPtzQueue:
    """The serial queue of one camera (see module doc)."""

    def __init__(self, camera_id: int, device_factory: Callable[[], Any], on_result: ResultCallback,
                 safety_timeout_s: float = SAFETY_TIMEOUT_S, clock: Clock = SYSTEM_CLOCK,
                 gate: Gate | None = None) -> None:
        self.camera_id = camera_id
        self._factory = device_factory
        self._gate = gate
        self._on_result = on_result
        self._safety_s = safety_timeout_s
        self._clock = clock
        self._cond = threading.Condition()
        self._pending: collections.deque[PtzCommand] = collections.deque()
        self._closed = False
        self._device: Any = None
        self._move_deadline: float | None = None  # worker-only
        self._thread = threading.Thread(target=self._run, name=f"ptz-{camera_id}", daemon=True)
        self._thread.start()

    def submit(self, command: PtzCommand) -> None:
        """Queue a command (any thread, non-blocking)."""
        with self._cond:
            if self._closed:
                raise VideowallError(ErrorKind.INTERNAL, "The PTZ queue of this camera is closed.")
            if command.kind is PtzAction.MOVE:
                if self._pending and self._pending[-1].kind is PtzAction.MOVE:
                    self._pending.pop()
            elif command.kind is PtzAction.STOP:
                self._pending = collections.deque(c for c in self._pending if c.kind is not PtzAction.MOVE)
                if self._pending and self._pending[-1].kind is PtzAction.STOP:
                    self._cond.notify()
                    return
            self._pending.append(command)
            self._cond.notify()

    def pending(self) -> list[PtzCommand]:
        with self._cond:
            return list(self._pending)

    def close(self, stop_first: bool = True, timeout_s: float = 10.0) -> None:
        """Send a final stop if a move may be running, then end the worker."""
        with self._cond:
            if stop_first:
                self._pending = collections.deque(c for c in self._pending if c.kind is not PtzAction.MOVE)
                self._pending.append(PtzCommand(PtzAction.STOP, reason="close"))
            self._closed = True
            self._cond.notify()
        self._thread.join(timeout_s)

    def _next(self) -> PtzCommand | None:
        with self._cond:
            while not self._pending:
                if self._closed:
                    return None
                if self._move_deadline is None:
                    self._cond.wait()
                    continue
                remaining = self._move_deadline - self._clock.monotonic()
                if remaining <= 0:
                    return PtzCommand(PtzAction.STOP, reason="safety")
                self._cond.wait(min(remaining, 0.5))
            return self._pending.popleft()

    def _run(self) -> None:
        while (command := self._next()) is not None:
            attempts = STOP_ATTEMPTS if command.kind is PtzAction.STOP else 1
            for attempt in range(1, attempts + 1):
                try:
                    value = self._execute(command)
                except VideowallError as err:
                    self._device = None if err.kind in (ErrorKind.TIMEOUT, ErrorKind.UNREACHABLE) else self._device
                    if attempt < attempts:
                        log.warning("PTZ stop of camera %s failed (%s), retrying", self.camera_id, err.user_message)
                        continue
                    self._report(command, None, err)
                except Exception as err:  # a bug must not kill the queue that has to deliver the next stop
                    log.exception("PTZ command %s of camera %s crashed", command.kind, self.camera_id)
                    self._report(command, None, VideowallError(ErrorKind.INTERNAL, "The PTZ command failed.",
                                                               repr(err)))
                else:
                    self._report(command, value, None)
                break

    def _execute(self, command: PtzCommand) -> Any:
        if self._gate is not None and not self._gate.before(self.camera_id, command.kind):
            return None         # a stop of a camera another station moves: theirs to stop
        if self._device is None:
            self._device = self._factory()
        device = self._device
        if command.kind is PtzAction.MOVE:
            pan, tilt, zoom = command.args
            device.move(pan, tilt, zoom, self._safety_s)
            moving = any(abs(v) > 1e-6 for v in command.args)
            self._move_deadline = self._clock.monotonic() + self._safety_s if moving else None
            return None
        if command.kind is PtzAction.STOP:
            self._move_deadline = None
            device.stop()
            if self._gate is not None:
                self._gate.stopped(self.camera_id)
            return None
        self._move_deadline = None  # goto/home replace a running move on the camera
        return getattr(device, command.kind.device_method)(*command.args)

    def _report(self, command: PtzCommand, value: Any, error: VideowallError | None) -> None:
        try:
            self._on_result(self.camera_id, command, value, error)
        except Exception:
            log.exception("PTZ result callback failed")


class PtzController:
    """The PTZ queues of all cameras (one each, made on first use). ``device_factory(camera_id)`` connects;
    ``gate`` checks every command of every camera (see module doc)."""

    def __init__(self, device_factory: Callable[[int], Any], on_result: ResultCallback,
                 safety_timeout_s: float = SAFETY_TIMEOUT_S, clock: Clock = SYSTEM_CLOCK,
                 gate: Gate | None = None) -> None:
        self._factory = device_factory
        self._gate = gate
        self._on_result = on_result
        self._safety_s = safety_timeout_s
        self._clock = clock
        self._queues: dict[int, CameraPtzQueue] = {}
        self._lock = threading.Lock()

    def queue(self, camera_id: int) -> CameraPtzQueue:
        with self._lock:
            if camera_id not in self._queues:
                self._queues[camera_id] = CameraPtzQueue(camera_id, lambda: self._factory(camera_id),
                                                         self._on_result, self._safety_s, self._clock,
                                                         self._gate)
            return self._queues[camera_id]

    def move(self, camera_id: int, pan: float, tilt: float, zoom: float) -> None:
        self.queue(camera_id).submit(PtzCommand(PtzAction.MOVE, (pan, tilt, zoom)))

    def stop(self, camera_id: int, reason: str = "operator") -> None:
        self.queue(camera_id).submit(PtzCommand(PtzAction.STOP, reason=reason))

    def submit(self, camera_id: int, kind: PtzAction, *args: Any) -> None:
        self.queue(camera_id).submit(PtzCommand(kind, args))

    def close(self) -> None:
        with self._lock:
            queues, self._queues = list(self._queues.values()), {}
        for queue in queues:
            queue.close()
