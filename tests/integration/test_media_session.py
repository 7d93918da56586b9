"""StreamSession + LiveDecoder against the real camera simulator (GStreamer RTSP server on 127.0.0.1)."""

from __future__ import annotations

import logging
import os
import signal
import socket
import threading
import time
from collections.abc import Callable, Iterator

import numpy as np
import pytest

from tests.fixtures.waiting import wait_for
from videowall.media.decoder import LiveDecoder
from videowall.media.session import StreamSession
from videowall.media.types import LiveFrame, SessionState, SessionStatus, StreamOptions, StreamSource
from videowall.model.camera import Credentials, Transport
from tests.fixtures.clock import FakeClock
from videowall.runtime.errors import ErrorKind
from videowall.sim.palette import match_camera, patch_rect
from videowall.sim.pixelcode import decode_timestamp

PASSWORD = "Kx7-wall!pass"
WAIT_S = 15.0   # upper bound for anything we wait for; tests normally finish far sooner

FAST = StreamOptions(read_timeout_s=2.0, backoff_initial_s=0.2, backoff_cap_s=1.0)


def threads_of(*sessions: StreamSession) -> list[threading.Thread]:
    """Live threads of these sessions (other test modules may still be closing sessions of their own)."""
    names = {f"stream-{session.name}" for session in sessions}
    return [t for t in threading.enumerate() if t.name in names]


class Recorder:
    """Status listener keeping every state the session went through."""

    def __init__(self) -> None:
        self.statuses: list[SessionStatus] = []

    def __call__(self, status: SessionStatus) -> None:
        self.statuses.append(status)

    @property
    def states(self) -> list[SessionState]:
        return [s.state for s in self.statuses]


@pytest.fixture
def open_session() -> Iterator[Callable[..., StreamSession]]:
    """Makes sessions; closes them all afterwards and checks that no stream thread is left behind."""
    sessions: list[StreamSession] = []

    def make(url: str, options: StreamOptions = FAST, **kwargs) -> StreamSession:
        session = StreamSession(StreamSource(camera_id=9000 + len(sessions), profile="sub", url=url, options=options),
                                **kwargs)
        sessions.append(session)
        return session

    yield make
    for session in sessions:
        assert session.close(timeout_s=5.0)
    assert threads_of(*sessions) == []


@pytest.fixture(scope="module")
def outage_sim(sim_factory):
    """A one-camera simulator of this module's own, to stop, freeze and restart."""
    return sim_factory(cameras=1)


@pytest.fixture(scope="module")
def auth_sim(sim_factory):
    return sim_factory(cameras=1, user="operator", password=PASSWORD)


def live_with_decoder(session: StreamSession, width: int, height: int) -> LiveDecoder:
    decoder = LiveDecoder()
    decoder.set_target_size(width, height)
    session.add_consumer(decoder)
    session.start()
    wait_for(lambda: session.status().state is SessionState.LIVE, "LIVE")
    return decoder


def next_frame(decoder: LiveDecoder, after: LiveFrame | None = None) -> LiveFrame:
    last_seq = after.seq if after is not None else 0
    return wait_for(lambda: (f := decoder.latest()) is not None and f.seq > last_seq and f, "a new frame")


def patch_camera(image: np.ndarray, cameras: int) -> int | None:
    x, y, w, h = patch_rect(image.shape[1], image.shape[0])
    mean = image[y:y + h, x:x + w, :3].reshape(-1, 3).mean(axis=0)
    return match_camera(tuple(float(v) for v in mean), cameras)


def test_live_frames_have_the_tile_size_move_and_show_their_camera(simulator, open_session) -> None:
    session = open_session(simulator.url(3, "sub"))
    decoder = live_with_decoder(session, 320, 240)
    first = next_frame(decoder)
    later = first
    for _ in range(5):
        later = next_frame(decoder, later)
    for frame in (first, later):
        assert frame.image.shape == (180, 320, 4)        # 640×360 fitted into 320×240
        assert frame.image.dtype == np.uint8 and frame.image.flags["C_CONTIGUOUS"]
        assert (frame.source_width, frame.source_height) == (640, 360)
        assert patch_camera(frame.image, simulator.cameras) == 3
    assert not np.array_equal(first.image, later.image)
    first_ms, later_ms = decode_timestamp(first.image), decode_timestamp(later.image)
    assert first_ms is not None and later_ms is not None and later_ms > first_ms
    assert later.pts_s is not None and later.pts_s > 0   # FFmpeg gives the very first RTP frame no pts
    stats = session.stats()
    assert stats.first_frame_s is not None and stats.first_frame_s > 0
    assert stats.frames_decoded >= 6 and stats.frames_delivered >= 6 and stats.packets_in >= stats.frames_decoded
    assert (stats.width, stats.height) == (640, 360) and stats.bitrate_kbps > 0 and stats.decode_ms_avg > 0


