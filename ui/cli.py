"""The ``videowall`` console script: the core CLI plus the GUI commands; no command → the wall."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from ui import commands
from videowall.cli import run


def main(argv: Sequence[str] | None = None) -> int:
    if list(sys.argv[1:] if argv is None else argv)[:1] == ["--selftest"]:
        from ui.selftest import run_selftest
        return run_selftest()
    return run(argv, extra=[commands.register], default_command=["gui"])


if __name__ == "__main__":
    sys.exit(main())
