"""A reader that falls behind gets no conversions it would never paint; one that keeps up gets every frame."""

from __future__ import annotations

import av
import pytest

from videowall.media.decoder import LiveDecoder
from videowall.media.sample_clip import encode_test_clip


@pytest.fixture(scope="module")
def clip(tmp_path_factory):
    path = tmp_path_factory.mktemp("clip") / "clip.mp4"
    encode_test_clip(path, size=(320, 240), fps=25, seconds=2)
    return path


def feed(decoder: LiveDecoder, clip, count: int, take_each: bool) -> list:
    """Feed the clip's first ``count`` packets; with ``take_each`` the reader takes every new frame at once."""
    taken = []
    with av.open(str(clip)) as container:
        stream = container.streams.video[0]
        decoder.on_stream_opened(stream)
        for index, packet in enumerate(container.demux(stream)):
            if index == count:
                break
            if packet.size:
                decoder.on_packet(packet, float(packet.pts * stream.time_base))   # arriving in real time
                if take_each:
                    frame = decoder.latest()
                    if frame is not None and (not taken or frame is not taken[-1]):
                        taken.append(frame)
        decoder.on_stream_closed()
    return taken


def test_a_reader_that_keeps_up_gets_every_frame_converted(clip):
    decoder = LiveDecoder()
    decoder.set_target_size(160, 120)
    taken = feed(decoder, clip, 30, take_each=True)
    stats = decoder.stats()
    assert len(taken) == stats.frames_decoded >= 25
    assert [f.seq for f in taken] == list(range(1, len(taken) + 1))
    assert stats.frames_dropped == 0
    assert taken[-1].image.shape == (120, 160, 4)


def test_frames_a_slow_reader_has_not_asked_for_are_decoded_but_not_converted(clip):
    decoder = LiveDecoder()
    decoder.set_target_size(160, 120)
    feed(decoder, clip, 30, take_each=False)
    stats = decoder.stats()
    first = decoder.latest()
    assert first.seq == 1                          # only the first picture was converted
    assert stats.frames_decoded >= 25 and stats.frames_dropped == stats.frames_decoded - 1
    assert decoder.stats().frames_delivered == 1
