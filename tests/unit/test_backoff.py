"""Retry delays: exponential with jitter, capped, reset after a healthy period, slow for wrong passwords."""

from __future__ import annotations

import random

import pytest

from videowall.media.backoff import Backoff, BackoffPolicy
from tests.fixtures.clock import FakeClock


class FixedRandom(random.Random):
    """random() always returns ``value``: 0.5 means no jitter, 0 the shortest, 1 the longest delay."""

    def __init__(self, value: float) -> None:
        super().__init__(0)
        self.value = value

    def random(self) -> float:
        return self.value


def make(value: float = 0.5, **policy) -> tuple[Backoff, FakeClock]:
    clock = FakeClock()
    return Backoff(BackoffPolicy(**policy), clock, FixedRandom(value)), clock


def test_delays_double_from_one_second_up_to_the_cap() -> None:
    backoff, _ = make()
    assert [backoff.on_failure() for _ in range(8)] == [1, 2, 4, 8, 16, 30, 30, 30]
    assert backoff.failures == 8


def test_jitter_stays_within_its_band_and_under_the_cap() -> None:
    low, _ = make(0.0)
    high, _ = make(1.0)
    assert [round(low.on_failure(), 3) for _ in range(3)] == [0.8, 1.6, 3.2]
    assert [round(high.on_failure(), 3) for _ in range(7)] == [1.2, 2.4, 4.8, 9.6, 19.2, 30, 30]


def test_random_jitter_spreads_sessions_apart() -> None:
    delays = {round(Backoff(BackoffPolicy(), FakeClock(), random.Random(seed)).on_failure(), 6) for seed in range(20)}
    assert len(delays) > 10
    assert all(0.8 <= d <= 1.2 for d in delays)


def test_auth_failures_start_at_ten_seconds_even_with_jitter() -> None:
    backoff, _ = make(0.0)
    delays = [backoff.on_failure(auth=True) for _ in range(6)]
    assert delays[0] == 10
    assert all(d >= 10 for d in delays)
    assert delays == sorted(delays)
    assert max(delays) <= 120


def test_a_healthy_live_period_resets_the_delay() -> None:
    backoff, clock = make()
    for _ in range(4):
        backoff.on_failure()
    backoff.on_live()
    clock.advance(10.0)
    assert backoff.on_failure() == 1


def test_a_short_live_period_keeps_growing_the_delay() -> None:
    backoff, clock = make()
    for _ in range(3):
        backoff.on_failure()
    backoff.on_live()
    clock.advance(2.0)
    assert backoff.on_failure() == 8


def test_reset() -> None:
    backoff, _ = make()
    backoff.on_failure()
    backoff.on_failure()
    backoff.reset()
    assert backoff.on_failure() == 1


@pytest.mark.parametrize("failures", [100, 1000])
def test_many_failures_do_not_overflow(failures: int) -> None:
    backoff, _ = make()
    for _ in range(failures):
        delay = backoff.on_failure()
    assert delay == 30
