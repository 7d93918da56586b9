"""RTSP URL validation and credential injection (no network)."""

from __future__ import annotations

import pytest

from videowall.media.url import port_of, validate_rtsp_url, with_credentials, without_credentials
from videowall.model.camera import Credentials
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.runtime.redaction import redact


@pytest.mark.parametrize("url", [
    "rtsp://192.168.1.20:554/Streaming/Channels/101",
    "rtsp://camera.local/stream1",
    "rtsps://camera.local:322/live",
    "RTSP://cam/x",
    "rtsp://[fe80::1]:8554/sub",
    "rtsp://cam:65535/a%20b?channel=1&subtype=0",
])
def test_valid_urls_are_accepted(url: str) -> None:
    assert validate_rtsp_url(f"  {url} ") == url


@pytest.mark.parametrize("url, words", [
    ("", "empty"),
    ("http://cam/x", "only rtsp"),
    ("cam:554/x", "must start with rtsp"),
    ("rtsp:///stream", "no camera host"),
    ("rtsp://:554/stream", "no camera host"),
    ("rtsp://cam:99999/x", "invalid port"),
    ("rtsp://cam:0/x", "invalid port"),
    ("rtsp://cam:http/x", "invalid port"),
    ("rtsp://cam/my stream", "spaces"),
    ("rtsp://[fe80::1/x", "malformed"),
    ("rtsp://cam/x\x07", "control characters"),
])
def test_malformed_urls_say_what_is_wrong(url: str, words: str) -> None:
    with pytest.raises(VideowallError) as info:
        validate_rtsp_url(url)
    assert info.value.kind is ErrorKind.INVALID_URL
    assert words in info.value.user_message


def test_embedded_credentials_are_refused_and_never_echoed() -> None:
    with pytest.raises(VideowallError) as info:
        validate_rtsp_url("rtsp://admin:Hunter2pw@cam:554/x")
    err = info.value
    assert err.kind is ErrorKind.INVALID_URL
    assert "user and password fields" in err.user_message
    assert "Hunter2pw" not in err.user_message and "Hunter2pw" not in err.detail


def test_with_credentials_percent_encodes_and_registers_the_password() -> None:
    creds = Credentials("ad min", "p@ss:w/rd%1")
    url = with_credentials("rtsp://cam:554/live?x=1", creds)
    assert url == "rtsp://ad%20min:p%40ss%3Aw%2Frd%251@cam:554/live?x=1"
    assert "p@ss:w/rd%1" not in redact("password was p@ss:w/rd%1")
    assert "p%40ss" not in redact(url)


def test_with_credentials_replaces_existing_userinfo_and_handles_none() -> None:
    assert with_credentials("rtsp://old:pw@cam/x", Credentials("u", "pw2x")) == "rtsp://u:pw2x@cam/x"
    assert with_credentials("rtsp://old:pw@cam/x", None) == "rtsp://cam/x"
    assert with_credentials("rtsp://cam/x", Credentials("viewer", "")) == "rtsp://viewer@cam/x"


def test_without_credentials() -> None:
    assert without_credentials("rtsp://u:p@cam:554/x") == "rtsp://cam:554/x"
    assert without_credentials("rtsp://u:p@ss@cam/x") == "rtsp://cam/x"
    assert without_credentials("rtsp://cam/x") == "rtsp://cam/x"


def test_port_of() -> None:
    assert port_of("rtsp://cam/x") == 554
    assert port_of("rtsps://cam/x") == 322
    assert port_of("rtsp://cam:8554/x") == 8554
