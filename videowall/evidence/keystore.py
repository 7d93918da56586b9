"""Where the station's evidence signing key lives: encrypted PKCS#8 files, passphrase in the keyring.

``<data dir>/signing/station.key.pem`` + ``station.crt.pem`` are created on first use (RSA-3072,
self-signed). A city CA's PKCS#12 can be imported (``imported.*``); when present it is used instead.
Key files are PEM PKCS#8 encrypted with a random passphrase kept in the keyring under
``evidence-signing:<slot>:<key id>`` (the id is in ``<slot>.keyid``). Runs on whichever thread calls it (disk and keyring I/O, key generation).
"""

from __future__ import annotations

import secrets as pysecrets
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12

from videowall.runtime.atomic import move_aside, write_atomic
from videowall.evidence.secret_names import NamedSecrets
from videowall.evidence.signing import SigningIdentity, cert_pem, check_key_matches, self_signed_identity
from videowall.runtime.clock import SYSTEM_CLOCK, Clock
from videowall.runtime.errors import ErrorKind, VideowallError

SIGNING_DIR = "signing"
STATION, IMPORTED = "station", "imported"


class SigningKeyStore:
    def __init__(self, data_dir: Path, secrets: NamedSecrets, clock: Clock = SYSTEM_CLOCK) -> None:
        self._dir = Path(data_dir) / SIGNING_DIR
        self._secrets = secrets
        self._clock = clock

    def identity(self, organisation: str = "", station: str = "", key_type: str = "rsa-3072") -> SigningIdentity:
        """The imported identity if there is one, else the station's own (created on first use)."""
        if self._paths(IMPORTED)[0].exists():
            return self._load(IMPORTED)
        key_path = self._paths(STATION)[0]
        if key_path.exists():
            name = self._secret_name(STATION)
            if (name is not None and self._secrets.get(name) is not None) or self._secrets.persistent:
                return self._load(STATION)
            # A throw-away in-memory keyring forgot the passphrase: the old key is unusable, keep it aside.
            for path in (*self._paths(STATION), self._dir / f"{STATION}.keyid"):
                if path.exists():
                    move_aside(path, self._clock.now_utc(), label="orphaned")
        created = self_signed_identity(organisation, station or "videowall", self._clock.now_utc(), key_type)
        self._save(STATION, created)
        return created

    def import_pkcs12(self, data: bytes, password: str | None) -> SigningIdentity:
        """Use a CA-issued key and certificate (PKCS#12) from now on; returns the loaded identity."""
        try:
            key, cert, extra = pkcs12.load_key_and_certificates(data, password.encode() if password else None)
        except ValueError as err:
            raise VideowallError(ErrorKind.INVALID_INPUT,
                                 "The PKCS#12 file could not be opened: wrong password or not a PKCS#12 file.",
                                 detail=repr(err)) from None
        if key is None or cert is None:
            raise VideowallError(ErrorKind.INVALID_INPUT, "The PKCS#12 file must hold a private key and its certificate.")
        check_key_matches(key, cert)
        identity = SigningIdentity(key, cert, tuple(_issuer_order(cert, list(extra or ()))), IMPORTED)
        self._save(IMPORTED, identity)
        return identity

    def _paths(self, slot: str) -> tuple[Path, Path, Path]:
        return (self._dir / f"{slot}.key.pem", self._dir / f"{slot}.crt.pem", self._dir / f"{slot}.chain.pem")

    def _secret_name(self, slot: str) -> str | None:
        """Keyring entry of the slot's passphrase; a random id per key keeps two data dirs apart."""
        try:
            key_id = (self._dir / f"{slot}.keyid").read_text(encoding="ascii").strip()
        except OSError:
            return None
        return f"evidence-signing:{slot}:{key_id}"

    def _save(self, slot: str, identity: SigningIdentity) -> None:
        passphrase = pysecrets.token_urlsafe(32)
        self._dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomic(self._dir / f"{slot}.keyid", pysecrets.token_hex(8).encode("ascii"))
        self._secrets.set(self._secret_name(slot), passphrase)
        key_pem = identity.key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                             serialization.BestAvailableEncryption(passphrase.encode()))
        key_path, cert_path, chain_path = self._paths(slot)
        write_atomic(cert_path, cert_pem(identity.certificate))
        if identity.chain:
            write_atomic(chain_path, b"".join(cert_pem(c) for c in identity.chain))
        write_atomic(key_path, key_pem)  # last: its presence means the slot is complete

    def _load(self, slot: str) -> SigningIdentity:
        key_path, cert_path, chain_path = self._paths(slot)
        name = self._secret_name(slot)
        passphrase = self._secrets.get(name) if name else None
        if passphrase is None:
            raise VideowallError(ErrorKind.NO_KEYRING,
                                 f"The passphrase of the evidence signing key ({key_path}) is not in the OS keyring. "
                                 "Import the signing certificate again (PKCS#12), or move the signing folder away "
                                 "to create a new station key.")
        try:
            key = serialization.load_pem_private_key(key_path.read_bytes(), passphrase.encode())
            cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
            chain = tuple(x509.load_pem_x509_certificates(chain_path.read_bytes())) if chain_path.exists() else ()
        except (OSError, ValueError) as err:
            raise VideowallError(ErrorKind.STORAGE_CORRUPT,
                                 f"The evidence signing key in {self._dir} cannot be read ({type(err).__name__}).",
                                 detail=repr(err)) from None
        check_key_matches(key, cert)
        return SigningIdentity(key, cert, chain, slot)


def _issuer_order(leaf: x509.Certificate, pool: list[x509.Certificate]) -> list[x509.Certificate]:
    """The chain from the leaf's issuer upwards, then whatever else the file held."""
    ordered, current = [], leaf
    while True:
        issuer = next((c for c in pool if c.subject == current.issuer and c not in ordered and c != current), None)
        if issuer is None:
            break
        ordered.append(issuer)
        current = issuer
    return ordered + [c for c in pool if c not in ordered]
