"""A street as a camera would see it (the simulator's ``--look scene``, used by the demo): sky, buildings with
lit windows, a pavement and a two-lane road with cars and pedestrians moving, and the camera's name with the
date and time burned in at the top left (drawn here with a 5×7 pixel font, so no text plugin is needed).

Each camera gets its own street (seeded by its number; main and sub show the same street). Pure numpy
I420, painted by the server process (Debian's Python 3.11 + numpy 1.24). To stay cheap only the moving band
(pavement and road) is restored and repainted each frame, and the caption only when its second changes.
"""

from __future__ import annotations

import time

import numpy as np

from videowall.sim.frames import bgr_to_yuv

# 5×7 glyphs: 7 rows of 5 cells per character ("#" lit).
_FONT = {
    "0": (' ### ', '#   #', '#  ##', '# # #', '##  #', '#   #', ' ### '),
    "1": ('  #  ', ' ##  ', '  #  ', '  #  ', '  #  ', '  #  ', ' ### '),
    "2": (' ### ', '#   #', '    #', '   # ', '  #  ', ' #   ', '#####'),
    "3": ('#####', '   # ', '  #  ', '   # ', '    #', '#   #', ' ### '),
    "4": ('   # ', '  ## ', ' # # ', '#  # ', '#####', '   # ', '   # '),
    "5": ('#####', '#    ', '#### ', '    #', '    #', '#   #', ' ### '),
    "6": ('  ## ', ' #   ', '#    ', '#### ', '#   #', '#   #', ' ### '),
    "7": ('#####', '    #', '   # ', '  #  ', ' #   ', ' #   ', ' #   '),
    "8": (' ### ', '#   #', '#   #', ' ### ', '#   #', '#   #', ' ### '),
    "9": (' ### ', '#   #', '#   #', ' ####', '    #', '   # ', ' ##  '),
    ":": ('     ', '  #  ', '  #  ', '     ', '  #  ', '  #  ', '     '),
    "-": ('     ', '     ', '     ', '#####', '     ', '     ', '     '),
    " ": ('     ', '     ', '     ', '     ', '     ', '     ', '     '),
    "A": (' ### ', '#   #', '#   #', '#####', '#   #', '#   #', '#   #'),
    "C": (' ### ', '#   #', '#    ', '#    ', '#    ', '#   #', ' ### '),
    "M": ('#   #', '## ##', '# # #', '#   #', '#   #', '#   #', '#   #'),
    "P": ('#### ', '#   #', '#   #', '#### ', '#    ', '#    ', '#    '),
    "T": ('#####', '  #  ', '  #  ', '  #  ', '  #  ', '  #  ', '  #  '),
    "Z": ('#####', '    #', '   # ', '  #  ', ' #   ', '#    ', '#####'),
}
_WHITE = (235, 128, 128)
_CAPTION_BG = (40, 128, 128)


def _glyph(char: str) -> np.ndarray:
    return np.array([[c == "#" for c in row] for row in _FONT.get(char, _FONT[" "])], dtype=bool)


def caption_mask(text: str, scale: int) -> np.ndarray:
    """The lit pixels of ``text`` in the 5×7 font, each cell ``scale``×``scale`` px, one cell between glyphs."""
    cells = np.zeros((7, max(1, len(text) * 6 - 1)), dtype=bool)
    for i, char in enumerate(text):
        cells[:, i * 6:i * 6 + 5] = _glyph(char)
    return np.kron(cells, np.ones((scale, scale), dtype=bool))


