"""Add or edit one camera: find it (WS-Discovery), read it (ONVIF probe), test it with a live picture, save it.

Nothing is written until Save; a refused save (a taken name, a bad address, no keyring) says why in the
dialog and keeps every field as typed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
                               QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget)

from ui.background import run_in_background
from ui.i18n.core import core_text
from ui.setup.preview import ConnectionPreview
from ui.setup.texts import profile_text, transport_text, tr
from videowall.model.camera import Camera, Profile, Transport
from videowall.onvif.types import OnvifReport
from videowall.runtime.errors import VideowallError
from videowall.setup.connection_test import PREVIEW_SIZE
from videowall.setup.cameras import CameraForm, CameraSetup, credentials_of, form_of, form_with_report
from videowall.setup.discovery import FoundCamera, found_cameras

DISCOVERY_WAIT_S = 2.0
ADDRESS_ROLE = Qt.ItemDataRole.UserRole + 1


class CameraDialog(QDialog):
    saved = Signal(object)          # the saved Camera

    def __init__(self, setup: CameraSetup, groups: list[str], retention_days: int, camera: Camera | None = None,
                 discovery_target: tuple[str, int] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Edit camera %1").replace("%1", camera.name) if camera else tr("Add camera"))
        self._setup = setup
        self._camera = camera
        self._discovery_target = discovery_target
        self._report: OnvifReport | None = None
        self._build(groups, retention_days)
        if camera is not None:
            self._show_form(form_of(camera, setup.stored_username(camera)))
            self.password.setPlaceholderText(tr("unchanged"))
        self.resize(1180, 680)

    # -- building --------------------------------------------------------------------------------
    def _build(self, groups: list[str], retention_days: int) -> None:
        self.find_button = QPushButton(tr("Search the network"))
        self.find_button.clicked.connect(self.discover)
        self.found = QListWidget()
        self.found.setMaximumHeight(110)
        self.found.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.found.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.found.currentItemChanged.connect(self._on_found_chosen)
        self.found.itemActivated.connect(lambda _item: self.probe())
        self.onvif_address = QLineEdit()
        self.onvif_address.setPlaceholderText("http://192.168.1.64:80")
        self.probe_button = QPushButton(tr("Read from the camera"))
        self.probe_button.clicked.connect(self.probe)
        self.probe_result = QLabel(tr("Search the network or type the camera's ONVIF address, then read its "
                                      "streams and PTZ from it. Cameras without ONVIF: fill in the stream "
                                      "addresses below."))
        self.probe_result.setWordWrap(True)
        address_row = QHBoxLayout()
        address_row.addWidget(QLabel(tr("ONVIF address")))
        address_row.addWidget(self.onvif_address, 1)
        address_row.addWidget(self.probe_button)
        find_box = QGroupBox(tr("Find the camera (ONVIF)"))
        find_layout = QVBoxLayout(find_box)
        find_layout.addWidget(self.find_button, 0, Qt.AlignmentFlag.AlignLeft)
        find_layout.addWidget(self.found)
        find_layout.addLayout(address_row)
        find_layout.addWidget(self.probe_result)

        self.name = QLineEdit()
        self.group = QComboBox()
        self.group.setEditable(True)
        self.group.addItems(sorted({g for g in groups if g}, key=str.casefold))
        self.group.setCurrentText("")
        self.location = QLineEdit()
        self.main_url = QLineEdit()
        self.main_url.setPlaceholderText("rtsp://192.168.1.64:554/stream1")
        self.sub_url = QLineEdit()
        self.sub_url.setPlaceholderText(tr("optional: the low resolution stream for small tiles"))
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.transport = QComboBox()
        for transport in Transport:
            self.transport.addItem(transport_text(transport), transport)
        camera_box = QGroupBox(tr("Camera"))
        form = QFormLayout(camera_box)
        form.addRow(tr("Name"), self.name)
        form.addRow(tr("District"), self.group)
        form.addRow(tr("Place"), self.location)
        form.addRow(tr("Main stream"), self.main_url)
        form.addRow(tr("Sub stream"), self.sub_url)
        form.addRow(tr("Username"), self.username)
        form.addRow(tr("Password"), self.password)
        form.addRow(tr("RTSP transport"), self.transport)

        self.record = QCheckBox(tr("Record this camera on this station"))
        self.record_profile = QComboBox()
        for profile in Profile:
            self.record_profile.addItem(profile_text(profile), profile)
        self.record.toggled.connect(self.record_profile.setEnabled)
        self.record_profile.setEnabled(False)
        retention = QLabel(tr("Footage is kept %1 days (the station's retention, set by the deployment's law); "
                              "footage secured as evidence is kept until released.").replace("%1", str(retention_days)))
        retention.setWordWrap(True)
        record_box = QGroupBox(tr("Recording"))
        record_layout = QFormLayout(record_box)
        record_layout.addRow(self.record)
        record_layout.addRow(tr("Recorded stream"), self.record_profile)
        record_layout.addRow(retention)

        self.preview = ConnectionPreview()
        self.test_button = QPushButton(tr("Test the connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.test_profile = QComboBox()
        for profile in Profile:
            self.test_profile.addItem(profile_text(profile), profile)
        test_box = QGroupBox(tr("Connection test"))
        test_layout = QVBoxLayout(test_box)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_profile, 1)
        test_row.addWidget(self.test_button)
        test_layout.addLayout(test_row)
        test_layout.addWidget(self.preview)
        test_layout.addStretch(1)
        test_box.setFixedWidth(PREVIEW_SIZE[0] + 24)

        self.error = QLabel()
        self.error.setObjectName("setup-error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #e05050; font-weight: bold;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        left = QVBoxLayout()
        left.addWidget(find_box)
        left.addWidget(camera_box)
        left.addWidget(record_box)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addWidget(test_box)
        outer = QVBoxLayout(self)
        outer.addLayout(columns, 1)
        outer.addWidget(self.error)
        outer.addWidget(self.buttons)

    # -- the form ----------------------------------------------------------------------------------
    def form(self) -> CameraForm:
        return CameraForm(
            name=self.name.text().strip(), main_url=self.main_url.text().strip(),
            sub_url=self.sub_url.text().strip() or None, location=self.location.text().strip(),
            group=self.group.currentText().strip(), transport=self.transport.currentData(),
            record=self.record.isChecked(), record_profile=self.record_profile.currentData(),
            username=self.username.text().strip(), password=self.password.text(), onvif=self._report)

    def _show_form(self, form: CameraForm) -> None:
        self.name.setText(form.name)
        self.group.setCurrentText(form.group)
        self.location.setText(form.location)
        self.main_url.setText(form.main_url)
        self.sub_url.setText(form.sub_url or "")
        self.username.setText(form.username)
        self.transport.setCurrentIndex(self.transport.findData(form.transport))
        self.record.setChecked(form.record)
        self.record_profile.setCurrentIndex(self.record_profile.findData(form.record_profile))

    def _show_error(self, err: VideowallError | None) -> None:
        self.error.setText(core_text(err.user_message) if err is not None else "")

    # -- actions -------------------------------------------------------------------------------------
    def discover(self) -> None:
        from videowall.onvif.discovery import discover

        self.find_button.setEnabled(False)
        self.found.clear()
        self.probe_result.setText(tr("Searching…"))
        target = self._discovery_target
        run_in_background(self, lambda: found_cameras(discover(DISCOVERY_WAIT_S, target)), self._on_discovered,
                          name="onvif-discovery")

    def _on_discovered(self, result: list[FoundCamera] | VideowallError) -> None:
        self.find_button.setEnabled(True)
        if isinstance(result, VideowallError):
            self.probe_result.setText(core_text(result.user_message))
            return
        for camera in result:
            parts = [camera.name, camera.hardware, tr("PTZ") if camera.ptz else "", camera.address]
            item = QListWidgetItem(" · ".join(p for p in parts if p))
            item.setData(ADDRESS_ROLE, camera.address)
            self.found.addItem(item)
        self.probe_result.setText(tr("Cameras that answered: %1. Choose one and read it from the camera.")
                                  .replace("%1", str(len(result))) if result else
                                  tr("No camera answered. Type its ONVIF address, or fill in its stream addresses."))

    def _on_found_chosen(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is not None:
            self.onvif_address.setText(item.data(ADDRESS_ROLE))

    def probe(self) -> None:
        from videowall.onvif.onboarding import probe

        try:
            credentials = credentials_of(self.form())
        except VideowallError as err:
            self._show_error(err)
            return
        address = self.onvif_address.text().strip()
        self.probe_button.setEnabled(False)
        self.probe_result.setText(tr("Reading the camera…"))
        run_in_background(self, lambda: probe(address, credentials), self._on_probed, name="onvif-probe")

    def _on_probed(self, result: OnvifReport | VideowallError) -> None:
        self.probe_button.setEnabled(True)
        if isinstance(result, VideowallError):
            self.probe_result.setText(core_text(result.user_message))
            return
        self._report = result
        self._show_form(form_with_report(self.form(), result))
        sizes = ", ".join(f"{p.width}×{p.height}" for p in result.profiles if p.width and p.height)
        self.probe_result.setText(
            tr("%1 %2: profiles: %3 (%4); PTZ: %5.").replace("%1", result.info.manufacturer)
            .replace("%2", result.info.model).replace("%3", str(len(result.profiles))).replace("%4", sizes or "—")
            .replace("%5", tr("yes") if result.ptz else tr("no")))

    def test_connection(self) -> None:
        form = self.form()
        try:
            credentials = credentials_of(form)
            if credentials is None and form.username and self._camera is not None:
                credentials = self._setup.stored_credentials(self._camera)
        except VideowallError as err:
            self._show_error(err)
            return
        url = form.sub_url if self.test_profile.currentData() is Profile.SUB and form.sub_url else form.main_url
        self._show_error(None)
        self.preview.start(url, credentials, form.transport)

    def save(self) -> None:
        try:
            form = self.form()
            camera = self._setup.edit(self._camera.id, form) if self._camera else self._setup.add(form)
        except VideowallError as err:
            self._show_error(err)
            return
        self.preview.stop()
        self.saved.emit(camera)
        self.accept()

    def done(self, result: int) -> None:
        self.preview.stop()
        super().done(result)
