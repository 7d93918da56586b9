"""The schema is one: an SQLite file built by the shipped migrations and a PostgreSQL deployment built from
``schema.metadata`` have the same tables, columns, nullability, keys and indexes."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect

from videowall.storage.db import open_database
from videowall.storage.migrations import latest_version
from videowall.storage.postgres import open_postgres, schema_version
from videowall.storage.schema import BASELINE_VERSION, metadata


def _shape(db) -> dict[str, dict]:
    with db.lock:
        inspector = inspect(db.connection)
        shape = {}
        for table in metadata.tables:
            key = inspector.get_pk_constraint(table)["constrained_columns"]
            # SQLite does not report its INTEGER PRIMARY KEY as NOT NULL, though it never holds NULL.
            columns = {c["name"]: bool(c["nullable"]) and c["name"] not in key for c in inspector.get_columns(table)}
            shape[table] = {
                "columns": columns,
                "primary key": tuple(key),
                # SQLite's reflection skips expression indexes: those are compared by name (``index names``).
                "indexes": {(i["name"], tuple(i["column_names"]), bool(i["unique"]))
                            for i in inspector.get_indexes(table)
                            if not i["name"].startswith("sqlite_autoindex") and None not in i["column_names"]},
                "index names": _index_names(db, table),
                "unique": {tuple(sorted(u["column_names"])) for u in inspector.get_unique_constraints(table)},
                "foreign keys": {(tuple(f["constrained_columns"]), f["referred_table"])
                                 for f in inspector.get_foreign_keys(table)},
            }
        return shape


def test_the_baseline_is_a_shipped_migration_and_later_tables_say_since_when():
    assert BASELINE_VERSION <= latest_version()
    assert all(BASELINE_VERSION < table.info["since"] <= latest_version()
               for table in metadata.tables.values() if "since" in table.info)


@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
def test_sqlite_migrations_and_the_postgresql_schema_agree(tmp_path, postgres_server):
    sqlite = open_database(tmp_path / "videowall.sqlite3")
    postgres = open_postgres(postgres_server.url(postgres_server.create_database()), postgres_server.admin_password,
                             create=True)
    try:
        assert schema_version(postgres) == latest_version()     # the baseline, then the later migrations
        lite, pg = _shape(sqlite), _shape(postgres)
        for table in metadata.tables:
            assert lite[table]["columns"] == pg[table]["columns"], table
            assert lite[table]["primary key"] == pg[table]["primary key"], table
            assert lite[table]["foreign keys"] == pg[table]["foreign keys"], table
            # SQLite reports a column's UNIQUE as a unique constraint, PostgreSQL's partial and named
            # indexes as indexes: compare what is unique and what is indexed, however each engine files it.
            assert _unique(lite[table]) == _unique(pg[table]), table
            assert _named_indexes(lite[table]) == _named_indexes(pg[table]), table
            assert lite[table]["index names"] == pg[table]["index names"], table
    finally:
        sqlite.close()
        postgres.close()


def _index_names(db, table: str) -> set[str]:
    if db.dialect == "sqlite":
        sql = ("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = :table"
               " AND name NOT LIKE 'sqlite_autoindex%'")
    else:   # without the indexes behind primary keys and UNIQUE constraints, which SQLite does not name
        sql = ("SELECT indexname FROM pg_indexes WHERE tablename = :table AND indexname NOT IN"
               " (SELECT conname FROM pg_constraint WHERE conrelid = to_regclass(:table))")
    return {row[0] for row in db.execute(sql, {"table": table})}


def _unique(shape: dict) -> set[tuple[str, ...]]:
    return shape["unique"] | {tuple(sorted(cols)) for _, cols, unique in shape["indexes"] if unique}


def _named_indexes(shape: dict) -> set[tuple[str, tuple[str, ...]]]:
    return {(name, cols) for name, cols, unique in shape["indexes"] if not unique}
