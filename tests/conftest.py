"""Suite-wide set-up: headless Qt, an in-memory keyring, shared simulator fixtures, the --soak switch, and the
final checks (tests/zz_final) ordered after every other test."""

from __future__ import annotations

import logging
import os
import socket
from pathlib import Path

import pytest

from videowall.runtime.redaction import install_redaction

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["VIDEOWALL_KEYRING"] = "memory"

pytest_plugins = ["tests.fixtures.sim", "tests.fixtures.footage", "tests.fixtures.onvif", "tests.fixtures.segments",
                  "tests.fixtures.postgres", "tests.fixtures.databases", "tests.fixtures.recorder_server"]


class _SuiteLogCapture(logging.Handler):
    """Every log record of the whole run, formatted as an operator's log file would show it."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


SUITE_LOG = _SuiteLogCapture()
install_redaction()     # as the app does at start-up (videowall.cli.setup_logging)
logging.getLogger().addHandler(SUITE_LOG)
logging.getLogger().setLevel(logging.INFO)   # what an operator's log keeps; DEBUG is checked where it matters


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--soak", action="store_true", help="also run the long soak tests")


FINAL_CHECKS = Path(__file__).parent / "zz_final"


@pytest.hookimpl(trylast=True)   # after any other plugin has ordered the items
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # The final checks look at what the whole run left behind: they run after every other test, whatever
    # order the items were collected or shuffled in.
    items.sort(key=lambda item: FINAL_CHECKS in item.path.parents)
    if config.getoption("--soak"):
        return
    skip = pytest.mark.skip(reason="soak test: run with --soak")
    for item in items:
        if item.get_closest_marker("soak") is not None:   # not keywords: they hold folder names too
            item.add_marker(skip)


@pytest.fixture
def unused_tcp_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
