"""Layout editor: pick a grid or preset, click tiles to select them, merge them into one or split one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from videowall.model.layout import MAX_GRID, PRESETS, Layout, LayoutError, layout_named, uniform

LAYOUT_NAMES = ([f"{n}x{n}" for n in range(1, MAX_GRID + 1)] + ["2x3", "2x4", "3x4", "4x6"]
                + list(PRESETS))


def tr(text: str) -> str:
    return QCoreApplication.translate("LayoutEditor", text)


class LayoutCanvas(QWidget):
    """Draws a layout; clicking a tile toggles its selection."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = uniform(2)
        self.chosen: set[int] = set()
        self.setMinimumSize(240, 135)

    def set_layout(self, layout: Layout) -> None:
        self.layout_, self.chosen = layout, set()
        self.update()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        pos = event.position().toPoint()
        for i, rect in enumerate(self.layout_.pixel_rects(self.width(), self.height(), 3)):
            if QRect(*rect).contains(pos):
                self.chosen ^= {i}
                self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(30, 30, 30))
        for i, rect in enumerate(self.layout_.pixel_rects(self.width(), self.height(), 3)):
            painter.fillRect(QRect(*rect), QColor(70, 110, 160) if i in self.chosen else QColor(80, 80, 80))
            painter.setPen(QPen(Qt.GlobalColor.white))
            painter.drawText(QRect(*rect), Qt.AlignmentFlag.AlignCenter, str(i + 1))
        painter.end()


class LayoutEditor(QWidget):
    layout_applied = Signal(object)      # Layout

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preset = QComboBox(self)
        self.preset.addItems(LAYOUT_NAMES)
        self.canvas = LayoutCanvas(self)
        merge, split, apply = (QPushButton(tr(t), self) for t in ("Merge", "Split", "Apply"))
        buttons = QHBoxLayout()
        for button in (merge, split, apply):
            buttons.addWidget(button)
        box = QVBoxLayout(self)
        box.addWidget(self.preset)
        box.addWidget(self.canvas, 1)
        box.addLayout(buttons)
        self.preset.currentTextChanged.connect(self._on_preset_chosen)
        merge.clicked.connect(self.merge)
        split.clicked.connect(self.split)
        apply.clicked.connect(lambda: self.layout_applied.emit(self.canvas.layout_))
        self.problem = ""

    @property
    def layout_(self) -> Layout:
        return self.canvas.layout_

    def edit(self, layout: Layout) -> None:
        """Show ``layout`` (e.g. the wall's own) with its name in the chooser; custom layouts get their own entry."""
        self._show_name(layout.name)
        self.canvas.set_layout(layout)

    def _show_name(self, name: str) -> None:
        self.preset.blockSignals(True)
        if self.preset.findText(name) < 0:
            self.preset.addItem(name)
        self.preset.setCurrentText(name)
        self.preset.blockSignals(False)

    def _on_preset_chosen(self, name: str) -> None:
        try:
            self.canvas.set_layout(layout_named(name))
        except LayoutError:     # "custom": the edited layout stays
            pass

    def merge(self) -> bool:
        return self._change(lambda layout: layout.merge(self.canvas.chosen))

    def split(self) -> bool:
        if len(self.canvas.chosen) != 1:
            self.problem = tr("Choose one tile to split.")
            return False
        return self._change(lambda layout: layout.split(next(iter(self.canvas.chosen))))

    def _change(self, edit) -> bool:
        try:
            layout = edit(self.canvas.layout_)
        except LayoutError as err:
            self.problem = str(err)
            return False
        self._show_name(layout.name)
        self.canvas.set_layout(layout)
        self.problem = ""
        return True
