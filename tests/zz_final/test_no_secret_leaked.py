"""After every other test of the run (the suite's conftest orders this directory last, whatever the
collection order): no password the run handled appears in any log record or in any file the tests left
under their data directories. The checks read run-wide sources (every log record of the run, the run's
temporary root), so they see the whole run wherever they were collected."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from tests.conftest import SUITE_LOG
from videowall.runtime.redaction import registered_secrets

# Files a real secret store writes (encrypted) in tests that run gnome-keyring: not our data.
SECRET_STORE_PARTS = {"keyrings"}
MAX_SCANNED_BYTES = 64 * 1024 * 1024
MIN_SECRET_LEN = 6


def leaked_in_lines(secrets: Iterable[str], lines: Iterable[str]) -> list[str]:
    text = "\n".join(lines)
    return sorted(s for s in secrets if s in text)


def files_containing(secrets: Iterable[str], root: Path) -> list[str]:
    """Files under ``root`` (relative paths) holding any of ``secrets``, secret stores and huge files aside."""
    needles = [s.encode() for s in secrets]
    found = set()
    for path in root.rglob("*"):
        if not path.is_file() or path.is_symlink() or SECRET_STORE_PARTS & set(path.parts):
            continue
        if path.stat().st_size > MAX_SCANNED_BYTES:
            continue
        data = path.read_bytes()
        if any(needle in data for needle in needles):
            found.add(str(path.relative_to(root)))
    return sorted(found)


def _secrets() -> list[str]:
    secrets = [s for s in registered_secrets() if len(s) >= MIN_SECRET_LEN]
    if not secrets:
        pytest.skip("no password was handled in this run (selected tests use none)")
    return secrets


def test_the_checks_find_a_planted_password(tmp_path):
    planted = "Planted-pw-4711"
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "notes.log").write_text(f"connecting with {planted}\n")
    (tmp_path / "data" / "clean.txt").write_text("nothing here\n")
    assert leaked_in_lines([planted, "other-secret"], ["INFO a: fine", f"WARNING b: rtsp://u:{planted}@cam"]) == [
        planted]
    assert files_containing([planted], tmp_path) == [str(Path("data") / "notes.log")]


def test_no_password_in_any_log_record_of_the_run():
    leaked = leaked_in_lines(_secrets(), SUITE_LOG.lines)
    assert not leaked, f"{len(leaked)} password(s) appear in the run's log records"


def test_no_password_in_files_under_test_data_dirs(tmp_path_factory):
    leaks = files_containing(_secrets(), Path(tmp_path_factory.getbasetemp()))
    assert not leaks, f"passwords found in: {leaks[:10]}"
