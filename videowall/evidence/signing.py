"""Signing identities and detached CMS signatures over the manifest (the ``cryptography`` adapter).

Default: RSA-3072, PKCS#1 v1.5 with SHA-256; ECDSA P-256 optional. The signature is DER,
detached, binary (the manifest's exact bytes are signed, no line-ending conversion), and carries
the signer certificate and its chain, so ``openssl cms -verify`` needs nothing else.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import pkcs7
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from videowall.runtime.errors import ErrorKind, VideowallError

KEY_TYPES = ("rsa-3072", "ecdsa-p256")
CERT_VALIDITY = timedelta(days=3650)
SIGNATURE_FORMAT = "CMS detached, DER (RFC 5652)"

PrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey


@dataclass(frozen=True)
class SigningIdentity:
    key: PrivateKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...] = field(default_factory=tuple)   # issuers, nearest first
    source: str = "station"                                              # "station" | "imported"

    @property
    def hash_alg(self) -> str:
        if isinstance(self.key, rsa.RSAPrivateKey):
            return f"RSA-{self.key.key_size} PKCS#1 v1.5 SHA-256"
        return f"ECDSA {self.key.curve.name} SHA-256"


def generate_key(key_type: str = "rsa-3072") -> PrivateKey:
    if key_type == "rsa-3072":
        return rsa.generate_private_key(public_exponent=65537, key_size=3072)
    if key_type == "ecdsa-p256":
        return ec.generate_private_key(ec.SECP256R1())
    raise VideowallError(ErrorKind.INVALID_INPUT, f"Unknown signing key type {key_type!r}; use one of {KEY_TYPES}.")


def self_signed_identity(organisation: str, station: str, now_utc: datetime,
                         key_type: str = "rsa-3072") -> SigningIdentity:
    """A new key and a self-signed certificate naming the organisation and the station."""
    key = generate_key(key_type)
    name = x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, f"videowall evidence signing - {station}"[:64]),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, (organisation or "videowall")[:64]),
    ])
    public = key.public_key()
    cert = (x509.CertificateBuilder()
            .subject_name(name).issuer_name(name).public_key(public)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now_utc - timedelta(minutes=5)).not_valid_after(now_utc + CERT_VALIDITY)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
            .sign(key, hashes.SHA256()))
    return SigningIdentity(key, cert, (), "station")


def sign_detached(data: bytes, identity: SigningIdentity) -> bytes:
    """The detached CMS signature (DER) over ``data``."""
    builder = pkcs7.PKCS7SignatureBuilder().set_data(data)
    if isinstance(identity.key, rsa.RSAPrivateKey):
        builder = builder.add_signer(identity.certificate, identity.key, hashes.SHA256(),
                                     rsa_padding=padding.PKCS1v15())
    else:
        builder = builder.add_signer(identity.certificate, identity.key, hashes.SHA256())
    for cert in identity.chain:
        builder = builder.add_certificate(cert)
    return builder.sign(serialization.Encoding.DER,
                        [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary])


def check_key_matches(key: PrivateKey, cert: x509.Certificate) -> None:
    if not isinstance(key, (rsa.RSAPrivateKey, ec.EllipticCurvePrivateKey)):
        raise VideowallError(ErrorKind.INVALID_INPUT, "The signing key must be RSA or ECDSA.")
    if isinstance(key, rsa.RSAPrivateKey) and key.key_size < 2048:
        raise VideowallError(ErrorKind.INVALID_INPUT, f"The RSA signing key is too short ({key.key_size} bits).")
    spki = serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    if key.public_key().public_bytes(*spki) != cert.public_key().public_bytes(*spki):
        raise VideowallError(ErrorKind.INVALID_INPUT, "The certificate does not belong to the signing key.")


def cert_pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def cert_sha256(cert: x509.Certificate) -> str:
    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()


def fingerprints_text(identity: SigningIdentity) -> str:
    """FINGERPRINTS.txt: SHA-256 and SHA-1 (Windows' "thumbprint") of every certificate."""
    lines = []
    for label, cert in [("signer.crt", identity.certificate),
                        *[(f"ca.crt #{n}", c) for n, c in enumerate(identity.chain, start=1)]]:
        der = cert.public_bytes(serialization.Encoding.DER)
        lines += [f"{label}",
                  f"  Subject / Podmiot: {cert.subject.rfc4514_string()}",
                  f"  Issuer / Wystawca: {cert.issuer.rfc4514_string()}",
                  f"  Serial / Numer seryjny: {cert.serial_number:X}",
                  f"  Valid / Ważny: {cert.not_valid_before_utc:%Y-%m-%d} – {cert.not_valid_after_utc:%Y-%m-%d} UTC",
                  f"  SHA-256: {hashlib.sha256(der).hexdigest().upper()}",
                  f"           {_colons(hashlib.sha256(der).hexdigest())}",
                  f"  SHA-1 (Windows thumbprint / odcisk): {hashlib.sha1(der).hexdigest().upper()}",
                  f"           {_colons(hashlib.sha1(der).hexdigest())}", ""]
    return "\n".join(lines)


def _colons(hex_digest: str) -> str:
    return ":".join(hex_digest[i:i + 2] for i in range(0, len(hex_digest), 2)).upper()
