"""Saved tours: round trip through tours.json, checked input, an unreadable file set aside."""

from __future__ import annotations

import pytest

from ui.tours.store import CAMERAS, VIEWS, SavedTour, TourStore
from videowall.runtime.errors import VideowallError


def test_tours_survive_a_new_store_and_are_listed_by_name(tmp_path):
    TourStore(tmp_path).save(SavedTour("Rynek nocą", CAMERAS, (3, 1, 2), 8.0))
    TourStore(tmp_path).save(SavedTour("Dzielnice", VIEWS, ("Śródmieście", "Podgórze"), 20.0))
    tours = TourStore(tmp_path).list()
    assert [t.name for t in tours] == ["Dzielnice", "Rynek nocą"]
    assert tours[1].items == (3, 1, 2) and tours[1].dwell_s == 8.0
    TourStore(tmp_path).delete("Dzielnice")
    assert [t.name for t in TourStore(tmp_path).list()] == ["Rynek nocą"]


@pytest.mark.parametrize("name, kind, items, dwell", [
    ("", CAMERAS, (1, 2), 5.0), ("A", "other", (1, 2), 5.0), ("A", CAMERAS, (1,), 5.0), ("A", VIEWS, ("x", "y"), 0.5),
])
def test_bad_tours_get_a_clear_message(name, kind, items, dwell):
    with pytest.raises(VideowallError) as err:
        SavedTour(name, kind, items, dwell)
    assert err.value.user_message


def test_an_unreadable_file_is_set_aside(tmp_path):
    (tmp_path / "tours.json").write_text("{not json", encoding="utf-8")
    assert TourStore(tmp_path).list() == []
    assert not (tmp_path / "tours.json").exists()
    assert any(p.name.startswith("tours.json") for p in tmp_path.iterdir())
