"""The recording server's HTTP(S) API (aiohttp): the segment index of a camera, byte-range reads of segments.

Every request carries a station session's bearer token (``sessions``) and leaves one row in the access log,
refused ones included. Database work runs on aiohttp's executor threads on the server's own connection
(SQLite WAL: readers never wait for the recorder's writes). ``FootageServer`` runs the app on its own thread
and event loop, so the recording service keeps the caller's thread.

    GET /api/v1/status                                      the recorder's clock (stations show the skew)
    GET /api/v1/cameras/{id}/footage?from=ISO&to=ISO        segments and gaps overlapping [from, to)
    GET /api/v1/segments/{id}                               the segment file; Range requests answered 206
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import ssl
import threading
from pathlib import Path

from aiohttp import web

from videowall import __version__
from videowall.footage.access_log import AccessLog, AccessRecord
from videowall.footage.sessions import Session, SessionStore
from videowall.footage.wire import API, gap_json, parse_utc_param, segment_json, utc_text
from videowall.recording.index import RecordingStore
from videowall.runtime.clock import SYSTEM_CLOCK, Clock
from videowall.runtime.errors import ErrorKind, VideowallError

log = logging.getLogger(__name__)

MAX_RANGE_DAYS = 31
START_TIMEOUT_S = 30.0
_STORE = web.AppKey("store", RecordingStore)
_CLOCK = web.AppKey("clock", object)
_SESSION = web.RequestKey("session", Session)
_TARGET = web.RequestKey("target", tuple)      # (camera id, segment id) a request is about, for the access log
SHA256_HEADER = "X-Videowall-Sha256"


def build_app(store: RecordingStore, clock: Clock = SYSTEM_CLOCK) -> web.Application:
    sessions = SessionStore(store.conn, clock)
    access = AccessLog(store.conn, clock)
    app = web.Application(middlewares=[_authenticate(sessions)])
    app[_STORE] = store
    app[_CLOCK] = clock
    app.router.add_get(f"{API}/status", _status)
    app.router.add_get(f"{API}/cameras/{{camera_id:\\d+}}/footage", _footage)
    app.router.add_get(f"{API}/segments/{{segment_id:\\d+}}", _segment)
    app.on_response_prepare.append(functools.partial(_log_access, access))
    return app


def _authenticate(sessions: SessionStore):
    @web.middleware
    async def middleware(request: web.Request, handler):
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        session = None
        if scheme.lower() == "bearer" and token:
            session = await _blocking(sessions.check, token.strip())
        if session is None:
            raise _error(401, "No valid station session: the token is unknown, expired or revoked.",
                         headers={"WWW-Authenticate": 'Bearer realm="videowall recorder"'})
        request[_SESSION] = session
        return await handler(request)
    return middleware


async def _status(request: web.Request) -> web.Response:
    now = request.app[_CLOCK].now_utc()
    return web.json_response({"server_time_utc": utc_text(now), "version": __version__})


async def _footage(request: web.Request) -> web.Response:
    camera_id = int(request.match_info["camera_id"])
    request[_TARGET] = (camera_id, None)
    try:
        start = parse_utc_param(request.query.get("from"), "from")
        end = parse_utc_param(request.query.get("to"), "to")
    except VideowallError as err:
        raise _error(400, err.user_message) from None
    if end <= start or (end - start).days > MAX_RANGE_DAYS:
        raise _error(400, f"'to' must be after 'from', at most {MAX_RANGE_DAYS} days later.")
    store = request.app[_STORE]
    segments = await _blocking(store.segments, camera_id, start, end)
    gaps = await _blocking(store.gaps, camera_id, start, end)
    return web.json_response({"server_time_utc": utc_text(request.app[_CLOCK].now_utc()),
                              "segments": [segment_json(s) for s in segments], "gaps": [gap_json(g) for g in gaps]})


async def _segment(request: web.Request) -> web.StreamResponse:
    segment_id = int(request.match_info["segment_id"])
    request[_TARGET] = (None, segment_id)
    segment = await _blocking(request.app[_STORE].segment, segment_id)
    if segment is None:
        raise _error(404, f"There is no segment {segment_id} on this recorder (retention may have removed it).")
    request[_TARGET] = (segment.camera_id, segment_id)
    if not await _blocking(Path(segment.path).is_file):
        raise _error(404, f"Segment {segment_id} is in the index but its file is missing from the recorder's disk.")
    headers = {SHA256_HEADER: segment.sha256} if segment.sha256 else {}
    return web.FileResponse(segment.path, headers=headers)


async def _log_access(access: AccessLog, request: web.Request, response: web.StreamResponse) -> None:
    session = request.get(_SESSION)
    camera_id, segment_id = request.get(_TARGET, (None, None))
    entry = AccessRecord(access.now(), getattr(session, "id", None), getattr(session, "user_name", None),
                         request.remote or "", request.method, request.path, camera_id, segment_id,
                         request.headers.get("Range"), response.status, response.content_length)
    try:
        await _blocking(access.record, entry)
    except VideowallError as err:
        log.error("could not write the footage access log: %s", err.user_message)
        raise web.HTTPServiceUnavailable(text="The access log cannot be written; no footage is served.") from err


def _error(status: int, message: str, headers: dict | None = None) -> web.HTTPException:
    exc = {400: web.HTTPBadRequest, 401: web.HTTPUnauthorized, 404: web.HTTPNotFound}[status]
    return exc(text=json.dumps({"error": message}, ensure_ascii=False), content_type="application/json",
               headers=headers)


async def _blocking(function, *args):
    return await asyncio.get_running_loop().run_in_executor(None, function, *args)


class FootageServer:
    """The app on ``host:port`` (port 0: a free one, see ``port``), on a thread of its own. Owns ``store``:
    closes it when stopped, or when it cannot start."""

    def __init__(self, store: RecordingStore, host: str, port: int, tls: ssl.SSLContext | None,
                 clock: Clock = SYSTEM_CLOCK) -> None:
        self._store = store
        self._app = build_app(store, clock)
        self._host, self._port, self._tls = host, port, tls
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._thread = threading.Thread(target=self._run, name="footage-server", daemon=True)
        self._ready = threading.Event()
        self._failure: BaseException | None = None
        self.port = 0

    @property
    def url(self) -> str:
        return f"{'https' if self._tls else 'http'}://{self._host}:{self.port}"

    def start(self) -> None:
        self._thread.start()
        if not self._ready.wait(START_TIMEOUT_S):
            raise VideowallError(ErrorKind.TIMEOUT, "The footage server did not start in time.")
        if self._failure is not None:
            self._store.close()
            err = self._failure
            raise VideowallError(ErrorKind.UNREACHABLE, f"The footage server cannot listen on {self._host}:"
                                 f"{self._port}: {getattr(err, 'strerror', None) or err}.", detail=repr(err))

    def stop(self) -> None:
        if self._loop is not None and self._thread.is_alive():
            asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(START_TIMEOUT_S)
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(START_TIMEOUT_S)
        self._store.close()

    def _run(self) -> None:
        loop = self._loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(self._listen())
        except BaseException as err:   # reported to start(); nothing else runs on this thread
            self._failure = err
            self._ready.set()
            loop.close()
            return
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            loop.close()

    async def _listen(self) -> None:
        self._runner = web.AppRunner(self._app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self._host, self._port, ssl_context=self._tls)
        await site.start()
        self.port = int(self._runner.addresses[0][1])


def tls_context(cert_file: Path, key_file: Path) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    try:
        context.load_cert_chain(str(cert_file), str(key_file))
    except (OSError, ssl.SSLError) as err:
        raise VideowallError(ErrorKind.INVALID_INPUT, f"Cannot load the TLS certificate {cert_file} and key "
                             f"{key_file}: {getattr(err, 'strerror', None) or err}.") from None
    return context
