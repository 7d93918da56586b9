"""Qt objects left in reference cycles are freed on the GUI thread, never on a worker that happens to allocate
(the cause of issue 12's segfault: a bookmark-search worker's allocations ran the cyclic collector, which
destroyed a widget of an earlier test while the GUI thread was using Qt)."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from ui.app import create_application


def _garbage_widget(freed_on: list[str]) -> None:
    widget = QWidget()
    layout = QVBoxLayout(widget)
    layout.addWidget(QPushButton("OK", widget))
    widget.cycle = widget                       # only the cyclic collector can free it
    weakref.finalize(widget, lambda: freed_on.append(threading.current_thread().name))


def _allocate_like_a_search() -> None:
    rows = []
    for index in range(200_000):                # far beyond every generation threshold
        rows.append((index, [index], {"id": index}))
        if len(rows) > 1000:
            rows.clear()


def test_a_widget_in_a_reference_cycle_is_freed_on_the_gui_thread_while_workers_allocate(qtbot):
    create_application(offscreen=True, language="en")
    assert not gc.isenabled(), "automatic collection would run on whichever thread allocates"
    freed_on: list[str] = []
    _garbage_widget(freed_on)
    workers = [threading.Thread(target=_allocate_like_a_search, name=f"worker-{n}") for n in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    qtbot.waitUntil(lambda: bool(freed_on), timeout=10_000)   # the GUI thread's collector gets to it
    assert freed_on == [threading.main_thread().name]
