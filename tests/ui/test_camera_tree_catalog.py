from ui.cameras.catalog import Catalog, fold
from videowall.model.camera import Camera


def cams():
    rows = [(1, "CAM 01", "Śródmieście", "Rynek Główny"), (2, "CAM 02", "Śródmieście", "ul. Floriańska"),
            (3, "Brama", "Podgórze", "Rondo Grunwaldzkie"), (14, "CAM 14", "Podgórze", "Rondo Grunwaldzkie"),
            (5, "Łąka", "", "")]
    return [Camera(id=i, name=n, main_url="rtsp://x/", group=g, location=loc) for i, n, g, loc in rows]


def test_fold_ignores_case_and_polish_accents():
    assert fold("ŁÓDŹ Główna") == "lodz glowna"


def test_tree_groups_district_then_place_sorted():
    catalog = Catalog(cams())
    tree = catalog.full_tree
    assert [tree.group_name(g) for g in range(tree.group_count())] == ["", "Podgórze", "Śródmieście"]
    assert tree.place_count(1) == 1 and tree.place_name(1, 0) == "Rondo Grunwaldzkie"
    assert tree.group_camera_count(1) == 2
    assert [catalog.entries[tree.entry_index(2, p, 0)].id for p in range(2)] == [1, 2]


def test_search_by_name_place_district_and_number():
    catalog = Catalog(cams())
    ids = lambda q: sorted(catalog.entries[i].id for i in catalog.search(q))  # noqa: E731
    assert ids("rynek") == [1]
    assert ids("srodm") == [1, 2]
    assert ids("grunw cam") == [14]
    assert ids("14") == [14]
    assert ids("laka") == [5]
    assert ids("") == [1, 2, 3, 5, 14]
    assert ids("nothing-like-this") == []


def test_typing_on_refines_and_deleting_widens_again():
    catalog = Catalog(cams())
    assert len(catalog.search("c")) == 3          # CAM 01, CAM 02, CAM 14
    assert len(catalog.search("ca")) == 3
    assert len(catalog.search("cam 0")) == 2
    assert len(catalog.search("ca")) == 3
    tree = catalog.filtered_tree("rondo")
    assert tree.group_count() == 1 and tree.group_name(0) == "Podgórze" and tree.group_camera_count(0) == 2
    empty = catalog.filtered_tree("zzz")
    assert empty.group_count() == 0 and empty.camera_count == 0
