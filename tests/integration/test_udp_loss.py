"""RTP over UDP through packet loss and a blackout: the picture keeps moving, and a stall reconnects by itself.

The loss is made by an RTSP-aware proxy (tests/fixtures/lossy_rtsp_proxy.py): this kernel has no netem.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from tests.fixtures.lossy_rtsp_proxy import LossyRtspProxy
from tests.fixtures.waiting import wait_for
from videowall.media.decoder import LiveDecoder
from videowall.media.session import StreamSession
from videowall.media.types import SessionState, StreamOptions, StreamSource
from videowall.model.camera import Transport

WAIT_S = 30.0
OPTIONS = StreamOptions(transport=Transport.UDP, read_timeout_s=2.0, backoff_initial_s=0.2, backoff_cap_s=1.0)


@pytest.fixture
def lossy(simulator) -> Iterator[tuple[LossyRtspProxy, str]]:
    proxy = LossyRtspProxy(simulator.port).start()
    yield proxy, proxy.url(urlsplit(simulator.url(3, "sub")).path)
    proxy.stop()


@pytest.fixture
def session_through(lossy) -> Iterator[tuple[StreamSession, LiveDecoder, LossyRtspProxy]]:
    proxy, url = lossy
    session = StreamSession(StreamSource(camera_id=3, profile="sub", url=url, options=OPTIONS))
    decoder = LiveDecoder()
    decoder.set_target_size(320, 180)
    session.add_consumer(decoder)
    session.start()
    yield session, decoder, proxy
    assert session.close(timeout_s=5.0)


def newer_frames(decoder: LiveDecoder, count: int, what: str) -> None:
    start = decoder.latest().seq if decoder.latest() else 0
    wait_for(lambda: (f := decoder.latest()) is not None and f.seq >= start + count, what, WAIT_S)


@pytest.mark.parametrize("loss", [0.05, 0.25])
def test_packet_loss_does_not_freeze_the_picture(session_through, loss):
    session, decoder, proxy = session_through
    newer_frames(decoder, 10, "frames over UDP through the proxy")
    assert session.stats().transport == "udp" and proxy.forwarded > 0
    proxy.loss = loss
    dropped = proxy.dropped
    newer_frames(decoder, 75, f"new pictures (3 s of video) while {loss:.0%} of the RTP packets are lost")
    # However many packets 3 s took on this run, pictures go on until the loss is surely real.
    wait_for(lambda: proxy.dropped >= dropped + 20, "20 lost packets", WAIT_S)
    newer_frames(decoder, 25, "new pictures after 20 lost packets")
    assert session.status().state is SessionState.LIVE
    assert session.stats().reconnects == 0


def test_a_blackout_is_noticed_and_the_stream_comes_back_by_itself(session_through):
    session, decoder, proxy = session_through
    newer_frames(decoder, 10, "frames over UDP through the proxy")
    proxy.loss = 1.0
    status = wait_for(lambda: (s := session.status()).state is not SessionState.LIVE and s,
                      "the stall to be noticed", WAIT_S)
    assert status.error is not None and "stopped sending video" in status.error.user_message
    proxy.loss = 0.0
    wait_for(lambda: session.status().state is SessionState.LIVE, "live again", WAIT_S)
    newer_frames(decoder, 10, "new pictures after the blackout")
    assert session.stats().reconnects >= 1 and session.stats().last_error is None
