"""SIGTERM / SIGINT close the wall from the Qt event loop, never inside the Python code they interrupt."""

from __future__ import annotations

import os
import signal

import pytest

from ui.runner import close_on_signals


@pytest.fixture
def restore_signal_handlers():
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_signal_queues_finish_for_the_event_loop(qtbot, restore_signal_handlers, signum):
    calls = []
    wake = close_on_signals(lambda: calls.append("finish"))
    try:
        # The handler runs right here, between two bytecodes of this test, as it would in mid-refresh of
        # a tile: closing the wall at this point crashed the refresh (a view pulled from under it).
        os.kill(os.getpid(), signum)
        assert calls == []
        qtbot.waitUntil(lambda: calls == ["finish"], timeout=5000)
    finally:
        wake.stop()
