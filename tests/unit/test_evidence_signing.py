"""CMS signatures: made with cryptography, checked by our reader and by the openssl tool."""

from __future__ import annotations

import subprocess
from datetime import datetime, timedelta, timezone

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

from tests.fixtures.certs import city_ca_chain
from videowall.evidence.cms_verify import CmsError, verify_detached
from videowall.evidence.signing import (SigningIdentity, cert_pem, cert_sha256, fingerprints_text,
                                        self_signed_identity, sign_detached)
from videowall.runtime.errors import VideowallError

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)
CONTENT = '{"case": "RSD-123/26", "place": "Rynek Główny"}\r\n'.encode()


@pytest.fixture(scope="module")
def rsa_identity():
    return self_signed_identity("Straż Miejska", "Stanowisko 1", NOW)


@pytest.fixture(scope="module")
def ec_identity():
    return self_signed_identity("Straż Miejska", "Stanowisko 1", NOW, key_type="ecdsa-p256")


def _openssl(tmp_path, signature: bytes, content: bytes, *trust: str) -> subprocess.CompletedProcess:
    (tmp_path / "m.json").write_bytes(content)
    (tmp_path / "m.p7s").write_bytes(signature)
    args = list(trust) or ["-noverify"]
    return subprocess.run(["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "m.p7s", "-content",
                           "m.json", *args, "-out", "out.bin"], cwd=tmp_path, capture_output=True, text=True,
                          timeout=30)


@pytest.mark.parametrize("which", ["rsa_identity", "ec_identity"])
def test_signature_checks_with_openssl_and_our_reader(which, request, tmp_path):
    identity = request.getfixturevalue(which)
    signature = sign_detached(CONTENT, identity)
    assert verify_detached(signature, CONTENT).signer == identity.certificate
    checked = _openssl(tmp_path, signature, CONTENT)
    assert checked.returncode == 0, checked.stderr
    assert (tmp_path / "out.bin").read_bytes() == CONTENT          # binary: not a byte changed (CRLF kept)
    (tmp_path / "signer.pem").write_bytes(cert_pem(identity.certificate))
    assert _openssl(tmp_path, signature, CONTENT, "-CAfile", "signer.pem").returncode == 0


def test_rsa_identity_is_3072_bit_self_signed_for_signing(rsa_identity):
    cert = rsa_identity.certificate
    assert rsa_identity.key.key_size == 3072 and rsa_identity.hash_alg == "RSA-3072 PKCS#1 v1.5 SHA-256"
    assert cert.subject == cert.issuer
    assert cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == "Straż Miejska"
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment and not usage.key_cert_sign
    assert cert.not_valid_after_utc - NOW > timedelta(days=3600)


def test_changed_content_is_named(rsa_identity):
    signature = sign_detached(CONTENT, rsa_identity)
    with pytest.raises(CmsError, match="message digest differs"):
        verify_detached(signature, CONTENT.replace(b"123", b"124"))


def test_changed_signature_value_is_named(ec_identity):
    signature = bytearray(sign_detached(CONTENT, ec_identity))
    signature[-10] ^= 0x40
    with pytest.raises(CmsError, match="signature value is wrong"):
        verify_detached(bytes(signature), CONTENT)


def test_signature_of_another_key_under_the_same_certificate_is_refused(rsa_identity):
    impostor = SigningIdentity(rsa.generate_private_key(public_exponent=65537, key_size=2048),
                               rsa_identity.certificate)
    with pytest.raises(CmsError, match="signature value is wrong"):
        verify_detached(sign_detached(CONTENT, impostor), CONTENT)


@pytest.mark.parametrize("damage", [lambda s: s[:-40], lambda s: b"\x30\x03abc", lambda s: s + b"\x00"])
def test_unreadable_signature_files_are_errors_not_crashes(rsa_identity, damage):
    with pytest.raises(CmsError):
        verify_detached(damage(sign_detached(CONTENT, rsa_identity)), CONTENT)


def test_chain_certificates_travel_in_the_signature(tmp_path):
    ca_key = ec.generate_private_key(ec.SECP256R1())
    leaf_key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    ca, leaf = city_ca_chain(ca_key, leaf_key, NOW, ca_name="Urząd Certyfikacji Miasta", leaf_name="Stanowisko 2",
                             code_signing=True)
    identity = SigningIdentity(leaf_key, leaf, (ca,), "imported")
    signature = sign_detached(CONTENT, identity)
    verdict = verify_detached(signature, CONTENT)
    assert verdict.signer == leaf and ca in verdict.certificates
    (tmp_path / "ca.pem").write_bytes(cert_pem(ca))
    checked = _openssl(tmp_path, signature, CONTENT, "-CAfile", "ca.pem", "-purpose", "any")
    assert checked.returncode == 0, checked.stderr
    text = fingerprints_text(identity)
    assert cert_sha256(ca).upper() in text and "ca.crt #1" in text


def test_unknown_key_type_is_refused():
    with pytest.raises(VideowallError, match="Unknown signing key type"):
        self_signed_identity("x", "y", NOW, key_type="ed25519")


def test_pem_is_what_openssl_reads(rsa_identity):
    pem = cert_pem(rsa_identity.certificate)
    der = subprocess.run(["openssl", "x509", "-outform", "DER"], input=pem, capture_output=True, timeout=30,
                         check=True).stdout
    assert der == rsa_identity.certificate.public_bytes(serialization.Encoding.DER)
