"""ReplyReader: values out of leniently parsed replies, with "lacks X" errors for what is needed."""

from __future__ import annotations

from types import SimpleNamespace as Obj

import pytest

from videowall.onvif.reply import ReplyReader
from videowall.runtime.errors import ErrorKind, VideowallError

READER = ReplyReader("http://10.0.0.7/onvif/device_service", "GetProfiles")


def test_paths_walk_attributes_and_stop_at_none():
    reply = Obj(Video=Obj(Resolution=Obj(Width="1280", Height=None)))
    assert READER.optional_int(reply, "Video.Resolution.Width") == 1280
    assert READER.optional_int(reply, "Video.Resolution.Height") is None
    assert READER.optional(reply, "Video.Missing.Deeper") is None
    assert READER.optional(reply, "") is reply


@pytest.mark.parametrize("value", [None, "", "  ", [1], True, "wide", 1.5, Obj(__values__={})])
def test_values_that_are_no_integer_are_none(value):
    assert READER.optional_int(Obj(x=value), "x") is None


@pytest.mark.parametrize("value", [None, "", "  ", [1], {"a": 1}, Obj(__values__={})])
def test_empty_text_and_structures_are_no_text(value):
    assert READER.optional_text(Obj(x=value), "x") is None


def test_floats_refuse_nan_and_infinity():
    assert READER.optional_float(Obj(x="NaN"), "x") is None
    assert READER.optional_float(Obj(x="inf"), "x") is None
    assert READER.optional_float(Obj(x="-0.25"), "x") == -0.25


def test_a_missing_needed_value_names_the_device_operation_and_element():
    with pytest.raises(VideowallError) as info:
        READER.text(Obj(token=None), "token")
    assert info.value.kind is ErrorKind.STREAM_ERROR
    assert info.value.user_message == ("The device at http://10.0.0.7/onvif/device_service sent a reply to "
                                       "GetProfiles that lacks token.")


def test_repeated_elements_are_lists():
    assert READER.items(None) == [] and READER.items("one") == ["one"] and READER.items(["a", "b"]) == ["a", "b"]
