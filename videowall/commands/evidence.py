"""``videowall export``, ``videowall verify``, ``videowall audit verify`` and ``videowall signing-key``.

The export command builds the same ``ExportJob`` a GUI dialog runs, on a worker thread; Ctrl-C
cancels it cleanly (audit entry "cancelled", the ``.partial`` folder stays).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from videowall.audit import AuditLog
from videowall.commands import access_log
from videowall.commands.footage import add_recorder_options
from videowall.config.paths import data_dir as resolve_data_dir
from videowall.evidence.verify import manifest_sha256, verify_package
from videowall.storage.deployment import open_station_database


def register(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser(
        "export", allow_abbrev=False, help="export signed evidence (recorded footage) to a folder or USB drive",
        description="Export recorded footage as a signed evidence package (remux only, never re-encoded).")
    export.add_argument("--camera", required=True, metavar="ID|NAME[,...]", help="camera ids or names, comma-separated")
    export.add_argument("--from", dest="start", required=True, metavar="ISO",
                        help="start, e.g. 2026-01-15T10:15:00 (station time zone) or with Z / +01:00")
    export.add_argument("--to", dest="end", required=True, metavar="ISO", help="end, same format as --from")
    export.add_argument("--exhibit", required=True, metavar="ID", help="exhibit id (ASCII), the package folder name")
    export.add_argument("--case", required=True, help="case number (sygnatura sprawy)")
    export.add_argument("--authority", required=True, help="requesting authority, e.g. Komenda Miejska Policji w …")
    export.add_argument("--reason", required=True, help="reason given in the request")
    export.add_argument("--out", required=True, metavar="DIR", help="destination folder or mounted USB drive")
    export.add_argument("--legal-basis", default="", help="legal basis of the request")
    export.add_argument("--request-ref", default="", help="reference of the written request")
    export.add_argument("--officer", default="", help="receiving officer's name")
    export.add_argument("--officer-rank", default="", help="receiving officer's rank")
    export.add_argument("--officer-badge", default="", help="receiving officer's badge number")
    export.add_argument("--incident", default="", help="incident description")
    export.add_argument("--place", default="", help="incident place")
    export.add_argument("--bookmark", action="append", type=int, default=[], help="bookmark id (repeatable)")
    export.add_argument("--operator", default="", help="operator name (default: the OS user)")
    export.add_argument("--as", dest="acting", metavar="LOGIN", default=None,
                        help="log in as this user first (needed where the deployment has users; password on "
                             "stdin or prompted)")
    export.add_argument("--organisation", default="", help="organisation exporting (e.g. Straż Miejska …)")
    export.add_argument("--unit", default="", help="unit exporting (e.g. Centrum Monitoringu)")
    export.add_argument("--part-size", type=int, default=None, metavar="BYTES",
                        help="split clips into parts below this size (FAT32 drives are split below 4 GiB anyway)")
    _data_dir_option(export)
    add_recorder_options(export)
    export.set_defaults(func=_lazy("export_command"))

    verify = subparsers.add_parser("verify", help="check an evidence package; exit 0 only if everything checks",
                                   description="Check signature, files, SHA256SUMS and frame hashes of a package.")
    verify.add_argument("package", metavar="DIR", help="the package folder (the one holding manifest.json)")
    verify.add_argument("--no-framehash", action="store_true", help="skip re-reading the packets of every clip")
    verify.set_defaults(func=_verify)

    audit = subparsers.add_parser("audit", help="the audit log")
    audit.set_defaults(func=lambda _args: _help(audit))
    audit_actions = audit.add_subparsers(dest="audit_command", metavar="ACTION")
    audit_verify = audit_actions.add_parser("verify", help="check the hash chain; names the first broken entry")
    _data_dir_option(audit_verify)
    audit_verify.set_defaults(func=_audit_verify)
    access_log.register(audit_actions)

    key = subparsers.add_parser("signing-key", help="the evidence signing key and certificate")
    key.set_defaults(func=lambda _args: _help(key))
    key_actions = key.add_subparsers(dest="key_command", metavar="ACTION")
    show = key_actions.add_parser("show", help="print the signing certificate's fingerprints (creates the key)")
    show.add_argument("--organisation", default="", help="organisation named in a newly created certificate")
    _data_dir_option(show)
    show.set_defaults(func=_lazy("signing_key_show"))
    imp = key_actions.add_parser("import", help="use a CA-issued certificate and key (PKCS#12) from now on")
    imp.add_argument("pkcs12", metavar="FILE", help="the .p12 / .pfx file")
    imp.add_argument("--password-stdin", action="store_true", help="read the PKCS#12 password from stdin")
    _data_dir_option(imp)
    imp.set_defaults(func=_lazy("signing_key_import"))


def _data_dir_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", help="data directory (default: $VIDEOWALL_DATA_DIR or the user data dir)")


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _verify(args: argparse.Namespace) -> int:
    report = verify_package(Path(args.package), check_framehash=not args.no_framehash)
    for problem in report.problems:
        print(f"FAIL {problem}")
    if not report.ok:
        print(f"videowall verify: {len(report.problems)} problem(s) in {report.package}", file=sys.stderr)
        return 1
    print(f"OK {report.package}: signature by {report.signer}; {report.checked_files} files match the manifest; "
          f"manifest.json SHA-256 {manifest_sha256(report.package)}")
    return 0


def _audit_verify(args: argparse.Namespace) -> int:
    conn = open_station_database(resolve_data_dir(args.data_dir))
    try:
        log = AuditLog(conn)
        problems = log.verify()
        seq, head = log.head()
    finally:
        conn.close()
    for problem in problems:
        print(f"FAIL audit log: {problem}")
    if problems:
        return 1
    print(f"OK audit log: {seq} entries, chain intact, head {head}")
    return 0


def _lazy(name: str):
    """A handler from ``commands.export``, imported when its command runs: the export stack (PyAV muxing,
    reportlab) costs seconds of start-up that every other ``videowall`` command would pay."""
    def run(args: argparse.Namespace) -> int:
        from videowall.commands import export
        return getattr(export, name)(args)
    return run
