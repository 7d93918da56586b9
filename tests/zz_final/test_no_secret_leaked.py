"""Runs last (directory name): after the whole run, no password the suite handled appears in any log
record or in any file the tests left under their data directories."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SUITE_LOG
from videowall.runtime.redaction import registered_secrets

# Files a real secret store writes (encrypted) in tests that run gnome-keyring: not our data.
SECRET_STORE_PARTS = {"keyrings"}
MAX_SCANNED_BYTES = 64 * 1024 * 1024


def _secrets() -> list[bytes]:
    secrets = [s.encode() for s in registered_secrets() if len(s) >= 6]
    if not secrets:
        pytest.skip("no password was handled in this run (selected tests use none)")
    return secrets


def test_no_password_in_any_log_record_of_the_run():
    secrets = _secrets()
    text = "\n".join(SUITE_LOG.lines)
    leaked = [s.decode() for s in secrets if s.decode() in text]
    assert not leaked, f"{len(leaked)} password(s) appear in the run's log records"


def test_no_password_in_files_under_test_data_dirs(tmp_path_factory):
    secrets = _secrets()
    root = Path(tmp_path_factory.getbasetemp())
    leaks = []
    for path in root.rglob("*"):
        if not path.is_file() or path.is_symlink() or SECRET_STORE_PARTS & set(path.parts):
            continue
        if path.stat().st_size > MAX_SCANNED_BYTES:
            continue
        data = path.read_bytes()
        leaks += [str(path.relative_to(root)) for s in secrets if s in data]
    assert not leaks, f"passwords found in: {sorted(set(leaks))[:10]}"
