"""Keyboard operation of a wall, in ONE method (``handle_key``) so an event filter (PTZ) can pre-empt it.

Arrows move the selection, Enter maximises/restores (or, after digits, puts camera number N in the
selected tile), Esc restores / cancels / unzooms, Ctrl+S snapshots, I toggles the info overlay, +/-
zoom, B or Ctrl+B bookmarks the selected tile's camera now (the owner acts on ``bookmark_key_pressed``),
P shows or hides the side panels, F the full-screen wall and R replays the selected tile (the owner acts on
``panels_key_pressed``, ``fullscreen_key_pressed`` and ``replay_key_pressed``; an Esc the wall has no use for is ``escape_unused``), F1 or ? shows the
shortcut help, F2–F12 and Alt+1…9 recall views.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel

log = logging.getLogger(__name__)

ARROWS = {Qt.Key.Key_Left: (0, -1), Qt.Key.Key_Right: (0, 1), Qt.Key.Key_Up: (-1, 0), Qt.Key.Key_Down: (1, 0)}
MAX_DIGITS = 6

# (keys, what they do): untranslated, shown through QCoreApplication.translate("WallHelp", …).
SHORTCUTS = (
    ("← ↑ → ↓", "select a tile"),
    ("Enter / double-click", "maximise or restore the tile"),
    ("Esc", "restore, cancel the number, reset zoom"),
    ("digits + Enter", "put camera number N in the selected tile"),
    ("wheel / + −", "digital zoom; drag to move the zoomed picture"),
    ("Ctrl+S", "snapshot of the tile to PNG"),
    ("I", "show or hide stream details"),
    ("B / Ctrl+B", "bookmark this moment on the selected tile"),
    ("R", "replay the selected tile (the others stay live)"),
    ("P", "show or hide the side panels"),
    ("F", "full-screen wall (Esc leaves it)"),
    ("F2–F12, Alt+1…9", "recall a saved view"),
    ("F1 / ?", "show or hide this help"),
)


def tr(text: str) -> str:
    return QCoreApplication.translate("WallHelp", text)


class WallKeys:
    """Mixed into WallWindow (before QWidget)."""

    bookmark_key_pressed = Signal()      # B / Ctrl+B: bookmark the selected tile's camera at this moment
    panels_key_pressed = Signal()        # P: collapse or bring back the side panels
    replay_key_pressed = Signal()        # R: play back the selected tile's recent past in that tile
    fullscreen_key_pressed = Signal()    # F: full-screen wall on or off
    escape_unused = Signal()             # Esc with nothing of the wall's own to undo (leaves full screen)

    def _init_keys(self) -> None:
        self.typed_number = ""
        self.last_snapshot = None
        self._entry = QLabel(self)
        self._entry.setStyleSheet("background: rgba(0,0,0,200); color: yellow; font-size: 28px; padding: 8px;")
        self._entry.hide()
        self._help = QLabel(self)
        self._help.setStyleSheet("background: rgba(0,0,0,220); color: white; font-size: 16px; padding: 16px;")
        self._help.setTextFormat(Qt.TextFormat.RichText)
        self._help.hide()

    @property
    def help_visible(self) -> bool:
        return self._help.isVisible()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if not self.handle_key(event.key(), event.modifiers(), event.text()):
            super().keyPressEvent(event)

    def handle_key(self, key: int, modifiers=Qt.KeyboardModifier.NoModifier, text: str = "") -> bool:
        """Act on one key press; False when the wall has no use for it."""
        ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        alt = bool(modifiers & Qt.KeyboardModifier.AltModifier)
        self._note_activity(self.selected_index)
        if key in ARROWS and not ctrl and not alt:
            if self.maximised_index is None:
                self.select(self.layout_.neighbour(self.selected_index, *ARROWS[key]))
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.typed_number:
                self._enter_number()
            else:
                self.toggle_maximise()
            return True
        if key == Qt.Key.Key_Escape:
            if not self._escape():
                self.escape_unused.emit()
            return True
        if alt and Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            self.view_key_pressed.emit(key - Qt.Key.Key_0)
            return True
        if Qt.Key.Key_F2 <= key <= Qt.Key.Key_F12:
            self.view_key_pressed.emit(key - Qt.Key.Key_F1 + 1)
            return True
        if key == Qt.Key.Key_F1 or text == "?":
            self.toggle_help()
            return True
        if text.isdigit() and len(text) == 1 and not ctrl:
            self.typed_number = (self.typed_number + text)[-MAX_DIGITS:]
            self._show_entry()
            return True
        if key == Qt.Key.Key_Backspace and self.typed_number:
            self.typed_number = self.typed_number[:-1]
            self._show_entry()
            return True
        if ctrl and key == Qt.Key.Key_S:
            self.snapshot_selected()
            return True
        if key == Qt.Key.Key_B and not alt:
            self.bookmark_key_pressed.emit()
            return True
        if key == Qt.Key.Key_R and not ctrl and not alt:
            self.replay_key_pressed.emit()
            return True
        if key == Qt.Key.Key_P and not ctrl and not alt:
            self.panels_key_pressed.emit()
            return True
        if key == Qt.Key.Key_F and not ctrl and not alt:
            self.fullscreen_key_pressed.emit()
            return True
        if key == Qt.Key.Key_I and not ctrl:
            self.selected_tile.toggle_info()
            return True
        if text in ("+", "-", "="):
            self.selected_tile.zoom_by(1 if text in "+=" else -1)
            return True
        return False

    def toggle_help(self) -> None:
        if self._help.isVisible():
            self._help.hide()
            return
        rows = "".join(f"<tr><td><b>{keys}</b>&nbsp;&nbsp;</td><td>{tr(what)}</td></tr>" for keys, what in SHORTCUTS)
        self._help.setText(f"<h3>{tr('Keyboard shortcuts')}</h3><table>{rows}</table>")
        self._help.adjustSize()
        self._place_key_overlays()
        self._help.show()
        self._help.raise_()

    def snapshot_selected(self):
        try:
            self.last_snapshot = self.selected_tile.snapshot(self.snapshot_dir)
        except OSError as err:
            log.warning("snapshot failed: %s", err)
            self.last_snapshot = None
        return self.last_snapshot

    def _escape(self) -> bool:
        if self._help.isVisible():
            self._help.hide()
        elif self.typed_number:
            self.typed_number = ""
            self._show_entry()
        elif self.maximised_index is not None:
            self.toggle_maximise()
        elif self.selected_tile.view is not None and self.selected_tile.view.crop is not None:
            self.selected_tile.set_zoom_crop(None)
        else:
            return False
        return True

    def _enter_number(self) -> None:
        number, self.typed_number = int(self.typed_number), ""
        self._show_entry()
        try:
            self._supervisor.camera(number)
        except Exception:  # noqa: BLE001 — any lookup failure means "no such camera" to the operator
            self._entry.setText(tr("No camera %1").replace("%1", str(number)))
            self._entry.adjustSize()
            self._entry.show()
            return
        self.set_tile_camera(self.selected_index, number)

    def _show_entry(self) -> None:
        if not self.typed_number:
            self._entry.hide()
            return
        self._entry.setText(tr("Camera") + f" {self.typed_number}_")
        self._entry.adjustSize()
        self._place_key_overlays()
        self._entry.show()
        self._entry.raise_()

    def _place_key_overlays(self) -> None:
        self._entry.move(20, 20)
        self._help.move(max(0, (self.width() - self._help.width()) // 2),
                        max(0, (self.height() - self._help.height()) // 2))
