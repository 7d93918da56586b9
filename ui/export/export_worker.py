"""Plans and runs one evidence export on a worker thread; reports to the GUI through Qt signals.

The core's ``plan_export`` does every check before writing (footage in range, space + 10 %, writable,
FAT32 parts) and the core's ``ExportJob`` writes, reads back and renames; this only moves them off the
GUI thread. The object has no Qt parent on purpose: it stays alive while its thread runs even if the
dialog is gone, and signals to a closed dialog simply go nowhere.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ui.export.services import ExportServices
from ui.export.texts import tr
from ui.i18n.core import core_text
from videowall.evidence.job import ExportJob
from videowall.evidence.plan import plan_export
from videowall.evidence.progress import CancelToken, ExportCancelled, ExportProgress
from videowall.evidence.request import ExportRequest
from videowall.model.camera import Camera
from videowall.runtime.errors import VideowallError
from videowall.runtime.redaction import redact

log = logging.getLogger(__name__)


class ExportWorker(QObject):
    planned = Signal(object)      # the ExportPlan: validation passed, writing starts
    progressed = Signal(object)   # ExportProgress
    succeeded = Signal(object)    # ExportResult
    refused = Signal(str)         # validation failed before anything was written (user message)
    failed = Signal(str)          # the job failed; nothing complete was written (user message)
    cancelled = Signal(object)    # Path of the .partial folder left behind, or None if nothing was written

    def __init__(self, services: ExportServices) -> None:
        super().__init__()
        self._services = services
        self.cancel_token = CancelToken()

    def start(self, request: ExportRequest, folder: Path, cameras: list[Camera]) -> None:
        threading.Thread(target=self._work, args=(request, folder, cameras), name="evidence-export",
                         daemon=True).start()

    def cancel(self) -> None:
        self.cancel_token.cancel()

    def _work(self, request: ExportRequest, folder: Path, cameras: list[Camera]) -> None:
        services = self._services
        try:
            plan = plan_export(request, cameras, services.recordings(), folder, services.part_bytes)
        except VideowallError as err:
            self.refused.emit(core_text(err.user_message))
            return
        except Exception:
            log.exception("planning the export failed")
            self.refused.emit(_internal_error())
            return
        if self.cancel_token.cancelled:
            self.cancelled.emit(None)
            return
        self.planned.emit(plan)
        try:
            with services.audit() as audit:
                job = ExportJob(plan, services.exporter, services.identity, audit, actor=services.operator,
                                clock=services.clock, progress=self._on_progress, cancel=self.cancel_token)
                result = job.run()
        except ExportCancelled:
            self.cancelled.emit(plan.partial_dir if plan.partial_dir.exists() else None)
        except VideowallError as err:
            self.failed.emit(core_text(err.user_message))
        except Exception as err:
            log.error("export failed: %s", redact(f"{type(err).__name__}: {err}"), exc_info=True)
            self.failed.emit(_internal_error())
        else:
            self.succeeded.emit(result)

    def _on_progress(self, progress: ExportProgress) -> None:
        self._services.progress_hook(progress)
        self.progressed.emit(progress)


def _internal_error() -> str:
    return tr("The export stopped because of an internal error (details are in the log). "
              "Nothing complete was written.")
