"""A loopback TCP proxy in front of the camera simulator that the soak benchmark drives to cause faults.

One listener per camera on 127.0.0.1 forwards to the simulator's RTSP port; the station is given the
proxy's addresses. Faults: ``cut`` closes every connection (of some cameras), ``stall`` stops forwarding
while the sockets stay open, ``throttle`` paces the camera→station direction to N bytes/s, and
``refuse_auth`` makes a camera answer DESCRIBE with 401 (the simulator itself cannot change its
password without a restart). Runs its asyncio loop on one daemon thread; the control methods may be
called from any thread.
"""

from __future__ import annotations

import asyncio
import bisect
import re
import threading
import time
from collections.abc import Iterable

_CHUNK = 64 * 1024
_CSEQ = re.compile(rb"^cseq:\s*(\d+)", re.IGNORECASE | re.MULTILINE)
_CONTENT_LENGTH = re.compile(rb"^content-length:\s*(\d+)", re.IGNORECASE | re.MULTILINE)


class FrameCounter:
    """Counts the video frames a camera sends: RTP packets with the marker bit (last packet of a frame) on
    channel 0 of RTSP-over-TCP's interleaved data. RTSP replies between them are skipped."""

    def __init__(self) -> None:
        self.frames = 0
        self._buffer = bytearray()
        self._skip = 0

    def feed(self, data: bytes) -> None:
        if self._skip >= len(data):
            self._skip -= len(data)
            return
        buffer = self._buffer
        buffer += data[self._skip:]
        self._skip = 0
        while buffer:
            if buffer[0] == 0x24:                   # '$' channel length(2) payload
                if len(buffer) < 6:
                    return
                length = int.from_bytes(buffer[2:4], "big")
                if buffer[1] == 0 and buffer[5] & 0x80:
                    self.frames += 1
                if len(buffer) < 4 + length:
                    self._skip = 4 + length - len(buffer)
                    buffer.clear()
                    return
                del buffer[:4 + length]
                continue
            end = buffer.find(b"\r\n\r\n")
            if end < 0:
                if len(buffer) > 16384:             # not RTSP at all: give up on this connection's bytes
                    buffer.clear()
                return
            match = _CONTENT_LENGTH.search(bytes(buffer[:end]))
            body = int(match.group(1)) if match else 0
            if len(buffer) < end + 4 + body:
                return
            del buffer[:end + 4 + body]


class _Pipe:
    """One station connection and its upstream connection to the simulator."""

    def __init__(self, client: asyncio.StreamWriter, upstream: asyncio.StreamWriter) -> None:
        self.client = client
        self.upstream = upstream

    def abort(self) -> None:
        for writer in (self.client, self.upstream):
            writer.transport.abort()


