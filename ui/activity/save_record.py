"""Save the activity record of one bookmark: asks where, writes on a worker, then says how it went."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ui.activity.job import ActivityPdfJob, tr, with_pdf_suffix
from ui.i18n.core import core_text
from videowall.activity.record import record_from_bookmark
from videowall.model.bookmark import Bookmark
from videowall.runtime.errors import VideowallError
from videowall.station import Station

# Without a parent widget Qt would delete these as soon as Python drops them: kept here until done.
_RUNNING: set[ActivityPdfJob] = set()
_OPEN_BOXES: set[QMessageBox] = set()


def default_bookmark_file_name(bookmark: Bookmark, zone: ZoneInfo) -> str:
    return f"informacja_{bookmark.at_utc.astimezone(zone):%Y-%m-%d}_{bookmark.id}.pdf"


def save_bookmark_record(parent: QWidget | None, station: Station, bookmark: Bookmark,
                         path: Path | None = None) -> ActivityPdfJob | None:
    """Write the bookmark's activity record. Without ``path`` the operator chooses the file; returns the
    running job (``done`` tells the result), or None when the operator cancelled."""
    if path is None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = default_bookmark_file_name(bookmark, ZoneInfo(station.settings.timezone))
        chosen, _ = QFileDialog.getSaveFileName(parent, tr("Save activity record"), str(Path(folder) / name),
                                                tr("PDF documents (*.pdf)"))
        if not chosen:
            return None
        path = with_pdf_suffix(chosen)
    names = {camera.id: camera.name for camera in station.cameras.list()}
    job = ActivityPdfJob(parent)
    if parent is None:
        _RUNNING.add(job)
    job.done.connect(lambda result: _report(parent, job, result))
    job.start(lambda: record_from_bookmark(bookmark, names, station.settings), path)
    return job


def _report(parent: QWidget | None, job: ActivityPdfJob, result: Path | VideowallError) -> None:
    if parent is None:
        _RUNNING.discard(job)
    else:
        job.deleteLater()
    if isinstance(result, VideowallError):
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Activity record"),
                          tr("The activity record was not saved.") + "\n\n" + core_text(result.user_message),
                          QMessageBox.StandardButton.Ok, parent)
    else:
        box = QMessageBox(QMessageBox.Icon.Information, tr("Activity record"),
                          tr("The activity record was saved:") + f"\n{result}", QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("activityRecordResult")
    if parent is None:     # Python owns it: dropped when answered
        _OPEN_BOXES.add(box)
        box.finished.connect(lambda _code: _OPEN_BOXES.discard(box))
    else:
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
