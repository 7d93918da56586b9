"""Camera names made to hurt (10 kB, control characters, NUL, bidirectional marks, markup) in the documents that
carry them: the activity record and handover protocol PDFs (read back with pdftotext), the evidence manifest
(read back by the verifier's parser) and the clip file names. Each finishes, and each name reads as stored."""

from __future__ import annotations

import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pytest

from tests.fixtures.hostile import finishes
from videowall.activity.pdf import write_activity_pdf
from videowall.activity.record import ActivityEntry, ActivityRecord
from videowall.evidence.manifest import SCHEMA, manifest_bytes
from videowall.evidence.manifest_read import parse_manifest
from videowall.evidence.protocol_pdf import ProtocolCamera, ProtocolData, write_protocol
from videowall.evidence.request import clip_stem

AT = datetime(2026, 6, 30, 15, 0, tzinfo=timezone.utc)
HOSTILE = {
    "10 kB without a space": "Ż" * 10_000,
    "10 kB of words": "Rynek Główny " * 800,
    "control characters": "Kamera\x01\x1b[31m\x7f\x9f 7",
    "NUL": "Wejście\x00główne",
    "right-to-left override": "\u202eWejście 1\u202c",
    "markup": "<script>alert('x')</script> & <b>para</b>",
}
SHOWN = {   # what a reader sees in the PDF's text for each name (a fragment of it)
    "10 kB without a space": "ŻŻŻŻŻŻŻŻŻŻ",
    "10 kB of words": "Rynek Główny Rynek Główny",
    "control characters": "Kamera\\u0001\\u001b[31m\\u007f\\u009f 7",
    "NUL": "Wejście\\u0000główne",
    "right-to-left override": "\\u202eWejście 1\\u202c",
    "markup": "<script>alert('x')</script> & <b>para</b>",
}


def _pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)   # by column
    return done.stdout


def _unspaced(text: str) -> str:
    """Without any white space: narrow table columns wrap a name wherever they must."""
    return "".join(text.split())


@pytest.mark.parametrize("kind", HOSTILE)
def test_the_activity_record_prints_any_camera_name_as_it_is_stored(kind, tmp_path):
    name = HOSTILE[kind]
    entry = ActivityEntry(start_utc=AT, end_utc=AT, operator="jan.kowalski", event=f"kradzież — {name}",
                          place=name, result="", cameras=(name, "Floriańska 12"), case_number="", bookmark_id=1)
    record = ActivityRecord(organisation="Straż Miejska", unit="", station_name=name, period_start_utc=AT,
                            period_end_utc=AT, operator=None, entries=(entry,), generated_utc=AT,
                            timezone="Europe/Warsaw")
    text = _pdf_text(finishes(lambda: write_activity_pdf(record, tmp_path / "informacja.pdf"), timeout_s=120))
    assert _unspaced(SHOWN[kind]) in _unspaced(text) and "Floriańska 12" in text
    assert "\x00" not in text and "\u202e" not in text


@pytest.mark.parametrize("kind", HOSTILE)
def test_the_handover_protocol_prints_any_camera_name_as_it_is_stored(kind, tmp_path):
    name = HOSTILE[kind]
    data = ProtocolData(exhibit_id="SM-1", package_id="p", created_utc=AT, timezone="Europe/Warsaw",
                        organisation="Straż Miejska", unit="", operator="jan.kowalski", authority="Policja",
                        case_number="RSD-1", request_ref="", officer="", legal_basis="", reason="",
                        manifest_sha256="0" * 64, signer_subject="", signer_sha256="0" * 64, signer_sha1="0" * 40,
                        medium="USB", cameras=(ProtocolCamera(f"CAM001 {name}", AT, AT, 0),),
                        files=((f"clips/{clip_stem(1, name, AT, AT)}.mp4", 1, "0" * 64),))
    target = tmp_path / "protokol.pdf"
    finishes(lambda: write_protocol(target, data), timeout_s=120)
    text = _pdf_text(target)
    assert _unspaced(SHOWN[kind]) in _unspaced(text) and "RSD-1" in text
    assert "\x00" not in text and "\u202e" not in text


@pytest.mark.parametrize("kind", HOSTILE)
def test_the_manifest_carries_any_camera_name_and_the_clip_file_name_stays_plain(kind):
    name = HOSTILE[kind]
    manifest = {"schema": SCHEMA, "items": [{"camera": {"id": 1, "name": name, "location": name}, "files": []}],
                "other_files": [], "working_copies": []}
    data = manifest_bytes(manifest)
    assert b"\x00" not in data                   # JSON escapes it: the file stays text
    assert parse_manifest(data)["items"][0]["camera"]["name"] == name
    stem = clip_stem(1, name, AT, AT)
    assert stem.isascii() and len(stem) <= 100 and not set(stem) & set("/\\:<>*?\"|\x00 ")
