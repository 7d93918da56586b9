"""The simulator's pixel code (capture time in the corner), its palette and frame layout, without a server."""

from __future__ import annotations

import numpy as np
import pytest

from videowall.sim import palette, pixelcode
from videowall.sim.frames import FramePainter

EPOCH_MS = 1_763_700_000_123  # Nov 2025


def bilinear_resize(image: np.ndarray, width: int, height: int) -> np.ndarray:
    """Plain bilinear interpolation (pixel centres aligned), as a scaler without area averaging does it."""
    src_h, src_w = image.shape[:2]
    ys = np.clip((np.arange(height) + 0.5) * src_h / height - 0.5, 0, src_h - 1)
    xs = np.clip((np.arange(width) + 0.5) * src_w / width - 0.5, 0, src_w - 1)
    y0, x0 = np.floor(ys).astype(int), np.floor(xs).astype(int)
    y1, x1 = np.minimum(y0 + 1, src_h - 1), np.minimum(x0 + 1, src_w - 1)
    fy, fx = (ys - y0)[:, None, None], (xs - x0)[None, :, None]
    img = image.astype(np.float32)
    top = img[y0][:, x0] * (1 - fx) + img[y0][:, x1] * fx
    bottom = img[y1][:, x0] * (1 - fx) + img[y1][:, x1] * fx
    return np.clip(top * (1 - fy) + bottom * fy + 0.5, 0, 255).astype(np.uint8)


def i420_to_bgra(frame: np.ndarray, width: int, height: int) -> np.ndarray:
    """Limited-range BT.601 I420 → BGRA, the conversion a client applies to the decoded stream."""
    size = width * height
    y = frame[:size].reshape(height, width).astype(np.float32)
    u = frame[size: size * 5 // 4].reshape(height // 2, width // 2).repeat(2, 0).repeat(2, 1) - 128.0
    v = frame[size * 5 // 4:].reshape(height // 2, width // 2).repeat(2, 0).repeat(2, 1) - 128.0
    luma = (y - 16) * 255 / 219
    r = luma + 1.596 * v
    g = luma - 0.392 * u - 0.813 * v
    b = luma + 2.017 * u
    out = np.full((height, width, 4), 255, dtype=np.uint8)
    out[:, :, :3] = np.clip(np.stack([b, g, r], axis=2) + 0.5, 0, 255).astype(np.uint8)
    return out


def coded_image(width: int = 1280, height: int = 720, epoch_ms: int = EPOCH_MS) -> np.ndarray:
    image = np.full((height, width, 4), (40, 128, 216, 255), dtype=np.uint8)
    pixelcode.encode_timestamp_bgra(image, epoch_ms)
    return image


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (640, 360), (192, 108)])
def test_round_trip_at_full_size(size):
    assert pixelcode.decode_timestamp(coded_image(*size)) == EPOCH_MS


@pytest.mark.parametrize("tile", [(192, 108), (160, 90), (320, 180), (400, 300), (1000, 563)])
def test_survives_bilinear_scaling_to_tile_size_and_aspect(tile):
    scaled = bilinear_resize(coded_image(), *tile)
    assert pixelcode.decode_timestamp(scaled) == EPOCH_MS


def test_survives_noise_after_downscaling():
    rng = np.random.default_rng(7)
    scaled = bilinear_resize(coded_image(640, 360), 192, 108).astype(np.float32)
    noisy = np.clip(scaled + rng.normal(0, 20, scaled.shape), 0, 255).astype(np.uint8)
    assert pixelcode.decode_timestamp(noisy) == EPOCH_MS


def test_i420_encoding_reads_back_after_colour_conversion():
    painter = FramePainter(camera=3, width=640, height=360)
    frame = painter.paint(1.0, EPOCH_MS)
    bgra = i420_to_bgra(frame, 640, 360)
    assert pixelcode.decode_timestamp(bgra) == EPOCH_MS
    assert pixelcode.decode_timestamp(bilinear_resize(bgra, 192, 108)) == EPOCH_MS


def test_garbage_and_foreign_images_read_as_none():
    rng = np.random.default_rng(1)
    for _ in range(200):
        assert pixelcode.decode_timestamp(rng.integers(0, 256, (108, 192, 4), dtype=np.uint8)) is None
    assert pixelcode.decode_timestamp(np.zeros((360, 640, 4), np.uint8)) is None
    assert pixelcode.decode_timestamp(np.full((360, 640, 4), 255, np.uint8)) is None
    assert pixelcode.decode_timestamp(np.zeros((10, 10, 4), np.uint8)) is None   # too small for the grid
    assert pixelcode.decode_timestamp(np.zeros((360, 640), np.uint8)) is None    # not BGRA


def test_a_corrupted_cell_reads_as_none_not_as_another_time():
    image = coded_image(640, 360)
    x, y, w, h = pixelcode.code_rect(640, 360)
    cell_w, cell_h = w // pixelcode.COLS, h // pixelcode.ROWS
    for col in (5, 12, 20):  # data cells: flip one each time
        damaged = image.copy()
        cell = damaged[y + cell_h: y + 2 * cell_h, x + col * cell_w: x + (col + 1) * cell_w, :3]
        cell[:] = 255 - cell
        assert pixelcode.decode_timestamp(damaged) is None


def test_blurred_cells_read_as_none():
    image = coded_image(640, 360)
    x, y, w, h = pixelcode.code_rect(640, 360)
    image[y:y + h, x:x + w, :3] = 128   # grey: no contrast between the markers
    assert pixelcode.decode_timestamp(image) is None


def test_times_outside_the_code_range_are_refused():
    image = coded_image()
    with pytest.raises(ValueError):
        pixelcode.encode_timestamp_bgra(image, -1)
    with pytest.raises(ValueError):
        pixelcode.encode_timestamp_bgra(image, 1 << 42)


def test_palette_has_25_well_separated_colours():
    colours = [palette.camera_color(i) for i in range(1, 26)]
    assert len(set(colours)) == 25
    for i, a in enumerate(colours):
        for b in colours[i + 1:]:
            assert max(abs(p - q) for p, q in zip(a, b)) > 2 * palette.PATCH_TOLERANCE
    assert palette.match_camera(tuple(c + 10 for c in palette.camera_color(7)), 9) == 7
    assert palette.match_camera((128.0, 128.0, 128.0), 9) is None


def test_frames_keep_patch_solid_and_code_readable_while_the_box_moves():
    width, height = 640, 360
    painter = FramePainter(camera=5, width=width, height=height)
    x, y, w, h = palette.patch_rect(width, height)
    frames = []
    for step in range(60):
        bgra = i420_to_bgra(painter.paint(step * 0.2, EPOCH_MS + step), width, height)
        patch = bgra[y:y + h, x:x + w, :3].reshape(-1, 3).astype(int)
        assert np.abs(patch - palette.camera_color(5)).max() <= 3
        assert pixelcode.decode_timestamp(bgra) == EPOCH_MS + step
        frames.append(bgra)
    moved = np.abs(frames[0].astype(int) - frames[5].astype(int)).max(axis=2) > 40
    assert moved[: pixelcode.code_rect(width, height)[1]].mean() > 0.01
