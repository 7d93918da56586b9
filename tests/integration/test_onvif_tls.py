"""HTTPS to a device: verified by default; a pinned SHA-256 fingerprint trusts exactly that certificate."""

from __future__ import annotations

import ssl
import subprocess

import pytest

from tests.fixtures.onvif import HostileServer
from videowall.onvif.client import OnvifClient, certificate_sha256
from videowall.runtime.errors import ErrorKind, VideowallError

DATE_REPLY = ('<?xml version="1.0"?><env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" '
              'xmlns:tds="http://www.onvif.org/ver10/device/wsdl" xmlns:tt="http://www.onvif.org/ver10/schema">'
              '<env:Body><tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:UTCDateTime><tt:Time>'
              '<tt:Hour>1</tt:Hour><tt:Minute>2</tt:Minute><tt:Second>3</tt:Second></tt:Time><tt:Date>'
              '<tt:Year>2026</tt:Year><tt:Month>1</tt:Month><tt:Day>2</tt:Day></tt:Date></tt:UTCDateTime>'
              '</tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse></env:Body></env:Envelope>').encode()


@pytest.fixture(scope="module")
def https_device(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tls")
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                    "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True,
                   timeout=60)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server = HostileServer(DATE_REPLY, context)
    yield server
    server.close()


def _date(url: str, pin: str | None = None):
    return OnvifClient(url, None, pinned_sha256=pin).call("device", "GetSystemDateAndTime")


def test_an_unknown_certificate_is_refused_by_default(https_device):
    with pytest.raises(VideowallError) as info:
        _date(https_device.url)
    assert info.value.kind is ErrorKind.UNREACHABLE and "not trusted" in info.value.user_message


def test_a_pinned_fingerprint_trusts_exactly_that_certificate(https_device):
    fingerprint = certificate_sha256(https_device.url)
    assert _date(https_device.url, fingerprint).UTCDateTime.Date.Year == 2026
    wrong = ("00" if not fingerprint.startswith("00") else "11") + fingerprint[2:]
    with pytest.raises(VideowallError):
        _date(https_device.url, wrong)
