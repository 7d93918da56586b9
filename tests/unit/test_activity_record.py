"""The activity record (informacja): built from real bookmarks on a station database, printed to a real PDF
whose text is read back with pdftotext."""

from __future__ import annotations

import argparse
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from videowall.commands import activity as activity_cli
from videowall.activity.pdf import write_activity_pdf
from videowall.activity.record import ActivityRecord, record_for_shift, record_from_bookmark
from videowall.activity.shift import current_shift
from videowall.config.paths import settings_path
from videowall.config.settings import Settings, save_settings
from videowall.reports.fonts import find_font_files
from tests.fixtures.clock import FakeClock
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.station import Station

WARSAW = ZoneInfo("Europe/Warsaw")
NOW = datetime(2026, 6, 30, 15, 0, tzinfo=timezone.utc)          # 17:00 CEST, in the day shift
SHIFT_START = datetime(2026, 6, 30, 4, 0, tzinfo=timezone.utc)   # 06:00 CEST
SHIFT_END = datetime(2026, 6, 30, 16, 0, tzinfo=timezone.utc)    # 18:00 CEST


@pytest.fixture
def station(tmp_path):
    save_settings(settings_path(tmp_path), Settings(organisation="Straż Miejska Miasta Krakowa",
                                                    unit="Referat Monitoringu", station_name="Stanowisko 2"))
    st = Station.open(tmp_path, "memory")
    st.cameras.add("Rynek Główny — Sukiennice", "rtsp://127.0.0.1/a")
    st.cameras.add("Floriańska 12", "rtsp://127.0.0.1/b")
    yield st
    st.close()


def _names(station: Station) -> dict[int, str]:
    return {camera.id: camera.name for camera in station.cameras.list()}


def _mark(station: Station, at: datetime, **fields):
    values = {"camera_ids": [1], "category": "kradzież", "operator": "jan.kowalski", "pre_roll_s": 30,
              "post_roll_s": 60} | fields
    return station.bookmarks().create(at_utc=at, **values)


def _pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return done.stdout


def test_bookmark_record_pdf_holds_what_the_regulation_asks(station, tmp_path):
    bookmark = _mark(station, datetime(2026, 6, 30, 10, 0, tzinfo=timezone.utc), camera_ids=[1, 2],
                     description="mężczyzna wyrwał torebkę", place="Rynek Główny, przy Sukiennicach",
                     case_number="RSOW-1234/26", result="sprawca zatrzymany przez patrol")
    record = record_from_bookmark(bookmark, _names(station), station.settings, FakeClock(NOW))

    path = write_activity_pdf(record, tmp_path / "informacja.pdf")

    text = _pdf_text(path)
    for expected in ("INFORMACJA", "z czynności obserwowania i rejestrowania obrazu zdarzeń",
                     "Dz.U. 2009 nr 220 poz. 1720", "Straż Miejska Miasta Krakowa Referat Monitoringu",
                     "Stanowisko 2", "Europe/Warsaw", "jan.kowalski", "kradzież — mężczyzna wyrwał torebkę",
                     "Rynek Główny, przy Sukiennicach", "Rynek Główny — Sukiennice, Floriańska 12",
                     "sprawca zatrzymany przez patrol", "RSOW-1234/26",
                     "2026-06-30 11:59:30 CEST", "2026-06-30 12:01:00 CEST",   # 30 s before, 60 s after, local
                     "Sporządzono", "2026-06-30 17:00:00 CEST", "Sporządził", "strona 1 z 1"):
        assert expected in text, expected
    assert not list(tmp_path.glob(".informacja.pdf.*")), "no temporary file is left behind"


def test_shift_record_takes_the_period_oldest_first_without_withdrawn(station):
    early = _mark(station, SHIFT_START + timedelta(hours=1), description="pierwsze")
    late = _mark(station, SHIFT_START + timedelta(hours=9), description="drugie", operator="anna.nowak")
    straddling = _mark(station, SHIFT_START + timedelta(seconds=20), description="na styku zmian")
    mistaken = _mark(station, SHIFT_START + timedelta(hours=2), description="pomyłka")
    station.bookmarks().withdraw(mistaken.id, by="jan.kowalski", reason="utworzony przez pomyłkę")
    _mark(station, SHIFT_END + timedelta(hours=2), description="następna zmiana")

    record = record_for_shift(station.bookmarks(), _names(station), station.settings, start_utc=SHIFT_START,
                              end_utc=SHIFT_END, operator=None, clock=FakeClock(NOW))

    assert [e.bookmark_id for e in record.entries] == [straddling.id, early.id, late.id]
    assert record.operators() == ("jan.kowalski", "anna.nowak")
    assert (record.period_start_utc, record.period_end_utc) == (SHIFT_START, SHIFT_END)

    one = record_for_shift(station.bookmarks(), _names(station), station.settings, start_utc=SHIFT_START,
                           end_utc=SHIFT_END, operator="anna.nowak", clock=FakeClock(NOW))
    assert [e.bookmark_id for e in one.entries] == [late.id]
    assert one.operator == "anna.nowak"


