"""One key collapses the open side panels and the same key brings exactly those back."""

from __future__ import annotations

from ui.panel_memory import PanelMemory


def test_first_press_opens_the_default_then_collapses_and_restores_what_was_open():
    memory = PanelMemory(default=("cameras",))
    assert memory.toggle(set()) == {"cameras"}
    assert memory.toggle({"cameras", "bookmarks"}) == set()
    assert memory.toggle(set()) == {"cameras", "bookmarks"}


def test_collapse_remembers_for_restore():
    memory = PanelMemory()
    assert memory.collapse({"views"}) == set()
    assert memory.restore() == {"views"}
    assert memory.collapse(set()) == set() and memory.restore() == set()
