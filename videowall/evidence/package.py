"""Writes the small files of a package into its ``.partial`` folder and remembers their hashes.

Video clips and framehash lists are hashed from disk by the job; everything written here is hashed
from the bytes in memory as it is written.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from videowall.audit import AuditEntry
from videowall.evidence.fileio import sha256sums_text, write_file
from videowall.evidence.manifest import SIGNATURE, SUMS, FileRecord
from videowall.evidence.signing import SigningIdentity, cert_pem, fingerprints_text
from videowall.evidence.texts import README_NAMES, VERIFY_NAMES, readme_text, verify_text

SIGNER_CERT = "certs/signer.crt"
CA_CERT = "certs/ca.crt"
FINGERPRINTS = "certs/FINGERPRINTS.txt"
AUDIT_EXCERPT = "report/audit_excerpt.jsonl"


@dataclass
class PackageFiles:
    root: Path
    hashes: dict[str, str] = field(default_factory=dict)       # every file written so far: path → sha256
    other: dict[str, tuple[FileRecord, str]] = field(default_factory=dict)   # manifest "other_files"

    def add(self, relative: str, data: bytes, purpose: str | None = None) -> FileRecord:
        write_file(self.root / relative, data)
        record = FileRecord(relative, len(data), hashlib.sha256(data).hexdigest())
        self.hashes[relative] = record.sha256
        if purpose is not None:
            self.other[relative] = (record, purpose)
        return record

    def note(self, record: FileRecord) -> None:
        """A file written by someone else (clips, framehash lists) with its hash."""
        self.hashes[record.path] = record.sha256

    def write_certs(self, identity: SigningIdentity) -> None:
        self.add(SIGNER_CERT, cert_pem(identity.certificate), "signer certificate (PEM)")
        if identity.chain:
            self.add(CA_CERT, b"".join(cert_pem(c) for c in identity.chain),
                     "issuing CA certificate chain (PEM), nearest issuer first")
        text = fingerprints_text(identity)
        self.add(FINGERPRINTS, ("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8"),
                 "certificate fingerprints: SHA-256 and SHA-1 thumbprint")

    def write_texts(self, exhibit: str, case: str, authority: str, created: str, tz: str, version: str,
                    video_files: list[str], has_ca: bool) -> None:
        readme = readme_text(exhibit, case, authority, created, tz, version)
        verify = verify_text(exhibit, video_files, has_ca)
        for name in README_NAMES:
            self.add(name, readme, "what this package is (Polish, then English)")
        for name in VERIFY_NAMES:
            self.add(name, verify, "how to verify the package (Polish, then English)")

    def write_audit_excerpt(self, entries: list[AuditEntry]) -> None:
        data = "".join(entry.to_json_line() for entry in entries).encode("utf-8")
        self.add(AUDIT_EXCERPT, data, "audit-log entries of this export with their chain hashes")

    def write_signature(self, signature: bytes) -> None:
        self.add(SIGNATURE, signature)

    def write_sums(self) -> bytes:
        """SHA256SUMS over every file written so far (everything but itself)."""
        data = sha256sums_text(self.hashes.items()).encode("ascii")
        self.add(SUMS, data)
        return data

