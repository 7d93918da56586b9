"""First start, no cameras yet: a welcome page offering discovery, adding a camera by hand, or the demo."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ui.app import create_application
from ui.setup.controller import CameraSetupController
from ui.setup.texts import tr
from videowall.station import Station

DEMO = "demo"
CAMERAS = "cameras"


class WelcomePage(QWidget):
    chosen = Signal(str)        # CAMERAS once a camera is saved, DEMO for the demo cameras

    def __init__(self, station: Station, discovery_target: tuple[str, int] | None = None) -> None:
        super().__init__()
        self.setWindowTitle(tr("videowall — first start"))
        self.setup = CameraSetupController(station, self, discovery_target=discovery_target)
        self.setup.camera_saved.connect(lambda _camera: self._choose(CAMERAS))
        self.choice: str | None = None
        title = QLabel(tr("Welcome to videowall"))
        title.setObjectName("welcome-title")
        title.setStyleSheet("font-size: 22pt; font-weight: bold;")
        intro = QLabel(tr("This station has no cameras yet. Find them on the network, add one by its address, "
                          "or look around with the demo cameras first."))
        intro.setWordWrap(True)
        self.discover_button = QPushButton(tr("Search the network for ONVIF cameras…"))
        self.discover_button.clicked.connect(lambda: self.setup.add_camera(discover=True))
        self.add_button = QPushButton(tr("Add a camera by its address…"))
        self.add_button.clicked.connect(lambda: self.setup.add_camera())
        self.demo_button = QPushButton(tr("Try the demo cameras"))
        self.demo_button.clicked.connect(lambda: self._choose(DEMO))
        demo_note = QLabel(tr("The demo runs simulated cameras in a separate, temporary station: nothing is "
                              "added here."))
        demo_note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.setSpacing(14)
        layout.addWidget(title)
        layout.addWidget(intro)
        for button in (self.discover_button, self.add_button, self.demo_button):
            button.setMinimumHeight(44)
            layout.addWidget(button)
        layout.addWidget(demo_note)
        layout.addStretch(1)
        self.resize(720, 460)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.chosen.emit(choice)
        self.close()


def run_welcome(station: Station, offscreen: bool = False, seconds: float | None = None,
                language: str | None = None) -> str | None:
    """Show the welcome page until the operator saves a camera (CAMERAS), picks the demo (DEMO) or closes it."""
    app = create_application(offscreen=offscreen, language=language or station.settings.ui_language)
    page = WelcomePage(station)
    page.chosen.connect(lambda _choice: QTimer.singleShot(0, app.quit))
    page.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, True)
    if seconds is not None:
        QTimer.singleShot(int(seconds * 1000), app.quit)
    page.show()
    app.exec()
    page.close()
    return page.choice
