"""The ``videowall`` command line: headless commands live here; ``ui.cli`` adds the GUI ones.

Each module of ``videowall.commands`` registers its sub-commands (``register(subparsers)``), each handler
set with ``set_defaults(func=handler)`` and returning an exit code. Handlers import the heavy parts
(the station, the export stack, the keyring) inside the function, so ``--help`` and light commands start fast. Errors reach the operator in one
place: ``run``, which prints a ``VideowallError``'s user message (already redacted) and exits non-zero.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Iterable, Sequence

from videowall import __version__
from videowall.commands import (activity, bookmark, camera, deployment, evidence, events, footage, onvif, recorder,
                                sim, users)
from videowall.runtime.errors import VideowallError
from videowall.runtime.redaction import install_redaction, redact

CORE_COMMANDS = (camera, sim, onvif, evidence, recorder, footage, bookmark, activity, events, deployment, users)

Registrar = Callable[[argparse._SubParsersAction], None]


def build_parser(extra: Iterable[Registrar] = ()) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="videowall", description="Video wall for CCTV monitoring rooms.")
    parser.add_argument("--version", action="version", version=f"videowall {__version__}")
    parser.add_argument("--log-level", default="WARNING", help="DEBUG, INFO, WARNING (default), ERROR")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in CORE_COMMANDS:
        command.register(subparsers)
    for registrar in extra:
        registrar(subparsers)
    return parser


def setup_logging(level: str) -> None:
    logging.basicConfig(level=getattr(logging, level.upper(), logging.WARNING),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    install_redaction()


def run(argv: Sequence[str] | None = None, extra: Iterable[Registrar] = (),
        default_command: Sequence[str] = ()) -> int:
    parser = build_parser(extra)
    args_list = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(args_list)
    if args.command is None and default_command:
        args = parser.parse_args([*args_list, *default_command])
    if args.command is None:
        parser.print_help()
        return 2
    setup_logging(args.log_level)
    try:
        return int(args.func(args) or 0)
    except VideowallError as err:
        logging.getLogger("videowall").debug("command failed: %s %s", err.kind.value, err.detail)
        print(f"videowall: {redact(err.user_message)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def main(argv: Sequence[str] | None = None) -> int:
    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
