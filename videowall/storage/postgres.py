"""Opening a deployment's shared PostgreSQL database: checking the URL, connecting, creating or checking the schema.

The password never travels in the URL (a URL ends up in shell history, settings and logs): it is passed
to psycopg on its own. TLS settings (``sslmode``, ``sslrootcert``, ``sslcert``, ``sslkey``) are taken
from the URL's query and handed to psycopg as they are.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

from sqlalchemy import create_engine, exc
from sqlalchemy.engine import URL, make_url

from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.storage import postgres_schema
from videowall.storage.database import Database, reason
from videowall.storage.migrations import MIGRATIONS, Migration, latest_version
from videowall.storage.schema import BASELINE_VERSION, baseline_tables, metadata

CONNECT_TIMEOUT_S = 10
TLS_OPTIONS = ("sslmode", "sslrootcert", "sslcert", "sslkey", "sslcrl")
_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
# Serialises ``server init`` and upgrades between stations starting at the same time.
_SCHEMA_LOCK = 0x76777363   # "vwsc"


def parse_url(url: str) -> URL:
    """The URL as SQLAlchemy will use it; INVALID_INPUT, naming the problem, for anything else."""
    try:
        parsed = make_url(url.strip())
    except exc.ArgumentError:
        raise VideowallError(ErrorKind.INVALID_INPUT,
                             "The database address must look like postgresql://user@host:5432/videowall.") from None
    if parsed.drivername not in _SCHEMES:
        raise VideowallError(ErrorKind.INVALID_INPUT,
                             f"The database address must start with postgresql:// (got {parsed.drivername}://).")
    if parsed.password is not None:
        raise VideowallError(ErrorKind.INVALID_INPUT,
                             "Do not put the password in the database address (it would end up in settings, "
                             "shell history and logs). Leave it out; it is asked for separately.")
    if not parsed.host or not parsed.username or not parsed.database:
        raise VideowallError(ErrorKind.INVALID_INPUT, "The database address needs a user, a host and a database "
                                                      "name: postgresql://user@host:5432/videowall.")
    unknown = sorted(set(parsed.query) - set(TLS_OPTIONS))
    if unknown:
        raise VideowallError(ErrorKind.INVALID_INPUT,
                             f"Unknown database option {unknown[0]!r}; the address may carry only "
                             f"{', '.join(TLS_OPTIONS)}.")
    return parsed.set(drivername="postgresql+psycopg")


def safe_url(url: URL) -> str:
    """The URL for messages and settings (never has a password: ``parse_url`` refuses one)."""
    return url.set(drivername="postgresql").render_as_string(hide_password=True)


def open_postgres(url: str, password: str | None, *, create: bool = False,
                  migrations: tuple[Migration, ...] = MIGRATIONS) -> Database:
    """Connect to the deployment at ``url``; with ``create``, make its schema in an empty database.

    Raises VideowallError: INVALID_INPUT for a bad URL; STORAGE_ERROR for a server that cannot be
    reached, a refused password, a database that is not (yet) a deployment, or one made by a newer
    videowall (left untouched).
    """
    parsed = parse_url(url)
    where = safe_url(parsed)
    engine = create_engine(parsed, connect_args={"password": password or None, "connect_timeout": CONNECT_TIMEOUT_S,
                                                 "application_name": "videowall"},
                           pool_pre_ping=True)
    try:
        db = Database(engine, where)
    except exc.OperationalError as err:
        engine.dispose()
        raise _connect_error(where, err) from None
    try:
        _prepare(db, create, migrations)
    except BaseException:
        db.close()
        raise
    return db


def _prepare(db: Database, create: bool, migrations: tuple[Migration, ...]) -> None:
    with db.transaction():
        db.execute("SELECT pg_advisory_xact_lock(:key)", {"key": _SCHEMA_LOCK})
        found = schema_version(db)
        known = latest_version(migrations)
        if found is None:
            if not create:
                raise VideowallError(ErrorKind.STORAGE_ERROR,
                                     f"The database {db.where} is not a videowall deployment yet. Create it with "
                                     "'videowall server init --db URL' first.")
            if db.scalar("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"):
                raise VideowallError(ErrorKind.STORAGE_ERROR,
                                     f"The database {db.where} already holds other tables; create the deployment "
                                     "in an empty database. Nothing was changed.")
            _create(db)
            found = BASELINE_VERSION
        elif create:
            raise VideowallError(ErrorKind.STORAGE_ERROR,
                                 f"The database {db.where} already is a videowall deployment (schema version "
                                 f"{found}); join it with 'videowall station join URL' instead.")
        if found > known:
            raise VideowallError(
                ErrorKind.STORAGE_ERROR,
                f"The database {db.where} was created by a newer videowall (schema version {found}; this version "
                f"knows up to {known}). It was left untouched. Upgrade videowall on this station.")
        for migration in migrations:
            if migration.version > found:
                _upgrade(db, migration)
        _ensure_change_triggers(db)


def _ensure_change_triggers(db: Database) -> None:
    """The NOTIFY triggers of live change propagation, added to a deployment made before them."""
    present = db.scalar("SELECT count(*) FROM pg_trigger WHERE starts_with(tgname, 'videowall_changed_')")
    if present < len(postgres_schema.CHANGE_TRIGGERS) - 1:
        for statement in postgres_schema.CHANGE_TRIGGERS:
            db.run_raw(statement)


def schema_version(db: Database) -> int | None:
    """The deployment's schema version, or None for a database without one."""
    if not db.scalar("SELECT to_regclass(:name) IS NOT NULL", {"name": postgres_schema.VERSION_TABLE}):
        return None
    return int(db.scalar(f"SELECT version FROM {postgres_schema.VERSION_TABLE} WHERE singleton = 1"))


