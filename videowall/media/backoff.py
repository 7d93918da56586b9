"""Retry delays for one stream session: exponential with jitter, reset after a healthy live period.

Pure: time comes from an injected Clock, randomness from an injected ``random.Random``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from videowall.runtime.clock import SYSTEM_CLOCK, Clock


@dataclass(frozen=True)
class BackoffPolicy:
    initial_s: float = 1.0
    cap_s: float = 30.0
    multiplier: float = 2.0
    jitter: float = 0.2          # each delay is drawn from [d·(1−jitter), d·(1+jitter)], then capped
    healthy_after_s: float = 10.0
    # A wrong password is retried slowly: many cameras lock an account after a few failed logins.
    auth_initial_s: float = 10.0
    auth_cap_s: float = 120.0


class Backoff:
    """Computes the wait before the next connection attempt. Not thread-safe: one session thread uses it."""

    def __init__(self, policy: BackoffPolicy | None = None, clock: Clock = SYSTEM_CLOCK,
                 rng: random.Random | None = None) -> None:
        self.policy = policy or BackoffPolicy()
        self._clock = clock
        self._rng = rng or random.Random()
        self._failures = 0
        self._live_since: float | None = None

    @property
    def failures(self) -> int:
        """Failures in a row since the last reset."""
        return self._failures

    def on_live(self) -> None:
        """The stream is delivering: start timing the healthy period."""
        if self._live_since is None:
            self._live_since = self._clock.monotonic()

    def on_failure(self, auth: bool = False) -> float:
        """Record a failed attempt or a lost stream and return how long to wait before the next attempt."""
        if self._live_since is not None:
            if self._clock.monotonic() - self._live_since >= self.policy.healthy_after_s:
                self._failures = 0
            self._live_since = None
        p = self.policy
        initial, cap = (p.auth_initial_s, max(p.auth_cap_s, p.cap_s)) if auth else (p.initial_s, p.cap_s)
        base = min(cap, initial * p.multiplier ** min(self._failures, 64))
        self._failures += 1
        spread = 1.0 + p.jitter * (2.0 * self._rng.random() - 1.0)
        # An auth failure never retries before auth_initial_s, jitter or not.
        floor = initial if auth else initial * (1.0 - p.jitter)
        return max(floor, min(cap, base * spread))

    def reset(self) -> None:
        self._failures = 0
        self._live_since = None
