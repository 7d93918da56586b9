"""A machine-readable capture time in the bottom-left corner of every simulated frame.

The simulator stamps each frame with the wall-clock time (Unix epoch, ms) at which it generated it; the
client reads it back from a tile image to measure glass-to-glass latency. The code must survive H.264,
4:2:0 chroma, and a bilinear downscale to a 192×108 tile, so it is coarse: a grid of ``ROWS`` × ``COLS``
black/white cells, each 1/48 of the frame width by 1/27 of its height (4×4 px in a 192×108 tile), in the
bottom-left corner. Geometry is a fraction of the frame, so the decoder needs no search: the tile must
show the exact frame content (no letterbox), at any size and aspect.

Cells, row-major: two marker columns on each side (fixed patterns, half white, half black: they set the
black/white threshold and reject anything that is not a code), and 60 data cells = 2 version bits,
42 time bits (ms up to year 2109) and a CRC-16. A read that is blurred, clipped or foreign returns None,
never a wrong number.

Pure numpy (1.24 in the server's Python 3.11 and 2.x in the client's 3.12).
"""

from __future__ import annotations

import functools

import numpy as np

ROWS, COLS = 3, 24
WIDTH_DIVISOR, HEIGHT_DIVISOR = 48, 27  # a cell is frame_width/48 × frame_height/27
_VERSION = 0b01
_TIME_BITS, _CRC_BITS, _VERSION_BITS = 42, 16, 2
_START = ((1, 0), (0, 1), (1, 0))   # columns 0–1, one tuple per row
_STOP = ((0, 1), (1, 1), (0, 0))    # columns COLS-2 .. COLS-1
_MIN_CONTRAST = 60.0   # levels between the darkest white marker and the lightest black one
_MARGIN = 0.25         # every cell must sit this fraction of the black-white span away from the threshold
# Video-range luma written into I420 frames (decodes to 0 / 255 in limited-range BGRA).
Y_BLACK, Y_WHITE = 16, 235


def _crc16(data: bytes) -> int:
    """CRC-16/CCITT-FALSE."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


def _payload_bits(epoch_ms: int) -> list[int]:
    if not 0 <= epoch_ms < 1 << _TIME_BITS:
        raise ValueError(f"epoch_ms out of range: {epoch_ms}")
    head = (_VERSION << _TIME_BITS) | epoch_ms
    value = (head << _CRC_BITS) | _crc16(head.to_bytes(6, "big"))
    total = _VERSION_BITS + _TIME_BITS + _CRC_BITS
    return [(value >> (total - 1 - i)) & 1 for i in range(total)]


def code_cells(epoch_ms: int) -> np.ndarray:
    """The ROWS × COLS grid of cells (True = white) that encodes ``epoch_ms``."""
    cells = np.zeros((ROWS, COLS), dtype=bool)
    cells[:, :2] = _START
    cells[:, -2:] = _STOP
    cells[:, 2:-2] = np.array(_payload_bits(epoch_ms), dtype=bool).reshape(ROWS, COLS - 4)
    return cells


_MARKERS = np.zeros((ROWS, COLS), dtype=bool)
_MARKERS[:, :2] = _MARKERS[:, -2:] = True
_MARKER_WHITE = code_cells(0) & _MARKERS
_BIT_SHIFTS = np.arange(_VERSION_BITS + _TIME_BITS + _CRC_BITS - 1, -1, -1, dtype=np.uint64)


@functools.lru_cache(maxsize=64)
def _edges(width: int, height: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Pixel boundaries of the cells: COLS+1 x edges from the left, ROWS+1 y edges down to the bottom."""
    xs = tuple(round(c * width / WIDTH_DIVISOR) for c in range(COLS + 1))
    ys = tuple(height - round((ROWS - r) * height / HEIGHT_DIVISOR) for r in range(ROWS + 1))
    return xs, ys


def code_rect(width: int, height: int) -> tuple[int, int, int, int]:
    """(x, y, w, h) of the whole code in a width × height frame."""
    xs, ys = _edges(width, height)
    return 0, ys[0], xs[-1], height - ys[0]


