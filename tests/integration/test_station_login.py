"""A station with users: nothing without a login, the logged-in person and role on bookmarks and in the audit
log, refusals that say why, lock and switch user at shift change without closing the station; and the
``videowall user`` commands."""

from __future__ import annotations

import io
from datetime import datetime, timedelta, timezone

import pytest

from tests.fixtures.staffed_station import PASSWORD, staffed_station
from videowall.access.roles import Permission
from videowall.cli import run
from videowall.runtime.errors import ErrorKind, VideowallError

AT = datetime.now(timezone.utc) - timedelta(hours=1)


@pytest.fixture
def station(tmp_path):
    st, gate, square = staffed_station(tmp_path / "data")
    yield st, gate, square
    st.close()


def _denied(call, *args, **kwargs) -> str:
    with pytest.raises(VideowallError) as err:
        call(*args, **kwargs)
    assert err.value.kind is ErrorKind.PERMISSION_DENIED
    return err.value.user_message


def test_actions_need_a_login_and_carry_the_person_and_role(station):
    st, gate, square = station
    bookmarks = st.bookmarks()
    assert "Log in first" in _denied(bookmarks.create, at_utc=AT, camera_ids=[gate.id], category="kradzież",
                                     operator=st.operator)
    st.login("op", PASSWORD)
    created = bookmarks.create(at_utc=AT, camera_ids=[gate.id], category="kradzież", operator=st.operator)
    assert created.operator == "Olga Pol (operator)"
    assert "may not place or lift legal holds" in _denied(bookmarks.mark_as_evidence, created.id, by=st.operator,
                                                           reason="incident", case_number="RSD 1/26")
    st.lock()                                  # shift change: the station stays open
    assert "Log in first" in _denied(bookmarks.withdraw, created.id, by="x", reason="mistake")
    st.login("sup", PASSWORD)
    held = bookmarks.mark_as_evidence(created.id, by=st.operator, reason="incident", case_number="RSD 1/26")
    assert held.evidence
    with st.audit() as log:
        entries = log.entries()
        assert log.verify() == []
    assert [(e.action, e.actor) for e in entries if e.action.startswith(("user.", "bookmark."))] == [
        ("user.login", "Olga Pol (operator)"), ("bookmark.created", "Olga Pol (operator)"),
        ("user.logout", "Olga Pol (operator)"), ("user.login", "Stefan Ul (shift supervisor)"),
        ("bookmark.evidence_marked", "Stefan Ul (shift supervisor)")]


def test_a_police_viewer_is_limited_to_the_granted_groups(station):
    st, gate, square = station
    st.login("kpp", PASSWORD)
    message = _denied(st.bookmarks().create, at_utc=AT, camera_ids=[gate.id], category="kradzież",
                      operator=st.operator)
    assert "the role 'police viewer' does not allow it" in message
    st.require(Permission.PLAYBACK, (gate.id,))
    assert "its group 'Rynek' is not granted" in _denied(st.require, Permission.PLAYBACK, (square.id,))


def test_user_commands_need_the_right_person(tmp_path, monkeypatch, capsys):
    data = str(tmp_path / "data")

    def cli(args, stdin=""):
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = run([*args, "--password-stdin", "--data-dir", data])
        out, err = capsys.readouterr()
        return code, out + err

    assert "first user must be an administrator" in cli(["user", "add", "op", "--name", "Olga Pol", "--role",
                                                         "operator"], PASSWORD + "\n")[1]
    assert cli(["user", "add", "admin", "--name", "Adam Min", "--role", "administrator"], PASSWORD + "\n")[0] == 0
    code, out = cli(["user", "add", "op", "--name", "Olga Pol", "--role", "operator"], PASSWORD + "\n")
    assert code == 1 and "say who you are with --as" in out
    code, out = cli(["user", "add", "op", "--name", "Olga Pol", "--role", "operator", "--as", "admin"],
                    f"{PASSWORD}\n{PASSWORD}\n")
    assert code == 0 and "Added op: Olga Pol, operator." in out
    code, out = cli(["user", "add", "x", "--name", "X Y", "--role", "operator", "--as", "op"],
                    f"{PASSWORD}\n{PASSWORD}\n")
    assert code == 1 and "Olga Pol (operator) may not manage users" in out
    for attempt in range(5):
        cli(["user", "list", "--as", "op"], f"wrong-password-{attempt}\n")
    code, out = cli(["user", "list", "--as", "admin"], PASSWORD + "\n")
    assert code == 0 and "op\tOlga Pol\toperator\t-\tlocked" in out
    code, out = cli(["user", "unlock", "op", "--as", "admin"], PASSWORD + "\n")
    assert code == 0 and "Unlocked op." in out
    assert PASSWORD not in out


def test_the_exporter_is_the_logged_in_person_and_needs_the_export_permission(station):
    st, gate, square = station
    st.login("op", PASSWORD)
    assert "may not export evidence" in _denied(st.exporter, camera_ids=(gate.id,))
    st.login("kpp", PASSWORD)
    assert "its group 'Rynek' is not granted" in _denied(st.exporter, camera_ids=(square.id,))
    exporter = st.exporter(camera_ids=(gate.id,))
    assert (exporter.operator_id, exporter.operator_name, exporter.operator_role) == (
        "kpp", "Kamil Policja", "police viewer")


def test_ptz_needs_a_login_and_the_permission_and_a_supervisor_takes_over_at_shift_change(station):
    from dataclasses import replace

    from videowall.onvif.ptz_lease import TAKEN_OVER_ACTION
    from videowall.onvif.ptz_queue import PtzAction

    st, gate_camera, _ = station
    st.settings = replace(st.settings, station_name="station 2")
    ptz = st.ptz_gate()
    assert "Log in first" in _denied(ptz.before, gate_camera.id, PtzAction.MOVE)
    st.login("kpp", PASSWORD)
    assert _denied(ptz.before, gate_camera.id, PtzAction.MOVE) == (
        "Kamil Policja (police viewer) may not move PTZ cameras: the role 'police viewer' does not allow it.")
    st.lock()
    st.login("op", PASSWORD)
    assert ptz.before(gate_camera.id, PtzAction.MOVE) is True
    assert ptz.leases.current(gate_camera.id).holder.label == "Olga Pol, station 2"
    st.lock()                                   # shift change while the camera is leased
    st.login("sup", PASSWORD)
    assert ptz.before(gate_camera.id, PtzAction.MOVE) is True
    assert ptz.leases.current(gate_camera.id).holder.label == "Stefan Ul, station 2"
    with st.audit() as log:
        [entry] = log.entries(action_prefix=TAKEN_OVER_ACTION)
        assert (entry.details["from"]["login"], entry.details["to"]["login"]) == ("op", "sup")
        assert log.verify() == []
    assert ptz.before(gate_camera.id, PtzAction.STOP) is True
    ptz.stopped(gate_camera.id)
    assert ptz.leases.current(gate_camera.id) is None
