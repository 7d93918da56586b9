"""Reading bookmarks and their history from SQLite (the SQL behind ``BookmarkStore``'s read side)."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from typing import Any

from videowall.model.bookmark import (POLISH_CATEGORY_NAMES, Bookmark, BookmarkFilter, BookmarkRevision,
                                      category_key)
from videowall.bookmarks.validation import fold
from videowall.recording.timebase import from_us, to_us

FOLD_FUNCTION = "videowall_fold"
_SELECT = (
    "SELECT b.id, b.at_us, b.start_us, b.end_us, b.category, b.description, b.place, b.operator, b.case_number,"
    " b.result, b.created_utc, b.updated_utc, b.revision, b.withdrawn,"
    " (SELECT group_concat(c.camera_id) FROM bookmark_cameras c WHERE c.bookmark_id = b.id),"
    " (SELECT group_concat(bh.hold_id) FROM bookmark_holds bh JOIN legal_holds h ON h.id = bh.hold_id"
    "   WHERE bh.bookmark_id = b.id AND h.released_utc IS NULL)"
    " FROM bookmarks b")
_ACTIVE_HOLD = ("EXISTS (SELECT 1 FROM bookmark_holds bh JOIN legal_holds h ON h.id = bh.hold_id"
                " WHERE bh.bookmark_id = b.id AND h.released_utc IS NULL)")
# A default category (a key) is found by its key and its Polish name; the names are constants of the code.
_CATEGORY_WORDS = ("CASE b.category " + " ".join(f"WHEN '{key}' THEN '{key} {name}'"
                                                   for key, name in POLISH_CATEGORY_NAMES.items())
                   + " ELSE b.category END")
_SEARCHED_TEXT = (f"{FOLD_FUNCTION}(b.description || ' ' || b.place || ' ' || b.case_number || ' ' || "
                  f"{_CATEGORY_WORDS})")


def register_fold(conn: sqlite3.Connection) -> None:
    """Make ``fold`` callable from SQL on ``conn`` (SQLite's own lower() knows only ASCII)."""
    conn.create_function(FOLD_FUNCTION, 1, fold, deterministic=True)


def fetch_one(conn: sqlite3.Connection, bookmark_id: int) -> Bookmark | None:
    row = conn.execute(_SELECT + " WHERE b.id = ?", (bookmark_id,)).fetchone()
    return _bookmark(row) if row else None


def search(conn: sqlite3.Connection, flt: BookmarkFilter, limit: int) -> list[Bookmark]:
    """Bookmarks matching ``flt``, newest moment first."""
    where, params = _conditions(flt)
    sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY b.at_us DESC, b.id DESC LIMIT ?"
    return [_bookmark(row) for row in conn.execute(sql, (*params, int(limit))).fetchall()]


def history(conn: sqlite3.Connection, bookmark_id: int) -> list[BookmarkRevision]:
    rows = conn.execute("SELECT bookmark_id, revision, changed_utc, changed_by, action, changes, reason"
                        " FROM bookmark_revisions WHERE bookmark_id = ? ORDER BY revision", (bookmark_id,)).fetchall()
    return [BookmarkRevision(bookmark_id=bid, revision=rev, changed_utc=datetime.fromisoformat(changed),
                             changed_by=who, action=action,
                             changes={field: tuple(pair) for field, pair in json.loads(changes).items()},
                             reason=reason)
            for bid, rev, changed, who, action, changes, reason in rows]


def operators(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT DISTINCT operator FROM bookmarks ORDER BY operator COLLATE NOCASE").fetchall()
    return [row[0] for row in rows]


def missing_cameras(conn: sqlite3.Connection, camera_ids: tuple[int, ...]) -> list[int]:
    known = {row[0] for row in conn.execute(
        f"SELECT id FROM cameras WHERE id IN ({', '.join('?' * len(camera_ids))})", camera_ids)}
    return [cid for cid in camera_ids if cid not in known]


def _conditions(flt: BookmarkFilter) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if flt.start_utc is not None:
        where.append("b.end_us >= ?")
        params.append(to_us(flt.start_utc))
    if flt.end_utc is not None:
        where.append("b.start_us <= ?")
        params.append(to_us(flt.end_utc))
    if flt.camera_id is not None:
        where.append("EXISTS (SELECT 1 FROM bookmark_cameras c WHERE c.bookmark_id = b.id AND c.camera_id = ?)")
        params.append(flt.camera_id)
    if flt.category:
        where.append("b.category = ?")
        params.append(category_key(flt.category))
    if flt.operator:
        where.append("b.operator = ?")
        params.append(flt.operator)
    for word in fold(flt.text).split():
        where.append(f"instr({_SEARCHED_TEXT}, ?) > 0")
        params.append(word)
    if flt.evidence_only:
        where.append(_ACTIVE_HOLD)
    if not flt.include_withdrawn:
        where.append("b.withdrawn = 0")
    return where, params


def _ids(text: str | None) -> tuple[int, ...]:
    return tuple(sorted(int(part) for part in text.split(","))) if text else ()


def _bookmark(row: tuple) -> Bookmark:
    (bid, at, start, end, category, description, place, operator, case, result, created, updated, revision,
     withdrawn, cameras, holds) = row
    hold_ids = _ids(holds)
    return Bookmark(id=bid, at_utc=from_us(at), start_utc=from_us(start), end_utc=from_us(end), category=category,
                    description=description, place=place, camera_ids=_ids(cameras), operator=operator,
                    case_number=case, result=result, created_utc=datetime.fromisoformat(created),
                    updated_utc=datetime.fromisoformat(updated), revision=revision, hold_ids=hold_ids,
                    evidence=bool(hold_ids), withdrawn=bool(withdrawn))
