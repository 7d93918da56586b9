"""Reading bookmarks and their history (the SQL behind ``BookmarkStore``'s read side), on either engine."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, text

from videowall.model.bookmark import (POLISH_CATEGORY_NAMES, Bookmark, BookmarkFilter, BookmarkRevision,
                                      category_key)
from videowall.bookmarks.validation import fold
from videowall.recording.timebase import from_us, to_us
from videowall.storage.database import Database

_SELECT = (
    "SELECT b.id, b.at_us, b.start_us, b.end_us, b.category, b.description, b.place, b.operator, b.case_number,"
    " b.result, b.created_utc, b.updated_utc, b.revision, b.withdrawn FROM bookmarks b")
_ACTIVE_HOLD = ("EXISTS (SELECT 1 FROM bookmark_holds bh JOIN legal_holds h ON h.id = bh.hold_id"
                " WHERE bh.bookmark_id = b.id AND h.released_utc IS NULL)")
_CAMERAS_OF = text("SELECT bookmark_id, camera_id FROM bookmark_cameras WHERE bookmark_id IN :ids").bindparams(
    bindparam("ids", expanding=True))
_ACTIVE_HOLDS_OF = text(
    "SELECT bh.bookmark_id, bh.hold_id FROM bookmark_holds bh JOIN legal_holds h ON h.id = bh.hold_id"
    " WHERE h.released_utc IS NULL AND bh.bookmark_id IN :ids").bindparams(bindparam("ids", expanding=True))
_KNOWN_CAMERAS = text("SELECT id FROM cameras WHERE id IN :ids").bindparams(bindparam("ids", expanding=True))
_IDS_PER_QUERY = 500   # well under every engine's limit of parameters per statement


def fetch_one(conn: Database, bookmark_id: int) -> Bookmark | None:
    with conn.lock:
        row = conn.execute(_SELECT + " WHERE b.id = :id", {"id": bookmark_id}).fetchone()
        found = _with_links(conn, [row] if row else [])
    return found[0] if found else None


def search(conn: Database, flt: BookmarkFilter, limit: int) -> list[Bookmark]:
    """Bookmarks matching ``flt``, newest moment first.

    Words of ``flt.text`` are matched here, not in SQL: ``fold`` (lower case without diacritics, Polish
    letters included) is Python's, and the same on every engine.
    """
    where, params = _conditions(flt)
    words = fold(flt.text).split()
    sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY b.at_us DESC, b.id DESC"
    if not words:
        sql += " LIMIT :limit"
        params["limit"] = int(limit)
    rows: list[Any] = []
    with conn.lock:
        result = conn.execute(sql, params)
        try:
            for row in result:
                if len(rows) >= limit:
                    break
                if all(word in _searched_text(row) for word in words):
                    rows.append(row)
        finally:
            result.close()
        return _with_links(conn, rows)


def history(conn: Database, bookmark_id: int) -> list[BookmarkRevision]:
    rows = conn.execute("SELECT bookmark_id, revision, changed_utc, changed_by, action, changes, reason"
                        " FROM bookmark_revisions WHERE bookmark_id = :id ORDER BY revision",
                        {"id": bookmark_id}).fetchall()
    return [BookmarkRevision(bookmark_id=bid, revision=rev, changed_utc=datetime.fromisoformat(changed),
                             changed_by=who, action=action,
                             changes={field: tuple(pair) for field, pair in json.loads(changes).items()},
                             reason=reason)
            for bid, rev, changed, who, action, changes, reason in rows]


def operators(conn: Database) -> list[str]:
    """Names ordered ignoring ASCII letter case, as SQLite's NOCASE orders them, on every engine."""
    names = [row[0] for row in conn.execute("SELECT DISTINCT operator FROM bookmarks").fetchall()]
    return sorted(names, key=lambda name: (name.translate(_ASCII_LOWER), name))


def missing_cameras(conn: Database, camera_ids: tuple[int, ...]) -> list[int]:
    known = {row[0] for chunk in _chunks(camera_ids) for row in conn.execute(_KNOWN_CAMERAS, {"ids": chunk})}
    return [cid for cid in camera_ids if cid not in known]


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _searched_text(row: Sequence[Any]) -> str:
    """What the words of a search are looked for in; a default category (a key) by its key and Polish name."""
    description, place, case_number, category = row[5], row[6], row[8], row[4]
    name = POLISH_CATEGORY_NAMES.get(category)
    words = f"{category} {name}" if name is not None else category
    return fold(f"{description} {place} {case_number} {words}")


def _with_links(conn: Database, rows: list[Any]) -> list[Bookmark]:
    """The bookmarks of ``rows`` with their cameras and active holds."""
    cameras: dict[int, list[int]] = defaultdict(list)
    holds: dict[int, list[int]] = defaultdict(list)
    for chunk in _chunks([row[0] for row in rows]):
        for bookmark_id, camera_id in conn.execute(_CAMERAS_OF, {"ids": chunk}):
            cameras[bookmark_id].append(camera_id)
        for bookmark_id, hold_id in conn.execute(_ACTIVE_HOLDS_OF, {"ids": chunk}):
            holds[bookmark_id].append(hold_id)
    return [_bookmark(row, cameras[row[0]], holds[row[0]]) for row in rows]


def _chunks(ids: Iterable[int]) -> Iterable[list[int]]:
    listed = list(ids)
    for start in range(0, len(listed), _IDS_PER_QUERY):
        yield listed[start:start + _IDS_PER_QUERY]


def _conditions(flt: BookmarkFilter) -> tuple[list[str], dict[str, Any]]:
    """The SQL conditions of ``flt`` except its text (see ``search``)."""
    where: list[str] = []
    params: dict[str, Any] = {}
    if flt.start_utc is not None:
        where.append("b.end_us >= :start_us")
        params["start_us"] = to_us(flt.start_utc)
    if flt.end_utc is not None:
        where.append("b.start_us <= :end_us")
        params["end_us"] = to_us(flt.end_utc)
    if flt.camera_id is not None:
        where.append("EXISTS (SELECT 1 FROM bookmark_cameras c WHERE c.bookmark_id = b.id"
                     " AND c.camera_id = :camera_id)")
        params["camera_id"] = flt.camera_id
    if flt.category:
        where.append("b.category = :category")
        params["category"] = category_key(flt.category)
    if flt.operator:
        where.append("b.operator = :operator")
        params["operator"] = flt.operator
    if flt.evidence_only:
        where.append(_ACTIVE_HOLD)
    if not flt.include_withdrawn:
        where.append("b.withdrawn = 0")
    return where, params


def _bookmark(row: Sequence[Any], cameras: list[int], holds: list[int]) -> Bookmark:
    (bid, at, start, end, category, description, place, operator, case, result, created, updated, revision,
     withdrawn) = row
    hold_ids = tuple(sorted(holds))
    return Bookmark(id=bid, at_utc=from_us(at), start_utc=from_us(start), end_utc=from_us(end), category=category,
                    description=description, place=place, camera_ids=tuple(sorted(cameras)), operator=operator,
                    case_number=case, result=result, created_utc=datetime.fromisoformat(created),
                    updated_utc=datetime.fromisoformat(updated), revision=revision, hold_ids=hold_ids,
                    evidence=bool(hold_ids), withdrawn=bool(withdrawn))