def encode_timestamp_i420(frame: np.ndarray, width: int, height: int, epoch_ms: int) -> None:
    """Draw the code into an I420 frame in place: ``frame`` is the flat (or (H*3/2, W)) uint8 buffer.

    Chroma under the code is set to neutral so the cells are pure black and white."""
    flat = frame.reshape(-1)
    luma = flat[: width * height].reshape(height, width)
    _paint(luma, width, height, code_cells(epoch_ms), Y_BLACK, Y_WHITE)
    cw, ch = width // 2, height // 2
    x, y, w, h = code_rect(width, height)
    for plane in (1, 2):
        start = width * height + (plane - 1) * cw * ch
        chroma = flat[start:start + cw * ch].reshape(ch, cw)
        chroma[y // 2:, : (x + w + 1) // 2] = 128


def encode_timestamp_bgra(frame: np.ndarray, epoch_ms: int) -> None:
    """Draw the code into an H × W × 4 uint8 BGRA image in place (alpha untouched)."""
    height, width = frame.shape[:2]
    _paint(frame[:, :, :3], width, height, code_cells(epoch_ms), 0, 255)


def _paint(img: np.ndarray, width: int, height: int, cells: np.ndarray, black: int, white: int) -> None:
    xs, ys = _edges(width, height)
    values = np.where(cells, white, black).astype(np.uint8)
    widths = np.diff(xs)
    for r in range(ROWS):  # one broadcast per row of cells: the cheapest way found (runs 25×/s per stream)
        line = np.repeat(values[r], widths)
        img[ys[r]:ys[r + 1], : xs[-1]] = line if img.ndim == 2 else line[:, None]


@functools.lru_cache(maxsize=64)
def _sampling(width: int, height: int) -> tuple[tuple[tuple[int, int], ...], np.ndarray, np.ndarray] | None:
    """Where to sample: each row's inner y range and every column's inner x range; None if cells are too small."""
    xs, ys = _edges(width, height)
    if min(b - a for a, b in zip(xs, xs[1:])) < 2 or min(b - a for a, b in zip(ys, ys[1:])) < 2:
        return None
    rows = tuple(_inner(ys[r], ys[r + 1]) for r in range(ROWS))
    cols = np.array([_inner(xs[c], xs[c + 1]) for c in range(COLS)])
    return rows, cols[:, 0], cols[:, 1]


def _cell_means(bgra: np.ndarray) -> np.ndarray | None:
    """Mean green level of the central half of every cell, or None if the image is too small for the grid.

    The cells are black or white, so one channel is enough; green carries most of the luma."""
    sampling = _sampling(bgra.shape[1], bgra.shape[0])
    if sampling is None:
        return None
    rows, x0, x1 = sampling
    means = np.empty((ROWS, COLS), dtype=np.float64)
    for r, (y0, y1) in enumerate(rows):
        # Sum the row's inner band down to one profile, then each cell's span via a prefix sum.
        profile = bgra[y0:y1, : x1[-1], 1].sum(axis=0, dtype=np.uint32)
        prefix = np.concatenate(([0], np.cumsum(profile)))
        means[r] = (prefix[x1] - prefix[x0]) / ((x1 - x0) * (y1 - y0))
    return means


def _inner(start: int, stop: int) -> tuple[int, int]:
    """The central half of [start, stop), at least one pixel: edges blur under scaling and H.264."""
    quarter = (stop - start) / 4
    lo = int(start + quarter + 0.5)
    hi = max(lo + 1, int(stop - quarter + 0.5))
    return lo, hi


def decode_timestamp(bgra: np.ndarray) -> int | None:
    """The epoch-ms capture time coded in an H × W × 4 uint8 BGRA image, or None if there is no valid code.

    Costs ≈ 0.2 ms whatever the size: fine for sampling latency a few times a second, not for every frame."""
    if bgra.ndim != 3 or bgra.shape[2] < 3:
        return None
    means = _cell_means(bgra)
    if means is None:
        return None
    whites, blacks = means[_MARKERS & _MARKER_WHITE], means[_MARKERS & ~_MARKER_WHITE]
    if whites.min() - blacks.max() < _MIN_CONTRAST:
        return None
    white, black = whites.mean(), blacks.mean()
    threshold = (white + black) / 2
    if np.abs(means - threshold).min() < _MARGIN * (white - black):
        return None
    bits = (means[:, 2:-2] > threshold).reshape(-1).astype(np.uint64)
    value = int((bits << _BIT_SHIFTS).sum())
    crc = value & ((1 << _CRC_BITS) - 1)
    head = value >> _CRC_BITS
    if head >> _TIME_BITS != _VERSION or _crc16(head.to_bytes(6, "big")) != crc:
        return None
    return head & ((1 << _TIME_BITS) - 1)
