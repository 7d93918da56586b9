"""Station sessions the recording server accepts: bearer tokens issued per station user.

The one place that decides who may read footage, so that tying sessions to the deployment's users and roles
(shared PostgreSQL state) changes this module only. A token is shown once when issued; the database keeps
its SHA-256.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from videowall.runtime.clock import SYSTEM_CLOCK, Clock
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.runtime.redaction import register_secret
from videowall.storage.database import Database

TOKEN_BYTES = 32
MAX_DAYS = 400
MAX_USER_CHARS = 100


@dataclass(frozen=True)
class Session:
    id: int
    user_name: str
    expires_utc: datetime


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class SessionStore:
    def __init__(self, db: Database, clock: Clock = SYSTEM_CLOCK) -> None:
        self._db = db
        self._clock = clock

    def issue(self, user_name: str, days: int) -> tuple[Session, str]:
        """A new session for ``user_name`` valid ``days`` days, and its token (returned only here)."""
        name = user_name.strip()
        if not name or len(name) > MAX_USER_CHARS or any(ch < " " for ch in name):
            raise VideowallError(ErrorKind.INVALID_INPUT,
                                 f"The user name must be 1 to {MAX_USER_CHARS} printable characters.")
        if not 1 <= days <= MAX_DAYS:
            raise VideowallError(ErrorKind.INVALID_INPUT, f"A session lasts from 1 to {MAX_DAYS} days.")
        token = secrets.token_urlsafe(TOKEN_BYTES)
        register_secret(token)
        now = self._now()
        expires = now + timedelta(days=days)
        with self._db.transaction() as db:
            session_id = db.scalar(
                "INSERT INTO recorder_sessions (user_name, token_sha256, created_utc, expires_utc)"
                " VALUES (:user, :digest, :created, :expires) RETURNING id",
                {"user": name, "digest": token_digest(token), "created": _text(now), "expires": _text(expires)})
        return Session(int(session_id), name, expires), token

    def check(self, token: str) -> Session | None:
        """The live session of ``token``; None when unknown, expired or revoked."""
        row = self._db.execute(
            "SELECT id, user_name, expires_utc FROM recorder_sessions WHERE token_sha256 = :digest"
            " AND revoked_utc IS NULL", {"digest": token_digest(token)}).fetchone()
        if row is None:
            return None
        expires = datetime.fromisoformat(row[2])
        return Session(int(row[0]), row[1], expires) if expires > self._now() else None

    def revoke_user(self, user_name: str) -> int:
        """End every live session of ``user_name``; returns how many."""
        with self._db.transaction() as db:
            result = db.execute("UPDATE recorder_sessions SET revoked_utc = :now WHERE user_name = :user"
                                " AND revoked_utc IS NULL", {"now": _text(self._now()), "user": user_name.strip()})
        return int(result.rowcount)

    def _now(self) -> datetime:
        return self._clock.now_utc().astimezone(timezone.utc)


def _text(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")
