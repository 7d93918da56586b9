"""People who log in, in the station's (or deployment's) database: argon2 hashes, lock-out after failures.

No password is ever stored or logged: only its argon2id hash. Any thread (calls take the database's lock).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timezone

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import exc

from videowall.access.roles import Role, parse_role
from videowall.access.session import Session
from videowall.runtime.clock import SYSTEM_CLOCK, Clock
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.runtime.redaction import register_secret
from videowall.runtime.text import unsafe_character
from videowall.storage.database import Database, reason

MAX_FAILED_LOGINS = 5
MIN_PASSWORD_CHARS = 10
MAX_LOGIN_CHARS = 64
_WRONG = "Wrong login or password."


@dataclass(frozen=True)
class User:
    login: str
    full_name: str
    role: Role
    groups: tuple[str, ...]
    failed_logins: int
    locked: bool


class UserStore:
    def __init__(self, db: Database, clock: Clock = SYSTEM_CLOCK, hasher: PasswordHasher | None = None) -> None:
        self._db = db
        self._clock = clock
        self._hasher = hasher or PasswordHasher()
        # Checked when the login is unknown, so a wrong name costs as long as a wrong password.
        self._decoy = self._hasher.hash("videowall decoy password")

    def any(self) -> bool:
        """Whether this deployment has users at all (without any, a station runs as its OS user, as before)."""
        return self._db.scalar("SELECT 1 FROM users LIMIT 1") is not None

    def add(self, login: str, full_name: str, role: Role | str, password: str, groups: tuple[str, ...] = ()) -> User:
        name, who, chosen = _clean_login(login), _clean_name(full_name), parse_role(role) if isinstance(role, str) \
            else role
        register_secret(password)
        _check_password(password)
        cleaned_groups = tuple(sorted({g.strip() for g in groups if g.strip()}))
        if chosen.needs_groups and not cleaned_groups:
            raise VideowallError(ErrorKind.INVALID_INPUT, "A police viewer needs at least one camera group "
                                                          "(--group): they see only the groups granted to the unit.")
        now = self._now()
        try:
            with self._db.transaction() as db:
                db.execute("INSERT INTO users (login, full_name, role, password_hash, created_utc, updated_utc)"
                           " VALUES (:login, :name, :role, :hash, :now, :now)",
                           {"login": name, "name": who, "role": chosen.value, "hash": self._hasher.hash(password),
                            "now": now})
                db.execute_many("INSERT INTO user_groups (login, grp) VALUES (:login, :grp)",
                                [{"login": name, "grp": group} for group in cleaned_groups])
        except exc.IntegrityError:
            raise VideowallError(ErrorKind.INVALID_INPUT, f"A user {name!r} already exists.") from None
        except exc.SQLAlchemyError as err:
            raise VideowallError(ErrorKind.STORAGE_ERROR, f"The user was not added: {reason(err)}.") from err
        return self.get(name)

    def get(self, login: str) -> User:
        name = _clean_login(login)
        with self._db.lock:
            row = self._db.execute("SELECT login, full_name, role, failed_logins, locked_utc FROM users"
                                   " WHERE login = :login", {"login": name}).fetchone()
            if row is None:
                raise VideowallError(ErrorKind.NOT_FOUND, f"There is no user {name!r}.")
            groups = tuple(r[0] for r in self._db.execute(
                "SELECT grp FROM user_groups WHERE login = :login ORDER BY grp", {"login": name}))
        return User(row[0], row[1], Role(row[2]), groups, int(row[3]), row[4] is not None)

    def list(self) -> list[User]:
        logins = [row[0] for row in self._db.execute("SELECT login FROM users ORDER BY login")]
        return [self.get(login) for login in logins]

    def login(self, login: str, password: str) -> Session:
        """The session of a correct login and password; AUTH_FAILED otherwise, counting the failure.

        After ``MAX_FAILED_LOGINS`` failures in a row the account is locked until unlocked, even for the
        right password. The message never says whether the name or the password was wrong.
        """
        register_secret(password)
        name = (login or "").strip().lower()
        with self._db.transaction() as db:
            row = db.execute("SELECT password_hash, failed_logins, locked_utc FROM users WHERE login = :login",
                             {"login": name}).fetchone()
            if row is None:
                self._verify(self._decoy, password)
                raise VideowallError(ErrorKind.AUTH_FAILED, _WRONG)
            stored, failed, locked = row
            if locked is not None:
                raise VideowallError(ErrorKind.AUTH_FAILED,
                                     f"The account {name!r} is locked after {MAX_FAILED_LOGINS} failed logins. A shift "
                                     "supervisor or an administrator can unlock it.")
            if not self._verify(stored, password):
                failed += 1
                db.execute("UPDATE users SET failed_logins = :failed, locked_utc = :locked WHERE login = :login",
                           {"failed": failed, "locked": self._now() if failed >= MAX_FAILED_LOGINS else None,
                            "login": name})
                left = MAX_FAILED_LOGINS - failed
                suffix = (f" {left} more failed attempt{'s' if left != 1 else ''} lock the account." if left > 0
                          else " The account is now locked; a shift supervisor or an administrator can unlock it.")
                wrong = VideowallError(ErrorKind.AUTH_FAILED, _WRONG + suffix)
            else:
                wrong = None
                if failed:
                    db.execute("UPDATE users SET failed_logins = 0 WHERE login = :login", {"login": name})
        if wrong is not None:     # raised after the commit: the failure must be counted
            raise wrong
        user = self.get(name)
        return Session(user.login, user.full_name, user.role, frozenset(user.groups))

    def unlock(self, login: str) -> User:
        name = _clean_login(login)
        with self._db.transaction() as db:
            if db.execute("UPDATE users SET failed_logins = 0, locked_utc = NULL, updated_utc = :now"
                          " WHERE login = :login", {"now": self._now(), "login": name}).rowcount == 0:
                raise VideowallError(ErrorKind.NOT_FOUND, f"There is no user {name!r}.")
        return self.get(name)

    def _verify(self, stored: str, password: str) -> bool:
        try:
            return self._hasher.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return False

    def _now(self) -> str:
        return self._clock.now_utc().astimezone(timezone.utc).isoformat(timespec="seconds")


def _clean_login(login: str) -> str:
    name = (login or "").strip().lower()
    if not name or len(name) > MAX_LOGIN_CHARS or any(ch.isspace() for ch in name) or unsafe_character(name):
        raise VideowallError(ErrorKind.INVALID_INPUT,
                             f"A login is 1–{MAX_LOGIN_CHARS} characters without spaces or control characters.")
    return name


def _clean_name(full_name: str) -> str:
    name = " ".join((full_name or "").split())
    if not name or len(name) > 100 or unsafe_character(name):
        raise VideowallError(ErrorKind.INVALID_INPUT, "A user needs a full name (1–100 printable characters), "
                                                      "as it appears on bookmarks and in the audit log.")
    return name


def _check_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD_CHARS:
        raise VideowallError(ErrorKind.INVALID_INPUT,
                             f"A password needs at least {MIN_PASSWORD_CHARS} characters.")
