"""One connection to the station's database, SQLite or PostgreSQL, through SQLAlchemy Core.

Every store runs its SQL through ``Database.execute`` with named parameters (``:name``), so one set of
queries serves both engines. The connection is in autocommit mode and ``transaction`` issues BEGIN,
SAVEPOINT, COMMIT itself: SQLite gets ``BEGIN IMMEDIATE`` (the write lock up front, so the busy timeout
applies), nested blocks become savepoints on both engines, and a read outside a transaction never
leaves one open (an idle transaction on PostgreSQL, a held snapshot in SQLite's WAL).

The connection may be shared by threads (the GUI thread editing cameras while a stream thread looks one
up), so it carries a re-entrant ``lock``: ``execute`` holds it for each statement and ``transaction``
for the whole block, so one thread's transaction never interleaves with another's statements.

On SQLite the connection also collects the changes its temporary triggers report (``storage.changes``) and
publishes them to the database's change feed once they are committed; a rollback drops them.
"""

from __future__ import annotations

import contextlib
import itertools
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Engine, exc, text
from sqlalchemy.engine import CursorResult
from sqlalchemy.sql.base import Executable

from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.storage.changes import Change, feed

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
# Key of the transaction-scoped advisory lock that serialises writers of one chain (the audit log) on
# PostgreSQL; SQLite's BEGIN IMMEDIATE already lets one writer in at a time.
AUDIT_CHAIN_LOCK = 0x76776175   # "vwau"

_savepoints = itertools.count(1)