def test_shift_record_pdf_lists_every_event_on_numbered_pages(station, tmp_path):
    for n in range(12):
        _mark(station, SHIFT_START + timedelta(minutes=30 * (n + 1)), description=f"zdarzenie numer {n + 1}",
              place="ul. Grodzka 5")
    record = record_for_shift(station.bookmarks(), _names(station), station.settings, start_utc=SHIFT_START,
                              end_utc=SHIFT_END, operator=None, clock=FakeClock(NOW))

    text = _pdf_text(write_activity_pdf(record, tmp_path / "zmiana.pdf"))

    assert "od 2026-06-30 06:00:00 CEST do 2026-06-30 18:00:00 CEST" in text
    positions = [text.index(f"zdarzenie numer {n + 1}\n") for n in range(12)]
    assert positions == sorted(positions)
    pages = text.count("\f")
    assert pages >= 2
    assert f"strona 1 z {pages}" in text and f"strona {pages} z {pages}" in text
    assert "Zdarzenie 12 z 12" in text


def test_empty_shift_still_makes_a_record_saying_nothing_was_noted(station, tmp_path):
    record = record_for_shift(station.bookmarks(), _names(station), station.settings, start_utc=SHIFT_START,
                              end_utc=SHIFT_END, operator="jan.kowalski", clock=FakeClock(NOW))
    assert record.entries == ()

    text = _pdf_text(write_activity_pdf(record, tmp_path / "pusta.pdf"))

    assert "W okresie objętym informacją nie odnotowano zdarzeń." in text
    assert "jan.kowalski" in text and "strona 1 z 1" in text


def test_record_written_directly_from_data(tmp_path):
    record = ActivityRecord(organisation="", unit="", station_name="", period_start_utc=SHIFT_START,
                            period_end_utc=SHIFT_END, operator=None, entries=(), generated_utc=NOW,
                            timezone="Europe/Warsaw")
    text = _pdf_text(write_activity_pdf(record, tmp_path / "bez_nazwy.pdf"))
    assert "wszyscy operatorzy" in text and "Liczba zdarzeń" in text


def test_unwritable_destination_is_a_clear_error(tmp_path):
    record = ActivityRecord("SM", "", "", SHIFT_START, SHIFT_END, None, (), NOW, "Europe/Warsaw")
    missing = tmp_path / "no such folder" / "informacja.pdf"
    with pytest.raises(VideowallError) as caught:
        write_activity_pdf(record, missing)
    assert caught.value.kind is ErrorKind.STORAGE_ERROR
    assert "Could not save the activity record" in caught.value.user_message
    assert str(missing) in caught.value.user_message
    (tmp_path / "folder.pdf").mkdir()
    with pytest.raises(VideowallError, match="Could not save the activity record"):
        write_activity_pdf(record, tmp_path / "folder.pdf")
    assert not missing.exists()


def test_missing_font_names_the_package_to_install(tmp_path):
    with pytest.raises(VideowallError, match="fonts-dejavu-core") as caught:
        find_font_files([tmp_path])
    assert "Polish letters" in caught.value.user_message


def test_withdrawn_bookmark_and_backwards_period_are_refused(station):
    bookmark = _mark(station, SHIFT_START + timedelta(hours=1))
    withdrawn = station.bookmarks().withdraw(bookmark.id, by="jan.kowalski", reason="pomyłka")
    with pytest.raises(VideowallError, match="withdrawn"):
        record_from_bookmark(withdrawn, _names(station), station.settings)
    with pytest.raises(VideowallError, match="after its start") as caught:
        record_for_shift(station.bookmarks(), _names(station), station.settings, start_utc=SHIFT_END,
                         end_utc=SHIFT_START, operator=None)
    assert caught.value.kind is ErrorKind.INVALID_INPUT


@pytest.mark.parametrize(("now_local", "start_local", "end_local"), [
    (datetime(2026, 6, 30, 17, 59), datetime(2026, 6, 30, 6, 0), datetime(2026, 6, 30, 18, 0)),
    (datetime(2026, 6, 30, 18, 0), datetime(2026, 6, 30, 18, 0), datetime(2026, 7, 1, 6, 0)),
    (datetime(2026, 7, 1, 5, 59), datetime(2026, 6, 30, 18, 0), datetime(2026, 7, 1, 6, 0)),
    (datetime(2026, 10, 25, 1, 0), datetime(2026, 10, 24, 18, 0), datetime(2026, 10, 25, 6, 0)),   # 13 h
])
def test_current_shift_is_the_running_twelve_hour_shift(now_local, start_local, end_local):
    start, end = current_shift(now_local.replace(tzinfo=WARSAW).astimezone(timezone.utc), WARSAW)
    assert start.astimezone(WARSAW).replace(tzinfo=None) == start_local
    assert end.astimezone(WARSAW).replace(tzinfo=None) == end_local
    assert start.tzinfo is timezone.utc


