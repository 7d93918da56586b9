"""EventSubscriptions: every camera's ONVIF PullPoint subscription on one asyncio loop in one thread.

No thread per camera: each camera is a task that long-polls PullMessages (``pull_timeout_s``) and hands the
parsed events to ``sink`` (the alarm engine's ``submit``, which never blocks). A camera that fails is
retried with the streams' backoff (a refused password slowly); one without an event service is told once
("not supported") and left alone. Closing unsubscribes every camera. Periodic station jobs (``every``) run
on the same loop. Public methods may be called from any thread.
"""

from __future__ import annotations

import asyncio
import enum
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from videowall.events.model import CameraEvent, EventKind, Origin
from videowall.events.topics import parse_notification
from videowall.media.backoff import Backoff, BackoffPolicy
from videowall.model.camera import Credentials
from videowall.onvif.events import PullPointSession, new_http_client
from videowall.runtime.clock import SYSTEM_CLOCK, Clock
from videowall.runtime.errors import ErrorKind, VideowallError

log = logging.getLogger(__name__)

PULL_TIMEOUT_S = 30.0
CLOSE_TIMEOUT_S = 2.0
START_SPREAD_S = 0.02


class SubscriptionState(enum.Enum):
    CONNECTING = "connecting"
    SUBSCRIBED = "subscribed"
    RETRYING = "retrying"
    NOT_SUPPORTED = "not_supported"


@dataclass(frozen=True)
class EventTarget:
    camera_id: int
    device_url: str
    credentials: Credentials | None
    pinned_sha256: str | None = None


@dataclass(frozen=True)
class SubscriptionStatus:
    state: SubscriptionState
    message: str = ""


