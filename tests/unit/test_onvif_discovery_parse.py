"""WS-Discovery replies: matches are read; other probes' replies and DTD tricks are ignored."""

from __future__ import annotations

from videowall.onvif.discovery import parse_probe_matches

REPLY = ('<?xml version="1.0"?>{dtd}<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" '
         'xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" '
         'xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery"><s:Header><a:RelatesTo>urn:uuid:1'
         '</a:RelatesTo></s:Header><s:Body><d:ProbeMatches><d:ProbeMatch><a:EndpointReference><a:Address>'
         'urn:uuid:cam</a:Address></a:EndpointReference><d:Types>dn:NetworkVideoTransmitter</d:Types>'
         '<d:XAddrs>http://10.0.0.7/onvif/device_service http://[fe80::1]/onvif/device_service</d:XAddrs>'
         '</d:ProbeMatch></d:ProbeMatches></s:Body></s:Envelope>')


def test_a_probe_match_lists_the_device_addresses():
    [device] = parse_probe_matches(REPLY.format(dtd="").encode(), "urn:uuid:1")
    assert device.address == "urn:uuid:cam" and len(device.xaddrs) == 2


def test_a_reply_to_another_probe_is_ignored():
    assert parse_probe_matches(REPLY.format(dtd="").encode(), "urn:uuid:2") == []


def test_a_reply_with_a_dtd_is_ignored():
    dtd = '<!DOCTYPE s [<!ENTITY x "y">]>'
    assert parse_probe_matches(REPLY.format(dtd=dtd).encode(), "urn:uuid:1") == []
