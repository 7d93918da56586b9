"""Blocking work (network, disk) off the GUI thread, with its result delivered back on the GUI thread.

``run_in_background(owner, work, done)``: ``work()`` runs on a daemon thread; ``done(result)`` runs on the
GUI thread with its return value or the VideowallError it raised (any other exception becomes an INTERNAL
VideowallError, logged). If ``owner`` is gone by then, the result is dropped.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from videowall.runtime.errors import ErrorKind, VideowallError

log = logging.getLogger(__name__)


class _Delivery(QObject):
    finished = Signal(object)


def run_in_background(owner: QObject, work: Callable[[], Any], done: Callable[[Any], None],
                      name: str = "ui-work") -> threading.Thread:
    delivery = _Delivery(owner)       # lives in the GUI thread: the signal is queued across threads
    delivery.finished.connect(lambda result: (delivery.deleteLater(), done(result)))

    def body() -> None:
        try:
            result: Any = work()
        except VideowallError as err:
            result = err
        except Exception as err:  # noqa: BLE001 — the window must hear of it instead of waiting forever
            log.exception("%s failed", name)
            result = VideowallError(ErrorKind.INTERNAL, "That did not work; see the log for details.", repr(err))
        try:
            delivery.finished.emit(result)
        except RuntimeError:          # the window that asked is gone
            log.info("%s finished after its window closed", name)

    thread = threading.Thread(target=body, name=name, daemon=True)
    thread.start()
    return thread