class Database:
    """An open database: ``dialect`` is ``SQLITE`` or ``POSTGRESQL``; ``where`` names it for messages
    (a file path or a URL without its password)."""

    def __init__(self, engine: Engine, where: str) -> None:
        self.engine = engine
        self.where = where
        self.dialect = engine.dialect.name
        self.lock = threading.RLock()
        self._conn: Connection = self._connect()
        self._depth = 0
        self._pending: list[Change] = []    # changes of the open transaction, published at commit

    @property
    def connection(self) -> Connection:
        """The SQLAlchemy connection, for schema operations (``MetaData.create_all``); hold ``lock``."""
        return self._conn

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    def execute(self, statement: str | Executable, params: Mapping[str, Any] | None = None) -> CursorResult:
        """Run one statement with named parameters.

        Errors of the database come out as SQLAlchemy's (``exc.IntegrityError`` ...): stores turn them
        into messages that say what was not done.
        """
        with self.lock:
            result = self._on_live_connection(lambda conn: conn.execute(_statement(statement), dict(params or {})))
            self._publish_if_committed()
            return result

    def execute_many(self, statement: str | Executable, rows: Sequence[Mapping[str, Any]]) -> None:
        """Run one statement once per item of ``rows`` (nothing for no rows)."""
        if rows:
            with self.lock:
                self._on_live_connection(lambda conn: conn.execute(_statement(statement), [dict(row) for row in rows]))
                self._publish_if_committed()

    def scalar(self, statement: str | Executable, params: Mapping[str, Any] | None = None) -> Any:
        """The first column of the first row, or None when there is no row. The result is closed at once, so
        an ``INSERT … RETURNING`` leaves no statement open on the connection."""
        with self.lock:
            return self.execute(statement, params).scalar()

    def run_raw(self, sql: str) -> None:
        """A statement handed to the driver as written (DDL of shipped migrations, PRAGMAs): no parameters,
        so a ':' inside it is never read as one."""
        with self.lock:
            self._on_live_connection(lambda conn: conn.exec_driver_sql(sql))

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Database]:
        """Commit on success, roll back on any exception. Nests: an inner block becomes a savepoint."""
        with self.lock:
            if self._depth:
                yield from self._savepoint()
                return
            self.run_raw("BEGIN IMMEDIATE" if self.dialect == SQLITE else "BEGIN")
            self._depth = 1
            try:
                yield self
            except BaseException:
                self._depth = 0
                self._rollback()
                raise
            self._depth = 0
            try:
                self.run_raw("COMMIT")
            except exc.SQLAlchemyError as err:
                self._rollback()
                raise VideowallError(ErrorKind.STORAGE_ERROR, f"Could not save to the database: {reason(err)}.",
                                     detail=repr(err)) from err
            self._publish_if_committed()

    def note_change(self, change: Change) -> None:
        """A change made on this connection (SQLite's triggers, while a statement runs; lock held)."""
        self._pending.append(change)

    def lock_chain(self) -> None:
        """Inside a transaction: wait until no other writer of the audit chain is between reading its head
        and committing (PostgreSQL; on SQLite the write lock taken by BEGIN IMMEDIATE already does)."""
        if self.dialect == POSTGRESQL:
            self.execute("SELECT pg_advisory_xact_lock(:key)", {"key": AUDIT_CHAIN_LOCK})

    def close(self) -> None:
        with self.lock:
            self._conn.close()
            self.engine.dispose()

    def _savepoint(self) -> Iterator[Database]:
        name = f"sp{next(_savepoints)}"
        self.run_raw(f"SAVEPOINT {name}")
        self._depth += 1
        noted = len(self._pending)
        try:
            yield self
        except BaseException:
            self._depth -= 1
            del self._pending[noted:]
            if self._driver_in_transaction():  # some errors (e.g. a full disk) already rolled everything back
                self.run_raw(f"ROLLBACK TO SAVEPOINT {name}")
                self.run_raw(f"RELEASE SAVEPOINT {name}")
            raise
        self._depth -= 1
        self.run_raw(f"RELEASE SAVEPOINT {name}")

    def _on_live_connection(self, action: Callable[[Connection], Any]) -> Any:
        """``action`` on the connection; UNREACHABLE when the server does not answer (it stopped, the network
        went). Outside a transaction a connection found dead is replaced first — once a statement failed on
        it, or at once when the server dropped it while idle (the statement never reached the server) — so a
        server that came back is used at once; inside one the transaction is lost and the caller hears so."""
        retry = True
        while True:
            lost = self._conn.invalidated
            try:
                if lost and self._depth == 0:
                    fresh = self._connect()
                    with contextlib.suppress(exc.SQLAlchemyError):
                        self._conn.close()
                    self._conn = fresh
                    lost = False
                return action(self._conn)
            except exc.DBAPIError as err:
                if not (lost or err.connection_invalidated or self._conn.invalidated):
                    raise
                if retry and self._depth == 0 and not lost:
                    retry = False
                    continue
                feed(self.where).set_reachable(False)
                raise VideowallError(ErrorKind.UNREACHABLE, f"The database server {self.where} cannot be reached; "
                                                            "nothing was saved by this action.",
                                     detail=repr(err)) from err

    def _connect(self) -> Connection:
        return self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")

    def _publish_if_committed(self) -> None:
        if self._depth == 0 and self._pending:
            changes, self._pending = _distinct(self._pending), []
            feed(self.where).publish(changes)

    def _rollback(self) -> None:
        self._pending = []
        if self._driver_in_transaction():
            with contextlib.suppress(exc.SQLAlchemyError):
                self.run_raw("ROLLBACK")

    def _driver_in_transaction(self) -> bool:
        if self._conn.invalidated:
            return False
        driver = self._conn.connection.driver_connection
        if self.dialect == SQLITE:
            return bool(driver.in_transaction)
        import psycopg  # only a PostgreSQL database gets here

        return driver.info.transaction_status != psycopg.pq.TransactionStatus.IDLE


def connection_lock(db: Database) -> contextlib.AbstractContextManager:
    """The database's lock, which every user of the connection takes turns on."""
    return db.lock


def transaction(db: Database) -> contextlib.AbstractContextManager[Database]:
    """``db.transaction()``, for callers that hold only the database."""
    return db.transaction()


def reason(err: exc.SQLAlchemyError) -> str:
    """What the database said, in one line, without SQLAlchemy's statement dump."""
    original = getattr(err, "orig", None)
    return (str(original if original is not None else err).strip().splitlines() or ["unknown error"])[0]


def _distinct(changes: list[Change]) -> list[Change]:
    """Each change once, in the order first made (PostgreSQL folds a transaction's equal NOTIFYs the same way)."""
    return list(dict.fromkeys(changes))


def _statement(statement: str | Executable) -> Executable:
    return text(statement) if isinstance(statement, str) else statement
