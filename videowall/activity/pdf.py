"""The activity record as a printable A4 PDF in Polish ("informacja" of Rozporządzenie RM 16.12.2009)."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from videowall.activity.record import ActivityEntry, ActivityRecord
from videowall.runtime.atomic import write_atomic
from videowall.reports.fonts import register_fonts
from videowall.reports.pages import numbered_canvas
from videowall.reports.text import cell_markup
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.runtime.text import brief

TITLE = "INFORMACJA"
SUBTITLE = "z czynności obserwowania i rejestrowania obrazu zdarzeń"
LEGAL_BASIS = ("sporządzona na podstawie rozporządzenia Rady Ministrów z dnia 16 grudnia 2009 r. w sprawie sposobu "
               "obserwowania i rejestrowania przy użyciu środków technicznych obrazu zdarzeń w miejscach publicznych "
               "przez straż gminną (miejską) (Dz.U. 2009 nr 220 poz. 1720)")
ENGLISH_SUBTITLE = "Record of observation and recording activities"
NO_EVENTS = "W okresie objętym informacją nie odnotowano zdarzeń."
ALARM_KINDS = {"motion": "ruch", "tamper": "sabotaż kamery", "digital_input": "wejście alarmowe",
               "video_loss": "utrata obrazu", "storage_fault": "awaria pamięci kamery",
               "stream_lost": "utrata strumienia", "stream_restored": "strumień przywrócony",
               "recording_stopped": "nagrywanie zatrzymane", "export_failed": "eksport nieudany",
               "ptz_taken_over": "przejęcie sterowania PTZ",
               "events_unavailable": "zdarzenia kamery niedostępne", "other": "inne zdarzenie"}
ALARM_STATES = {"new": "nowy (nieobsłużony)", "acknowledged": "potwierdzony", "closed": "zamknięty"}
_LABEL_WIDTH, _VALUE_WIDTH = 52 * mm, 118 * mm
FOOTER_NAME_CHARS = 60      # the footer is one line beside "strona X z Y"


class _Styles:
    def __init__(self) -> None:
        regular, bold, _mono = register_fonts()
        self.regular = regular
        self.body = ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=12.5)
        self.small = ParagraphStyle("small", parent=self.body, fontSize=8, leading=10)
        self.title = ParagraphStyle("title", parent=self.body, fontName=bold, fontSize=16, leading=20, alignment=1)
        self.subtitle = ParagraphStyle("subtitle", parent=self.body, fontName=bold, fontSize=11.5, leading=15,
                                       alignment=1)
        self.centred = ParagraphStyle("centred", parent=self.small, alignment=1, textColor=colors.dimgrey)
        self.heading = ParagraphStyle("heading", parent=self.body, fontName=bold, fontSize=10.5, leading=14,
                                      spaceBefore=8, spaceAfter=3)


def write_activity_pdf(record: ActivityRecord, path: Path | str) -> Path:
    """Write the record to ``path`` (replaced atomically: a crash never leaves half a document)."""
    target = Path(path)
    data = render_activity_pdf(record)
    try:
        write_atomic(target, data)
    except OSError as err:
        raise VideowallError(ErrorKind.STORAGE_ERROR,
                             f"Could not save the activity record as {target}: {err.strerror or err}. "
                             "Choose a folder you can write to.", detail=repr(err)) from err
    return target


def render_activity_pdf(record: ActivityRecord) -> bytes:
    styles = _Styles()
    zone = ZoneInfo(record.timezone)

    def local(moment: datetime) -> str:
        return f"{moment.astimezone(zone):%Y-%m-%d %H:%M:%S %Z}"

    def p(text: str, style: ParagraphStyle = styles.body) -> Paragraph:
        return Paragraph(cell_markup(text.strip() or "—", multiline=True), style)

    def grid(rows: list[tuple[str, str]]) -> Table:
        table = Table([[p(label), p(value)] for label, value in rows], colWidths=[_LABEL_WIDTH, _VALUE_WIDTH],
                      splitInRow=1)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("BACKGROUND", (0, 0), (0, -1), colors.whitesmoke)]))
        return table

    period = f"od {local(record.period_start_utc)} do {local(record.period_end_utc)}"
    story = [
        p(TITLE, styles.title), p(SUBTITLE, styles.subtitle), p(LEGAL_BASIS, styles.centred),
        p(ENGLISH_SUBTITLE, styles.centred), Spacer(1, 5 * mm),
        grid([("Jednostka", f"{record.organisation} {record.unit}".strip()),
              ("Stanowisko", record.station_name),
              ("Okres", f"{period}\nczas lokalny: {record.timezone}"),
              ("Operator", _operator_text(record)),
              ("Liczba zdarzeń", str(len(record.entries))),
              ("Sporządzono", local(record.generated_utc))]),
        p("Zdarzenia", styles.heading),
    ]
    if not record.entries:
        story.append(p(NO_EVENTS))
    for number, entry in enumerate(record.entries, start=1):
        heading = f"Zdarzenie {number} z {len(record.entries)} (znacznik nr {entry.bookmark_id})"
        story.append(KeepTogether([p(heading, styles.heading), grid(_entry_rows(entry, local))]))
    if record.alarms:
        story += _alarm_section(record, local, p, styles)
    story += _signatures(p, styles)

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm,
                            bottomMargin=18 * mm, title=f"{TITLE} {SUBTITLE}",
                            author=record.organisation or "videowall", subject=period, invariant=1)
    footer = " — ".join(filter(None, ("Informacja z czynności obserwowania i rejestrowania",
                                      brief(record.station_name or record.unit, FOOTER_NAME_CHARS, quote=False))))
    doc.build(story, canvasmaker=numbered_canvas(styles.regular, footer))
    return buffer.getvalue()


def _operator_text(record: ActivityRecord) -> str:
    if record.operator:
        return record.operator
    named = record.operators()
    return f"wszyscy operatorzy: {', '.join(named)}" if named else "wszyscy operatorzy"


def _entry_rows(entry: ActivityEntry, local) -> list[tuple[str, str]]:
    return [("Rozpoczęcie czynności", local(entry.start_utc)),
            ("Zakończenie czynności", local(entry.end_utc)),
            ("Operator (dokumentujący)", entry.operator),
            ("Zdarzenie", entry.event),
            ("Miejsce", entry.place),
            ("Kamery", ", ".join(entry.cameras)),
            ("Wynik", entry.result),
            ("Sygnatura sprawy", entry.case_number)]


def _alarm_section(record: ActivityRecord, local, p, styles: _Styles) -> list:
    """The station's alarms of the period and who handled them, one row each (a storm is one alarm)."""
    header = ["Czas", "Kamera", "Alarm", "Prio.", "Liczba", "Stan", "Obsługa"]
    rows = [[p(text, styles.small) for text in header]]
    for alarm in record.alarms:
        handling = "; ".join(filter(None, (alarm.acknowledged_by and f"potwierdził: {alarm.acknowledged_by}",
                                          alarm.closed_by and f"zamknął: {alarm.closed_by}",
                                          alarm.comment and f"komentarz: {alarm.comment}")))
        rows.append([p(local(alarm.first_utc), styles.small), p(alarm.camera, styles.small),
                     p(f"{ALARM_KINDS.get(alarm.kind, alarm.kind)} (nr {alarm.alarm_id})", styles.small),
                     p(str(alarm.priority), styles.small), p(str(alarm.count), styles.small),
                     p(ALARM_STATES.get(alarm.state, alarm.state), styles.small), p(handling, styles.small)])
    table = Table(rows, colWidths=[28 * mm, 26 * mm, 30 * mm, 12 * mm, 15 * mm, 28 * mm, 31 * mm], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke)]))
    return [p(f"Alarmy stanowiska w okresie ({len(record.alarms)})", styles.heading), table]


def _signatures(p, styles: _Styles) -> list:
    line = "........................................................"
    return [Spacer(1, 10 * mm), KeepTogether([
        Spacer(1, 12 * mm),
        Table([[p(line), p(line)],
               [p("Sporządził (imię, nazwisko, data, podpis)", styles.small),
                p("Sprawdził — kierownik zmiany (imię, nazwisko, data, podpis)", styles.small)]],
              colWidths=[85 * mm, 85 * mm]),
    ])]
