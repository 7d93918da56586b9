import pytest

from tests.fixtures.hostile import finishes
from videowall.model.layout import Cell, Layout, LayoutError, PRESETS, layout_named, uniform
from videowall.runtime.errors import ErrorKind, VideowallError


def test_uniform_grids_from_1x1_to_8x8():
    for n in range(1, 9):
        assert uniform(n).tile_count == n * n
        assert uniform(n).name == f"{n}x{n}"
    with pytest.raises(LayoutError):
        uniform(9)


@pytest.mark.parametrize("name,tiles", [("1+5", 6), ("1+7", 8), ("2+8", 10), ("1+12", 13), ("3+4", 7)])
def test_presets_have_their_tile_counts_and_names(name, tiles):
    layout = layout_named(name)
    assert layout.tile_count == tiles
    assert layout.name == name


def test_every_layout_fills_the_area_without_overlap():
    for layout in [uniform(5), *(f() for f in PRESETS.values())]:
        rects = layout.pixel_rects(1920, 1080, gap=2)
        area = sum(r.width * r.height for r in rects)
        assert all(r.x + r.width <= 1920 and r.y + r.height <= 1080 for r in rects)
        assert max(r.x + r.width for r in rects) == 1920 and max(r.y + r.height for r in rects) == 1080
        assert area <= 1920 * 1080
        for i, a in enumerate(rects):
            for b in rects[i + 1:]:
                assert a.x + a.width <= b.x or b.x + b.width <= a.x or a.y + a.height <= b.y or b.y + b.height <= a.y


def test_big_tile_of_1_plus_5_spans_two_thirds():
    rects = layout_named("1+5").pixel_rects(1924, 1084, gap=2)    # 640×360 unit cells
    assert rects[0] == (0, 0, 1282, 722)                              # two cells and the gap between
    assert rects[1] == (1284, 0, 640, 360)


def test_merge_and_split_round_trip():
    grid = uniform(3)
    merged = grid.merge([0, 1, 3, 4])
    assert merged == layout_named("1+5")
    assert merged.split(0) == grid


def test_merge_rejects_non_rectangles_and_split_rejects_unit_cells():
    with pytest.raises(LayoutError):
        uniform(3).merge([0, 1, 4])
    with pytest.raises(LayoutError):
        uniform(3).merge([0])
    with pytest.raises(LayoutError):
        uniform(3).split(0)


def test_invalid_cells_are_rejected():
    with pytest.raises(LayoutError):
        Layout(2, 2, (Cell(0, 0, 2, 2), Cell(1, 1)))
    with pytest.raises(LayoutError):
        Layout(2, 2, (Cell(0, 0),))


def test_json_round_trip_and_bad_json():
    layout = layout_named("2+8").merge([2, 3])
    assert Layout.from_json(layout.to_json()) == layout
    assert layout.name == "custom"
    with pytest.raises(LayoutError):
        Layout.from_json("{}")


@pytest.mark.parametrize("text", [
    '{"rows": 100000, "cols": 100000, "cells": [[0, 0, 100000, 100000]]}',   # once a minutes-long set build
    '{"rows": 1e300, "cols": 1, "cells": []}',
    '{"rows": 1, "cols": 1, "cells": [[0, 0, 1e400, 1]]}',                    # inf: OverflowError in int()
    '{"rows": 2, "cols": 2, "cells": ' + "[" * 100_000 + "]" * 100_000 + "}",  # nesting: RecursionError
    '{"rows": 2, "cols": 2, "cells": "abcd"}',
    '{"rows": "' + "9" * 5000 + '", "cols": 1, "cells": []}',
    '[1, 2]', 'null', '', '\x00',
])
def test_a_stored_layout_that_cannot_be_is_a_clear_bounded_error(text):
    with pytest.raises(LayoutError) as caught:
        finishes(lambda: Layout.from_json(text), timeout_s=30)
    assert isinstance(caught.value, VideowallError) and caught.value.kind is ErrorKind.INVALID_INPUT
    assert caught.value.user_message.startswith("not a stored layout") and len(caught.value.user_message) < 300


def test_grids_beyond_twelve_lines_are_refused_before_any_cell_is_looked_at():
    with pytest.raises(LayoutError, match="at most 12 rows and 12 columns"):
        finishes(lambda: Layout(10**9, 10**9, (Cell(0, 0, 10**9, 10**9),)), timeout_s=30)
    assert Layout(12, 12, (Cell(0, 0, 12, 12),)).tile_count == 1


def test_neighbours_follow_arrow_keys():
    layout = layout_named("1+5")        # big 0 at (0,0) 2×2; 1=(0,2) 2=(1,2) 3=(2,0) 4=(2,1) 5=(2,2)
    assert layout.neighbour(0, 0, 1) == 1
    assert layout.neighbour(0, 1, 0) == 3
    assert layout.neighbour(2, 0, -1) == 0
    assert layout.neighbour(5, 1, 0) == 5
    assert layout.neighbour(4, -1, 0) == 0
