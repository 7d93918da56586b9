import pytest

from ui.wall.tour import Tour
from tests.fixtures.clock import FakeClock


def test_cycles_with_dwell_time():
    clock = FakeClock()
    tour = Tour([1, 2, 3], dwell_s=10, clock=clock)
    assert tour.current == 1 and tour.due() is None
    clock.advance(9.9)
    assert tour.due() is None
    clock.advance(0.1)
    assert tour.due() == 2
    assert tour.due() is None
    clock.advance(10)
    assert tour.due() == 3
    clock.advance(10)
    assert tour.due() == 1


def test_activity_pauses_then_resumes_with_a_full_dwell():
    clock = FakeClock()
    tour = Tour(["a", "b"], dwell_s=5, resume_after_s=30, clock=clock)
    clock.advance(4)
    tour.note_activity()
    assert tour.paused
    clock.advance(29)
    assert tour.due() is None
    clock.advance(1)
    assert tour.due() is None and not tour.paused    # resumes: the current item gets a full dwell
    clock.advance(4.9)
    assert tour.due() is None
    clock.advance(0.1)
    assert tour.due() == "b"


def test_single_item_and_bad_arguments():
    clock = FakeClock()
    tour = Tour([7], dwell_s=1, clock=clock)
    clock.advance(5)
    assert tour.due() is None
    with pytest.raises(ValueError):
        Tour([], clock=clock)
    with pytest.raises(ValueError):
        Tour([1], dwell_s=0, clock=clock)


def test_upcoming_names_the_next_item_so_it_can_be_prepared():
    clock = FakeClock()
    tour = Tour(["a", "b", "c"], dwell_s=5, clock=clock)
    assert tour.upcoming == "b"
    clock.advance(5)
    assert tour.due() == "b" and tour.upcoming == "c"
    clock.advance(5)
    assert tour.due() == "c" and tour.upcoming == "a"
    assert Tour([7], clock=clock).upcoming is None