class StreetScene:
    """Paints the frames of one camera stream (one per media, so one thread at a time)."""

    def __init__(self, camera: int, width: int, height: int, label: str | None = None, clock: bool = True) -> None:
        """``clock``: burn in the date and time after the label (recorded footage made ahead of time has none)."""
        if width % 2 or height % 2:
            raise ValueError(f"frame size must be even: {width}x{height}")
        self.width, self.height = width, height
        self.label = f"CAM {camera:02d}" if label is None else label
        self.frame = np.empty(width * height * 3 // 2, dtype=np.uint8)
        chroma = (width // 2) * (height // 2)
        self._planes = (self.frame[: width * height].reshape(height, width),
                        self.frame[width * height: width * height + chroma].reshape(height // 2, width // 2),
                        self.frame[width * height + chroma:].reshape(height // 2, width // 2))
        self._rng = np.random.default_rng(camera)
        self._band = (_even(height * 55 // 100), _even(height * 92 // 100))   # what moves: pavement and road
        self._paint_background()
        top, bottom = self._band
        self._background = [plane[top // div:bottom // div].copy()
                            for plane, div in zip(self._planes, (1, 2, 2))]
        self._cars = self._make_cars()
        self._walkers = [(self._rng.uniform(0, width), self._rng.uniform(15, 40) * width / 1280 *
                          self._rng.choice((-1, 1)), _yuv(self._rng.integers(40, 200, 3))) for _ in range(3)]
        self._caption = Caption(self.label, width, height, clock)

    def paint(self, t_s: float, epoch_ms: int) -> np.ndarray:
        """The frame at stream time ``t_s``, captioned with local time ``epoch_ms``; the array is reused."""
        top, bottom = self._band
        for plane, div, saved in zip(self._planes, (1, 2, 2), self._background):
            plane[top // div:bottom // div] = saved
        h, w = self.height, self.width
        for x, y, length, speed, colour in ((*c[:4], c[4]) for c in self._cars):
            pos = (x + speed * t_s) % (w + length) - length
            self._car(int(pos), y, length, colour)
        pavement_y = h * 56 // 100
        for x, speed, colour in self._walkers:
            pos = int((x + speed * t_s) % w)
            step = int(t_s * 4) % 2
            self._rect(pos, pavement_y + step * 2, max(4, w // 160), h * 6 // 100, colour)
        self._caption.draw(self._planes, epoch_ms)
        return self.frame

    @property
    def planes(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return self._planes

    # -- the still parts -------------------------------------------------------------------------
    def _paint_background(self) -> None:
        h, w = self.height, self.width
        rng = self._rng
        sky_bottom = self._band[0]
        for row in range(0, sky_bottom, 2):
            f = row / max(1, sky_bottom)
            self._rect(0, row, w, 2, _yuv((200 - 40 * f, 150 + 30 * f, 100 + 90 * f)))   # blue into a warm horizon
        x = 0
        while x < w:
            width = int(rng.uniform(0.08, 0.2) * w)
            top = int(rng.uniform(0.12, 0.36) * h)
            wall = _yuv(rng.integers(60, 170, 3))
            self._rect(x, top, width, self._band[0] - top, wall)
            win_w, win_h = max(2, width // 9), max(2, h // 40)
            for wy in range(top + win_h, self._band[0] - 2 * win_h, 2 * win_h):
                for wx in range(x + win_w, x + width - win_w, 2 * win_w):
                    lit = rng.random() < 0.45
                    self._rect(wx, wy, win_w, win_h, _yuv((90, 210, 240)) if lit else _yuv((50, 40, 35)))
            x += width + int(rng.uniform(0.0, 0.03) * w)
        top, bottom = self._band
        self._rect(0, top, w, h * 62 // 100 - top, _yuv((150, 155, 160)))          # pavement
        self._rect(0, h * 62 // 100, w, bottom - h * 62 // 100, _yuv((70, 70, 72)))  # road
        self._rect(0, bottom, w, h - bottom, _yuv((140, 145, 150)))                 # far pavement
        dash_y, dash_w = h * 76 // 100, max(4, w // 30)
        for dx in range(0, w, dash_w * 2):
            self._rect(dx, dash_y, dash_w, max(2, h // 120), _yuv((230, 230, 230)))

    def _make_cars(self) -> list[tuple[float, int, int, float, tuple[int, int, int]]]:
        h, w = self.height, self.width
        cars = []
        for lane, direction in ((h * 65 // 100, -1), (h * 79 // 100, 1)):
            for _ in range(2):
                length = int(self._rng.uniform(0.1, 0.17) * w)
                speed = direction * self._rng.uniform(0.08, 0.2) * w
                colour = _yuv(self._rng.integers(30, 230, 3))
                cars.append((self._rng.uniform(0, w), lane, length, speed, colour))
        return cars

    # -- painting ---------------------------------------------------------------------------------
    def _car(self, x: int, y: int, length: int, colour: tuple[int, int, int]) -> None:
        h = self.height
        body = h * 7 // 100
        self._rect(x, y + body // 3, length, body * 2 // 3, colour)
        self._rect(x + length // 5, y, length * 3 // 5, body // 3 + 1, colour)
        self._rect(x + length // 4, y + 2, length // 2, max(2, body // 3 - 2), _yuv((90, 70, 50)))
        wheel = max(2, body // 3)
        for wx in (x + length // 6, x + length - length // 6 - wheel):
            self._rect(wx, y + body - wheel // 2, wheel, wheel, (20, 128, 128))

    def _rect(self, x: int, y: int, w: int, h: int, yuv: tuple[int, int, int]) -> None:
        _fill(self._planes, x, y, w, h, yuv)


class Caption:
    """The camera's name and (``clock``) local date and time, white on a dark box, below the top edge (where a
    tile's own name band would hide it); redrawn with every frame because the picture under it may change."""

    def __init__(self, label: str, width: int, height: int, clock: bool = True) -> None:
        self.label, self.clock = label, clock
        self.scale = max(2, height // 150)
        self.x, self.y = width // 40, height * 12 // 100
        self.width = width
        self._second: int | None = None
        self._mask = caption_mask(label, self.scale)

    def draw(self, planes, epoch_ms: int) -> None:
        if not self.label and not self.clock:
            return
        second = epoch_ms // 1000
        if self.clock and second != self._second:
            self._second = second
            stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(second))
            self._mask = caption_mask(f"{self.label}  {stamp}", self.scale)
        pad = 2 * self.scale
        mask = self._mask[:, : max(0, self.width - self.x - 3 * pad)]
        _fill(planes, self.x - pad, self.y - pad, mask.shape[1] + 2 * pad, mask.shape[0] + 2 * pad, _CAPTION_BG)
        region = planes[0][self.y:self.y + mask.shape[0], self.x:self.x + mask.shape[1]]
        region[mask[: region.shape[0], : region.shape[1]]] = _WHITE[0]


class StreetPtzScene:
    """A PTZ camera over a street: a still panorama twice the frame size each way, cropped and zoomed by its
    ``PtzState`` (the state object of ``videowall.sim.ptz_state``), captioned with the time."""

    def __init__(self, camera: int, width: int, height: int, state, max_zoom: float = 4.0) -> None:
        self.width, self.height = width, height
        self._state = state
        self._max_zoom = max_zoom
        panorama = StreetScene(camera, 2 * width, 2 * height, label="", clock=False)
        panorama.paint(0.0, 0)
        self._panorama = [plane.copy() for plane in panorama.planes]
        self.frame = np.empty(width * height * 3 // 2, dtype=np.uint8)
        chroma = (width // 2) * (height // 2)
        self._planes = (self.frame[: width * height].reshape(height, width),
                        self.frame[width * height: width * height + chroma].reshape(height // 2, width // 2),
                        self.frame[width * height + chroma:].reshape(height // 2, width // 2))
        self._caption = Caption(f"PTZ {camera:02d}", width, height)
        self._last = None

    def paint(self, t_s: float, epoch_ms: int) -> np.ndarray:
        position = self._state.position()
        if position != self._last:
            self._crop(*position)
            self._last = position
        self._caption.draw(self._planes, epoch_ms)
        return self.frame

    def _crop(self, pan: float, tilt: float, zoom: float) -> None:
        w, h = self.width, self.height
        scale = 1.0 + (self._max_zoom - 1.0) * zoom
        win_w, win_h = w / scale, h / scale
        cx = w + pan * (w - win_w / 2)
        cy = h - tilt * (h - win_h / 2)       # tilt up moves the window up the scene
        cols = (cx - win_w / 2 + (np.arange(w) + 0.5) * (win_w / w)).astype(np.intp).clip(0, 2 * w - 1)
        rows = (cy - win_h / 2 + (np.arange(h) + 0.5) * (win_h / h)).astype(np.intp).clip(0, 2 * h - 1)
        luma, u, v = self._panorama
        self._planes[0][:] = luma[rows[:, None], cols[None, :]]
        c_rows, c_cols = rows[::2, None] // 2, cols[None, ::2] // 2
        self._planes[1][:] = u[c_rows, c_cols]
        self._planes[2][:] = v[c_rows, c_cols]


def _fill(planes, x: int, y: int, w: int, h: int, yuv: tuple[int, int, int]) -> None:
    """Fill a rectangle (clipped to the frame; chroma at half resolution)."""
    luma, u, v = planes
    height, width = luma.shape
    x0, y0 = max(0, _even(x)), max(0, _even(y))
    x1, y1 = min(width, _even(x + w + 1)), min(height, _even(y + h + 1))
    if x1 <= x0 or y1 <= y0:
        return
    luma[y0:y1, x0:x1] = yuv[0]
    u[y0 // 2:y1 // 2, x0 // 2:x1 // 2] = yuv[1]
    v[y0 // 2:y1 // 2, x0 // 2:x1 // 2] = yuv[2]


def _yuv(bgr) -> tuple[int, int, int]:
    return bgr_to_yuv(tuple(int(c) for c in bgr))


def _even(value: int) -> int:
    return value - value % 2
