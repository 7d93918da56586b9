from ui.wall.grid import grid_for
from videowall.model.layout import uniform


def test_grid_for_counts():
    assert grid_for(0) == (1, 1)
    assert grid_for(1) == (1, 1)
    assert grid_for(4) == (2, 2)
    assert grid_for(9) == (3, 3)
    assert grid_for(10) == (3, 4)
    assert grid_for(16) == (4, 4)
    assert grid_for(25) == (5, 5)


def test_uniform_cells_fill_area_exactly_with_gaps():
    rects = uniform(3, 3).pixel_rects(1920, 1080, gap=2)
    assert len(rects) == 9
    assert tuple(rects[0])[:4] == (0, 0, 639, 359)   # (1920 - 2 gaps × 2) / 3 = 638 r 2 → first columns +1
    last = tuple(rects[-1])
    assert last[0] + last[2] == 1920 and last[1] + last[3] == 1080
    widths = {tuple(r)[2] for r in rects}
    assert max(widths) - min(widths) <= 1
