"""A camera that answers RTSP badly: the session says so plainly, gives up within its timeouts, stays small.

The faults come from a socket server in tests/fixtures/hostile_rtsp.py (127.0.0.1): the GStreamer simulator
only ever sends well-formed answers. Every wait below is an upper bound on a condition, never a measurement.
"""

from __future__ import annotations

import multiprocessing
import resource

import pytest

from tests.fixtures import hostile_rtsp as hostile
from tests.fixtures.waiting import wait_for
from videowall.media.session import StreamSession
from videowall.media.types import SessionState, SessionStatus, StreamOptions, StreamSource
from videowall.runtime.errors import ErrorKind

CONNECT_TIMEOUT_S = 2.0
OPTIONS = StreamOptions(connect_timeout_s=CONNECT_TIMEOUT_S, read_timeout_s=CONNECT_TIMEOUT_S,
                        backoff_initial_s=30.0, backoff_cap_s=30.0)   # one attempt per test: no retry in sight
HANG_BOUND_S = CONNECT_TIMEOUT_S + 20.0   # far above the timeout on a loaded machine, far below a hang
# The camera answered, but not with a stream: FFmpeg reports some answers as the RTSP status they carry.
NOT_PLAYABLE = ("answered but did not send a playable stream", "instead of sending the stream")
NO_ANSWER = (f"did not answer within {CONNECT_TIMEOUT_S:g} s",)


def first_verdict(server: hostile.HostileRtspServer) -> SessionStatus:
    """Open a session to ``server``, return the first status after CONNECTING, and close the session."""
    session = StreamSession(StreamSource(camera_id=9100, profile="sub", url=server.url, options=OPTIONS))
    session.start()
    try:
        return wait_for(lambda: (s := session.status()).state not in (SessionState.IDLE, SessionState.CONNECTING)
                        and s, "the session's verdict on the camera", timeout_s=HANG_BOUND_S)
    finally:
        assert session.close(timeout_s=5.0), "the stream thread did not stop"


@pytest.mark.parametrize("answer, state, kind, message", [
    (hostile.garbage, SessionState.RECONNECTING, ErrorKind.STREAM_ERROR, NOT_PLAYABLE),
    (hostile.describe_with(b"this is not SDP\r\n\x00\xff\xfe"), SessionState.RECONNECTING, ErrorKind.STREAM_ERROR,
     NOT_PLAYABLE),
    (hostile.describe_with(b""), SessionState.RECONNECTING, ErrorKind.STREAM_ERROR, NOT_PLAYABLE),
    (hostile.describe_with(b"<html>login</html>", b"text/html"), SessionState.RECONNECTING,
     ErrorKind.STREAM_ERROR, NOT_PLAYABLE),
    (hostile.describe_with(hostile.AUDIO_ONLY_SDP), SessionState.RECONNECTING, ErrorKind.STREAM_ERROR,
     NOT_PLAYABLE),
    (hostile.describe_with(hostile.VIDEO_SDP), SessionState.RECONNECTING, ErrorKind.STREAM_ERROR, NOT_PLAYABLE),
    (hostile.describe_with(b"v=0\r\n" + b"a=" + b"x" * 200_000 + b"\r\n"), SessionState.RECONNECTING,
     ErrorKind.STREAM_ERROR, NOT_PLAYABLE),
    (hostile.huge_body(10 * 1024 * 1024), SessionState.RECONNECTING, ErrorKind.STREAM_ERROR, NOT_PLAYABLE),
    (hostile.huge_body(1000, declared=-5), SessionState.RECONNECTING, ErrorKind.STREAM_ERROR, NOT_PLAYABLE),
    (hostile.never_ending_header, SessionState.UNREACHABLE, ErrorKind.UNREACHABLE, NO_ANSWER),
    (hostile.one_byte_at_a_time(interval_s=1.0), SessionState.UNREACHABLE, ErrorKind.UNREACHABLE, NO_ANSWER),
    (hostile.huge_body(1000, declared=2 ** 31 - 10), SessionState.UNREACHABLE, ErrorKind.UNREACHABLE, NO_ANSWER),
], ids=["garbage", "malformed-sdp", "empty-sdp", "html-instead-of-sdp", "audio-only", "video-but-no-setup",
        "200-kB-sdp-line", "10-MB-body", "negative-length", "never-ending-header", "one-byte-a-second",
        "body-shorter-than-declared"])
def test_a_bad_answer_gets_a_clear_state_within_the_timeout(answer, state, kind, message):
    with hostile.hostile_rtsp(answer) as server:
        status = first_verdict(server)
    assert status.state is state
    assert status.error is not None and status.error.kind is kind
    assert any(phrase in status.error.user_message for phrase in message), status.error.user_message
    assert f"127.0.0.1:{server.port}" in status.error.user_message
    assert status.retry_in_s is not None and status.retry_in_s > 0   # it will try again later, on its own


def test_closing_interrupts_a_camera_that_trickles_its_answer():
    with hostile.hostile_rtsp(hostile.one_byte_at_a_time(interval_s=1.0)) as server:
        session = StreamSession(StreamSource(camera_id=9101, profile="sub", url=server.url,
                                             options=StreamOptions(connect_timeout_s=600.0)))
        session.start()
        wait_for(lambda: server.connections >= 1, "the session to connect")
        assert session.close(timeout_s=5.0), "closing did not interrupt the open"
        assert session.status().state is SessionState.STOPPED


def _rss_growth_mb(answer_name: str, args: tuple) -> tuple[float, str]:
    """In a fresh process: how much the peak RSS grows while one session meets ``answer`` (after a warm-up)."""
    answer = getattr(hostile, answer_name)(*args) if args else getattr(hostile, answer_name)
    with hostile.hostile_rtsp(hostile.garbage) as warm_up:   # loads PyAV and FFmpeg's RTSP code first
        first_verdict(warm_up)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with hostile.hostile_rtsp(answer) as server:
        status = first_verdict(server)
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    return grown_kb / 1024, status.state.value


@pytest.mark.parametrize("answer_name, args, bound_mb", [
    ("huge_body", (10 * 1024 * 1024,), 48),     # FFmpeg holds the body once; nothing keeps copies
    ("never_ending_header", (), 16),            # a header line is read into a fixed buffer
])
def test_memory_stays_bounded(answer_name, args, bound_mb):
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        grown_mb, state = pool.apply_async(_rss_growth_mb, (answer_name, args)).get(timeout=120)
    assert state in ("reconnecting", "unreachable")
    assert grown_mb < bound_mb, f"peak RSS grew by {grown_mb:.1f} MB"
