"""Bookmarks in the station database: create, edit, search, history, and "mark as evidence".

Shares the recording index's connection and lock, so a change, its history row, its audit entry and
any legal hold it places or lifts commit together or not at all.

Evidence: "mark as evidence" places one legal hold per camera over the bookmark's range (the case
number is required: the one given, else the bookmark's); "release" lifts them with a reason. While a
bookmark is evidence its footage may only grow: widening the range or adding cameras places new holds
over the new range (same reason and case number) before the old ones are lifted, in one transaction;
narrowing it, dropping a camera or changing the case number is refused until the evidence is
released. A bookmark that is evidence cannot be withdrawn.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

from videowall.access.roles import Permission
from videowall.bookmarks import queries
from videowall.bookmarks import validation as check
from videowall.model.bookmark import (CREATED, DEFAULT_POST_ROLL_S, DEFAULT_PRE_ROLL_S, EDITABLE_FIELDS, EDITED,
                                       EVIDENCE_MARKED, EVIDENCE_RELEASED, MAX_ROLL_S, RESTORED, WITHDRAWN,
                                       Bookmark, BookmarkFilter, BookmarkRevision)
from videowall.recording.holds import HoldStore
from videowall.recording.index import RecordingStore
from videowall.recording.timebase import to_us
from videowall.runtime.clock import SYSTEM_CLOCK, Clock
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.storage.database import Database

_TEXT_LIMITS = {"description": check.MAX_DESCRIPTION_CHARS, "place": check.MAX_PLACE_CHARS,
                "case_number": check.MAX_CASE_CHARS, "result": check.MAX_RESULT_CHARS}
_TEXT_LABELS = {"description": "The description", "place": "The place", "case_number": "The case number",
                "result": "The result"}
_COLUMNS = {"category": "category", "description": "description", "place": "place", "case_number": "case_number",
            "result": "result", "start_utc": "start_us", "end_utc": "end_us"}


class BookmarkStore:
    """Any thread; every call takes the recording store's lock. Runs its SQL on the calling thread."""

    def __init__(self, store: RecordingStore, holds: HoldStore, clock: Clock = SYSTEM_CLOCK,
                 categories: tuple[str, ...] | Callable[[], tuple[str, ...]] | None = None,
                 guard: Callable[[Permission, tuple[int, ...]], None] | None = None) -> None:
        """``categories``: the station's list (or what returns its current one); a bookmark's category must
        come from it when set or changed, while one that left the list stays on older bookmarks. None: any.
        ``guard``: raises PERMISSION_DENIED unless the person acting may do this on these cameras
        (``Station.require``); None: no checks (a store used by the system itself)."""
        self._guard = guard or (lambda _permission, _cameras: None)
        self._store = store
        self._holds = holds
        self._clock = clock
        self._categories = categories

    # -- changes ------------------------------------------------------------------------------------
    def create(self, *, at_utc: datetime, camera_ids, category: str, operator: str, description: str = "",
               place: str = "", case_number: str = "", result: str = "", pre_roll_s: float = DEFAULT_PRE_ROLL_S,
               post_roll_s: float = DEFAULT_POST_ROLL_S) -> Bookmark:
        at_us = to_us(check.moment(at_utc, "The bookmark's moment"))
        pre_us = check.roll(pre_roll_s, "The pre-roll", MAX_ROLL_S)
        post_us = check.roll(post_roll_s, "The post-roll", MAX_ROLL_S)
        if pre_us + post_us == 0:
            raise check.invalid("The pre-roll and the post-roll cannot both be 0: the bookmark would cover no "
                                "footage.")
        values = {"category": check.category(category, self._allowed_categories()),
                  **{name: check.text(value, _TEXT_LABELS[name], _TEXT_LIMITS[name],
                                      single_line=name in ("place", "case_number"))
                     for name, value in (("description", description), ("place", place),
                                         ("case_number", case_number), ("result", result))}}
        cameras = check.camera_ids(camera_ids)
        who = check.operator(operator)
        self._guard(Permission.BOOKMARK, cameras)
        now = self._now()
        with self._store.locked_transaction() as conn:
            _require_cameras(conn, cameras)
            bookmark_id = int(conn.scalar(
                "INSERT INTO bookmarks (at_us, start_us, end_us, category, description, place, operator,"
                " case_number, result, created_utc, updated_utc) VALUES (:at_us, :start_us, :end_us, :category,"
                " :description, :place, :operator, :case_number, :result, :now, :now) RETURNING id",
                {"at_us": at_us, "start_us": at_us - pre_us, "end_us": at_us + post_us, **values, "operator": who,
                 "now": now}))
            _link_cameras(conn, bookmark_id, cameras)
            created = self._get(conn, bookmark_id)
            snapshot = {"at_utc": _json(created.at_utc), "start_utc": _json(created.start_utc),
                        "end_utc": _json(created.end_utc), "camera_ids": list(cameras), "operator": who, **values}
            return self._record(conn, created, who, CREATED,
                                {name: (None, value) for name, value in snapshot.items()}, now=now)

    def update(self, bookmark_id: int, *, edited_by: str, expected_revision: int | None = None,
               **changes: Any) -> Bookmark:
        """Change the given fields (``EDITABLE_FIELDS``); one history entry for all of them.

        ``expected_revision``: refuse if someone else changed the bookmark since it was read.
        Changing nothing returns the bookmark as it is, without a history entry.
        """
        unknown = sorted(set(changes) - set(EDITABLE_FIELDS))
        if unknown:
            raise check.invalid(f"These bookmark fields cannot be edited: {', '.join(unknown)} "
                                f"(editable: {', '.join(EDITABLE_FIELDS)}).")
        who = check.operator(edited_by, "The person editing")
        with self._store.locked_transaction() as conn:
            current = self._get(conn, bookmark_id)
            self._guard(Permission.BOOKMARK, current.camera_ids)
            if expected_revision is not None and current.revision != expected_revision:
                raise check.invalid(f"Bookmark {bookmark_id} was changed meanwhile (now revision {current.revision},"
                                    f" you edited revision {expected_revision}). Reload it and edit again.")
            if current.withdrawn:
                raise check.invalid(f"Bookmark {bookmark_id} was withdrawn; restore it before editing.")
            new = self._changed_values(conn, current, changes)
            if not new:
                return current
            if "camera_ids" in new:
                self._guard(Permission.BOOKMARK, new["camera_ids"])
            diff = {name: (_json(getattr(current, name)), _json(value)) for name, value in new.items()}
            if current.evidence:
                diff.update(self._keep_held(conn, current, new, who))
            assignments = [f"{_COLUMNS[name]} = :{_COLUMNS[name]}" for name in new if name in _COLUMNS]
            params = {_COLUMNS[name]: to_us(value) if name in ("start_utc", "end_utc") else value
                      for name, value in new.items() if name in _COLUMNS}
            if assignments:
                conn.execute(f"UPDATE bookmarks SET {', '.join(assignments)} WHERE id = :bookmark_id",
                             {**params, "bookmark_id": bookmark_id})
            if "camera_ids" in new:
                conn.execute("DELETE FROM bookmark_cameras WHERE bookmark_id = :id", {"id": bookmark_id})
                _link_cameras(conn, bookmark_id, new["camera_ids"])
            return self._record(conn, current, who, EDITED, diff)

    def mark_as_evidence(self, bookmark_id: int, *, by: str, reason: str,
                         case_number: str | None = None) -> Bookmark:
        who = check.operator(by)
        why = check.reason(reason, "The reason for marking as evidence")
        with self._store.locked_transaction() as conn:
            current = self._get(conn, bookmark_id)
            self._guard(Permission.LEGAL_HOLD, current.camera_ids)
            if current.withdrawn:
                raise check.invalid(f"Bookmark {bookmark_id} was withdrawn; restore it before marking it as "
                                    "evidence.")
            if current.evidence:
                raise check.invalid(f"Bookmark {bookmark_id} is already evidence (case {current.case_number}).")
            case = check.text(current.case_number if case_number is None else case_number, "The case number",
                              check.MAX_CASE_CHARS, single_line=True)
            if not case:
                raise check.invalid(f"A case number is required to mark bookmark {bookmark_id} as evidence.")
            hold_ids = self._place_holds(conn, current, current.start_utc, current.end_utc, why, case, who)
            diff: dict[str, tuple[Any, Any]] = {"evidence": (False, True), "hold_ids": ([], hold_ids)}
            if case != current.case_number:
                conn.execute("UPDATE bookmarks SET case_number = :case WHERE id = :id", {"case": case, "id": bookmark_id})
                diff["case_number"] = (current.case_number, case)
            return self._record(conn, current, who, EVIDENCE_MARKED, diff, why)

    def release_evidence(self, bookmark_id: int, *, by: str, reason: str) -> Bookmark:
        who = check.operator(by)
        why = check.reason(reason, "The reason for releasing the evidence")
        with self._store.locked_transaction() as conn:
            current = self._get(conn, bookmark_id)
            self._guard(Permission.LEGAL_HOLD, current.camera_ids)
            if not current.evidence:
                raise check.invalid(f"Bookmark {bookmark_id} is not marked as evidence.")
            for hold_id in current.hold_ids:
                self._holds.release(hold_id, why, who)
            diff = {"evidence": (True, False), "hold_ids": (list(current.hold_ids), [])}
            return self._record(conn, current, who, EVIDENCE_RELEASED, diff, why)

    def withdraw(self, bookmark_id: int, *, by: str, reason: str) -> Bookmark:
        """Hide a bookmark made by mistake (it is kept, with its history). Refused while it is evidence."""
        who = check.operator(by)
        why = check.reason(reason, "The reason for withdrawing the bookmark")
        with self._store.locked_transaction() as conn:
            current = self._get(conn, bookmark_id)
            self._guard(Permission.BOOKMARK, current.camera_ids)
            if current.withdrawn:
                raise check.invalid(f"Bookmark {bookmark_id} is already withdrawn.")
            if current.evidence:
                raise check.invalid(f"Bookmark {bookmark_id} is evidence (case {current.case_number}); release "
                                    "the evidence, with a reason, before withdrawing it.")
            conn.execute("UPDATE bookmarks SET withdrawn = 1 WHERE id = :id", {"id": bookmark_id})
            return self._record(conn, current, who, WITHDRAWN, {"withdrawn": (False, True)}, why)

    def restore(self, bookmark_id: int, *, by: str, reason: str) -> Bookmark:
        """Undo ``withdraw``."""
        who = check.operator(by)
        why = check.reason(reason, "The reason for restoring the bookmark")
        with self._store.locked_transaction() as conn:
            current = self._get(conn, bookmark_id)
            self._guard(Permission.BOOKMARK, current.camera_ids)
            if not current.withdrawn:
                raise check.invalid(f"Bookmark {bookmark_id} is not withdrawn.")
            conn.execute("UPDATE bookmarks SET withdrawn = 0 WHERE id = :id", {"id": bookmark_id})
            return self._record(conn, current, who, RESTORED, {"withdrawn": (True, False)}, why)

    # -- reading ------------------------------------------------------------------------------------
    def get(self, bookmark_id: int) -> Bookmark:
        """The bookmark; NOT_FOUND if there is none with this id."""
        with self._store.reading() as conn:
            return self._get(conn, bookmark_id)

    def search(self, flt: BookmarkFilter = BookmarkFilter(), limit: int = 2000) -> list[Bookmark]:
        """Bookmarks matching ``flt``, the newest moment first, at most ``limit``."""
        for label, when in (("The search start", flt.start_utc), ("The search end", flt.end_utc)):
            if when is not None:
                check.moment(when, label)
        with self._store.reading() as conn:
            return queries.search(conn, flt, limit)

    def over(self, camera_id: int, start_utc: datetime, end_utc: datetime) -> list[Bookmark]:
        """The camera's bookmarks overlapping the range, oldest first (for its timeline)."""
        found = self.search(BookmarkFilter(start_utc=start_utc, end_utc=end_utc, camera_id=camera_id))
        return found[::-1]

    def history(self, bookmark_id: int) -> list[BookmarkRevision]:
        """Every change, oldest first; NOT_FOUND for an unknown bookmark."""
        with self._store.reading() as conn:
            self._get(conn, bookmark_id)
            return queries.history(conn, bookmark_id)

    def operators(self) -> list[str]:
        """Everyone who has created a bookmark (for the operator filter)."""
        with self._store.reading() as conn:
            return queries.operators(conn)

    # -- internals ----------------------------------------------------------------------------------
    def _allowed_categories(self) -> tuple[str, ...] | None:
        found = self._categories() if callable(self._categories) else self._categories
        return None if found is None else tuple(found)

    def _get(self, conn: Database, bookmark_id: int) -> Bookmark:
        found = queries.fetch_one(conn, bookmark_id)
        if found is None:
            raise VideowallError(ErrorKind.NOT_FOUND, f"There is no bookmark with id {bookmark_id}.")
        return found

    def _changed_values(self, conn: Database, current: Bookmark, changes: dict[str, Any]) -> dict[str, Any]:
        """The validated new values that differ from ``current``."""
        new: dict[str, Any] = {}
        for name, value in changes.items():
            if name == "category":
                same = isinstance(value, str) and value.strip() == current.category
                cleaned = current.category if same else check.category(value, self._allowed_categories())
            elif name == "camera_ids":
                cleaned = check.camera_ids(value)
                _require_cameras(conn, tuple(cid for cid in cleaned if cid not in current.camera_ids))
            elif name in ("start_utc", "end_utc"):
                cleaned = check.moment(value, "The start" if name == "start_utc" else "The end")
            else:
                cleaned = check.text(value, _TEXT_LABELS[name], _TEXT_LIMITS[name],
                                     single_line=name in ("place", "case_number"))
            if cleaned != getattr(current, name):
                new[name] = cleaned
        check.time_range(new.get("start_utc", current.start_utc), new.get("end_utc", current.end_utc))
        return new

    def _keep_held(self, conn: Database, current: Bookmark, new: dict[str, Any],
                   who: str) -> dict[str, tuple[Any, Any]]:
        """Re-place the holds of an evidence bookmark over its widened range; refuse anything else."""
        if "case_number" in new:
            raise check.invalid(f"Bookmark {current.id} is evidence: its case number is on its legal holds. "
                                "Release the evidence, with a reason, to change it.")
        start = new.get("start_utc", current.start_utc)
        end = new.get("end_utc", current.end_utc)
        cameras = new.get("camera_ids", current.camera_ids)
        if not ({"start_utc", "end_utc", "camera_ids"} & set(new)):
            return {}
        if start > current.start_utc or end < current.end_utc or not set(current.camera_ids) <= set(cameras):
            raise check.invalid(f"Bookmark {current.id} is evidence: its footage range and cameras can only grow "
                                "while it is held. Release the evidence, with a reason, to narrow it or remove "
                                "a camera.")
        old_hold = self._holds.get(current.hold_ids[0])
        hold_ids = self._place_holds(conn, current, start, end, old_hold.reason, old_hold.case_number, who, cameras)
        for hold_id in current.hold_ids:
            self._holds.release(hold_id, f"Replaced by holds {', '.join(map(str, hold_ids))} when bookmark "
                                         f"{current.id} was widened.", who)
        return {"hold_ids": (list(current.hold_ids), hold_ids)}

    def _place_holds(self, conn: Database, bookmark: Bookmark, start: datetime, end: datetime,
                     reason: str, case: str, who: str, cameras: tuple[int, ...] | None = None) -> list[int]:
        hold_ids = [self._holds.place(cid, start, end, reason, case, who).id
                    for cid in (cameras or bookmark.camera_ids)]
        conn.execute_many("INSERT INTO bookmark_holds (bookmark_id, hold_id) VALUES (:bookmark_id, :hold_id)",
                          [{"bookmark_id": bookmark.id, "hold_id": hold_id} for hold_id in hold_ids])
        return hold_ids

    def _record(self, conn: Database, before: Bookmark, who: str, action: str,
                changes: dict[str, tuple[Any, Any]], reason: str = "", now: str | None = None) -> Bookmark:
        """Bump the revision, write the history row and the audit entry; return the bookmark as it is now."""
        revision = before.revision + 1 if action != CREATED else before.revision
        now = now or self._now()
        if action != CREATED:
            conn.execute("UPDATE bookmarks SET revision = :revision, updated_utc = :now WHERE id = :id",
                         {"revision": revision, "now": now, "id": before.id})
        conn.execute("INSERT INTO bookmark_revisions (bookmark_id, revision, changed_utc, changed_by, action,"
                     " changes, reason) VALUES (:id, :revision, :now, :who, :action, :changes, :reason)",
                     {"id": before.id, "revision": revision, "now": now, "who": who, "action": action,
                      "changes": json.dumps({name: list(pair) for name, pair in changes.items()}, ensure_ascii=False),
                      "reason": reason})
        details: dict[str, Any] = {"bookmark_id": before.id, "revision": revision,
                                   "changes": {name: list(pair) for name, pair in changes.items()}}
        if reason:
            details["reason"] = reason
        self._store.audit(f"bookmark.{action}", details, who)
        return self._get(conn, before.id)

    def _now(self) -> str:
        return self._clock.now_utc().astimezone(timezone.utc).isoformat()


def _link_cameras(conn: Database, bookmark_id: int, camera_ids: tuple[int, ...]) -> None:
    conn.execute_many("INSERT INTO bookmark_cameras (bookmark_id, camera_id) VALUES (:bookmark_id, :camera_id)",
                      [{"bookmark_id": bookmark_id, "camera_id": cid} for cid in camera_ids])


def _require_cameras(conn: Database, camera_ids: tuple[int, ...]) -> None:
    missing = queries.missing_cameras(conn, camera_ids) if camera_ids else []
    if missing:
        raise VideowallError(ErrorKind.NOT_FOUND,
                             f"There is no camera with id {', '.join(map(str, missing))}; pick the cameras again.")


def _json(value: Any) -> Any:
    """A field's value as history and the audit log keep it."""
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value
