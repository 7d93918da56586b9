"""The stream supervisor's bookkeeping without a network: sessions are stand-ins, decoders are real.

Sharing one session between views and consumers, the cap on live decoders and the warm budget are rules
of the supervisor alone; the real-RTSP behaviour (pictures, kept GOPs) is in tests/integration.
"""

from __future__ import annotations

import threading

import pytest

from tests.fixtures.waiting import wait_for
from videowall.media.decoder import LiveDecoder
from videowall.media.types import SessionState, SessionStatus, StatsSnapshot, StreamSource
from videowall.model.camera import Camera, Profile, Transport
from tests.fixtures.clock import FakeClock
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.streams.supervisor import StreamSupervisor

SMALL, LARGE = (480, 270), (1920, 1080)


class StandInSession:
    """What the supervisor sees of a session: started, consumers attached, closed (no thread, no socket)."""

    def __init__(self, source: StreamSource, credentials, clock, transports) -> None:
        self.source = source
        self.credentials = credentials
        self.consumers: list[object] = []
        self.started = False
        self.closed = threading.Event()

    def start(self) -> None:
        self.started = True

    def close(self, timeout_s: float = 2.0) -> bool:
        self.closed.set()
        return True

    def add_consumer(self, consumer) -> None:
        self.consumers.append(consumer)

    def remove_consumer(self, consumer) -> None:
        self.consumers.remove(consumer)

    def status(self) -> SessionStatus:
        return SessionStatus(SessionState.LIVE)

    def stats(self) -> StatsSnapshot:
        return StatsSnapshot()


class Harness:
    def __init__(self, **limits) -> None:
        self.sessions: list[StandInSession] = []
        self.decoders: list[LiveDecoder] = []
        self.cameras = {i: Camera(i, f"CAM {i}", f"rtsp://127.0.0.1/cam{i}/main", f"rtsp://127.0.0.1/cam{i}/sub",
                                  transport=Transport.UDP if i == 9 else Transport.TCP) for i in range(1, 10)}
        self.supervisor = StreamSupervisor(self._camera, lambda _cid: None, clock=FakeClock(),
                                           session_factory=self._session, decoder_factory=self._decoder, **limits)

    def _camera(self, camera_id: int) -> Camera:
        if camera_id not in self.cameras:
            raise VideowallError(ErrorKind.NOT_FOUND, f"There is no camera {camera_id}.")
        return self.cameras[camera_id]

    def _session(self, source, credentials, clock, transports) -> StandInSession:
        self.sessions.append(StandInSession(source, credentials, clock, transports))
        return self.sessions[-1]

    def _decoder(self, clock, threads) -> LiveDecoder:
        self.decoders.append(LiveDecoder(clock=clock, threads=threads))
        return self.decoders[-1]

    def open_urls(self) -> list[str]:
        return [s.source.url for s in self.sessions if not s.closed.is_set()]


@pytest.fixture
def harness():
    made: list[Harness] = []

    def make(**limits) -> Harness:
        made.append(Harness(**limits))
        return made[-1]

    yield make
    for h in made:
        h.supervisor.close()


def test_views_of_one_camera_stream_share_one_session(harness):
    h = harness()
    first = h.supervisor.open_view(1, *SMALL)
    second = h.supervisor.open_view(1, *SMALL)
    assert len(h.sessions) == 1 and h.sessions[0].started
    assert h.sessions[0].source.url == "rtsp://127.0.0.1/cam1/sub"
    first.release()
    assert not h.sessions[0].closed.is_set()       # the second view still shows it
    second.release()
    wait_for(h.sessions[0].closed.is_set, what="the unused session closed")
    assert h.supervisor.session_count() == 0


def test_a_growing_tile_moves_to_the_main_stream_and_lets_the_sub_stream_go(harness):
    h = harness()
    view = h.supervisor.open_view(2, *SMALL)
    view.set_size(*LARGE)
    assert view.profile is Profile.MAIN
    wait_for(lambda: h.open_urls() == ["rtsp://127.0.0.1/cam2/main"], what="only the main stream open")


def test_a_recorder_rides_on_the_tiles_session_and_keeps_it_open(harness):
    h = harness()
    recorder = object()
    view = h.supervisor.open_view(3, *LARGE)
    h.supervisor.attach_consumer(3, Profile.MAIN, recorder)
    assert len(h.sessions) == 1 and recorder in h.sessions[0].consumers
    view.release()
    assert h.supervisor.session_count() == 1 and not h.sessions[0].closed.is_set()
    h.supervisor.detach_consumer(3, Profile.MAIN, recorder)
    wait_for(h.sessions[0].closed.is_set, what="the session closed with its last user")


def test_the_camera_transport_reaches_the_session(harness):
    h = harness()
    h.supervisor.open_view(9, *SMALL)
    assert h.sessions[0].source.options.transport is Transport.UDP


def test_decoders_over_the_cap_wait_paused_and_resume_when_a_slot_frees(harness):
    h = harness(max_live_decoders=2)
    views = [h.supervisor.open_view(camera_id, *SMALL) for camera_id in (1, 2, 3)]
    assert [v.limited() for v in views] == [False, False, True]
    assert h.supervisor.live_decoder_count() == 2
    views[0].set_visible(False)          # a hidden tile frees its slot
    assert not views[2].limited() and h.supervisor.live_decoder_count() == 2


def test_warm_sessions_stay_within_the_budget_best_first(harness):
    h = harness(max_warm_sessions=2)
    h.supervisor.set_warm("wall", [(1, *SMALL), (2, *SMALL), (3, *SMALL)])
    assert h.supervisor.is_warm(1, Profile.SUB) and h.supervisor.is_warm(2, Profile.SUB)
    assert not h.supervisor.is_warm(3, Profile.SUB)
    assert h.supervisor.stats().warm_sessions == 2 and h.supervisor.live_decoder_count() == 0


def test_a_shown_stream_does_not_use_up_the_warm_budget(harness):
    h = harness(max_warm_sessions=1)
    h.supervisor.open_view(1, *SMALL)
    h.supervisor.set_warm("wall", [(1, *SMALL), (2, *SMALL)])
    assert h.supervisor.is_warm(2, Profile.SUB)
    assert h.supervisor.stats().warm_sessions == 1 and h.supervisor.session_count() == 2


def test_warm_sessions_that_fall_out_of_the_request_close(harness):
    h = harness(max_warm_sessions=4)
    h.supervisor.set_warm("wall", [(1, *SMALL), (2, *SMALL)])
    h.supervisor.set_warm("wall", [(2, *SMALL), (404, *SMALL)])     # a removed camera is skipped
    wait_for(lambda: h.open_urls() == ["rtsp://127.0.0.1/cam2/sub"], what="camera 1's warm session closed")
    h.supervisor.clear_warm("wall")
    wait_for(lambda: h.open_urls() == [], what="every warm session closed")