def test_set_target_size_changes_the_output_size(simulator, open_session) -> None:
    decoder = live_with_decoder(open_session(simulator.url(1, "main")), 320, 320)
    frame = next_frame(decoder)
    assert frame.image.shape == (180, 320, 4)            # 1280×720 fitted into 320×320
    decoder.set_target_size(200, 400)
    frame = wait_for(lambda: (f := next_frame(decoder, frame)).image.shape == (112, 200, 4) and f, "resized frame")
    assert patch_camera(frame.image, simulator.cameras) == 1
    decoder.set_target_size(301, 400)                    # rows of 1204 bytes: swscale pads them, we compact
    frame = wait_for(lambda: (f := next_frame(decoder, frame)).image.shape == (169, 301, 4) and f, "odd width")
    assert frame.image.flags["C_CONTIGUOUS"] and patch_camera(frame.image, simulator.cameras) == 1
    decoder.set_target_size(0, 0)
    wait_for(lambda: next_frame(decoder).image.shape == (720, 1280, 4), "frame at the source size")


def test_udp_transport_delivers_frames(simulator, open_session) -> None:
    options = StreamOptions(transport=Transport.UDP, read_timeout_s=3.0)
    decoder = live_with_decoder(open_session(simulator.url(2, "sub"), options), 160, 90)
    assert patch_camera(next_frame(decoder).image, simulator.cameras) == 2


def test_paused_decoder_skips_decoding_and_resumes(simulator, open_session) -> None:
    session = open_session(simulator.url(4, "sub"))
    decoder = live_with_decoder(session, 160, 90)
    next_frame(decoder)
    decoder.set_paused(True)
    # A packet counted before the pause may still be decoding; the next one counted is delivered after that
    # one's decode (one demux thread) and sees the pause, so from then on the decoded count is final.
    in_flight = session.stats().packets_in
    wait_for(lambda: session.stats().packets_in > in_flight, "a packet after the pause")
    decoded, packets = session.stats().frames_decoded, session.stats().packets_in
    wait_for(lambda: session.stats().packets_in >= packets + 10, "packets while paused")
    assert session.stats().frames_decoded == decoded
    paused_frame = decoder.latest()
    decoder.set_paused(False)
    resumed = next_frame(decoder, paused_frame)
    assert patch_camera(resumed.image, simulator.cameras) == 4


def test_a_failing_consumer_does_not_stop_the_session(simulator, open_session, caplog) -> None:
    class Broken:
        def on_stream_opened(self, stream) -> None:
            pass

        def on_packet(self, packet, received_monotonic: float) -> None:
            raise RuntimeError("consumer bug")

        def on_stream_closed(self) -> None:
            pass

    caplog.set_level(logging.ERROR, logger="videowall.media")
    session = open_session(simulator.url(5, "sub"))
    session.add_consumer(Broken())
    decoder = live_with_decoder(session, 160, 90)
    frame = next_frame(decoder)
    next_frame(decoder, frame)
    assert session.status().state is SessionState.LIVE
    failures = [r for r in caplog.records if "consumer bug" in r.getMessage()]
    assert len(failures) == 1     # logged once, not once per packet


def test_consumers_see_open_packets_close_and_nothing_after_removal(simulator, open_session) -> None:
    class Counting:
        def __init__(self) -> None:
            self.opened, self.packets, self.closed = [], 0, 0

        def on_stream_opened(self, stream) -> None:
            self.opened.append((stream.codec_context.width, stream.codec_context.height))

        def on_packet(self, packet, received_monotonic: float) -> None:
            self.packets += 1

        def on_stream_closed(self) -> None:
            self.closed += 1

    session = open_session(simulator.url(6, "sub"))
    counting, second = Counting(), LiveDecoder()
    session.add_consumer(counting)
    live_with_decoder(session, 64, 36)
    wait_for(lambda: counting.packets >= 5, "packets")
    session.add_consumer(second)            # joins a live stream: opened before its first packet
    next_frame(second)
    session.remove_consumer(counting)
    packets = counting.packets
    assert counting.opened == [(640, 360)] and counting.closed == 1
    wait_for(lambda: session.stats().packets_in >= packets + 5, "more packets")
    assert counting.packets == packets


def test_stall_and_outage_reconnect_and_are_counted(outage_sim, open_session) -> None:
    recorder = Recorder()
    session = open_session(outage_sim.url(1, "sub"))
    session.add_status_listener(recorder)
    decoder = live_with_decoder(session, 160, 90)
    next_frame(decoder)

    os.kill(outage_sim.pid, signal.SIGSTOP)   # the camera freezes: the connection stays open, no packets
    try:
        wait_for(lambda: session.status().state is not SessionState.LIVE, "the stall to be noticed")
    finally:
        os.kill(outage_sim.pid, signal.SIGCONT)
    assert session.status().state in (SessionState.RECONNECTING, SessionState.CONNECTING)
    assert session.status().error is None or session.status().error.kind is ErrorKind.TIMEOUT
    wait_for(lambda: session.stats().reconnects == 1 and session.status().state is SessionState.LIVE, "live again")

    outage_sim.stop()                         # the camera goes away
    wait_for(lambda: session.status().state in (SessionState.RECONNECTING, SessionState.UNREACHABLE), "outage")
    wait_for(lambda: SessionState.UNREACHABLE in recorder.states, "a refused reconnection")
    assert session.status().error is not None
    outage_sim.start()
    wait_for(lambda: session.status().state is SessionState.LIVE, "live after the restart")
    assert session.stats().reconnects == 2
    next_frame(decoder, decoder.latest())
    states = recorder.states
    assert states.count(SessionState.RECONNECTING) >= 2 and states[-1] is SessionState.LIVE