class FaultProxy:
    def __init__(self, upstream_port: int, cameras: int, host: str = "127.0.0.1") -> None:
        self._upstream = (host, upstream_port)
        self._host = host
        self._cameras = cameras
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="soak-proxy", daemon=True)
        self._servers: dict[int, asyncio.Server] = {}
        self._pipes: dict[int, set[_Pipe]] = {n: set() for n in range(1, cameras + 1)}
        self._flowing: asyncio.Event | None = None
        self._rate: float | None = None
        self._refusing: set[int] = set()
        self.ports: dict[int, int] = {}
        self._frames = {n: 0 for n in range(1, cameras + 1)}    # frames forwarded, all connections so far
        self._log_times: list[float] = []                       # each second: monotonic time …
        self._log_frames_at: list[dict[int, int]] = []          # … and the frames per camera by then

    # -- lifecycle --------------------------------------------------------------------------------
    def start(self) -> None:
        self._thread.start()
        self._call(self._listen())

    def close(self) -> None:
        if not self._thread.is_alive():
            return
        self._call(self._shutdown())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()

    def url(self, camera: int, profile: str = "sub") -> str:
        return f"rtsp://{self._host}:{self.ports[camera]}/cam{camera}/{profile}"

    # -- faults ---------------------------------------------------------------------------------
    def cut(self, cameras: Iterable[int] | None = None) -> int:
        """Close the connections of ``cameras`` (all by default); returns how many were open."""
        chosen = set(cameras) if cameras is not None else set(self._pipes)
        return self._call(self._cut(chosen))

    def stall(self, stalled: bool) -> None:
        """Stop (or resume) forwarding in both directions; sockets stay open, new ones are accepted."""
        self._loop.call_soon_threadsafe(self._flowing.clear if stalled else self._flowing.set)

    def throttle(self, bytes_per_s: float | None) -> None:
        """Pace what every camera sends to at most ``bytes_per_s`` per connection; None lifts it."""
        self._rate = bytes_per_s

    def refuse_auth(self, cameras: Iterable[int], refusing: bool) -> None:
        """New connections of ``cameras`` get 401 to DESCRIBE (their open ones are cut) until lifted."""
        chosen = set(cameras)
        if refusing:
            self._refusing |= chosen
            self.cut(chosen)
        else:
            self._refusing -= chosen

    def frames_between(self, camera: int, start: float, end: float) -> float:
        """Frames camera ``camera`` sent to the station between two monotonic times (from the log, linear)."""
        return self._frames_at(camera, end) - self._frames_at(camera, start)

    def _frames_at(self, camera: int, moment: float) -> float:
        times, counts = self._log_times, self._log_frames_at
        i = bisect.bisect_left(times, moment)
        if i == 0 or i >= len(times):
            return float(counts[min(i, len(times) - 1)][camera]) if times else 0.0
        t0, t1 = times[i - 1], times[i]
        a, b = counts[i - 1][camera], counts[i][camera]
        return a + (b - a) * (moment - t0) / (t1 - t0)

    def connection_count(self) -> int:
        return self._call(self._count())

    # -- loop side ------------------------------------------------------------------------------
    def _call(self, coroutine):
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(30)

    async def _listen(self) -> None:
        self._flowing = asyncio.Event()
        self._flowing.set()
        for camera in self._pipes:
            server = await asyncio.start_server(
                lambda r, w, camera=camera: self._serve(camera, r, w), self._host, 0)
            self._servers[camera] = server
            self.ports[camera] = server.sockets[0].getsockname()[1]
        self._logger = self._loop.create_task(self._log_frames())

    async def _log_frames(self) -> None:
        while True:
            self._log_frames_at.append(dict(self._frames))
            self._log_times.append(time.monotonic())
            await asyncio.sleep(1.0)

    async def _shutdown(self) -> None:
        self._logger.cancel()
        for server in self._servers.values():
            server.close()
        await self._cut(set(self._pipes))

    async def _cut(self, cameras: set[int]) -> int:
        count = 0
        for camera in cameras:
            pipes, self._pipes[camera] = self._pipes[camera], set()
            for pipe in pipes:
                pipe.abort()
                count += 1
        return count

    async def _count(self) -> int:
        return sum(len(p) for p in self._pipes.values())

    async def _serve(self, camera: int, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if camera in self._refusing:
            await _answer_unauthorized(reader, writer)
            return
        try:
            up_reader, up_writer = await asyncio.open_connection(*self._upstream)
        except OSError:
            writer.transport.abort()      # the simulator is down: the station sees the connection fail
            return
        pipe = _Pipe(writer, up_writer)
        self._pipes[camera].add(pipe)
        try:
            await asyncio.gather(self._pump(reader, up_writer, paced=False),
                                 self._pump(up_reader, writer, paced=True, camera=camera),
                                 return_exceptions=True)
        finally:
            self._pipes[camera].discard(pipe)
            pipe.abort()

    async def _pump(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, paced: bool,
                    camera: int | None = None) -> None:
        due = time.monotonic()
        counter = FrameCounter()
        try:
            while True:
                await self._flowing.wait()
                data = await reader.read(_CHUNK if self._rate is None or not paced else max(512, int(self._rate / 20)))
                if not data:
                    break
                await self._flowing.wait()      # a stall that began while reading holds this chunk too
                writer.write(data)
                await writer.drain()
                if camera is not None:
                    before = counter.frames
                    counter.feed(data)
                    self._frames[camera] += counter.frames - before
                rate = self._rate if paced else None
                if rate:
                    due = max(due, time.monotonic() - 0.05) + len(data) / rate
                    await asyncio.sleep(max(0.0, due - time.monotonic()))
        finally:
            writer.transport.abort()


async def _answer_unauthorized(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Speak just enough RTSP: OPTIONS succeeds, anything else is refused with 401."""
    try:
        while True:
            request = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
            match = _CSEQ.search(request)
            cseq = match.group(1).decode() if match else "0"
            if request.startswith(b"OPTIONS"):
                reply = f"RTSP/1.0 200 OK\r\nCSeq: {cseq}\r\nPublic: OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN\r\n\r\n"
            else:
                reply = (f"RTSP/1.0 401 Unauthorized\r\nCSeq: {cseq}\r\n"
                         f"WWW-Authenticate: Basic realm=\"camera\"\r\n\r\n")
            writer.write(reply.encode())
            await writer.drain()
    except (asyncio.IncompleteReadError, asyncio.TimeoutError, asyncio.LimitOverrunError, OSError):
        pass
    finally:
        writer.transport.abort()
