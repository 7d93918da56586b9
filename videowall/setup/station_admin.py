"""The administrator's part of the GUI without Qt: deployment settings, signing key, audit and package checks.

The same core functions the CLI uses (settings, ``SigningKeyStore``, ``AuditLog.verify``, ``verify_package``);
this module only shapes what they return for a dialog. Slow calls (key creation, package verification) are
the caller's to run off the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path

from videowall.config.paths import settings_path
from videowall.config.settings import Settings, save_settings
from videowall.evidence.verify import VerifyReport, manifest_sha256, verify_package
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.station import Station


@dataclass(frozen=True)
class DeploymentForm:
    station_name: str
    organisation: str
    unit: str
    deployment: str          # "straz" | "gmina" (videowall.model.retention.Deployment)
    retention_days: int
    min_free_gb: float
    warn_free_gb: float
    timezone: str
    ui_language: str | None  # None: the system's language


def deployment_form(settings: Settings) -> DeploymentForm:
    return DeploymentForm(**{f.name: getattr(settings, f.name) for f in fields(DeploymentForm)})


def save_deployment(station: Station, form: DeploymentForm) -> Settings:
    """Check the form as the settings file is checked, write it atomically, and use it in this station.

    Retention and free-space limits apply to recording from its next start."""
    values = {f.name: getattr(form, f.name) for f in fields(DeploymentForm)}
    values["station_name"], values["organisation"], values["unit"] = (
        form.station_name.strip(), form.organisation.strip(), form.unit.strip())
    try:
        updated = replace(station.settings, **values)
    except TypeError as err:
        raise VideowallError(ErrorKind.INVALID_INPUT, "A setting has a value of the wrong kind.", repr(err)) from None
    save_settings(settings_path(station.data_dir), updated)
    station.settings = updated
    return updated


@dataclass(frozen=True)
class SigningKeyFacts:
    source: str              # "station" (made here) | "imported" (CA-issued)
    hash_alg: str
    fingerprints: str        # FINGERPRINTS.txt as packages carry it (bilingual labels)


def signing_key_facts(station: Station) -> SigningKeyFacts:
    """The certificate exports are signed with (creates the station's key on first use: slow)."""
    from videowall.evidence.signing import fingerprints_text

    identity = station.signing_identity()
    return SigningKeyFacts(identity.source, identity.hash_alg, fingerprints_text(identity))


def import_signing_key(station: Station, pkcs12_file: Path, password: str | None) -> SigningKeyFacts:
    from videowall.evidence.signing import fingerprints_text

    try:
        data = Path(pkcs12_file).read_bytes()
    except OSError as err:
        raise VideowallError(ErrorKind.INVALID_INPUT, f"Cannot read {pkcs12_file}: {err.strerror or err}.") from None
    identity = station.signing_keys().import_pkcs12(data, password or None)
    return SigningKeyFacts(identity.source, identity.hash_alg, fingerprints_text(identity))


@dataclass(frozen=True)
class AuditCheck:
    entries: int
    head: str
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_audit(station: Station) -> AuditCheck:
    with station.audit() as log:
        problems = log.verify()
        seq, head = log.head()
    return AuditCheck(seq, head, tuple(problems))


@dataclass(frozen=True)
class PackageCheck:
    report: VerifyReport
    manifest_sha256: str      # "" when the package has no readable manifest

    @property
    def ok(self) -> bool:
        return self.report.ok


def check_package(folder: Path, check_framehash: bool = True) -> PackageCheck:
    """``videowall verify``: signature, files, SHA256SUMS, frame hashes, audit excerpt (reads every file)."""
    report = verify_package(folder, check_framehash=check_framehash)
    digest = ""
    if report.ok:
        digest = manifest_sha256(report.package)
    return PackageCheck(report, digest)
