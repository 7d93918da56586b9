"""The access log at a station with users: the core refuses footage without the reason the deployment asks,
logs every view session in the audit chain, and ``videowall audit access`` lists them for a supervisor."""

from __future__ import annotations

import io
from datetime import datetime, timedelta, timezone

import pytest

from tests.fixtures.staffed_station import PASSWORD, staffed_station
from videowall.access.purpose import Purpose, ReasonRequired, ViewKind
from videowall.cli import run
from videowall.runtime.errors import ErrorKind, VideowallError

FOOTAGE = datetime(2026, 2, 1, 21, 30, tzinfo=timezone.utc)


@pytest.fixture
def station(tmp_path):
    st, gate, square = staffed_station(tmp_path / "data", streams=False)
    yield st, gate, square
    st.close()


def test_police_need_a_reason_and_every_session_is_in_the_chain(station):
    st, gate, square = station
    st.login("kpp", PASSWORD)
    assert st.reason_needed(ViewKind.LIVE) and st.reason_needed(ViewKind.PLAYBACK)
    with pytest.raises(ReasonRequired, match="requires a reason and a case number to play back"):
        st.begin_view(ViewKind.PLAYBACK, gate.id, footage_from=FOOTAGE)
    with pytest.raises(VideowallError) as denied:       # not granted to the unit, reason or not
        st.begin_view(ViewKind.LIVE, square.id, Purpose.of("pościg", "RSD 3/26"))
    assert denied.value.kind is ErrorKind.PERMISSION_DENIED and "not granted" in denied.value.user_message
    ticket = st.begin_view(ViewKind.PLAYBACK, gate.id, Purpose.of("kradzież roweru", "RSD 3/26"), footage_from=FOOTAGE)
    st.end_view(ticket, FOOTAGE, FOOTAGE + timedelta(minutes=4))
    st.lock()
    st.login("op", PASSWORD)
    assert not st.reason_needed(ViewKind.PLAYBACK)
    st.begin_view(ViewKind.LIVE, square.id)
    with st.audit() as log:
        actions = [(e.action, e.actor) for e in log.entries() if e.action.startswith("view.")]
        assert log.verify() == []
    assert actions == [("view.started", "Kamil Policja (police viewer)"), ("view.ended", "Kamil Policja (police viewer)"),
                       ("view.started", "Olga Pol (operator)")]


def _cli(monkeypatch, capsys, data_dir, *argv, stdin=""):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = run(["audit", "access", "--data-dir", str(data_dir), *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_cli_lists_sessions_for_a_supervisor_in_station_time(station, monkeypatch, capsys):
    st, gate, square = station
    st.login("kpp", PASSWORD)
    ticket = st.begin_view(ViewKind.PLAYBACK, gate.id, Purpose.of("kradzież roweru", "RSD 3/26"), footage_from=FOOTAGE)
    st.end_view(ticket, FOOTAGE, FOOTAGE + timedelta(minutes=4))
    st.begin_view(ViewKind.LIVE, gate.id, Purpose.of("pościg", "RSD 4/26"))
    code, out, err = _cli(monkeypatch, capsys, st.data_dir, "--camera", "brama", "--as", "op", "--password-stdin",
                          stdin=PASSWORD + "\n")
    assert code == 1 and "may not read the access log" in err
    code, out, err = _cli(monkeypatch, capsys, st.data_dir, "--camera", "Brama", "--as", "sup", "--password-stdin",
                          stdin=PASSWORD + "\n")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("Times in Europe/Warsaw.") and lines[-1] == "2 session(s)."
    playback, live = lines[1].split("\t"), lines[2].split("\t")
    assert playback[1:4] == ["playback", "Brama", "2026-02-01 22:30:00 CET – 2026-02-01 22:34:00 CET"]
    assert playback[4:] == ["Kamil Policja (police viewer)", "-", "RSD 3/26", "kradzież roweru"]
    assert live[0].endswith("– not closed") and live[6:] == ["RSD 4/26", "pościg"]
    now = datetime.now(timezone.utc)
    code, out, _ = _cli(monkeypatch, capsys, st.data_dir, "--camera", "Rynek", "--from",
                        f"{now - timedelta(hours=1):%Y-%m-%dT%H:%M}", "--to", f"{now + timedelta(hours=1):%Y-%m-%dT%H:%M}",
                        "--as", "sup", "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 0 and out.splitlines()[-1] == "0 session(s)."
    code, _, err = _cli(monkeypatch, capsys, st.data_dir, "--from", "yesterday", "--as", "sup", "--password-stdin",
                        stdin=PASSWORD + "\n")
    assert code == 1 and "--from 'yesterday' is not a date and time" in err
