"""A fuzz pass over the parsers that read what an operator types or a file holds: RTSP addresses, the settings
file, stored layouts and views, camera lists (`--camera ID|NAME[,...]`) and typed times.

Each input either parses into a well-formed value or raises the parser's typed VideowallError with a short,
readable message; never another exception, never a hang (`finishes`). Sizes are bounded so that the pass
stays quick; hypothesis has no deadline (a loaded machine is slow) and the test asserts no wall-clock time.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import asdict, fields
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from hypothesis import event, given, strategies as st

from tests.fixtures.hostile import FUZZ, finishes, valid_or_clear
from videowall.config.settings import Settings, load_settings, save_settings
from videowall.media.url import port_of, validate_rtsp_url, with_credentials, without_credentials
from videowall.model.camera import Credentials
from videowall.model.layout import PRESETS, Layout, LayoutError, uniform
from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.runtime.local_time import parse_local_time
from videowall.storage.cameras import CameraStore
from videowall.storage.db import open_database

WARSAW = ZoneInfo("Europe/Warsaw")
DEFAULTS = {f.name: getattr(Settings(), f.name) for f in fields(Settings) if f.name != "version"}

odd_text = st.text(max_size=300) | st.sampled_from(
    ["", " ", "\x00", "\u202e", "\ud800", "9" * 5000, "[" * 3000, "€" * 50, "\r\n", "null", "-0", "1e999"])
json_scalars = (st.none() | st.booleans() | st.integers(min_value=-2**70, max_value=2**70)
                | st.floats(allow_nan=True, allow_infinity=True) | odd_text)
json_values = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=6)
                           | st.dictionaries(st.text(max_size=20), inner, max_size=6), max_leaves=40)


def _clear(err: VideowallError, *kinds: ErrorKind) -> None:
    assert err.kind in kinds, f"{err.kind} for {err.user_message!r}"
    assert "Traceback" not in err.user_message


# -- RTSP addresses ------------------------------------------------------------------------------------------
valid_hosts = st.sampled_from(["cam1", "10.0.0.7", "[fe80::1]", "kamera.łódź.pl", "a" * 300])
odd_hosts = st.sampled_from(["[::1", "", "host name", "ho\x00st", "[fe80::1]]"]) | st.text(max_size=40)
odd_ports = st.sampled_from([":0", ":65536", ":-1", ":99999999999999999999", ":abc", ":", ": 1"])
paths = st.text(alphabet="abc/_-.%?=&;019", max_size=40) | st.text(max_size=40)
rtsp_like = st.builds(lambda scheme, user, host, port, path: f"{scheme}{user}{host}{port}/{path}",
                      st.sampled_from(["rtsp://", "RTSPS://"]) | st.sampled_from(["http://", "rtsp:/", "", "rtsp://rtsp://"]),
                      st.just("") | st.sampled_from(["admin@", "admin:tajne@", "@", "a:b:c@"]),
                      valid_hosts | odd_hosts, st.sampled_from(["", ":554", ":8554", ":65535"]) | odd_ports, paths)


@FUZZ
@given(st.one_of(rtsp_like, odd_text))
def test_an_rtsp_address_is_accepted_with_a_port_or_refused_clearly(text):
    result = finishes(lambda: valid_or_clear(lambda: validate_rtsp_url(text)))
    event(type(result).__name__)
    if isinstance(result, VideowallError):
        _clear(result, ErrorKind.INVALID_URL)
        return
    assert result == text.strip() and "@" not in result.split("/")[2]
    assert 1 <= port_of(result) <= 65535
    with_user, plain = urlsplit(with_credentials(result, Credentials("operator", "p@ss:wörd/?"))), urlsplit(result)
    assert with_user.netloc == f"operator:p%40ss%3Aw%C3%B6rd%2F%3F@{plain.netloc}"
    assert (with_user.hostname, with_user.port, with_user.path) == (plain.hostname, plain.port, plain.path)
    assert urlsplit(without_credentials(with_user.geturl())).netloc == plain.netloc


# -- the settings file --------------------------------------------------------------------------------------
settings_like = st.fixed_dictionaries({"version": st.sampled_from([1, 2, 3, 4, 0, "3", None, 3.0, True, 2**70])},
                                      optional={name: st.just(value) | json_values
                                                for name, value in DEFAULTS.items()})
current_settings = st.builds(   # a valid file with up to two values changed, as a hand edit would
    lambda changes: json.dumps(asdict(Settings()) | changes).encode(),
    st.dictionaries(st.sampled_from(sorted(DEFAULTS)), json_values, max_size=2))
settings_bytes = st.one_of(
    current_settings,
    settings_like.map(lambda d: json.dumps(d).encode()),
    json_values.map(lambda v: json.dumps(v).encode()),
    settings_like.map(lambda d: json.dumps(d).encode()).flatmap(   # cut short, as by a crash mid-write
        lambda data: st.integers(0, len(data)).map(lambda n: data[:n])),
    st.binary(max_size=300),
    st.just(b"\xef\xbb\xbf" + json.dumps({"version": 3}).encode()),
)


@FUZZ
@given(settings_bytes)
def test_a_settings_file_loads_or_falls_back_to_defaults_with_a_message_and_is_kept(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "settings.json"
        path.write_bytes(data)
        settings, problem = finishes(lambda: load_settings(path))
        assert isinstance(settings, Settings)
        event("loaded" if problem is None else "set aside")
        if problem is None:
            save_settings(Path(folder) / "again.json", settings)     # what loaded is valid and can be written
            return
        _clear(problem, ErrorKind.INVALID_INPUT, ErrorKind.STORAGE_CORRUPT, ErrorKind.STORAGE_ERROR)
        assert problem.user_message.strip() and len(problem.user_message) < 1000
        kept = [p.read_bytes() for p in Path(folder).iterdir()]
        assert data in kept, "the unreadable file was lost instead of being set aside"


# -- stored layouts ------------------------------------------------------------------------------------------
cells = st.lists(st.lists(st.integers(-3, 14) | json_scalars, min_size=0, max_size=5), max_size=20)
real_layouts = st.sampled_from([*(uniform(n, m) for n in range(1, 9) for m in range(1, 9)),
                                 *(factory() for factory in PRESETS.values())])
edited_layouts = st.builds(   # a stored layout with one number changed
    lambda layout, which, value: json.dumps(_edited(json.loads(layout.to_json()), which, value)),
    real_layouts, st.integers(0, 200), st.integers(-2, 14) | json_scalars)
layout_like = st.fixed_dictionaries({}, optional={"rows": st.integers(-2, 14) | json_scalars,
                                                  "cols": st.integers(-2, 14) | json_scalars,
                                                  "cells": cells | json_values})


def _edited(raw: dict, which: int, value: object) -> dict:
    numbers = [("rows", None), ("cols", None)] + [(i, j) for i, cell in enumerate(raw["cells"]) for j in range(4)]
    key, inner = numbers[which % len(numbers)]
    if inner is None:
        raw[key] = value
    else:
        raw["cells"][key][inner] = value
    return raw


@FUZZ
@given(st.one_of(real_layouts.map(Layout.to_json), edited_layouts, layout_like.map(json.dumps),
                 json_values.map(json.dumps), odd_text))
def test_a_stored_layout_reads_back_exactly_or_is_a_layout_error(text):
    try:
        layout = finishes(lambda: Layout.from_json(text))
    except LayoutError as err:
        event("refused")
        _clear(err, ErrorKind.INVALID_INPUT)
        assert err.user_message.startswith("not a stored layout") or "cell" in err.user_message \
            or "layout" in err.user_message
        assert len(err.user_message) < 400
        return
    event("read")
    assert Layout.from_json(layout.to_json()) == layout
    assert sum(c.rowspan * c.colspan for c in layout.cells) == layout.rows * layout.cols


# -- camera lists ------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def cameras():
    with tempfile.TemporaryDirectory() as folder:
        conn = open_database(Path(folder) / "videowall.sqlite3")
        store = CameraStore(conn)
        for name in ("Rynek Główny", "Floriańska 12", "Brama 3"):
            store.add(name, "rtsp://127.0.0.1:8554/cam")
        yield store
        conn.close()


stored_keys = st.sampled_from(["1", "2", "3", " 2 ", "rynek główny", "RYNEK GŁÓWNY", "Brama 3", "Floriańska 12"])
odd_keys = st.sampled_from(["0", "-1", "4", "9" * 30, "9" * 5000, "١", "²", "Brama\x003", "\u202eBrama 3", ""]) | odd_text
camera_lists = st.lists(stored_keys | odd_keys, max_size=4).map(",".join) | st.lists(stored_keys, max_size=3).map(
    ",".join) | odd_text


@FUZZ
@given(camera_lists)
def test_a_typed_camera_list_names_stored_cameras_or_says_which_is_missing(cameras, text):
    result = finishes(lambda: valid_or_clear(lambda: cameras.find_listed(text)))
    event(type(result).__name__)
    if isinstance(result, VideowallError):
        _clear(result, ErrorKind.NOT_FOUND, ErrorKind.INVALID_INPUT)
        assert len(result.user_message) < 200
        return
    stored = {c.id: c for c in cameras.list()}
    assert result and all(stored[c.id] == c for c in result)


# -- typed times -------------------------------------------------------------------------------------------
iso_like = st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)).flatmap(
    lambda moment: st.sampled_from([moment.isoformat(), moment.isoformat(" ", "minutes"), f"{moment.date()}",
                                    moment.isoformat() + "Z", moment.isoformat() + "+14:00",
                                    moment.isoformat() + "-23:59", moment.isoformat() + "\x00"]))


@FUZZ
@given(st.one_of(iso_like, odd_text))
def test_a_typed_time_is_an_aware_moment_or_a_clear_message(text):
    result = finishes(lambda: valid_or_clear(lambda: parse_local_time(text, WARSAW, "--at")))
    event(type(result).__name__)
    if isinstance(result, VideowallError):
        _clear(result, ErrorKind.INVALID_INPUT)
        assert result.user_message.startswith("--at ") and len(result.user_message) < 200
        return
    assert result.tzinfo is not None
    assert 1969 <= result.astimezone(WARSAW).year <= 9999 and result.timestamp() == result.timestamp()
