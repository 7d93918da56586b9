"""Camera set-up in the GUI against the simulator's ONVIF cameras: discover, read, test with a live picture,
save; the tree follows at once and shows the camera's state; edit and remove; the welcome page."""

from __future__ import annotations

from dataclasses import replace


from tests.fixtures.onvif import PASSWORD, USER
from ui.app import create_application
from ui.main_window import MainWindow
from ui.setup.welcome import CAMERAS, WelcomePage
from videowall.model.camera import Profile
from videowall.onvif.store import OnvifStore
from videowall.setup.camera_state import CameraState
from ui.cameras.tree_model import CAMERA_STATE_ROLE

NET_MS = 30_000


def open_main(qtbot, station, ids):
    create_application(offscreen=True, language="en")
    window = MainWindow(station, ids, extra_screens=False)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    return window


def camera_rows(panel):
    model, rows = panel.model, {}
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        for p in range(model.rowCount(group)):
            place = model.index(p, 0, group)
            for c in range(model.rowCount(place)):
                index = model.index(c, 0, place)
                rows[model.camera_id(index)] = (model.data(group), model.data(place), index)
    return rows


def test_discover_read_test_and_save_an_onvif_camera_then_edit_and_remove_it(qtbot, station, ptz_sim, simulator):
    fixed = station.cameras.add(name="Plac", main_url=simulator.url(2, "main"), sub_url=simulator.url(2, "sub"),
                                group="Podgórze", location="Plac Bohaterów")
    window = open_main(qtbot, station, [fixed.id])
    window.camera_setup._discovery_target = ("127.0.0.1", ptz_sim.discovery_port)
    dialog = window.camera_setup.add_camera(discover=True)
    qtbot.waitUntil(lambda: dialog.found.count() == 2, timeout=NET_MS)
    assert "SimPTZ" in dialog.found.item(0).text() + dialog.found.item(1).text()
    ptz_row = next(i for i in range(2) if "/cam1/" in dialog.found.item(i).text())
    dialog.found.setCurrentRow(ptz_row)
    assert dialog.onvif_address.text() == ptz_sim.onvif_url(1)

    dialog.username.setText(USER)
    dialog.password.setText(PASSWORD)
    dialog.probe()
    qtbot.waitUntil(lambda: dialog.main_url.text().startswith("rtsp://"), timeout=NET_MS)
    assert "PTZ: yes" in dialog.probe_result.text()
    assert dialog.sub_url.text().startswith("rtsp://")
    dialog.name.setText("Rynek PTZ")
    dialog.group.setCurrentText("Śródmieście")
    dialog.location.setText("Rynek Główny")
    dialog.record.setChecked(True)
    dialog.record_profile.setCurrentIndex(dialog.record_profile.findData(Profile.SUB))

    dialog.test_profile.setCurrentIndex(dialog.test_profile.findData(Profile.SUB))
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.preview.has_picture, timeout=NET_MS)
    assert not dialog.preview.picture.pixmap().isNull()
    assert dialog.preview.status.text().startswith("Connected: 640×360")

    with qtbot.waitSignal(window.camera_setup.cameras_changed, timeout=5_000):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    saved = station.cameras.find("Rynek PTZ")
    assert saved.has_credentials and saved.record and saved.record_profile is Profile.SUB
    assert station.secrets.get(saved.id).username == USER
    with station.cameras.transaction() as conn:
        assert OnvifStore(conn).device(saved.id).ptz_profile is not None

    rows = camera_rows(window.cameras_panel)                     # the tree follows without a restart
    assert rows[saved.id][:2] == ("Śródmieście (1)", "Rynek Główny")
    assert window.cameras_panel.count.text() == "2 of 2 cameras"
    model = window.cameras_panel.model
    qtbot.waitUntil(lambda: model.data(camera_rows(window.cameras_panel)[fixed.id][2], CAMERA_STATE_ROLE)
                    is CameraState.LIVE, timeout=NET_MS)          # shown on the wall: live
    assert model.data(rows[fixed.id][2]).endswith("— live")

    edit = window.camera_setup.edit_camera(fixed.id)
    assert edit.name.text() == "Plac" and edit.password.text() == ""
    edit.group.setCurrentText("Nowa Huta")
    edit.name.setText("Rynek PTZ")                               # taken: refused, nothing lost
    edit.save()
    assert "Rynek PTZ" in edit.error.text() and edit.isVisible() and edit.group.currentText() == "Nowa Huta"
    edit.name.setText("Plac Centralny")
    edit.save()
    assert not edit.isVisible()
    assert camera_rows(window.cameras_panel)[fixed.id][0] == "Nowa Huta (1)"
    assert station.cameras.get(fixed.id).name == "Plac Centralny"
    qtbot.waitUntil(lambda: window.wall.cameras() == [fixed.id] and window.wall.tiles[0].view.camera.name
                    == "Plac Centralny", timeout=5_000)

    window.camera_setup._confirm_remove = lambda _parent, camera: camera.id == fixed.id
    assert window.camera_setup.remove_camera(fixed.id) is not None
    assert window.wall.cameras() == [None]                       # its tile is cleared
    assert set(camera_rows(window.cameras_panel)) == {saved.id}
    window.close()


