"""Named views of a station in its database: a layout plus the camera shown in each tile, recalled by name or F-key."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import timezone

from videowall.model.layout import Layout, LayoutError
from videowall.runtime.clock import SYSTEM_CLOCK, Clock
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.storage.database import Database, transaction

MAX_VIEW_NAME_CHARS = 60


@dataclass(frozen=True)
class View:
    name: str
    layout: Layout
    cameras: tuple[int | None, ...]     # one per tile, in tile order; None = empty tile
    hotkey: int | None = None           # F1…F12 / 1…12
    id: int | None = None

    def __post_init__(self) -> None:
        cams = tuple(self.cameras)[: self.layout.tile_count]
        cams += (None,) * (self.layout.tile_count - len(cams))
        object.__setattr__(self, "cameras", cams)


class ViewStore:
    """Views in the ``views`` table; any thread may call it (calls take turns on the connection's lock)."""

    def __init__(self, conn: Database, clock: Clock = SYSTEM_CLOCK) -> None:
        self._conn = conn
        self._clock = clock
        self._lock = conn.lock

    def save(self, view: View) -> View:
        """Insert or replace the view of that name; a hotkey taken by another view moves to this one."""
        name = _clean_name(view.name)
        if view.hotkey is not None and not 1 <= view.hotkey <= 12:
            raise VideowallError(ErrorKind.INVALID_INPUT, "A view's key must be between 1 and 12.")
        now = self._clock.now_utc().astimezone(timezone.utc).isoformat(timespec="seconds")
        with transaction(self._conn) as conn:
            if view.hotkey is not None:
                conn.execute("UPDATE views SET hotkey = NULL WHERE hotkey = :hotkey AND name <> :name",
                             {"hotkey": view.hotkey, "name": name})
            conn.execute(
                "INSERT INTO views (name, hotkey, layout, cameras, updated_utc)"
                " VALUES (:name, :hotkey, :layout, :cameras, :now)"
                " ON CONFLICT(name) DO UPDATE SET hotkey = excluded.hotkey, layout = excluded.layout,"
                " cameras = excluded.cameras, updated_utc = excluded.updated_utc",
                {"name": name, "hotkey": view.hotkey, "layout": view.layout.to_json(),
                 "cameras": json.dumps(list(view.cameras)), "now": now})
        return self.get(name)

    def list(self) -> list[View]:
        with self._lock:
            rows = self._conn.execute(f"SELECT {_COLUMNS} FROM views ORDER BY hotkey IS NULL, hotkey, name")
            return [_view(row) for row in rows.fetchall()]

    def get(self, name: str) -> View:
        with self._lock:
            row = self._conn.execute(f"SELECT {_COLUMNS} FROM views WHERE name = :name", {"name": name}).fetchone()
        if row is None:
            raise VideowallError(ErrorKind.NOT_FOUND, f"There is no view named '{name}'.")
        return _view(row)

    def by_hotkey(self, hotkey: int) -> View | None:
        with self._lock:
            row = self._conn.execute(f"SELECT {_COLUMNS} FROM views WHERE hotkey = :hotkey",
                                     {"hotkey": hotkey}).fetchone()
        return None if row is None else _view(row)

    def remove(self, name: str) -> None:
        with transaction(self._conn) as conn:
            if conn.execute("DELETE FROM views WHERE name = :name", {"name": name}).rowcount == 0:
                raise VideowallError(ErrorKind.NOT_FOUND, f"There is no view named '{name}'.")

    # -- which view each screen's wall shows -----------------------------------------------------
    def remember_screen(self, screen: str, view_name: str | None, fullscreen: bool = True) -> None:
        with transaction(self._conn) as conn:
            view_id = None
            if view_name is not None:
                view_id = conn.scalar("SELECT id FROM views WHERE name = :name", {"name": view_name})
            conn.execute("INSERT INTO screen_walls (screen, view_id, fullscreen) VALUES (:screen, :view_id, :full)"
                         " ON CONFLICT(screen) DO UPDATE SET view_id = excluded.view_id,"
                         " fullscreen = excluded.fullscreen",
                         {"screen": screen, "view_id": view_id, "full": int(fullscreen)})

    def screen_view(self, screen: str) -> tuple[View | None, bool] | None:
        """(view, fullscreen) remembered for a screen, or None for a screen never seen."""
        with self._lock:
            row = self._conn.execute(
                f"SELECT s.fullscreen, {_prefixed('v')} FROM screen_walls s LEFT JOIN views v ON v.id = s.view_id"
                " WHERE s.screen = :screen", {"screen": screen}).fetchone()
        if row is None:
            return None
        return (None if row[1] is None else _view(row[1:])), bool(row[0])


_COLUMNS = "id, name, hotkey, layout, cameras"


def _prefixed(alias: str) -> str:
    return ", ".join(f"{alias}.{c.strip()}" for c in _COLUMNS.split(","))


def _view(row: tuple) -> View:
    view_id, name, hotkey, layout_json, cameras_json = row
    try:
        layout = Layout.from_json(layout_json)
        cameras = tuple(None if c is None else int(c) for c in json.loads(cameras_json))
    except (LayoutError, ValueError, TypeError) as err:
        raise VideowallError(ErrorKind.STORAGE_ERROR, f"The stored view '{name}' is damaged: {err}.") from err
    return View(name=name, layout=layout, cameras=cameras, hotkey=hotkey, id=view_id)


def _clean_name(name: str) -> str:
    cleaned = " ".join((name or "").split())
    if not cleaned or len(cleaned) > MAX_VIEW_NAME_CHARS:
        raise VideowallError(ErrorKind.INVALID_INPUT,
                             f"A view needs a name of 1 to {MAX_VIEW_NAME_CHARS} characters.")
    return cleaned
