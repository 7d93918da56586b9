"""The station's ear on the shared database: LISTEN on a connection and a thread of its own.

Every committed change of a watched table reaches each station as a NOTIFY (``postgres_schema``). The
listener publishes them to the database's ``changes.feed`` and tells it whether the server can be
reached: a lost connection (the server stopped, the network went) makes the feed unreachable and the
listener tries again with a growing pause (``BACKOFF_S`` up to ``BACKOFF_CAP_S``); once connected again it
publishes ``RESYNC_ALL``, since whatever changed meanwhile was never heard.

A quiet connection is checked every ``HEARTBEAT_S``, so a server that went away without closing the
connection is noticed too. ``stop`` returns within about ``POLL_S``.
"""

from __future__ import annotations

import logging
import threading

import psycopg

from videowall.storage.changes import CHANNEL, RESYNC_ALL, Change, feed
from videowall.storage.database import POSTGRESQL, Database

log = logging.getLogger(__name__)

POLL_S = 0.2
HEARTBEAT_S = 2.0
BACKOFF_S = 0.5
BACKOFF_CAP_S = 10.0


class ChangeListener:
    """Owns one connection from ``db``'s engine (its URL and password) and one daemon thread."""

    def __init__(self, db: Database) -> None:
        if db.dialect != POSTGRESQL:
            raise ValueError("only a PostgreSQL database has other stations to listen to")
        self._engine = db.engine
        self.feed = feed(db.where)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="change-listener", daemon=True)
        self.connected = threading.Event()     # set while listening (tests and the benchmark wait on it)

    def start(self) -> ChangeListener:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        pause, heard_before = BACKOFF_S, False
        while not self._stop.is_set():
            raw = None
            try:
                raw = self._engine.raw_connection()
                conn = raw.driver_connection
                conn.autocommit = True
                conn.execute(f"LISTEN {CHANNEL}")
                self.connected.set()
                self.feed.set_reachable(True)
                if heard_before:
                    self.feed.publish([RESYNC_ALL])
                heard_before, pause = True, BACKOFF_S
                self._listen(conn)
            except (psycopg.Error, OSError) as err:
                self.connected.clear()
                self.feed.set_reachable(False)
                log.info("change listener: database unreachable (%s); again in %.1f s", type(err).__name__, pause)
                if raw is not None:
                    raw.invalidate()
                raw = None
                self._stop.wait(pause)
                pause = min(pause * 2, BACKOFF_CAP_S)
            finally:
                if raw is not None:
                    raw.close()
        self.connected.clear()

    def _listen(self, conn: psycopg.Connection) -> None:
        quiet_s = 0.0
        while not self._stop.is_set():
            heard = False
            for notify in conn.notifies(timeout=POLL_S):
                heard = True
                change = Change.from_payload(notify.payload)
                if change is not None:
                    self.feed.publish([change])
            if heard:
                quiet_s = 0.0
                continue
            quiet_s += POLL_S
            if quiet_s >= HEARTBEAT_S:
                conn.execute("SELECT 1")
                quiet_s = 0.0
