"""``videowall verify DIR``: everything a recipient can check, one line per problem.

Checks the signature over manifest.json, that it names the certificate in certs/, every listed file
(missing, changed), files that are not listed (added), SHA256SUMS, the framehash list of every
clip against its packets, and the audit excerpt's chain hashes against the manifest's anchor.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509

from videowall.audit.entry import entry_hash
from videowall.evidence.av_io import AV_ERRORS, framehash_body, write_framehash
from videowall.evidence.cms_verify import CmsError, verify_detached
from videowall.evidence.fileio import sha256_file
from videowall.evidence.manifest import MANIFEST, SIGNATURE, SUMS, UNLISTED_FILES
from videowall.evidence.manifest_read import (MAX_AUDIT_EXCERPT_BYTES, MAX_MANIFEST_BYTES, MAX_SIGNATURE_BYTES,
                                              MAX_SUMS_BYTES, PackageFileError, listed_paths, parse_manifest,
                                              parse_sums, read_capped, scan_tree)
from videowall.evidence.package import AUDIT_EXCERPT, SIGNER_CERT
from videowall.evidence.plan import PARTIAL_SUFFIX
from videowall.evidence.signing import cert_sha256
from videowall.runtime.text import brief, escaped


@dataclass
class VerifyReport:
    package: Path
    problems: list[str] = field(default_factory=list)
    checked_files: int = 0
    signer: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_package(path: Path | str, check_framehash: bool = True) -> VerifyReport:
    """Runs on the calling thread; reads every file once (and every clip once more for framehash)."""
    root = Path(path)
    report = VerifyReport(root)
    if not root.is_dir():
        report.problems.append(f"{root}: not a folder")
        return report
    if root.name.endswith(PARTIAL_SUFFIX):
        report.problems.append(f"{root.name}: an unfinished export (.partial): it was never completed")
    manifest = _check_signed_manifest(root, report)
    try:
        tree = scan_tree(root)
    except OSError as err:
        report.problems.append(f"{root}: its files cannot be listed ({err.strerror or err})")
        return report
    for relative, why in sorted(tree.refused.items()):
        report.problems.append(f"{escaped(relative)}: {why}")
    present = tree.files
    listed = listed_paths(manifest) if manifest else {}
    changed = _check_listed(root, listed, present, set(tree.refused), report)
    _check_extra(present, listed, manifest is not None, report)
    _check_sums(root, present, listed, changed, report)
    if manifest and check_framehash:
        _check_framehashes(root, manifest, present, changed, report)
    if manifest:
        _check_audit_excerpt(root, manifest, present, report)
    return report


def _check_signed_manifest(root: Path, report: VerifyReport) -> dict | None:
    try:
        data = read_capped(_plain_file(root / MANIFEST), MAX_MANIFEST_BYTES)
    except OSError:
        report.problems.append(f"{MANIFEST}: missing")
        return None
    except PackageFileError as err:
        report.problems.append(f"{MANIFEST}: unreadable ({err})")
        return None
    try:
        verdict = verify_detached(read_capped(_plain_file(root / SIGNATURE), MAX_SIGNATURE_BYTES), data)
    except OSError:
        report.problems.append(f"{SIGNATURE}: missing, the manifest is not signed")
        verdict = None
    except (CmsError, PackageFileError) as err:
        report.problems.append(f"{SIGNATURE}: signature check failed: {err}")
        verdict = None
    try:
        manifest = parse_manifest(data)
    except PackageFileError as err:
        report.problems.append(f"{MANIFEST}: unreadable ({err})")
        return None
    if verdict is not None:
        report.signer = escaped(verdict.signer.subject.rfc4514_string())
        expected = manifest.get("signing", {}).get("signer_cert_sha256")
        if cert_sha256(verdict.signer) != expected:
            report.problems.append(f"{SIGNATURE}: signed by a certificate other than the one the manifest names")
        try:
            shipped = x509.load_pem_x509_certificate(read_capped(_plain_file(root / SIGNER_CERT),
                                                                 MAX_SIGNATURE_BYTES))
            if cert_sha256(shipped) != expected:
                report.problems.append(f"{SIGNER_CERT}: not the certificate the manifest names")
        except (OSError, ValueError):
            pass  # reported as missing, changed or refused by the file checks
    return manifest


def _check_listed(root: Path, listed: dict[str, dict], present: set[str], refused: set[str],
                  report: VerifyReport) -> set[str]:
    changed = set(refused)
    for relative, entry in sorted(listed.items()):
        if relative in refused:
            continue
        if relative not in present:
            report.problems.append(f"{relative}: missing (listed in the manifest)")
            changed.add(relative)
            continue
        report.checked_files += 1
        size = (root / relative).stat().st_size
        if size != entry.get("bytes") or sha256_file(root / relative) != entry.get("sha256"):
            report.problems.append(f"{relative}: changed (size or SHA-256 differs from the manifest)")
            changed.add(relative)
    return changed


def _check_extra(present: set[str], listed: dict[str, dict], have_manifest: bool, report: VerifyReport) -> None:
    if not have_manifest:
        return
    for relative in sorted(present - set(listed) - set(UNLISTED_FILES)):
        report.problems.append(f"{escaped(relative)}: extra file, not in the manifest")


def _check_sums(root: Path, present: set[str], listed: dict[str, dict], changed: set[str],
                report: VerifyReport) -> None:
    if SUMS not in present:
        if SUMS not in changed:   # a refused SHA256SUMS is reported already
            report.problems.append(f"{SUMS}: missing")
        return
    try:
        sums = parse_sums(read_capped(root / SUMS, MAX_SUMS_BYTES).decode("ascii"))
    except UnicodeDecodeError as err:
        report.problems.append(f"{SUMS}: unreadable (not ASCII text at byte {err.start})")
        return
    except (OSError, PackageFileError) as err:
        report.problems.append(f"{SUMS}: unreadable ({err})")
        return
    for relative, digest in sorted(sums.items()):
        if relative in changed:
            continue  # already reported once
        if relative not in present:
            report.problems.append(f"{relative}: missing (listed in {SUMS})")
        elif relative in listed:
            if listed[relative].get("sha256") != digest:
                report.problems.append(f"{SUMS}: its line for {relative} disagrees with the manifest")
        elif sha256_file(root / relative) != digest:
            report.problems.append(f"{relative}: changed (SHA-256 differs from {SUMS})")
    for relative in sorted(present - set(sums) - {SUMS} - changed):
        if relative in listed or relative in UNLISTED_FILES:
            report.problems.append(f"{relative}: not listed in {SUMS}")


def _check_framehashes(root: Path, manifest: dict, present: set[str], changed: set[str],
                       report: VerifyReport) -> None:
    for item in manifest.get("items", []):
        for entry in item.get("files", []):
            clip, listing = entry["path"], entry["framehash"]["path"]
            if clip not in present or listing in changed:
                continue  # reported already; a missing or refused clip is never opened
            computed = io.BytesIO()
            try:
                write_framehash(root / clip, computed)
                theirs = framehash_body((root / listing).read_text(encoding="utf-8"))
            except (*AV_ERRORS, IndexError, UnicodeDecodeError) as err:   # IndexError: no video stream
                report.problems.append(f"{clip}: its packets cannot be read ({type(err).__name__})")
                continue
            mine = framehash_body(computed.getvalue().decode("utf-8"))
            if mine != theirs:
                line = next((n for n, (a, b) in enumerate(zip(mine, theirs), 1) if a != b), min(len(mine), len(theirs)) + 1)
                report.problems.append(f"{clip}: its frames do not match {listing} (first difference at line {line})")


def _check_audit_excerpt(root: Path, manifest: dict, present: set[str], report: VerifyReport) -> None:
    if AUDIT_EXCERPT not in present:
        return  # reported as missing by the file checks
    anchor = manifest.get("audit_anchor", {})
    try:
        text = read_capped(root / AUDIT_EXCERPT, MAX_AUDIT_EXCERPT_BYTES).decode("utf-8")
    except (OSError, PackageFileError, UnicodeDecodeError) as err:
        report.problems.append(f"{AUDIT_EXCERPT}: unreadable ({err})")
        return
    found = False
    for number, line in enumerate(text.splitlines(), 1):
        try:
            entry = json.loads(line)
            recomputed = entry_hash(entry["seq"], entry["recorded_utc"], entry["actor"], entry["action"],
                                    entry["details"], entry["prev_hash"])
            stated = entry["entry_hash"]
        except (ValueError, KeyError, TypeError, RecursionError):
            report.problems.append(f"{AUDIT_EXCERPT}: line {number} is unreadable")
            continue
        if recomputed != stated:
            report.problems.append(f"{AUDIT_EXCERPT}: entry {brief(entry['seq'])} does not match its hash")
        found |= entry["seq"] == anchor.get("seq") and entry["entry_hash"] == anchor.get("entry_hash")
    if not found:
        report.problems.append(f"{AUDIT_EXCERPT}: does not contain the audit anchor named in the manifest")


def _plain_file(path: Path) -> Path:
    """``path`` unless it is a link or not a regular file (OSError then: the tree scan says why)."""
    if not path.is_file() or path.is_symlink():
        raise FileNotFoundError(path)
    return path


def manifest_sha256(root: Path) -> str:
    return hashlib.sha256((root / MANIFEST).read_bytes()).hexdigest()
