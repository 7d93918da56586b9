"""Which database a station uses: its own SQLite file, or the shared PostgreSQL of the deployment it joined.

A joined station keeps ``deployment.json`` in its data dir with the database URL (never a password) and
when it joined. The password lives in the OS keyring, as the named secret ``database <url>``, so the
station can connect when it starts. The station's own SQLite file is left as it was when it joins:
leaving the deployment returns to it, nothing lost.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

from videowall.config.paths import database_path
from videowall.config.secrets import open_secrets
from videowall.runtime.atomic import write_atomic
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.runtime.redaction import register_secret
from videowall.storage.database import Database
from videowall.storage.db import open_database

DEPLOYMENT_FILE = "deployment.json"


def deployment_path(data_dir: Path) -> Path:
    return Path(data_dir) / DEPLOYMENT_FILE


def joined_url(data_dir: Path) -> str | None:
    """The shared database this station joined, or None for a station on its own SQLite file."""
    path = deployment_path(data_dir)
    if not path.exists():
        return None
    from videowall.storage.postgres import parse_url, safe_url  # the schema and SQL of a joined station only

    try:
        url = json.loads(path.read_text(encoding="utf-8"))["url"]
        return safe_url(parse_url(str(url)))
    except (OSError, ValueError, KeyError, TypeError, VideowallError) as err:
        raise VideowallError(ErrorKind.STORAGE_ERROR,
                             f"The station's deployment file {path} is unreadable ({err}). Join again with "
                             "'videowall station join URL', or delete the file to use this station's own "
                             "database.") from None


def join(data_dir: Path, url: str, password: str, secrets_kind: str | None = None) -> Database:
    """Check that ``url`` is a deployment this videowall can use, remember its password, record the join.

    Returns the open database. Nothing is written when the connection or the schema check fails.
    """
    from videowall.storage.postgres import open_postgres

    register_secret(password)
    db = open_postgres(url, password)
    try:
        open_secrets(secrets_kind).set_secret(_secret_name(db.where), password)
        record = {"url": db.where, "joined_utc": datetime.now(timezone.utc).isoformat(timespec="seconds")}
        write_atomic(deployment_path(data_dir), (json.dumps(record, indent=2) + "\n").encode("utf-8"))
    except BaseException:
        db.close()
        raise
    return db


def leave(data_dir: Path) -> bool:
    """Return to the station's own database; False if it had not joined one."""
    path = deployment_path(data_dir)
    if not path.exists():
        return False
    path.unlink()
    return True


def open_station_database(data_dir: Path, secrets_kind: str | None = None) -> Database:
    """The station's database: the joined deployment's (password from the keyring), else its SQLite file."""
    url = joined_url(data_dir)
    if url is None:
        return open_database(database_path(data_dir))
    password = open_secrets(secrets_kind).get_secret(_secret_name(url))
    if password is None:
        raise VideowallError(ErrorKind.NO_KEYRING,
                             f"The password of the shared database {url} is not in this station's keyring. "
                             "Join again: videowall station join URL --password-stdin.")
    from videowall.storage.postgres import open_postgres

    return open_postgres(url, password)


def _secret_name(url: str) -> str:
    return f"database {url}"
