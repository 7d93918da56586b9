"""BookmarksController: the one place the GUI reaches the station's bookmarks.

Every store call runs on one worker thread (opening the bookmarks may open the recordings index, and
searches can be long); results come back on the GUI thread through a queued signal and the caller's
callbacks. ``changed`` tells every panel, timeline and dialog that a bookmark was created or changed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from ui.i18n.core import core_text
from videowall.model.bookmark import Bookmark, BookmarkFilter, BookmarkRevision
from videowall.bookmarks.store import BookmarkStore
from videowall.runtime.clock import SYSTEM_CLOCK, Clock
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.station import Station

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[VideowallError], None]


class BookmarksController(QObject):
    changed = Signal(object)        # the Bookmark as it is now, after a create or any change
    created = Signal(object)        # the Bookmark just created (after ``changed``)
    failed = Signal(str)            # the user message of a call that had no error callback of its own
    _finished = Signal(object, object, object)   # (callbacks, result, error), from the worker thread

    def __init__(self, station: Station, clock: Clock = SYSTEM_CLOCK, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.station = station
        self.clock = clock
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="bookmarks")
        self._finished.connect(self._on_self_finished, Qt.ConnectionType.QueuedConnection)
        self._editors: dict[int, QWidget] = {}
        self._closed = False

    @property
    def operator(self) -> str:
        return self.station.operator

    # -- creating ---------------------------------------------------------------------------------
    def bookmark_now(self, camera_id: int, parent: QWidget | None = None) -> None:
        """The live hotkey: bookmark this camera at this moment (the station clock's now)."""
        self.bookmark_at(camera_id, self.clock.now_utc(), parent)

    def bookmark_at(self, camera_id: int, at_utc: datetime, parent: QWidget | None = None,
                    on_error: Failed | None = None) -> None:
        """Save a bookmark at once (first category, the station's rolls, the camera's location as the place),
        then open its edit dialog so the operator can describe it; nothing is lost if nobody does."""
        settings = self.station.settings
        try:
            place = self.station.cameras.get(camera_id).location
        except VideowallError:
            place = ""
        operator = self.operator

        def create(store: BookmarkStore) -> Bookmark:
            return store.create(at_utc=at_utc, camera_ids=(camera_id,), category=settings.bookmark_categories[0],
                                operator=operator, place=place, pre_roll_s=settings.bookmark_pre_roll_s,
                                post_roll_s=settings.bookmark_post_roll_s)

        def created(bookmark: Bookmark) -> None:
            self.created.emit(bookmark)
            self.edit(bookmark, parent)

        self.call(create, created, on_error, announce=True)

    def edit(self, bookmark: Bookmark, parent: QWidget | None = None) -> QWidget:
        """Open (or raise) the non-modal edit dialog of this bookmark."""
        from ui.bookmarks.edit_dialog import BookmarkEditDialog

        dialog = self._editors.get(bookmark.id)
        if dialog is None:
            dialog = BookmarkEditDialog(self, bookmark, parent)
            self._editors[bookmark.id] = dialog
            dialog.finished.connect(lambda _result, bid=bookmark.id: self._editors.pop(bid, None))
            dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def editor(self, bookmark_id: int) -> QWidget | None:
        return self._editors.get(bookmark_id)

    # -- changing (every change is announced through ``changed``) -----------------------------------
    def update(self, bookmark: Bookmark, changes: dict[str, Any], done: Done | None = None,
               error: Failed | None = None) -> None:
        who = self.operator
        self.call(lambda s: s.update(bookmark.id, edited_by=who, expected_revision=bookmark.revision, **changes),
                  done, error, announce=True)

    def mark_as_evidence(self, bookmark_id: int, reason: str, case_number: str, done: Done | None = None,
                         error: Failed | None = None) -> None:
        who = self.operator
        self.call(lambda s: s.mark_as_evidence(bookmark_id, by=who, reason=reason, case_number=case_number),
                  done, error, announce=True)

    def release_evidence(self, bookmark_id: int, reason: str, done: Done | None = None,
                         error: Failed | None = None) -> None:
        who = self.operator
        self.call(lambda s: s.release_evidence(bookmark_id, by=who, reason=reason), done, error, announce=True)

    def withdraw(self, bookmark_id: int, reason: str, done: Done | None = None, error: Failed | None = None) -> None:
        who = self.operator
        self.call(lambda s: s.withdraw(bookmark_id, by=who, reason=reason), done, error, announce=True)

    def restore(self, bookmark_id: int, reason: str, done: Done | None = None, error: Failed | None = None) -> None:
        who = self.operator
        self.call(lambda s: s.restore(bookmark_id, by=who, reason=reason), done, error, announce=True)

    # -- reading ----------------------------------------------------------------------------------
    def search(self, flt: BookmarkFilter, done: Callable[[list[Bookmark]], None],
               error: Failed | None = None) -> None:
        self.call(lambda s: s.search(flt), done, error)

    def history(self, bookmark_id: int, done: Callable[[list[BookmarkRevision]], None],
                error: Failed | None = None) -> None:
        self.call(lambda s: s.history(bookmark_id), done, error)

    def operators(self, done: Callable[[list[str]], None]) -> None:
        self.call(lambda s: s.operators(), done)

    def over(self, camera_id: int, start_utc: datetime, end_utc: datetime) -> list[Bookmark]:
        """For a caller already on a worker thread (the playback timeline): runs there, not on ours."""
        return self.station.bookmarks().over(camera_id, start_utc, end_utc)

    # -- the worker -------------------------------------------------------------------------------
    def call(self, work: Callable[[BookmarkStore], Any], done: Done | None = None, error: Failed | None = None,
             announce: bool = False) -> None:
        """Run ``work(store)`` on the worker; ``done(result)`` or ``error(err)`` follow on the GUI thread.
        With ``announce`` the result (a Bookmark) is also emitted as ``changed``."""
        if self._closed:
            return
        callbacks = (done, error, announce)

        def job() -> None:
            try:
                result, err = work(self.station.bookmarks()), None
            except VideowallError as caught:
                result, err = None, caught
            except Exception as caught:   # noqa: BLE001 — reported to the operator, logged with its trace
                log.exception("bookmark operation failed")
                result, err = None, VideowallError(ErrorKind.INTERNAL, "The bookmark operation failed unexpectedly;"
                                                   " the details are in the log.", detail=repr(caught))
            try:
                self._finished.emit(callbacks, result, err)
            except RuntimeError:          # the controller was deleted meanwhile (the app is closing)
                pass

        self._worker.submit(job)

    def close(self) -> None:
        self._closed = True
        for dialog in list(self._editors.values()):
            dialog.close()
        self._worker.shutdown(wait=False, cancel_futures=True)

    def _on_self_finished(self, callbacks, result, err: VideowallError | None) -> None:
        done, error, announce = callbacks
        if err is not None:
            if error is not None:
                error(err)
            else:
                self.failed.emit(core_text(err.user_message))
            return
        if announce:
            self.changed.emit(result)
        if done is not None:
            done(result)