def test_right_password_goes_live(auth_sim, open_session) -> None:
    calls: list[float] = []

    def credentials() -> Credentials:
        calls.append(time.monotonic())
        return Credentials("operator", PASSWORD)

    decoder = live_with_decoder(open_session(auth_sim.url(1, "sub"), credentials=credentials), 160, 90)
    next_frame(decoder)
    assert len(calls) == 1


def test_wrong_password_is_auth_failed_without_a_retry_storm(auth_sim, open_session, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    calls: list[float] = []

    def credentials() -> Credentials:
        calls.append(time.monotonic())
        return Credentials("operator", "Wr0ng-" + PASSWORD)

    session = open_session(auth_sim.url(1, "sub"), credentials=credentials)
    session.start()
    status = wait_for(lambda: (s := session.status()).state is SessionState.AUTH_FAILED and s, "AUTH_FAILED")
    assert status.error.kind is ErrorKind.AUTH_FAILED
    assert status.retry_in_s is not None and status.retry_in_s > 5.0   # the auth floor is 10 s
    assert len(calls) == 1
    texts = [status.error.user_message, status.error.detail, session.stats().last_error or ""]
    texts += [r.getMessage() for r in caplog.records] + [r.exc_text or "" for r in caplog.records]
    assert not any(PASSWORD in text for text in texts)
    assert any("refused the user name or password" in r.getMessage() for r in caplog.records)


def test_auth_retries_follow_the_long_backoff(auth_sim, open_session) -> None:
    """With a FakeClock the waits pass at once: the attempts' fake times show the policy against a real 401."""
    clock = FakeClock()
    attempts: list[float] = []

    def credentials() -> Credentials:
        attempts.append(clock.monotonic())
        return Credentials("operator", "nope-nope")

    session = open_session(auth_sim.url(1, "sub"), credentials=credentials, clock=clock)
    session.start()
    wait_for(lambda: len(attempts) >= 4, "four attempts")
    session.close()
    gaps = [b - a for a, b in zip(attempts, attempts[1:])]
    assert all(gap >= 10.0 for gap in gaps)
    assert gaps[1] > gaps[0]


def test_unreachable_port(open_session, unused_tcp_port) -> None:
    session = open_session(f"rtsp://127.0.0.1:{unused_tcp_port}/cam1/sub")
    session.start()
    status = wait_for(lambda: (s := session.status()).state is SessionState.UNREACHABLE and s, "UNREACHABLE")
    assert status.error.kind is ErrorKind.UNREACHABLE and status.retry_in_s is not None


@pytest.mark.parametrize("url", ["rtsp://127.0.0.1:99999/cam1", "http://127.0.0.1/cam1", "rtsp://u:p@host/x"])
def test_malformed_url_is_invalid_without_any_network_attempt(open_session, url: str) -> None:
    calls: list[int] = []
    session = open_session(url, credentials=lambda: calls.append(1))
    session.start()
    status = session.status()
    assert status.state is SessionState.INVALID_URL and status.error.kind is ErrorKind.INVALID_URL
    assert not session.is_alive and calls == [] and threads_of(session) == []


def test_close_is_prompt_while_connecting_to_a_black_hole(open_session) -> None:
    # A listening socket that never answers: the TCP handshake completes, the RTSP reply never comes.
    with socket.socket() as hole:
        hole.bind(("127.0.0.1", 0))
        hole.listen(4)
        options = StreamOptions(connect_timeout_s=60.0, read_timeout_s=60.0)
        session = open_session(f"rtsp://127.0.0.1:{hole.getsockname()[1]}/cam1/sub", options)
        session.start()
        wait_for(lambda: session.status().state is SessionState.CONNECTING and session.is_alive, "connecting")
        hole.settimeout(WAIT_S)
        peer, _ = hole.accept()
        peer.settimeout(WAIT_S)
        with peer:
            request = b""
            while b"\r\n\r\n" not in request:    # the RTSP request is sent: it now waits for the reply
                chunk = peer.recv(4096)
                assert chunk, "the session hung up before sending its RTSP request"
                request += chunk
            assert request.split(b" ", 1)[0] in (b"OPTIONS", b"DESCRIBE")
            assert session.close(timeout_s=WAIT_S)   # interrupted: the 60 s timeout would not end it in time
        assert session.status().state is SessionState.STOPPED
        assert threads_of(session) == []
