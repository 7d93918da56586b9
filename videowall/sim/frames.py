"""I420 frames of one simulated camera: background in the camera colour, a bouncing box, the pixel code.

Text (camera name, running clock) is added downstream by GStreamer's clockoverlay; this module keeps the
layout promises the tests rely on: the top-right patch (``palette.patch_rect``) stays solid camera colour,
the moving box never enters it nor the text band nor the code. Pure numpy, used by the server process
(Debian's Python 3.11 + numpy 1.24).

To stay cheap each painter keeps one frame and only repaints what changes: the old box area, the new box
and the code.
"""

from __future__ import annotations

import numpy as np

from videowall.sim import palette, pixelcode


def bgr_to_yuv(bgr: tuple[int, int, int]) -> tuple[int, int, int]:
    """Video-range BT.601 (Y, U, V) of a (B, G, R) colour: matches the caps' colorimetry=bt601."""
    b, g, r = bgr
    y = 16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255
    u = 128 + (-37.797 * r - 74.203 * g + 112.0 * b) / 255
    v = 128 + (112.0 * r - 93.786 * g - 18.214 * b) / 255
    return round(y), round(u), round(v)


class FramePainter:
    """Paints the frames of one camera stream (one per media, so one thread at a time)."""

    def __init__(self, camera: int, width: int, height: int) -> None:
        if width % 2 or height % 2:
            raise ValueError(f"frame size must be even: {width}x{height}")
        self.width, self.height = width, height
        self.frame = np.empty(width * height * 3 // 2, dtype=np.uint8)
        chroma = (width // 2) * (height // 2)
        self._planes = (
            self.frame[: width * height].reshape(height, width),
            self.frame[width * height: width * height + chroma].reshape(height // 2, width // 2),
            self.frame[width * height + chroma:].reshape(height // 2, width // 2),
        )
        self._background = bgr_to_yuv(palette.camera_color(camera))
        light = self._background[0] > 128
        self._box_color = (pixelcode.Y_BLACK, 128, 128) if light else (pixelcode.Y_WHITE, 128, 128)
        self._box_size = _even(height // 6)
        # The box roams between the text band (top quarter) and the code (bottom ninth, plus a gap).
        self._top = _even(height // 4 + height // 36)
        self._bottom = _even(pixelcode.code_rect(width, height)[1] - height // 36)
        self._phase = camera * 0.37  # cameras move out of step
        self._box: tuple[int, int] | None = None
        for plane, value in zip(self._planes, self._background):
            plane[:] = value

    def paint(self, t_s: float, epoch_ms: int) -> np.ndarray:
        """The frame at stream time ``t_s`` stamped with ``epoch_ms``; the returned array is reused."""
        if self._box is not None:
            self._fill(*self._box, self._background)
        self._box = self._box_position(t_s)
        self._fill(*self._box, self._box_color)
        pixelcode.encode_timestamp_i420(self.frame, self.width, self.height, epoch_ms)
        return self.frame

    def box_at(self, t_s: float) -> tuple[int, int, int]:
        """(x, y, size) of the moving box at stream time ``t_s`` (the simulated motion detector watches it)."""
        return (*self._box_position(t_s), self._box_size)

    def _box_position(self, t_s: float) -> tuple[int, int]:
        span_x = self.width - self._box_size
        span_y = self._bottom - self._top - self._box_size
        x = _triangle(t_s * 0.23 + self._phase) * span_x
        y = _triangle(t_s * 0.31 + self._phase * 1.7) * span_y
        return _even(int(x)), self._top + _even(int(y))

    def _fill(self, x: int, y: int, color: tuple[int, int, int]) -> None:
        size = self._box_size
        luma, u, v = self._planes
        luma[y:y + size, x:x + size] = color[0]
        half = size // 2
        u[y // 2:y // 2 + half, x // 2:x // 2 + half] = color[1]
        v[y // 2:y // 2 + half, x // 2:x // 2 + half] = color[2]


def _triangle(phase: float) -> float:
    """0 → 1 → 0 over one unit of phase: a bounce."""
    frac = phase % 1.0
    return 2 * frac if frac < 0.5 else 2 * (1 - frac)


def _even(value: int) -> int:
    return value - value % 2