def _run_cli(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    activity_cli.register(parser.add_subparsers())
    args = parser.parse_args(["activity-record", *argv])
    return args.func(args)


def test_cli_writes_the_record_of_a_bookmark_and_of_a_shift(station, tmp_path, capsys):
    bookmark = _mark(station, SHIFT_START + timedelta(hours=3), place="Plac Wszystkich Świętych",
                     operator="anna.nowak")
    _mark(station, SHIFT_START + timedelta(hours=4), place="ul. Szewska", operator="jan.kowalski")
    data = str(tmp_path)

    assert _run_cli("--bookmark", str(bookmark.id), "--out", str(tmp_path / "jedno.pdf"), "--data-dir", data) == 0
    assert "Plac Wszystkich Świętych" in _pdf_text(tmp_path / "jedno.pdf")

    assert _run_cli("--from", "2026-06-30T06:00", "--to", "2026-06-30T18:00", "--operator", "jan.kowalski",
                    "--out", str(tmp_path / "zmiana.pdf"), "--data-dir", data) == 0
    text = _pdf_text(tmp_path / "zmiana.pdf")
    assert "ul. Szewska" in text and "Plac Wszystkich Świętych" not in text
    assert "od 2026-06-30 06:00:00 CEST" in text
    assert "1 event(s)" in capsys.readouterr().out

    with pytest.raises(VideowallError, match="--from needs --to"):
        _run_cli("--from", "2026-06-30T06:00", "--out", str(tmp_path / "x.pdf"), "--data-dir", data)


def test_shift_record_pdf_lists_the_alarms_of_the_period_and_their_handling(station, tmp_path):
    from videowall.events.model import Alarm, AlarmState, EventKind, Show

    start = datetime(2026, 11, 21, 5, 0, tzinfo=timezone.utc)
    gate = station.cameras.list()[0]
    alarms = [Alarm(7, gate.id, EventKind.TAMPER, "vs0", 1, AlarmState.CLOSED, start + timedelta(hours=1),
                    start + timedelta(hours=1, minutes=2), 3, "alarm", Show.TILE, "anna.nowak",
                    start + timedelta(hours=1, minutes=1), "anna.nowak", start + timedelta(hours=2),
                    "Kamera zasłonięta, patrol wysłany"),
              Alarm(8, None, EventKind.EXPORT_FAILED, "write", 3, AlarmState.NEW, start + timedelta(hours=3),
                    start + timedelta(hours=3), 1, "", Show.NONE)]
    record = record_for_shift(station.bookmarks(), _names(station), station.settings, start_utc=start,
                              end_utc=start + timedelta(hours=12), operator=None, alarms=alarms)
    text = _pdf_text(write_activity_pdf(record, tmp_path / "shift.pdf"))
    assert "Alarmy stanowiska w okresie (2)" in text
    words = set(text.split())        # narrow table columns wrap phrases over lines
    assert {"sabotaż", "zasłonięta,", "zamknął:", "anna.nowak;", "eksport", "nieudany", "stanowisko"} <= words
    assert {"nowy", "(nieobsłużony)"} <= words


def test_shift_record_can_include_the_access_log_of_the_period(station, tmp_path, capsys):
    from videowall.access.purpose import Purpose, ViewKind

    footage = datetime(2026, 6, 30, 10, 0, tzinfo=timezone.utc)
    ticket = station.begin_view(ViewKind.PLAYBACK, 1, Purpose.of("zgłoszenie kradzieży", "RSD 77/26"),
                                footage_from=footage)
    station.end_view(ticket, footage, footage + timedelta(minutes=3))
    station.begin_view(ViewKind.LIVE, 2)
    now = datetime.now(timezone.utc).astimezone(WARSAW)
    period = ["--from", f"{now - timedelta(hours=1):%Y-%m-%dT%H:%M}", "--to", f"{now + timedelta(hours=1):%Y-%m-%dT%H:%M}"]
    assert _run_cli(*period, "--access-log", "--out", str(tmp_path / "z.pdf"), "--data-dir", str(tmp_path)) == 0
    assert "2 access session(s)" in capsys.readouterr().out
    text = _pdf_text(tmp_path / "z.pdf")
    assert "Rejestr dostępu do obrazu w okresie (2)" in text
    words = set(text.split())
    assert {"odtwarzanie", "RSD", "77/26", "zgłoszenie", "kradzieży", "Sukiennice", "podgląd", "zamknięta"} <= words
    assert {"12:00:00", "12:03:00", "CEST"} <= words          # the footage, in station time
    assert _run_cli(*period, "--out", str(tmp_path / "bez.pdf"), "--data-dir", str(tmp_path)) == 0
    assert "Rejestr dostępu" not in _pdf_text(tmp_path / "bez.pdf")
    with pytest.raises(VideowallError, match="--access-log go with --from"):
        _run_cli("--bookmark", "1", "--access-log", "--out", str(tmp_path / "x.pdf"), "--data-dir", str(tmp_path))
