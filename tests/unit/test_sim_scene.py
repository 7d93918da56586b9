"""The demo's street scene: traffic moves, the caption burns in the time, main and sub show the same street."""

from __future__ import annotations

import time

import numpy as np
import pytest

from videowall.sim.ptz_state import PtzState
from videowall.sim.scene import StreetPtzScene, StreetScene, caption_mask


def luma(scene: StreetScene) -> np.ndarray:
    return scene.frame[: scene.width * scene.height].reshape(scene.height, scene.width).copy()


def test_cars_move_and_the_sky_stays():
    scene = StreetScene(3, 640, 360)
    epoch_ms = 1_764_770_000_000
    scene.paint(0.0, epoch_ms)
    first = luma(scene)
    scene.paint(1.0, epoch_ms)
    later = luma(scene)
    band = slice(360 * 62 // 100, 360 * 90 // 100)
    assert np.count_nonzero(first[band] != later[band]) > 1000
    assert np.array_equal(first[60:150, 400:], later[60:150, 400:])   # above the street, right of the caption
    assert first.std() > 20                                           # a picture, not a flat colour


def test_the_caption_changes_with_the_second():
    scene = StreetScene(1, 1280, 720)
    scene.paint(0.0, 1_764_770_000_000)
    caption = (slice(40, 130), slice(0, 1000))
    before = luma(scene)[caption]
    scene.paint(0.04, 1_764_770_000_900)       # same second: the same caption
    assert np.array_equal(before, luma(scene)[caption])
    scene.paint(0.08, 1_764_770_001_000)
    assert not np.array_equal(before, luma(scene)[caption])


def test_caption_text_is_drawn_cell_by_cell():
    mask = caption_mask("CAM 01 12:00", 2)
    assert mask.shape == (14, (12 * 6 - 1) * 2)
    assert mask.any() and not mask[:, 10:12].any()     # the gap after "C" is dark


def test_every_camera_has_its_own_street_the_same_in_main_and_sub():
    main, sub, other = StreetScene(5, 1280, 720), StreetScene(5, 640, 360), StreetScene(6, 640, 360)
    for scene in (main, sub, other):
        scene.paint(0.0, int(time.time() * 1000))
    small = luma(main)[::2, ::2].astype(int)
    assert np.abs(small - luma(sub)).mean() < np.abs(luma(other) - luma(sub)).mean()


def test_a_ptz_street_follows_its_state():
    state = PtzState()
    state.go_to((0.0, 0.0, 0.0))
    scene = StreetPtzScene(1, 640, 360, state)
    scene.paint(0.0, 1_764_770_000_000)
    centre = luma(scene).copy()
    scene.paint(0.04, 1_764_770_000_000)
    assert np.array_equal(centre, luma(scene))           # a camera that does not move shows the same picture
    state.go_to((0.5, 0.0, 0.0))
    scene.paint(0.08, 1_764_770_000_000)
    assert np.count_nonzero(centre != luma(scene)) > 10_000


def test_odd_sizes_are_refused():
    with pytest.raises(ValueError):
        StreetScene(1, 641, 360)