def test_welcome_page_adds_the_first_camera_by_hand(qtbot, station, simulator):
    create_application(offscreen=True, language="en")
    page = WelcomePage(station)
    qtbot.addWidget(page)
    page.show()
    chosen = []
    page.chosen.connect(chosen.append)
    page.add_button.click()
    dialog = page.setup.dialog
    dialog.name.setText("Brama")
    dialog.main_url.setText(simulator.url(3, "main"))
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.preview.has_picture, timeout=NET_MS)
    dialog.password.setText("no-user-given")      # a password without a username is not stored
    dialog.save()
    assert chosen == [CAMERAS]
    camera = station.cameras.find("Brama")
    assert not camera.has_credentials
    assert not page.isVisible()


def test_a_wrong_address_fails_the_test_with_a_clear_message(qtbot, station):
    create_application(offscreen=True, language="en")
    page = WelcomePage(station)
    qtbot.addWidget(page)
    dialog = page.setup.add_camera()
    dialog.main_url.setText("rtsp://127.0.0.1:9/nothing-here")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.preview.status.text() != "", timeout=NET_MS)
    assert not dialog.preview.has_picture and dialog.preview.picture.text() == "No picture."
    dialog.reject()


def test_recording_follows_the_set_up(qtbot, station, simulator):
    """Turning recording on in the set-up starts the recorder without a restart; turning it off stops it."""
    from ui.recording_controller import RecordingController
    from videowall.recording.recorder_types import RecorderState
    from videowall.setup.cameras import CameraForm, CameraSetup, form_of

    setup = CameraSetup(station.cameras, station.secrets)
    camera = setup.add(CameraForm(name="Brama", main_url=simulator.url(4, "main"), sub_url=simulator.url(4, "sub")))
    controller = RecordingController(station)
    controller.follow_cameras()
    assert station.recording is None                        # nothing marked: nothing started
    setup.edit(camera.id, replace(form_of(camera), record=True, record_profile=Profile.SUB))
    controller.follow_cameras()
    qtbot.waitUntil(lambda: station.recording is not None and (status := station.recording.recorder_status(camera.id))
                    is not None and status.state is RecorderState.RECORDING, timeout=NET_MS)
    setup.edit(camera.id, replace(form_of(station.cameras.get(camera.id)), record=False))
    controller.follow_cameras()
    qtbot.waitUntil(lambda: station.recording.recorder_status(camera.id) is None, timeout=NET_MS)
    controller.close()


def test_an_edited_address_plays_at_once_on_the_wall(qtbot, station, simulator):
    from tests.ui.wall_helpers import shown_camera

    camera = station.cameras.add(name="Brama", main_url=simulator.url(5, "main"), sub_url=simulator.url(5, "sub"))
    window = open_main(qtbot, station, [camera.id])
    tile = window.wall.tiles[0]
    qtbot.waitUntil(lambda: tile.current_frame is not None and shown_camera(tile, 9) == 5, timeout=NET_MS)
    dialog = window.camera_setup.edit_camera(camera.id)
    dialog.main_url.setText(simulator.url(6, "main"))
    dialog.sub_url.setText(simulator.url(6, "sub"))
    dialog.save()
    qtbot.waitUntil(lambda: tile.current_frame is not None and shown_camera(tile, 9) == 6, timeout=NET_MS)
    assert station.supervisor.session_count() <= 2        # the old streams were closed, not left behind
    window.close()
