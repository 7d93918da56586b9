from ui.wall.grid import Rect, cell_rects, grid_for


def test_grid_for_counts():
    assert grid_for(1) == (1, 1)
    assert grid_for(4) == (2, 2)
    assert grid_for(9) == (3, 3)
    assert grid_for(10) == (3, 4)
    assert grid_for(16) == (4, 4)
    assert grid_for(25) == (5, 5)


def test_cells_fill_area_exactly_with_gaps():
    rects = cell_rects(3, 3, 1920, 1080, gap=2)
    assert len(rects) == 9
    assert rects[0] == Rect(0, 0, 639, 359)   # (1920 - 2 gaps × 2) / 3 = 638 r 2 → first columns get +1
    last = rects[-1]
    assert last.x + last.width == 1920 and last.y + last.height == 1080
    for row in range(3):
        xs = [r.x for r in rects[row * 3:(row + 1) * 3]]
        assert xs == sorted(xs)
    widths = {r.width for r in rects}
    assert max(widths) - min(widths) <= 1


def test_cells_without_room_do_not_go_negative():
    rects = cell_rects(4, 4, 3, 3, gap=2)
    assert all(r.width >= 0 and r.height >= 0 for r in rects)
