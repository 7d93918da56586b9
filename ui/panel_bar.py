"""The thin bar at the window's edge: one vertical tab per side panel; a click shows or hides that panel."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QPainter
from PySide6.QtWidgets import QStyle, QStyleOptionToolButton, QToolBar, QToolButton, QWidget

BAR_WIDTH_PX = 26


class VerticalTab(QToolButton):
    """A checkable tool button whose text runs bottom to top, so the bar stays narrow."""

    def __init__(self, action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDefaultAction(action)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCheckable(True)

    def sizeHint(self) -> QSize:  # noqa: N802
        metrics = self.fontMetrics()
        return QSize(BAR_WIDTH_PX - 4, metrics.horizontalAdvance(self.text()) + 20)

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        option = QStyleOptionToolButton()
        self.initStyleOption(option)
        option.text = ""
        self.style().drawComplexControl(QStyle.ComplexControl.CC_ToolButton, option, painter, self)
        painter.translate(0, self.height())
        painter.rotate(-90)
        painter.setPen(self.palette().buttonText().color())
        painter.drawText(0, 0, self.height(), self.width(), Qt.AlignmentFlag.AlignCenter, self.text())
        painter.end()


class PanelBar(QToolBar):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setObjectName("panel-bar")
        self.setOrientation(Qt.Orientation.Vertical)
        self.setMovable(False)
        self.setFloatable(False)
        self.setFixedWidth(BAR_WIDTH_PX)
        self.setContentsMargins(0, 0, 0, 0)
        self.tabs: dict[str, VerticalTab] = {}

    def add_tab(self, key: str, action: QAction) -> VerticalTab:
        tab = VerticalTab(action, self)
        self.addWidget(tab)
        self.tabs[key] = tab
        return tab
