"""report/protokol_przekazania.pdf: the handover protocol (Polish) to print in two copies and sign.

The ``reportlab`` adapter; the fonts with Polish letters come from ``videowall.reports.fonts``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from videowall.reports.fonts import register_fonts
from videowall.reports.text import cell_markup
from videowall.runtime.text import brief


@dataclass(frozen=True)
class ProtocolCamera:
    label: str                  # "CAM001 Rynek Główny (ul. Floriańska)"
    first_frame_utc: datetime
    last_frame_utc: datetime
    gaps: int


@dataclass(frozen=True)
class ProtocolData:
    exhibit_id: str
    package_id: str
    created_utc: datetime
    timezone: str
    organisation: str
    unit: str
    operator: str
    authority: str
    case_number: str
    request_ref: str
    officer: str
    legal_basis: str
    reason: str
    manifest_sha256: str
    signer_subject: str
    signer_sha256: str
    signer_sha1: str
    medium: str
    cameras: tuple[ProtocolCamera, ...] = ()
    files: tuple[tuple[str, int, str], ...] = field(default_factory=tuple)   # (path, bytes, sha256)


def write_protocol(path: Path, data: ProtocolData) -> None:
    regular, bold, mono = register_fonts()
    zone = ZoneInfo(data.timezone)
    body = ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=12.5)
    small = ParagraphStyle("small", parent=body, fontSize=8, leading=10)
    code = ParagraphStyle("code", parent=body, fontName=mono, fontSize=7.2, leading=9)
    head = ParagraphStyle("head", parent=body, fontName=bold, fontSize=14, leading=18, spaceAfter=4)
    sub = ParagraphStyle("sub", parent=body, fontName=bold, fontSize=10.5, leading=14, spaceBefore=8, spaceAfter=3)

    def local(moment: datetime) -> str:
        return f"{moment.astimezone(zone):%Y-%m-%d %H:%M:%S} ({data.timezone})"

    def p(text: str, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(cell_markup(text or "—"), style)

    def grid(rows: list[list], widths: list[float]) -> Table:
        table = Table(rows, colWidths=widths, repeatRows=0, splitInRow=1)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("BACKGROUND", (0, 0), (0, -1), colors.whitesmoke)]))
        return table

    story = [
        p("PROTOKÓŁ PRZEKAZANIA NAGRAŃ Z MONITORINGU WIZYJNEGO", head),
        p(f"Materiał dowodowy nr {data.exhibit_id} · sporządzono {local(data.created_utc)} "
          f"· {data.created_utc:%Y-%m-%d %H:%M:%S} UTC"),
        p("Przekazujący", sub),
        grid([[p("Jednostka"), p(f"{data.organisation} {data.unit}".strip())],
              [p("Operator"), p(data.operator)]], [45 * mm, 125 * mm]),
        p("Przyjmujący / zlecenie", sub),
        grid([[p("Organ"), p(data.authority)], [p("Sygnatura sprawy"), p(data.case_number)],
              [p("Pismo (zlecenie)"), p(data.request_ref)], [p("Funkcjonariusz"), p(data.officer)],
              [p("Podstawa prawna"), p(data.legal_basis)], [p("Cel / powód"), p(data.reason)]],
             [45 * mm, 125 * mm]),
        p("Zakres nagrań", sub),
        grid([[p("Kamera"), p("Pierwsza klatka"), p("Ostatnia klatka"), p("Przerwy")]]
             + [[p(c.label), p(local(c.first_frame_utc)), p(local(c.last_frame_utc)), p(str(c.gaps))]
                for c in data.cameras], [62 * mm, 45 * mm, 45 * mm, 18 * mm]),
        p("Nośnik i integralność", sub),
        grid([[p("Nośnik"), p(data.medium)], [p("Identyfikator pakietu"), p(data.package_id, code)],
              [p("SHA-256 pliku manifest.json"), p(data.manifest_sha256, code)],
              [p("Certyfikat podpisującego"), p(data.signer_subject, small)],
              [p("Odcisk SHA-256 certyfikatu"), p(data.signer_sha256, code)],
              [p("Odcisk SHA-1 (Windows)"), p(data.signer_sha1, code)]], [45 * mm, 125 * mm]),
        p("Sprawdzenie: certutil -hashfile manifest.json SHA256 (Windows) lub sha256sum manifest.json "
          "musi dać wartość SHA-256 podaną wyżej; szczegóły w pliku WERYFIKACJA.txt na nośniku.", small),
        p("Pliki nagrań", sub),
        grid([[p("Plik"), p("Bajty"), p("SHA-256")]]
             + [[p(name, small), p(f"{size:,}".replace(",", " "), small), p(digest, code)]
                for name, size, digest in data.files], [70 * mm, 22 * mm, 78 * mm]),
        Spacer(1, 8 * mm),
        KeepTogether([
            p("Protokół sporządzono w dwóch jednobrzmiących egzemplarzach, po jednym dla każdej ze stron.", small),
            Spacer(1, 12 * mm),
            Table([[p("........................................................"),
                    p("........................................................")],
                   [p("Przekazujący (imię, nazwisko, data, podpis)", small),
                    p("Przyjmujący (imię, nazwisko, stopień, nr służbowy, data, podpis)", small)]],
                  colWidths=[85 * mm, 85 * mm]),
        ]),
    ]
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm,
                            bottomMargin=18 * mm, title=f"Protokół przekazania {data.exhibit_id}",
                            author=data.organisation or "videowall", subject=data.case_number,
                            invariant=1)
    def footer(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont(regular, 7.5)
        canvas.drawString(20 * mm, 10 * mm, f"Protokół przekazania — materiał dowodowy {brief(data.exhibit_id, 40, quote=False)} — "
                                            f"SHA-256 manifest.json: {data.manifest_sha256[:16]}…")
        canvas.drawRightString(190 * mm, 10 * mm, f"strona {document.page}")
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