def _create(db: Database) -> None:
    for statement in postgres_schema.BEFORE_TABLES:
        db.run_raw(statement)
    with db.lock:
        metadata.create_all(db.connection, tables=baseline_tables())
    for statement in postgres_schema.AFTER_TABLES:
        db.run_raw(statement)
    db.execute(f"INSERT INTO {postgres_schema.VERSION_TABLE} (singleton, version) VALUES (1, :version)",
               {"version": BASELINE_VERSION})
    db.execute("INSERT INTO station_identity (singleton, station_id, created_utc) VALUES (1, :id, :now)",
               {"id": uuid.uuid4().hex, "now": datetime.now(timezone.utc).isoformat(timespec="seconds")})


def _upgrade(db: Database, migration: Migration) -> None:
    """A migration newer than the baseline: plain SQL written to run on both engines (docs/design/database.md)."""
    try:
        with db.transaction():
            if migration.apply is not None:
                raise VideowallError(ErrorKind.STORAGE_ERROR,
                                     f"Schema version {migration.version} ({migration.description}) cannot be "
                                     "applied to PostgreSQL: migrations after the baseline must be plain SQL.")
            for statement in migration.statements:
                db.run_raw(statement)
            db.execute(f"UPDATE {postgres_schema.VERSION_TABLE} SET version = :version",
                       {"version": migration.version})
    except exc.SQLAlchemyError as err:
        raise VideowallError(ErrorKind.STORAGE_ERROR,
                             f"Could not upgrade the database {db.where} to schema version {migration.version} "
                             f"({migration.description}): {reason(err)}. It was left as it was.",
                             detail=repr(err)) from err


def _connect_error(where: str, err: exc.OperationalError) -> VideowallError:
    said = reason(err)
    lowered = said.lower()
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        message = f"The database server refused the user or password for {where}. Check them and try again."
    elif "does not exist" in lowered:
        message = f"The database server has no such database or user: {where} ({said})."
    elif "ssl" in lowered or "certificate" in lowered:
        message = f"The secure connection to {where} failed: {said}. Check sslmode and the certificates."
    else:
        message = (f"The database server at {where} cannot be reached ({said}). Check that it runs and that "
                   "this station may connect to it; nothing was changed.")
    return VideowallError(ErrorKind.STORAGE_ERROR, message, detail=repr(err))
