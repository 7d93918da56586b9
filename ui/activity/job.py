"""Builds an activity record and writes its PDF on a worker thread (bookmark queries and PDF layout are
disk work that must not freeze the wall)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from videowall.activity.pdf import write_activity_pdf
from videowall.activity.record import ActivityRecord
from videowall.runtime.errors import ErrorKind, VideowallError

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("Activity", text)


class ActivityPdfJob(QObject):
    done = Signal(object)       # the written Path, or the VideowallError; delivered on the GUI thread

    def start(self, build: Callable[[], ActivityRecord], path: Path) -> None:
        threading.Thread(target=self._work, args=(build, path), name="activity-record", daemon=True).start()

    def _work(self, build: Callable[[], ActivityRecord], path: Path) -> None:
        try:
            result: Path | VideowallError = write_activity_pdf(build(), path)
        except VideowallError as err:
            result = err
        except Exception as err:  # noqa: BLE001 — the operator must hear of it instead of waiting forever
            log.exception("activity record failed")
            result = VideowallError(ErrorKind.INTERNAL, "The activity record could not be written; see the log.",
                                    detail=repr(err))
        try:
            self.done.emit(result)
        except RuntimeError:    # the window that asked for it is gone; the file is written all the same
            log.info("activity record finished after its window closed: %s", result)


def with_pdf_suffix(path: str) -> Path:
    target = Path(path)
    return target if target.suffix.lower() == ".pdf" else target.with_name(target.name + ".pdf")
