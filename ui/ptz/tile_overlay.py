"""PTZ controls drawn on the PTZ tile itself: a pan/tilt cross, zoom, a presets menu and the PTZ panel button.

Shown on a tile that shows a PTZ camera, is large enough, and is selected or under the mouse; placed in
the tile's lower right corner above the state band, so it never covers the overlay texts. Moves last
while a button is held (Stop on release), as with the keys and the drag on the tile. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QMenu, QToolButton, QWidget

from ui.ptz.bridge import PtzBridge
from videowall.onvif.ptz_queue import PtzAction

BUTTON_PX = 26
MIN_TILE = (240, 170)       # smaller tiles keep keys and drag only
BUTTON_SPEED = 0.5
_STYLE = ("QToolButton { background: rgba(20, 20, 20, 170); color: white; border: 1px solid rgba(255,255,255,60);"
          " border-radius: 3px; font-size: 13px; } QToolButton:pressed { background: rgba(52, 110, 180, 220); }")


def tr(text: str) -> str:
    return QCoreApplication.translate("PtzTileOverlay", text)


def overlay_fits(tile_width: int, tile_height: int) -> bool:
    return tile_width >= MIN_TILE[0] and tile_height >= MIN_TILE[1]


class PtzTileOverlay(QWidget):
    def __init__(self, tile: QWidget, bridge: PtzBridge, open_panel: Callable[[int], None]) -> None:
        super().__init__(tile)
        self.setStyleSheet(_STYLE)
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground)
        self._bridge = bridge
        self._open_panel = open_panel
        self.camera_id: int | None = None
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(2)
        self.moves: dict[str, QToolButton] = {}
        for name, text, row, col, pan, tilt, zoom in (
                ("up", "▲", 0, 1, 0, 1, 0), ("left", "◀", 1, 0, -1, 0, 0), ("right", "▶", 1, 2, 1, 0, 0),
                ("down", "▼", 2, 1, 0, -1, 0), ("zoom_in", "+", 0, 3, 0, 0, 1), ("zoom_out", "−", 2, 3, 0, 0, -1)):
            button = self._button(text)
            button.pressed.connect(lambda p=pan, t=tilt, z=zoom: self._move(p, t, z))
            button.released.connect(self._stop)
            grid.addWidget(button, row, col)
            self.moves[name] = button
        self.presets_button = self._button("★")
        self.presets_button.setToolTip(tr("Presets"))
        self.presets_menu = QMenu(self)
        self.presets_menu.aboutToShow.connect(self._ask_presets)
        self.presets_button.setMenu(self.presets_menu)
        self.presets_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        grid.addWidget(self.presets_button, 1, 1)
        self.panel_button = self._button("⚙")
        self.panel_button.setToolTip(tr("PTZ panel"))
        self.panel_button.clicked.connect(lambda: self.camera_id is not None and self._open_panel(self.camera_id))
        grid.addWidget(self.panel_button, 1, 3)
        bridge.result_received.connect(self._on_bridge_result_received)
        self.adjustSize()
        self.hide()

    def set_camera(self, camera_id: int | None) -> None:
        if camera_id != self.camera_id:
            self.presets_menu.clear()
            self.camera_id = camera_id
            self._ask_presets()

    def place(self, band_height: int) -> None:
        """Lower right corner of the tile, above its state band."""
        tile = self.parentWidget()
        self.adjustSize()
        self.move(tile.width() - self.width() - 8, tile.height() - band_height - self.height() - 6)

    def _button(self, text: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setFixedSize(BUTTON_PX, BUTTON_PX)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    def _move(self, pan: int, tilt: int, zoom: int) -> None:
        if self.camera_id is not None:
            self._bridge.move(self.camera_id, pan * BUTTON_SPEED, tilt * BUTTON_SPEED, zoom * BUTTON_SPEED)

    def _stop(self) -> None:
        if self.camera_id is not None:
            self._bridge.stop(self.camera_id, "release")

    def _ask_presets(self) -> None:
        if self.camera_id is not None:
            self._bridge.submit(self.camera_id, PtzAction.PRESETS)

    def _on_bridge_result_received(self, camera_id: int, kind: str, value: object) -> None:
        if camera_id != self.camera_id or kind != PtzAction.PRESETS:
            return
        self.presets_menu.clear()
        for preset in value or []:
            action = self.presets_menu.addAction(preset.name or preset.token)
            action.triggered.connect(lambda _=False, token=preset.token:
                                     self._bridge.submit(camera_id, PtzAction.GOTO, token))
        if not value:
            self.presets_menu.addAction(tr("No presets saved")).setEnabled(False)
        self.presets_menu.addSeparator()
        self.presets_menu.addAction(tr("Home"), lambda: self._bridge.submit(camera_id, PtzAction.HOME))
