"""The camera tree panel: grouping, search-as-you-type, number + Enter, drag payload, 25,000 cameras."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest

from ui.app import create_application
from ui.cameras.camera_panel import CameraPanel
from ui.cameras.catalog import Catalog
from ui.wall.dnd import dropped_camera
from videowall.model.camera import Camera


def city(n: int) -> list[Camera]:
    districts = ["Śródmieście", "Podgórze", "Nowa Huta", "Krowodrza", "Dębniki", "Bronowice", "Prądnik"]
    return [Camera(id=i, name=f"Kamera {i}", main_url="rtsp://127.0.0.1/x", group=districts[i % 7],
                   location=f"ul. Ulica {i % 400}") for i in range(1, n + 1)]


def test_groups_search_and_enter_on_a_number(qtbot):
    create_application(offscreen=True, language="en")
    panel = CameraPanel(Catalog(city(50)))
    qtbot.addWidget(panel)
    model = panel.model
    assert model.rowCount() == 7
    first_group = model.index(0, 0)
    assert model.data(first_group).startswith("Bronowice (")
    chosen = []
    panel.camera_activated.connect(chosen.append)
    QTest.keyClicks(panel.search, "ulica 12 kam")
    assert model.match_count() == 1                          # "Ulica 12" + "kam…" → camera 12 only
    camera_index = model.first_camera_index()
    assert model.camera_id(camera_index) == 12
    assert dropped_camera(model.mimeData([camera_index])) == 12
    panel.search.clear()
    QTest.keyClicks(panel.search, "37")
    QTest.keyClick(panel.search, Qt.Key.Key_Return)
    assert chosen == [37]
    assert model.parent(model.parent(camera_index)).isValid()
    assert not model.parent(model.index(0, 0)).isValid()
    assert model.camera_id(QModelIndex()) is None


def test_25000_cameras_load_and_filter_quickly(qtbot):
    create_application(offscreen=True, language="en")
    panel = CameraPanel(Catalog(city(25_000)))
    qtbot.addWidget(panel)
    panel.show()
    assert panel.model.match_count() == 25_000
    for letter in "ulica 39":
        panel.search.setText(panel.search.text() + letter)
    assert panel.model.match_count() == sum(1 for i in range(1, 25_001) if "39" in f"{i} {i % 400}")
    assert panel.count.text().endswith("of 25000 cameras")
    panel.search.clear()                                  # back to the whole tree
    assert panel.model.rowCount() == 7 and panel.model.match_count() == 25_000
