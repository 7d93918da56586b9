"""Users, roles and login on each engine: argon2 hashes, lock-out, and the permission checks of the core."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from argon2 import PasswordHasher

from videowall.access.roles import Permission, Role
from videowall.access.users import MAX_FAILED_LOGINS, UserStore
from videowall.model.camera import Camera
from tests.fixtures.clock import FakeClock
from videowall.runtime.errors import ErrorKind, VideowallError

PASSWORD = "Zmiana-nocna-2026"
GATE = Camera(id=1, name="Brama", main_url="rtsp://127.0.0.1/1", group="Ratusz")
SQUARE = Camera(id=2, name="Rynek", main_url="rtsp://127.0.0.1/2", group="Rynek")


@pytest.fixture
def users(database):
    # The real hasher with small costs: the same code path, quicker on a loaded test machine.
    return UserStore(database, FakeClock(start_utc=datetime(2026, 12, 3, 8, tzinfo=timezone.utc)),
                     PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1))


def _error(call, *args, **kwargs) -> VideowallError:
    with pytest.raises(VideowallError) as err:
        call(*args, **kwargs)
    return err.value


def test_a_user_logs_in_with_the_right_password_only_and_no_password_is_stored(users, database):
    assert not users.any()
    users.add("J.Kowalska", "Joanna Kowalska", "operator", PASSWORD)
    assert users.any()
    session = users.login("j.kowalska", PASSWORD)
    assert session.operator == "Joanna Kowalska (operator)" and session.role is Role.OPERATOR
    stored = database.scalar("SELECT password_hash FROM users WHERE login = 'j.kowalska'")
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    wrong = _error(users.login, "j.kowalska", "Zmiana-dzienna-2026")
    unknown = _error(users.login, "nobody", PASSWORD)
    assert wrong.kind is unknown.kind is ErrorKind.AUTH_FAILED
    assert wrong.user_message.startswith("Wrong login or password.") and unknown.user_message == "Wrong login or password."
    assert PASSWORD not in wrong.user_message


def test_repeated_failures_lock_the_account_until_unlocked(users):
    users.add("jan", "Jan Nowak", Role.SUPERVISOR, PASSWORD)
    for attempt in range(1, MAX_FAILED_LOGINS + 1):
        message = _error(users.login, "jan", f"bad-password-{attempt}").user_message
    assert "now locked" in message
    locked = _error(users.login, "jan", PASSWORD)          # the right password no longer helps
    assert "is locked after 5 failed logins" in locked.user_message
    assert users.get("jan").locked
    users.unlock("jan")
    assert users.login("jan", PASSWORD).login == "jan"
    assert users.get("jan").failed_logins == 0


def test_a_good_login_resets_the_count_of_failures(users):
    users.add("jan", "Jan Nowak", Role.OPERATOR, PASSWORD)
    for attempt in range(MAX_FAILED_LOGINS - 1):
        _error(users.login, "jan", f"bad-{attempt}-password")
    users.login("jan", PASSWORD)
    assert "4 more failed attempts" in _error(users.login, "jan", "bad-again-password").user_message


@pytest.mark.parametrize("login, name, role, password, groups, words", [
    ("a b", "Ann", "operator", PASSWORD, (), "without spaces"),
    ("ann", "", "operator", PASSWORD, (), "needs a full name"),
    ("ann", "Ann", "janitor", PASSWORD, (), "A role is one of"),
    ("ann", "Ann", "operator", "short", (), "at least 10 characters"),
    ("ann", "Ann", "police", PASSWORD, (), "needs at least one camera group"),
])
def test_bad_users_are_refused_with_a_clear_message(users, login, name, role, password, groups, words):
    err = _error(users.add, login, name, role, password, groups)
    assert err.kind is ErrorKind.INVALID_INPUT and words in err.user_message
    assert not users.any()


def test_a_login_is_taken_once(users):
    users.add("ann", "Ann Lis", Role.OPERATOR, PASSWORD)
    assert "already exists" in _error(users.add, "ANN", "Ann Other", Role.OPERATOR, PASSWORD).user_message


def test_roles_and_camera_groups_decide_what_a_person_may_do(users):
    users.add("op", "Olga Pol", Role.OPERATOR, PASSWORD)
    users.add("sup", "Stefan Ul", Role.SUPERVISOR, PASSWORD)
    users.add("kpp", "Kamil Policja", Role.POLICE, PASSWORD, groups=("Ratusz",))
    users.add("admin", "Adam Min", Role.ADMINISTRATOR, PASSWORD)
    op, sup, police, admin = (users.login(login, PASSWORD) for login in ("op", "sup", "kpp", "admin"))
    assert op.may(Permission.PTZ, GATE) and not op.may(Permission.LEGAL_HOLD, GATE)
    assert sup.may(Permission.LEGAL_HOLD, GATE) and sup.may(Permission.EXPORT, SQUARE)
    assert police.may(Permission.PLAYBACK, GATE) and police.may(Permission.EXPORT, GATE)
    assert not police.may(Permission.PTZ, GATE)
    assert admin.may(Permission.MANAGE_USERS) and not admin.may(Permission.LIVE, GATE)

    denied = _error(police.require, Permission.PLAYBACK, SQUARE)
    assert denied.kind is ErrorKind.PERMISSION_DENIED
    assert denied.user_message == ("Kamil Policja (police viewer) may not play back recordings on camera 'Rynek': "
                                   "its group 'Rynek' is not granted to them (granted: Ratusz).")
    assert "the role 'operator' does not allow it" in _error(op.require, Permission.EXPORT, GATE).user_message
    assert "administrator" in _error(admin.require, Permission.PLAYBACK, GATE).user_message