class EventSubscriptions:
    def __init__(self, sink: Callable[[CameraEvent], None], clock: Clock = SYSTEM_CLOCK,
                 pull_timeout_s: float = PULL_TIMEOUT_S, backoff: BackoffPolicy | None = None) -> None:
        self._sink = sink
        self._clock = clock
        self._pull_timeout_s = pull_timeout_s
        self._backoff = backoff or BackoffPolicy()
        self._statuses: dict[int, SubscriptionStatus] = {}
        self._status_lock = threading.Lock()
        self._tasks: dict[int, asyncio.Task] = {}
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="onvif-events", daemon=True)
        self._thread.start()
        self._ready.wait()

    # -- any thread -------------------------------------------------------------------------------
    def set_targets(self, targets: list[EventTarget]) -> None:
        """Subscribe to these cameras (and unsubscribe from the rest); a changed target is resubscribed."""
        asyncio.run_coroutine_threadsafe(self._set_targets(list(targets)), self._loop).result()

    def status(self, camera_id: int) -> SubscriptionStatus | None:
        with self._status_lock:
            return self._statuses.get(camera_id)

    def statuses(self) -> dict[int, SubscriptionStatus]:
        with self._status_lock:
            return dict(self._statuses)

    def every(self, period_s: float, job: Callable[[], None]) -> None:
        """Run ``job`` (quick, non-blocking) on the events loop every ``period_s``."""
        self._loop.call_soon_threadsafe(lambda: self._loop.create_task(self._periodic(period_s, job)))

    def close(self) -> None:
        if not self._loop.is_running():
            return
        asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop).result(CLOSE_TIMEOUT_S * 3)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(CLOSE_TIMEOUT_S * 3)

    # -- the loop ---------------------------------------------------------------------------------
    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._ready.set()
        self._loop.run_forever()
        self._loop.close()

    async def _set_targets(self, targets: list[EventTarget]) -> None:
        wanted = {target.camera_id: target for target in targets}
        await self._stop_tasks([cid for cid, task in self._tasks.items()
                                if wanted.get(cid) != getattr(task, "target", None)])
        new = [target for camera_id, target in wanted.items() if camera_id not in self._tasks]
        for order, target in enumerate(new):
            # Spread the first subscriptions out: 100 cameras at once would arrive as one burst.
            task = self._loop.create_task(self._follow(target, order * START_SPREAD_S),
                                          name=f"events-{target.camera_id}")
            task.target = target  # type: ignore[attr-defined]
            self._tasks[target.camera_id] = task

    async def _stop_tasks(self, camera_ids: list[int]) -> None:
        """Cancel these cameras' tasks together (each unsubscribes within CLOSE_TIMEOUT_S) and wait for them."""
        tasks = [self._tasks.pop(camera_id) for camera_id in camera_ids]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        with self._status_lock:
            for camera_id in camera_ids:
                self._statuses.pop(camera_id, None)

    async def _shutdown(self) -> None:
        await self._stop_tasks(list(self._tasks))
        for task in asyncio.all_tasks(self._loop) - {asyncio.current_task()}:
            task.cancel()

    async def _periodic(self, period_s: float, job: Callable[[], None]) -> None:
        while True:
            try:
                job()
            except Exception:      # noqa: BLE001 — a broken job must not stop the camera subscriptions
                log.exception("periodic events job failed")
            await asyncio.sleep(period_s)

    async def _follow(self, target: EventTarget, initial_delay_s: float = 0.0) -> None:
        backoff = Backoff(self._backoff, self._clock)
        http = new_http_client(pinned=bool(target.pinned_sha256))
        try:
            self._set_status(target.camera_id, SubscriptionState.CONNECTING)
            await asyncio.sleep(initial_delay_s)
            while True:
                error = await self._subscribe_once(target, http, backoff)
                if error.kind is ErrorKind.NOT_FOUND:
                    self._set_status(target.camera_id, SubscriptionState.NOT_SUPPORTED, error.user_message)
                    self._station_event(target.camera_id, error)
                    return
                delay = backoff.on_failure(auth=error.kind is ErrorKind.AUTH_FAILED)
                self._set_status(target.camera_id, SubscriptionState.RETRYING, error.user_message)
                self._station_event(target.camera_id, error)
                await asyncio.sleep(delay)
        finally:
            await http.aclose()

    async def _subscribe_once(self, target: EventTarget, http, backoff: Backoff) -> VideowallError:
        """Subscribe and pull until something fails; returns why."""
        session = PullPointSession(http, target.device_url, target.credentials, pinned_sha256=target.pinned_sha256,
                                   pull_timeout_s=self._pull_timeout_s, monotonic=self._clock.monotonic)
        self._set_status(target.camera_id, SubscriptionState.CONNECTING)
        try:
            await session.open()
            self._set_status(target.camera_id, SubscriptionState.SUBSCRIBED)
            backoff.on_live()
            while True:
                messages = await session.pull()
                received = self._clock.now_utc()
                for message in messages:
                    self._sink(parse_notification(message, target.camera_id, session.clock_offset, received))
        except VideowallError as err:
            log.warning("events of camera %s: %s", target.camera_id, err.user_message)
            return err
        except Exception as err:  # noqa: BLE001 — a camera's odd reply must not end its subscription for good
            log.exception("events of camera %s failed unexpectedly", target.camera_id)
            return VideowallError(ErrorKind.INTERNAL, "The camera's events failed unexpectedly.", repr(err))
        finally:
            try:
                await asyncio.wait_for(asyncio.shield(session.close()), CLOSE_TIMEOUT_S)
            except (asyncio.TimeoutError, asyncio.CancelledError):
                pass

    def _set_status(self, camera_id: int, state: SubscriptionState, message: str = "") -> None:
        with self._status_lock:
            self._statuses[camera_id] = SubscriptionStatus(state, message)

    def _station_event(self, camera_id: int, error: VideowallError) -> None:
        """The station's own note that this camera's events are off (kept on the timeline; no alarm)."""
        self._sink(CameraEvent(camera_id, EventKind.EVENTS_UNAVAILABLE, self._clock.now_utc(), True,
                               source=error.kind.value, origin=Origin.STATION,
                               data={"message": error.user_message[:200]}))
