"""The event client against hostile and broken peers on 127.0.0.1: DTDs and entity bombs, replies over the
size limit, a camera that never answers. Each is a clear error of that subscription, never a hang or a crash."""

from __future__ import annotations

import asyncio

import pytest

from tests.fixtures.onvif import HostileServer, SilentServer
from videowall.onvif import events as onvif_events
from videowall.onvif.events import PullPointSession, new_http_client
from videowall.runtime.errors import ErrorKind, VideowallError

DTD_BOMB = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
            b'<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body>&lol2;</s:Body></s:Envelope>')


def _open(url: str, **kwargs) -> VideowallError:
    async def attempt() -> None:
        async with new_http_client() as http:
            await PullPointSession(http, url, None, **kwargs).open()

    with pytest.raises(VideowallError) as caught:
        asyncio.run(attempt())
    return caught.value


@pytest.fixture
def hostile():
    servers = []

    def start(body: bytes) -> HostileServer:
        servers.append(HostileServer(body))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


def test_a_reply_with_a_dtd_or_entities_is_refused(hostile):
    err = _open(hostile(DTD_BOMB).url)
    assert err.kind is ErrorKind.STREAM_ERROR and "DTD" in err.user_message


def test_a_reply_over_the_limit_is_cut_off(hostile, monkeypatch):
    monkeypatch.setattr(onvif_events, "MAX_REPLY_BYTES", 64 * 1024)
    body = b"<s:Envelope xmlns:s='http://www.w3.org/2003/05/soap-envelope'><s:Body>" + b"x" * 200_000
    err = _open(hostile(body).url)
    assert err.kind is ErrorKind.STREAM_ERROR and "refused" in err.user_message


def test_not_xml_and_no_event_service_are_clear(hostile):
    assert "not valid XML" in _open(hostile(b"<html>").url).user_message
    empty = (b"<s:Envelope xmlns:s='http://www.w3.org/2003/05/soap-envelope'><s:Body><x/></s:Body></s:Envelope>")
    err = _open(hostile(empty).url)
    assert err.kind is ErrorKind.NOT_FOUND and "does not support ONVIF events" in err.user_message


def test_a_camera_that_never_answers_times_out():
    silent = SilentServer()
    try:
        err = _open(silent.url)
    finally:
        silent.close()
    assert err.kind is ErrorKind.TIMEOUT
