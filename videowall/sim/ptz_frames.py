"""I420 frames of a simulated PTZ camera: a crop window over a larger scene, steered by its ``PtzState``.

The scene is twice the frame size each way: a grid of flat blocks of random grey levels (seeded by the camera
number, the same picture for main and sub). Pan and tilt move the window's centre over the scene, zoom shrinks
the window (zoom 1 = 4× magnification), so any move shifts pixels everywhere in the picture and a stopped
camera shows an unchanging picture. The top-right patch stays solid camera colour and the pixel code is kept,
as in ``frames.FramePainter``. Pure numpy (the server process: Python 3.11 + numpy 1.24).
"""

from __future__ import annotations

import numpy as np

from videowall.sim import palette, pixelcode
from videowall.sim.frames import bgr_to_yuv
from videowall.sim.ptz_state import PtzState

_BLOCKS = (36, 64)      # scene blocks (rows, columns)
_MAX_ZOOM = 4.0


class PtzFramePainter:
    """Paints the frames of one PTZ camera stream (one per media, so one thread at a time)."""

    def __init__(self, camera: int, width: int, height: int, state: PtzState) -> None:
        if width % 2 or height % 2:
            raise ValueError(f"frame size must be even: {width}x{height}")
        self.width, self.height = width, height
        self._state = state
        rng = np.random.default_rng(camera)
        blocks = rng.integers(30, 226, size=_BLOCKS, dtype=np.uint8)
        self._scene = np.kron(blocks, np.ones((2 * height // _BLOCKS[0] + 1, 2 * width // _BLOCKS[1] + 1),
                                              dtype=np.uint8))[: 2 * height, : 2 * width]
        self.frame = np.empty(width * height * 3 // 2, dtype=np.uint8)
        self._luma = self.frame[: width * height].reshape(height, width)
        self.frame[width * height:] = 128  # grey chroma: the scene is luma only
        self._yuv = bgr_to_yuv(palette.camera_color(camera))
        self._last: tuple[float, float, float] | None = None

    def paint(self, t_s: float, epoch_ms: int) -> np.ndarray:
        """The frame now (``t_s`` unused: the PTZ state carries time); the returned array is reused."""
        position = self._state.position()
        if position != self._last:
            self._crop(*position)
            self._paint_patch()
            self._last = position
        pixelcode.encode_timestamp_i420(self.frame, self.width, self.height, epoch_ms)
        return self.frame

    def _crop(self, pan: float, tilt: float, zoom: float) -> None:
        w, h = self.width, self.height
        scale = 1.0 + (_MAX_ZOOM - 1.0) * zoom
        win_w, win_h = w / scale, h / scale
        cx = w + pan * (w - win_w / 2)
        cy = h - tilt * (h - win_h / 2)  # tilt up moves the window up the scene
        cols = (cx - win_w / 2 + (np.arange(w) + 0.5) * (win_w / w)).astype(np.intp).clip(0, 2 * w - 1)
        rows = (cy - win_h / 2 + (np.arange(h) + 0.5) * (win_h / h)).astype(np.intp).clip(0, 2 * h - 1)
        self._luma[:] = self._scene[rows[:, None], cols[None, :]]

    def _paint_patch(self) -> None:
        x, y, pw, ph = palette.patch_rect(self.width, self.height)
        w, h = self.width, self.height
        y_val, u_val, v_val = self._yuv
        self._luma[y:y + ph, x:x + pw] = y_val
        chroma = (w // 2) * (h // 2)
        u = self.frame[w * h: w * h + chroma].reshape(h // 2, w // 2)
        v = self.frame[w * h + chroma:].reshape(h // 2, w // 2)
        u[y // 2:(y + ph) // 2, x // 2:(x + pw) // 2] = u_val
        v[y // 2:(y + ph) // 2, x // 2:(x + pw) // 2] = v_val
