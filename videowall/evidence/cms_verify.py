"""Checks a detached CMS (PKCS#7) signature over some content, as ``openssl cms -verify -noverify`` does.

``cryptography`` can create CMS signatures but not verify them, so this reads the few DER
structures needed (RFC 5652 SignedData with signed attributes) and checks the message digest and
the signature with the signer certificate's public key. Certificate-chain trust is not judged
here: the verdict says who signed, and the caller compares fingerprints.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

OID_SIGNED_DATA = "1.2.840.113549.1.7.2"
OID_DATA = "1.2.840.113549.1.7.1"
OID_CONTENT_TYPE = "1.2.840.113549.1.9.3"
OID_MESSAGE_DIGEST = "1.2.840.113549.1.9.4"
OID_SHA256 = "2.16.840.1.101.3.4.2.1"
RSA_SIGNATURE_OIDS = ("1.2.840.113549.1.1.1", "1.2.840.113549.1.1.11")
OID_ECDSA_SHA256 = "1.2.840.10045.4.3.2"


class CmsError(Exception):
    """The signature does not check; the message says why."""


@dataclass(frozen=True)
class CmsVerdict:
    signer: x509.Certificate
    certificates: tuple[x509.Certificate, ...]


@dataclass(frozen=True)
class _Tlv:
    tag: int
    raw: bytes        # the whole element, header included
    value: bytes

    def children(self) -> list[_Tlv]:
        items, offset = [], 0
        while offset < len(self.value):
            item, offset = _read(self.value, offset)
            items.append(item)
        return items


def verify_detached(signature_der: bytes, content: bytes) -> CmsVerdict:
    """Raise CmsError unless ``signature_der`` is a valid SHA-256 CMS signature over ``content``."""
    try:
        info = _single(signature_der)
        content_type, wrapped = info.children()[:2]
        if _oid(content_type) != OID_SIGNED_DATA or wrapped.tag != 0xA0:
            raise CmsError("it is not a CMS SignedData structure")
        parts = wrapped.children()[0].children()
        encap = parts[2]
        if len(encap.children()) > 1:
            raise CmsError("it is not detached (it carries its own content)")
        certs = tuple(x509.load_der_x509_certificate(c.raw) for p in parts[3:] if p.tag == 0xA0 for c in p.children())
        signer_infos = parts[-1].children()
    except (IndexError, ValueError) as err:
        raise CmsError(f"the signature file is not readable CMS ({err})") from None
    if len(signer_infos) != 1:
        raise CmsError(f"expected one signer, found {len(signer_infos)}")
    try:
        signer = _check_signer(signer_infos[0], certs, content)
    except (IndexError, ValueError) as err:
        raise CmsError(f"the signer information is not readable ({err})") from None
    return CmsVerdict(signer, certs)


def _check_signer(info: _Tlv, certs: tuple[x509.Certificate, ...], content: bytes) -> x509.Certificate:
    fields = info.children()
    sid, digest_alg = fields[1], fields[2]
    if _oid(digest_alg.children()[0]) != OID_SHA256:
        raise CmsError("the digest algorithm is not SHA-256")
    signed_attrs = next((f for f in fields[3:] if f.tag == 0xA0), None)
    if signed_attrs is None:
        raise CmsError("it has no signed attributes")
    rest = [f for f in fields[3:] if f.tag not in (0xA0, 0xA1)]
    sig_alg, signature = _oid(rest[0].children()[0]), rest[1].value
    attrs = {_oid(a.children()[0]): a.children()[1].children() for a in signed_attrs.children()}
    if OID_CONTENT_TYPE not in attrs or _oid(attrs[OID_CONTENT_TYPE][0]) != OID_DATA:
        raise CmsError("the signed content type is not plain data")
    if OID_MESSAGE_DIGEST not in attrs:
        raise CmsError("it has no message digest")
    if attrs[OID_MESSAGE_DIGEST][0].value != hashlib.sha256(content).digest():
        raise CmsError("the manifest does not match the signature (message digest differs: the manifest was changed)")
    signer = _find_signer(sid, certs)
    # The signature covers the DER of the attributes as a SET (tag 0x31), not as the [0] field.
    signed_bytes = b"\x31" + signed_attrs.raw[1:]
    public = signer.public_key()
    try:
        if isinstance(public, rsa.RSAPublicKey) and sig_alg in RSA_SIGNATURE_OIDS:
            public.verify(signature, signed_bytes, padding.PKCS1v15(), hashes.SHA256())
        elif isinstance(public, ec.EllipticCurvePublicKey) and sig_alg == OID_ECDSA_SHA256:
            public.verify(signature, signed_bytes, ec.ECDSA(hashes.SHA256()))
        else:
            raise CmsError(f"unsupported signature algorithm {sig_alg}")
    except InvalidSignature:
        raise CmsError("the signature value is wrong (the signature file was changed or made with another key)") from None
    return signer


def _find_signer(sid: _Tlv, certs: tuple[x509.Certificate, ...]) -> x509.Certificate:
    if sid.tag != 0x30:
        raise CmsError("the signer is identified by key id; only issuer and serial are supported")
    issuer, serial = sid.children()
    for cert in certs:
        tbs = _single(cert.tbs_certificate_bytes).children()
        offset = 1 if tbs[0].tag == 0xA0 else 0
        if tbs[offset].raw == serial.raw and tbs[offset + 2].raw == issuer.raw:
            return cert
    raise CmsError("the signer certificate is not in the signature")


def _single(data: bytes) -> _Tlv:
    item, end = _read(data, 0)
    if end != len(data):
        raise CmsError("trailing bytes after the DER structure")
    return item


def _read(data: bytes, offset: int) -> tuple[_Tlv, int]:
    if offset + 2 > len(data):
        raise ValueError("truncated DER")
    tag, first = data[offset], data[offset + 1]
    header = 2
    if first & 0x80:
        count = first & 0x7F
        if count == 0 or count > 4:
            raise ValueError("unsupported DER length")
        length = int.from_bytes(data[offset + 2:offset + 2 + count], "big")
        header += count
    else:
        length = first
    end = offset + header + length
    if end > len(data):
        raise ValueError("truncated DER")
    return _Tlv(tag, data[offset:end], data[offset + header:end]), end


def _oid(item: _Tlv) -> str:
    if item.tag != 0x06:
        raise ValueError("expected an object identifier")
    body = item.value
    first = body[0]
    arcs = [min(first // 40, 2), first - 40 * min(first // 40, 2)]
    value = 0
    for byte in body[1:]:
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            arcs.append(value)
            value = 0
    return ".".join(str(a) for a in arcs)
