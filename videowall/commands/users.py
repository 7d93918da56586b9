"""``videowall user add | list | unlock``: the people who log in, managed by someone logged in.

The first user of a deployment must be an administrator and needs no login; after that ``--as LOGIN``
names who does it, and that person's password is read first. Passwords come from stdin
(``--password-stdin``, one per line, in the order asked) or terminal prompts, never from the command line.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from videowall.config.paths import data_dir
from videowall.runtime.errors import ErrorKind, VideowallError


def register(subparsers: argparse._SubParsersAction) -> None:
    user = subparsers.add_parser("user", help="people who log in: add, list, unlock")
    user.set_defaults(func=lambda _a: (user.print_help(), 2)[1])
    actions = user.add_subparsers(dest="user_command", metavar="ACTION")
    add = actions.add_parser("add", allow_abbrev=False, help="add a person with a role")
    add.add_argument("login")
    add.add_argument("--name", required=True, help="full name, as bookmarks and the audit log show it")
    add.add_argument("--role", required=True, help="operator, supervisor, police or administrator")
    add.add_argument("--group", action="append", default=[], help="a camera group granted (repeatable)")
    _common(add)
    add.set_defaults(func=_add)
    listing = actions.add_parser("list", allow_abbrev=False, help="list the users")
    _common(listing)
    listing.set_defaults(func=_list)
    unlock = actions.add_parser("unlock", allow_abbrev=False, help="unlock an account locked by failed logins")
    unlock.add_argument("login")
    _common(unlock)
    unlock.set_defaults(func=_unlock)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--as", dest="acting", metavar="LOGIN", help="who does it (their password is asked first)")
    parser.add_argument("--password-stdin", action="store_true", help="read the passwords from stdin, one a line")
    parser.add_argument("--data-dir", default=None, help="station data directory (default: per-user)")


def _password(args: argparse.Namespace, prompt: str) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    raise VideowallError(ErrorKind.INVALID_INPUT, "Give the passwords on stdin with --password-stdin.")


def acting_session(args: argparse.Namespace, users, permission):
    """The session of ``--as`` (its permission checked); None only while the deployment has no users."""
    if not users.any():
        return None
    if not args.acting:
        raise VideowallError(ErrorKind.PERMISSION_DENIED,
                             "This deployment has users: say who you are with --as LOGIN.")
    session = users.login(args.acting, _password(args, f"Password of {args.acting}: "))
    session.require(permission)
    return session


def _add(args: argparse.Namespace) -> int:
    from videowall.access.roles import Permission, Role, parse_role
    from videowall.access.users import UserStore
    from videowall.audit import AuditLog
    from videowall.storage.deployment import open_station_database

    db = open_station_database(data_dir(args.data_dir))
    try:
        users = UserStore(db)
        role = parse_role(args.role)
        acting = acting_session(args, users, Permission.MANAGE_USERS)
        if acting is None and role is not Role.ADMINISTRATOR:
            raise VideowallError(ErrorKind.INVALID_INPUT, "The first user must be an administrator "
                                                          "(--role administrator), who then adds the others.")
        password = _password(args, f"New password for {args.login}: ")
        with db.transaction():
            added = users.add(args.login, args.name, role, password, tuple(args.group))
            AuditLog(db).append("user.added", {"login": added.login, "role": added.role.value,
                                               "groups": list(added.groups)},
                                actor=acting.operator if acting else f"{added.full_name} (first administrator)")
    finally:
        db.close()
    print(f"Added {added.login}: {added.full_name}, {added.role.label}"
          + (f", camera groups {', '.join(added.groups)}" if added.groups else "") + ".")
    return 0


def _list(args: argparse.Namespace) -> int:
    from videowall.access.roles import Permission
    from videowall.access.users import UserStore
    from videowall.storage.deployment import open_station_database

    db = open_station_database(data_dir(args.data_dir))
    try:
        users = UserStore(db)
        acting_session(args, users, Permission.UNLOCK_USERS)
        for user in users.list():
            state = "locked" if user.locked else "active"
            print(f"{user.login}\t{user.full_name}\t{user.role.label}\t{','.join(user.groups) or '-'}\t{state}")
    finally:
        db.close()
    return 0


def _unlock(args: argparse.Namespace) -> int:
    from videowall.access.roles import Permission
    from videowall.access.users import UserStore
    from videowall.audit import AuditLog
    from videowall.storage.deployment import open_station_database

    db = open_station_database(data_dir(args.data_dir))
    try:
        users = UserStore(db)
        acting = acting_session(args, users, Permission.UNLOCK_USERS)
        if acting is None:
            raise VideowallError(ErrorKind.NOT_FOUND, "This deployment has no users yet.")
        with db.transaction():
            unlocked = users.unlock(args.login)
            AuditLog(db).append("user.unlocked", {"login": unlocked.login}, actor=acting.operator)
    finally:
        db.close()
    print(f"Unlocked {unlocked.login}.")
    return 0
