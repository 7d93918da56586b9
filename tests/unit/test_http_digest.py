"""HTTP Digest answers: the RFC 7616 examples, challenge parsing, nonce counting."""

from __future__ import annotations

import re

import pytest

from videowall.onvif.http_digest import DigestSigner, parse_challenge

# RFC 7616 section 3.9.1
CHALLENGE = ('Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm={alg}, '
             'nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"')
CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ"
EXPECTED = {"MD5": "8ca523f5e9506fed4657c9700eebdbec",
            "SHA-256": "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"}


def _fields(header: str) -> dict[str, str]:
    return {k: a or b for k, a, b in re.findall(r'(\w+)=(?:"([^"]*)"|([^\s,]+))', header)}


@pytest.mark.parametrize("algorithm", sorted(EXPECTED))
def test_the_rfc_7616_example_gives_the_rfc_response(algorithm):
    signer = DigestSigner("Mufasa", "Circle of Life", cnonce=lambda: CNONCE)
    assert signer.accept(CHALLENGE.format(alg=algorithm))
    fields = _fields(signer.header("GET", "/dir/index.html"))
    assert fields["response"] == EXPECTED[algorithm]
    assert (fields["nc"], fields["qop"], fields["cnonce"]) == ("00000001", "auth", CNONCE)
    assert fields["opaque"] == "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"


def test_each_request_counts_the_nonce_up_and_a_new_challenge_restarts_it():
    signer = DigestSigner("u", "p")
    assert signer.header("POST", "/x") is None  # nothing to answer before a challenge
    signer.accept('Digest realm="r", nonce="n1", qop="auth"')
    counts = [_fields(signer.header("POST", "/x"))["nc"] for _ in range(3)]
    assert counts == ["00000001", "00000002", "00000003"]
    signer.accept('Digest realm="r", nonce="n2", qop="auth", stale=true')
    assert _fields(signer.header("POST", "/x"))["nc"] == "00000001"


def test_the_password_is_not_in_the_header():
    signer = DigestSigner("admin", "Sekr3t-pass")
    signer.accept('Digest realm="cam", nonce="abc"')
    header = signer.header("POST", "/onvif/device_service")
    assert "Sekr3t-pass" not in header and "qop" not in header  # RFC 2069 style when the camera names no qop


@pytest.mark.parametrize("header", [None, "", 'Basic realm="cam"', 'Digest realm="cam"',
                                    'Digest realm="cam", nonce="n", algorithm=SHA-512-256',
                                    'Digest realm="cam", nonce="n", qop="auth-int"'])
def test_challenges_we_cannot_answer_are_not_taken(header):
    assert parse_challenge(header) is None


def test_a_challenge_after_basic_in_the_same_header_is_found():
    challenge = parse_challenge('Basic realm="x", Digest realm="cam \\"1\\"", nonce="n", stale=TRUE')
    assert challenge is not None and challenge.realm == 'cam "1"' and challenge.stale
