"""``videowall server init --db URL`` and ``videowall station join URL | leave | status``.

The database password comes from stdin (``--password-stdin``) or a terminal prompt, never from the
command line or the URL. TLS to PostgreSQL: ``?sslmode=verify-full&sslrootcert=/path/ca.pem`` in the URL.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from videowall.config.paths import data_dir
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.runtime.redaction import register_secret

_URL_HELP = ("postgresql://USER@HOST:PORT/DATABASE, optionally ?sslmode=verify-full&sslrootcert=CA.pem "
             "(no password in it)")


def register(subparsers: argparse._SubParsersAction) -> None:
    server = subparsers.add_parser("server", help="create the shared database of a multi-station deployment")
    server.set_defaults(func=lambda _a: (server.print_help(), 2)[1])
    server_actions = server.add_subparsers(dest="server_command", metavar="ACTION")
    init = server_actions.add_parser("init", allow_abbrev=False,
                                     help="create a deployment's schema in an empty PostgreSQL database")
    init.add_argument("--db", required=True, metavar="URL", help=_URL_HELP)
    _password_option(init)
    init.set_defaults(func=_init)

    station = subparsers.add_parser("station", help="join this station to a deployment, or leave it")
    station.set_defaults(func=lambda _a: (station.print_help(), 2)[1])
    station_actions = station.add_subparsers(dest="station_command", metavar="ACTION")
    join = station_actions.add_parser("join", allow_abbrev=False, help="use a deployment's shared database")
    join.add_argument("url", metavar="URL", help=_URL_HELP)
    _password_option(join)
    _data_dir_option(join)
    join.set_defaults(func=_join)
    leave = station_actions.add_parser("leave", help="go back to this station's own database")
    _data_dir_option(leave)
    leave.set_defaults(func=_leave)
    status = station_actions.add_parser("status", help="say which database this station uses")
    _data_dir_option(status)
    status.set_defaults(func=_status)


def _password_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--password-stdin", action="store_true",
                        help="read the database password from stdin (one line); otherwise it is prompted for")


def _data_dir_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", default=None, help="station data directory (default: per-user)")


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif sys.stdin.isatty():
        password = getpass.getpass("Database password: ")
    else:
        raise VideowallError(ErrorKind.INVALID_INPUT, "Give the database password on stdin with --password-stdin.")
    register_secret(password)
    return password


def _init(args: argparse.Namespace) -> int:
    from videowall.storage.postgres import open_postgres, parse_url, schema_version

    parse_url(args.db)      # a bad address is refused before a password is asked for
    db = open_postgres(args.db, _password(args), create=True)
    try:
        print(f"Created the deployment in {db.where} (schema version {schema_version(db)}). "
              f"Join stations to it with: videowall station join {db.where}")
    finally:
        db.close()
    return 0


def _join(args: argparse.Namespace) -> int:
    from videowall.storage.deployment import join
    from videowall.storage.postgres import parse_url

    parse_url(args.url)
    root = data_dir(args.data_dir)
    join(root, args.url, _password(args)).close()
    print(f"This station now uses the shared database {args.url.strip()}. Its own database in {root} "
          "is kept unchanged; 'videowall station leave' goes back to it.")
    return 0


def _leave(args: argparse.Namespace) -> int:
    from videowall.storage.deployment import leave

    root = data_dir(args.data_dir)
    if leave(root):
        print(f"This station uses its own database in {root} again.")
    else:
        print("This station was not joined to a deployment; it uses its own database.")
    return 0


def _status(args: argparse.Namespace) -> int:
    from videowall.config.paths import database_path
    from videowall.storage.deployment import joined_url

    root = data_dir(args.data_dir)
    url = joined_url(root)
    print(f"shared database {url}" if url else f"own database {database_path(root)}")
    return 0
