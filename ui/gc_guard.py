"""Reference cycles are freed on the GUI thread only.

CPython's cyclic garbage collector runs on whichever thread happens to allocate when a generation's
threshold is crossed: in this app that is mostly a worker (a bookmark search building hundreds of rows,
a demux thread). A QObject caught in a cycle (a dialog whose lambdas capture it, a panel and its
controller) is then destroyed on that worker while the GUI thread paints or processes events with it,
and Qt's objects are not safe to destroy from another thread: the heap is corrupted and the process
dies later, somewhere unrelated (issue 12: a segfault inside a worker's pure-Python loop).

So a GUI process switches automatic collection off and collects here, on a GUI-thread timer, with the
young generation collected on every tick and the older ones at CPython's thresholds. Headless processes (recorder, CLI) keep the default.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

CHECK_INTERVAL_MS = 250


class GuiThreadCollector(QObject):
    """Owned by the application; runs every collection on the GUI thread."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()
        app.aboutToQuit.connect(self.collect_due)

    def collect_due(self) -> None:
        """The young generation on every tick (cheap); an older one once its count crossed its threshold."""
        counts = gc.get_count()
        generation = 0
        for older in (1, 2):
            if counts[older] > self._thresholds[older]:
                generation = older
        gc.collect(generation)


def install_gui_thread_collector(app: QCoreApplication) -> GuiThreadCollector:
    """Idempotent: one collector per application, created on the GUI thread."""
    existing = getattr(app, "_videowall_collector", None)
    if existing is None:
        existing = app._videowall_collector = GuiThreadCollector(app)
    return existing
