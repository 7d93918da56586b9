"""Warm sessions: the supervisor pre-opens streams (decoder idle, last GOP kept) so a recalled view starts at once.

Runs against the real camera simulator. Nothing here asserts durations: what proves "instant" is that the
tile's first picture came from the kept GOP of a session that was already open (no new session, a GOP start).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fixtures.waiting import wait_for
from videowall.media.types import SessionState
from videowall.model.camera import Camera, Profile
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.sim.palette import match_camera, patch_rect
from videowall.streams.supervisor import StreamSupervisor
from videowall.streams.warm import choose_warm

SUB_TILE = (480, 270)     # a 4×4 tile on a 1920×1080 wall: the sub stream


@pytest.fixture
def supervisor(simulator) -> Iterator[StreamSupervisor]:
    made: list[StreamSupervisor] = []

    def make(max_warm_sessions: int = 32) -> StreamSupervisor:
        cameras = {i: Camera(i, f"CAM {i:02d}", simulator.url(i, "main"), simulator.url(i, "sub"))
                   for i in range(1, simulator.cameras + 1)}

        def lookup(camera_id: int) -> Camera:
            if camera_id not in cameras:
                raise VideowallError(ErrorKind.NOT_FOUND, f"There is no camera {camera_id}.")
            return cameras[camera_id]
        sup = StreamSupervisor(lookup, lambda _cid: None, max_warm_sessions=max_warm_sessions)
        made.append(sup)
        return sup

    yield make
    for sup in made:
        sup.close()


def shown_camera(image, cameras: int) -> int | None:
    x, y, w, h = patch_rect(image.shape[1], image.shape[0])
    return match_camera(tuple(float(v) for v in image[y:y + h, x:x + w, :3].reshape(-1, 3).mean(axis=0)), cameras)


def test_a_view_of_warm_cameras_starts_from_the_kept_gop_without_opening_a_session(supervisor, simulator):
    sup = supervisor()
    sup.set_warm("wall", [(1, *SUB_TILE), (2, *SUB_TILE), (99, *SUB_TILE)])   # 99: no such camera, skipped
    stats = sup.stats()
    assert stats.sessions_open == 2 and stats.warm_sessions == 2 and stats.sessions_opened == 2
    assert sup.is_warm(1, Profile.SUB) and sup.is_warm(2, Profile.SUB)
    wait_for(lambda: sup.stats().warm_ready == 2, "both warm sessions holding a GOP")
    assert sup.live_decoder_count() == 0           # warm costs demuxing only: no decoder runs
    assert sup.stats().gop_starts == 0

    view = sup.open_view(2, *SUB_TILE)
    frame = wait_for(view.latest, "the first picture of the recalled camera")
    stats = sup.stats()
    assert stats.sessions_opened == 2, "recalling a warm camera opened a new session"
    assert stats.gop_starts == 1, "the first picture did not come from the kept GOP"
    assert stats.warm_sessions == 1                # camera 2 is shown now, only camera 1 is warm alone
    assert shown_camera(frame.image, simulator.cameras) == 2
    assert frame.image.shape[:2] == (270, 480)
    assert view.status().state is SessionState.LIVE and sup.live_decoder_count() == 1

    view.release()                                 # still warm: stays open, decoder idle again
    assert sup.session_count() == 2 and sup.is_warm(2, Profile.SUB)
    wait_for(lambda: sup.live_decoder_count() == 0, "the released camera's decoder idle")


def test_sessions_neither_shown_nor_warm_are_closed_and_the_budget_holds(supervisor):
    sup = supervisor(max_warm_sessions=2)
    sup.set_warm("wall", [(1, *SUB_TILE), (2, *SUB_TILE), (3, *SUB_TILE)])
    assert sup.session_count() == 2 and not sup.is_warm(3, Profile.SUB)      # over the budget: not opened

    shown = sup.open_view(3, *SUB_TILE)            # shown streams are open anyway: they cost no budget
    sup.set_warm("wall", [(3, *SUB_TILE), (1, *SUB_TILE), (2, *SUB_TILE)])
    assert sup.session_count() == 3 and all(sup.is_warm(c, Profile.SUB) for c in (1, 2, 3))

    shown.release()                                # 3 now counts: the lowest priority (2) is closed
    assert sup.session_count() == 2 and sup.is_warm(3, Profile.SUB) and sup.is_warm(1, Profile.SUB)
    assert sup.session_status(2, Profile.SUB).state is SessionState.STOPPED

    other = sup.open_view(4, *SUB_TILE)            # neither warm nor shown after release: closed at once
    assert sup.session_count() == 3
    other.release()
    assert sup.session_count() == 2
    sup.clear_warm("wall")
    assert sup.session_count() == 0
    assert sup.stats().sessions_opened == sup.stats().sessions_closed == 4


def test_a_recorder_shares_the_warm_session_and_keeps_it_after_warmth_ends(supervisor):
    sup = supervisor()
    sup.set_warm("wall", [(5, 1280, 720)])         # a big tile: the main stream
    assert sup.is_warm(5, Profile.MAIN)

    class Counter:
        packets = 0

        def on_stream_opened(self, stream) -> None:
            pass

        def on_packet(self, packet, received_monotonic: float) -> None:
            self.packets += 1

        def on_stream_closed(self) -> None:
            pass

    counter = Counter()
    sup.attach_consumer(5, Profile.MAIN, counter)
    wait_for(lambda: counter.packets > 10, "packets reaching the recorder")
    assert sup.stats().sessions_opened == 1 and sup.stats().warm_sessions == 0   # recorded: not warm alone
    sup.clear_warm("wall")
    assert sup.session_count() == 1                # still recorded
    sup.detach_consumer(5, Profile.MAIN, counter)
    assert sup.session_count() == 0


def test_choose_warm_takes_owners_in_turn_and_counts_only_streams_not_open_anyway():
    busy = {"shown"}
    chosen = choose_warm([["shown", "a1", "a2", "a3"], ["b1", "b2"]], lambda key: key in busy, budget=3)
    assert chosen == ["shown", "b1", "a1", "b2"]
    assert choose_warm([["a", "a", "b"]], lambda key: False, budget=0) == []
    assert choose_warm([["a", "a", "b"]], lambda key: False, budget=5) == ["a", "b"]
