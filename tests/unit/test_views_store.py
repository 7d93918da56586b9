import pytest

from videowall.model.layout import layout_named, uniform
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.storage.db import open_database
from videowall.storage.views import View, ViewStore


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "videowall.db"


def test_views_survive_reopening_the_database(db_path):
    conn = open_database(db_path)
    ViewStore(conn).save(View("Rynek", layout_named("1+5"), (3, 1, None, 2), hotkey=1))
    conn.close()
    store = ViewStore(open_database(db_path))
    view = store.get("rynek")           # names are case-insensitive
    assert view.layout == layout_named("1+5")
    assert view.cameras == (3, 1, None, 2, None, None)
    assert store.by_hotkey(1).name == "Rynek"


def test_saving_again_replaces_and_hotkey_moves(db_path):
    store = ViewStore(open_database(db_path))
    store.save(View("A", uniform(2), (1, 2, 3, 4), hotkey=2))
    store.save(View("B", uniform(1), (5,), hotkey=2))
    store.save(View("A", uniform(3), (9,)))
    assert store.by_hotkey(2).name == "B"
    assert store.get("A").layout == uniform(3)
    assert [v.name for v in store.list()] == ["B", "A"]
    store.remove("A")
    with pytest.raises(VideowallError) as err:
        store.get("A")
    assert err.value.kind is ErrorKind.NOT_FOUND


def test_bad_names_and_hotkeys_are_refused(db_path):
    store = ViewStore(open_database(db_path))
    with pytest.raises(VideowallError):
        store.save(View("  ", uniform(1), ()))
    with pytest.raises(VideowallError):
        store.save(View("x", uniform(1), (), hotkey=13))


def test_screens_remember_their_view(db_path):
    store = ViewStore(open_database(db_path))
    store.save(View("Night", uniform(2), (1, 2)))
    assert store.screen_view("HDMI-1 1920x1080+0+0") is None
    store.remember_screen("HDMI-1 1920x1080+0+0", "Night", fullscreen=False)
    view, fullscreen = store.screen_view("HDMI-1 1920x1080+0+0")
    assert view.name == "Night" and fullscreen is False
    store.remember_screen("DP-2", None)
    assert store.screen_view("DP-2") == (None, True)
