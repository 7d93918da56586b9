"""Playing from independent RTSP servers that speak RTP over UDP only: rtsp-server-perl and rtsp-streaming-server.

A camera added with the default (automatic) transport must play from both: TCP is refused (400 / 461), the
session falls back to UDP, remembers it, and a camera fixed to TCP says what the server really answered.
"""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Callable, Iterator

import pytest

from tests.fixtures.rtsp_peers import RtspPeer, npm_peer, peer_clip, peer_factory, perl_peer  # noqa: F401
from tests.fixtures.waiting import wait_for
from videowall.media.decoder import LiveDecoder
from videowall.media.session import StreamSession
from videowall.media.transport import TransportMemory
from videowall.media.types import SessionState, StreamOptions, StreamSource
from videowall.model.camera import Transport
from videowall.station import Station

WAIT_S = 30.0
OPTIONS = StreamOptions(read_timeout_s=3.0, backoff_initial_s=0.2, backoff_cap_s=1.0)
REFUSALS = {"rtsp-server-perl": "400 Bad Request", "rtsp-streaming-server": "461 Unsupported Transport"}


@pytest.fixture(params=["perl", "npm"], ids=["rtsp-server-perl", "rtsp-streaming-server"])
def peer(request) -> RtspPeer:
    return request.getfixturevalue(f"{request.param}_peer")


@pytest.fixture
def open_session() -> Iterator[Callable[..., StreamSession]]:
    sessions: list[StreamSession] = []

    def make(url: str, transport: Transport = Transport.AUTO, memory: TransportMemory | None = None,
             camera_id: int = 1) -> StreamSession:
        source = StreamSource(camera_id=camera_id, profile="main", url=url,
                              options=StreamOptions(**{**OPTIONS.__dict__, "transport": transport}))
        session = StreamSession(source, transports=memory)
        sessions.append(session)
        return session

    yield make
    for session in sessions:
        assert session.close(timeout_s=5.0)


def play(session: StreamSession, frames: int = 10) -> LiveDecoder:
    decoder = LiveDecoder()
    decoder.set_target_size(320, 180)
    session.add_consumer(decoder)
    session.start()
    wait_for(lambda: session.stats().frames_decoded >= frames, f"{frames} decoded frames", WAIT_S)
    return decoder


def test_automatic_transport_plays_over_udp_after_the_tcp_refusal(peer, open_session, caplog):
    caplog.set_level(logging.INFO, logger="videowall.media.session")
    memory = TransportMemory()
    session = open_session(peer.url, memory=memory)
    decoder = play(session)
    assert session.status().state is SessionState.LIVE
    stats = session.stats()
    assert stats.transport == "udp" and stats.last_error is None
    assert decoder.latest().image.shape == (180, 320, 4)
    assert memory.last_worked(1) is Transport.UDP
    refusal = [r.getMessage() for r in caplog.records if "trying the next transport" in r.getMessage()]
    assert len(refusal) == 1 and f"answered {REFUSALS[peer.name]} over TCP" in refusal[0]


def test_what_worked_is_tried_first_by_the_cameras_next_session(peer, open_session, caplog):
    memory = TransportMemory()
    memory.worked(1, Transport.UDP)
    caplog.set_level(logging.INFO, logger="videowall.media.session")
    session = open_session(peer.url, memory=memory)
    play(session)
    assert session.stats().transport == "udp"
    assert not [r for r in caplog.records if "trying the next transport" in r.getMessage()]


def test_tcp_first_order_udp_then_tcp_plays_without_a_refusal(peer, open_session, caplog):
    caplog.set_level(logging.INFO, logger="videowall.media.session")
    session = open_session(peer.url, transport=Transport.UDP_THEN_TCP)
    play(session)
    assert session.stats().transport == "udp"
    assert not [r for r in caplog.records if "trying the next transport" in r.getMessage()]


def test_a_camera_fixed_to_tcp_shows_the_servers_real_answer(peer, open_session):
    session = open_session(peer.url, transport=Transport.TCP)
    session.start()
    status = wait_for(lambda: (s := session.status()).error is not None and s, "the refusal", WAIT_S)
    assert status.state is not SessionState.LIVE
    message = status.error.user_message
    assert f"answered {REFUSALS[peer.name]} over TCP" in message, message
    assert "did not send a playable stream" not in message
    assert session.stats().last_error == message


def test_a_camera_added_with_the_default_transport_plays_on_the_station(peer, tmp_path):
    station = Station.open(tmp_path / "data", secrets_kind="memory")
    try:
        camera = station.cameras.add(name="Peer", main_url=peer.url)
        assert camera.transport is Transport.AUTO
        view = station.supervisor.open_view(camera.id, 320, 180)
        try:
            wait_for(lambda: view.status().state is SessionState.LIVE and view.latest() is not None,
                     "a live picture", WAIT_S)
            assert view.stats().transport == "udp"
        finally:
            view.release()
    finally:
        station.close()


@pytest.fixture
def refusing_server() -> Iterator[int]:
    """An RTSP server that answers every request with 400 Bad Request, whatever the transport."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(5)
                request = b""
                try:
                    while b"\r\n\r\n" not in request:
                        chunk = conn.recv(4096)
                        if not chunk:
                            break
                        request += chunk
                    cseq = next((line.split(b":", 1)[1].strip() for line in request.split(b"\r\n")
                                 if line.lower().startswith(b"cseq:")), b"1")
                    conn.sendall(b"RTSP/1.0 400 Bad Request\r\nCSeq: " + cseq + b"\r\n\r\n")
                except OSError:
                    pass

    thread = threading.Thread(target=serve, name="refusing-rtsp", daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    listener.shutdown(socket.SHUT_RDWR)
    listener.close()
    thread.join(5)


def test_when_every_transport_is_refused_the_message_names_each_answer(refusing_server, open_session):
    session = open_session(f"rtsp://127.0.0.1:{refusing_server}/cam1")
    session.start()
    status = wait_for(lambda: (s := session.status()).error is not None and s, "the refusal", WAIT_S)
    assert status.error.user_message == (
        f"The camera at 127.0.0.1:{refusing_server} answered 400 Bad Request over UDP instead of sending the "
        "stream. It refused first: TCP: 400 Bad Request.")
