"""Pan/tilt/zoom state of one simulated PTZ camera, shared by the SOAP thread and the frame ticker.

Positions use ONVIF's generic spaces: pan and tilt in [-1, 1], zoom in [0, 1]. A continuous move is a
velocity applied from a start time (``time.monotonic``), so the position is computed when asked instead of
stepped by a thread; it stops at the limits and after the move's own timeout. Presets, home, absolute and
relative moves are instant (real cameras travel there; the tests only need the picture to end up in the same
place). Pure Python.
"""

from __future__ import annotations

import threading
import time

PAN_RATE = 0.5    # position units per second at velocity 1
ZOOM_RATE = 0.5
MAX_PRESETS = 32


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


class PtzState:
    """Thread-safe position, velocity, presets and home of one camera."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pos = (0.0, 0.0, 0.0)
        self._vel = (0.0, 0.0, 0.0)
        self._since = time.monotonic()
        self._until: float | None = None
        self._home = (0.0, 0.0, 0.0)
        self._presets: dict[str, tuple[str, tuple[float, float, float]]] = {}
        self._next_token = 1

    def position(self) -> tuple[float, float, float]:
        with self._lock:
            return self._settle(time.monotonic())

    def moving(self) -> bool:
        with self._lock:
            self._settle(time.monotonic())
            return self._vel != (0.0, 0.0, 0.0)

    def move(self, pan_v: float, tilt_v: float, zoom_v: float, timeout_s: float | None) -> None:
        now = time.monotonic()
        with self._lock:
            self._settle(now)
            self._vel = (_clamp(pan_v, -1, 1), _clamp(tilt_v, -1, 1), _clamp(zoom_v, -1, 1))
            self._until = now + timeout_s if timeout_s else None

    def stop(self) -> None:
        with self._lock:
            self._settle(time.monotonic())
            self._vel = (0.0, 0.0, 0.0)
            self._until = None

    def go_to(self, position: tuple[float, float, float]) -> None:
        with self._lock:
            self._vel = (0.0, 0.0, 0.0)
            self._until = None
            self._pos = position
            self._since = time.monotonic()

    def translate(self, d_pan: float, d_tilt: float, d_zoom: float) -> None:
        """A relative move (instant, like presets), clamped to the limits."""
        with self._lock:
            pan, tilt, zoom = self._settle(time.monotonic())
            self._vel, self._until = (0.0, 0.0, 0.0), None
            self._pos = (_clamp(pan + d_pan, -1, 1), _clamp(tilt + d_tilt, -1, 1), _clamp(zoom + d_zoom, 0, 1))

    def go_home(self) -> None:
        self.go_to(self._home)

    def set_home(self) -> None:
        self._home = self.position()

    def set_preset(self, name: str | None, token: str | None) -> str:
        position = self.position()
        with self._lock:
            if token is None:
                if len(self._presets) >= MAX_PRESETS:
                    raise ValueError("too many presets")
                token = str(self._next_token)
                self._next_token += 1
            elif token not in self._presets:
                raise KeyError(token)
            old_name = self._presets.get(token, ("", position))[0]
            self._presets[token] = (name or old_name or f"Preset {token}", position)
            return token

    def remove_preset(self, token: str) -> None:
        with self._lock:
            del self._presets[token]

    def preset(self, token: str) -> tuple[float, float, float]:
        with self._lock:
            return self._presets[token][1]

    def presets(self) -> list[tuple[str, str, tuple[float, float, float]]]:
        with self._lock:
            return [(token, name, pos) for token, (name, pos) in sorted(self._presets.items(),
                                                                        key=lambda item: int(item[0]))]

    def _settle(self, now: float) -> tuple[float, float, float]:
        """Fold the running move into the position up to ``now`` (caller holds the lock)."""
        end = now if self._until is None else min(now, self._until)
        dt = max(0.0, end - self._since)
        pan, tilt, zoom = self._pos
        vp, vt, vz = self._vel
        self._pos = (_clamp(pan + vp * PAN_RATE * dt, -1, 1), _clamp(tilt + vt * PAN_RATE * dt, -1, 1),
                     _clamp(zoom + vz * ZOOM_RATE * dt, 0, 1))
        self._since = now
        if self._until is not None and now >= self._until:
            self._vel, self._until = (0.0, 0.0, 0.0), None
        return self._pos
