"""The playback timeline: one lane per camera with recorded ranges, gaps, legal holds, bookmarks, events and
the cursor (events run along a lane's bottom edge; hovering one names it).

Clicking or dragging asks for that moment (``position_requested``); clicking a bookmark's flag asks for
the bookmarked moment itself, and hovering it shows what was marked. The wheel zooms around the pointer
(``window_changed``, so the owner can load the lanes of the new window). Paints from a TimelineModel
only; it never touches the index itself.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ui.alarms.texts import active_text, kind_text
from ui.bookmarks.texts import category_text
from ui.playback.badge import local_time_text
from ui.playback.timeline_model import BookmarkMark, EventMark, TimelineModel
from videowall.events.model import EventKind
from videowall.recording.index import NO_RECORDING

LABEL_WIDTH = 110
RULER_HEIGHT = 20
LANE_HEIGHT = 18
LANE_GAP = 4
BACKGROUND = QColor(30, 30, 30)
LANE_BACKGROUND = QColor(50, 50, 50)
RECORDED_COLOR = QColor(60, 170, 90)
GAP_COLOR = QColor(150, 60, 60)           # a gap with a known reason (disk full, camera unreachable…)
HOLD_COLOR = QColor(255, 196, 0)
CURSOR_COLOR = QColor(255, 80, 80)
BOOKMARK_COLOR = QColor(70, 150, 255)
EVIDENCE_COLOR = QColor(230, 60, 230)     # a bookmark marked as evidence
SPAN_ALPHA = 110                          # the bookmark's footage range shades the lane
FLAG_SIZE = 6
MARK_HIT_PX = 5                           # how near a click or the pointer must be to a flag
TEXT_COLOR = QColor(220, 220, 220)
EVENT_HEIGHT = 5                          # event marks run along the lane's bottom edge
EVENT_COLORS = {"motion": QColor(120, 200, 255), "tamper": QColor(255, 60, 60), "digital_input": QColor(255, 150, 40),
                "video_loss": QColor(255, 60, 60), "stream_lost": QColor(200, 90, 90)}
EVENT_COLOR = QColor(200, 200, 200)
ZOOM_STEP = 0.8


def tr(text: str) -> str:
    return QCoreApplication.translate("Playback", text)


class TimelineWidget(QWidget):
    position_requested = Signal("qlonglong")    # UTC µs the operator clicked or dragged to
    window_changed = Signal("qlonglong", "qlonglong")   # new visible window (UTC µs) after a zoom

    def __init__(self, model: TimelineModel, tz: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(False)
        self._model = model
        self._tz = tz
        self._fit_height()

    @property
    def model(self) -> TimelineModel:
        return self._model

    def set_model(self, model: TimelineModel) -> None:
        if model == self._model:
            return
        lanes_changed = len(model.lanes) != len(self._model.lanes)
        self._model = model
        if lanes_changed:
            self._fit_height()
        self.update()

    def lane_width(self) -> int:
        return max(1, self.width() - LABEL_WIDTH)

    def x_of(self, t_us: int) -> float:
        """Widget x of a moment (for tests and tooltips)."""
        return LABEL_WIDTH + self._model.x_of(t_us, self.lane_width())

    def lane_y(self, index: int) -> int:
        return RULER_HEIGHT + index * (LANE_HEIGHT + LANE_GAP) + LANE_GAP

    def mark_at(self, x: float, y: float) -> BookmarkMark | None:
        """The bookmark whose flag is under (x, y), the nearest if several."""
        for index, lane in enumerate(self._model.lanes):
            top = self.lane_y(index)
            if top <= y < top + LANE_HEIGHT and x >= LABEL_WIDTH:
                near = [(abs(self.x_of(mark.at_us) - x), mark) for mark in lane.bookmarks]
                near = [(distance, mark) for distance, mark in near if distance <= MARK_HIT_PX]
                if near:
                    return min(near, key=lambda pair: pair[0])[1]
        return None

    def event_at(self, x: float, y: float) -> EventMark | None:
        """The event whose mark is under (x, y), the nearest start if several."""
        for index, lane in enumerate(self._model.lanes):
            top = self.lane_y(index) + LANE_HEIGHT - EVENT_HEIGHT
            if top <= y < top + EVENT_HEIGHT and x >= LABEL_WIDTH:
                near = [(0.0 if self.x_of(e.start_us) <= x <= self.x_of(e.end_us) else
                         abs(self.x_of(e.start_us) - x), e) for e in lane.events]
                near = [(distance, mark) for distance, mark in near if distance <= MARK_HIT_PX]
                if near:
                    return min(near, key=lambda pair: pair[0])[1]
        return None

    def event_tooltip(self, mark: EventMark) -> str:
        state = f" · {active_text(mark.active)}" if mark.active is not None else ""
        count = f" ×{mark.count}" if mark.count > 1 else ""
        return f"{kind_text(EventKind(mark.kind))}{state}{count}\n{local_time_text(mark.start_us, self._tz)[:19]}"

    def mark_tooltip(self, mark: BookmarkMark) -> str:
        evidence = " · " + tr("evidence") if mark.evidence else ""
        lines = [f"{category_text(mark.category)}{evidence}", local_time_text(mark.at_us, self._tz)[:19]]
        if mark.description:
            lines.insert(1, mark.description)
        return "\n".join(lines)

    # -- Qt ---------------------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            mark = self.mark_at(event.position().x(), event.position().y())
            if mark is not None:
                self.position_requested.emit(mark.at_us)
            else:
                self._request(event.position().x())

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            mark = self.mark_at(event.pos().x(), event.pos().y())
            happening = self.event_at(event.pos().x(), event.pos().y()) if mark is None else None
            if mark is not None:
                QToolTip.showText(event.globalPos(), self.mark_tooltip(mark), self)
            elif happening is not None:
                QToolTip.showText(event.globalPos(), self.event_tooltip(happening), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._request(event.position().x())

    def wheelEvent(self, event) -> None:  # noqa: N802
        steps = event.angleDelta().y() / 120
        if not steps:
            return
        around = self._model.time_at(event.position().x() - LABEL_WIDTH, self.lane_width())
        self._model = self._model.zoomed(ZOOM_STEP ** steps, around)
        self.update()
        self.window_changed.emit(self._model.start_us, self._model.end_us)

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKGROUND)
        self._paint_ruler(painter)
        for index, lane in enumerate(self._model.lanes):
            y = self.lane_y(index)
            painter.setPen(TEXT_COLOR)
            painter.drawText(QRectF(4, y, LABEL_WIDTH - 8, LANE_HEIGHT),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, lane.name)
            painter.fillRect(QRectF(LABEL_WIDTH, y, self.lane_width(), LANE_HEIGHT), LANE_BACKGROUND)
            for span in lane.gaps:
                if span.label and span.label != NO_RECORDING:
                    self._fill_span(painter, span.start_us, span.end_us, y, LANE_HEIGHT, GAP_COLOR)
            for span in lane.recorded:
                self._fill_span(painter, span.start_us, span.end_us, y, LANE_HEIGHT, RECORDED_COLOR)
            for span in lane.holds:
                self._fill_span(painter, span.start_us, span.end_us, y, 4, HOLD_COLOR)
            for happening in lane.events:
                self._paint_event(painter, happening, y)
            for mark in lane.bookmarks:
                self._paint_mark(painter, mark, y)
        x = self.x_of(self._model.cursor_us)
        if LABEL_WIDTH <= x <= self.width():
            painter.setPen(QPen(CURSOR_COLOR, 2))
            painter.drawLine(round(x), 0, round(x), self.height())
        painter.end()

    # -- internals --------------------------------------------------------------------------------
    def _paint_ruler(self, painter: QPainter) -> None:
        painter.setPen(TEXT_COLOR)
        for tick in self._model.ticks(self.lane_width(), self._tz):
            x = round(self.x_of(tick.at_us))
            painter.drawLine(x, RULER_HEIGHT - (8 if tick.major else 5), x, RULER_HEIGHT)
            painter.drawText(x + 3, RULER_HEIGHT - 6, tick.label)

    def _fill_span(self, painter: QPainter, start_us: int, end_us: int, y: int, height: int, color: QColor) -> None:
        left = max(float(LABEL_WIDTH), self.x_of(start_us))
        right = min(float(self.width()), self.x_of(end_us))
        if right > left:
            painter.fillRect(QRectF(left, y, max(1.0, right - left), height), color)

    def _paint_mark(self, painter: QPainter, mark: BookmarkMark, y: int) -> None:
        color = EVIDENCE_COLOR if mark.evidence else BOOKMARK_COLOR
        shade = QColor(color)
        shade.setAlpha(SPAN_ALPHA)
        self._fill_span(painter, mark.start_us, mark.end_us, y + 4, LANE_HEIGHT - 4, shade)
        x = self.x_of(mark.at_us)
        if not LABEL_WIDTH <= x <= self.width():
            return
        painter.fillRect(QRectF(round(x) - 1, y, 2, LANE_HEIGHT), color)
        flag = QPolygonF([QPointF(round(x) + 1, y), QPointF(round(x) + 1 + FLAG_SIZE, y + FLAG_SIZE / 2),
                          QPointF(round(x) + 1, y + FLAG_SIZE)])
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawPolygon(flag)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _paint_event(self, painter: QPainter, mark: EventMark, y: int) -> None:
        if mark.active is False:
            return                    # the end of a state ("motion off") shows as the end of its run
        color = EVENT_COLORS.get(mark.kind, EVENT_COLOR)
        bottom = y + LANE_HEIGHT - EVENT_HEIGHT
        self._fill_span(painter, mark.start_us, mark.end_us, bottom, EVENT_HEIGHT, color)
        x = self.x_of(mark.start_us)
        if LABEL_WIDTH <= x <= self.width():
            painter.fillRect(QRectF(round(x) - 1, bottom, 2, EVENT_HEIGHT), color)

    def _request(self, x: float) -> None:
        t_us = self._model.time_at(x - LABEL_WIDTH, self.lane_width())
        self.position_requested.emit(t_us)

    def _fit_height(self) -> None:
        self.setFixedHeight(self.lane_y(len(self._model.lanes)) + LANE_GAP)
