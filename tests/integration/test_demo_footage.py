"""The demo's recorded footage: FFmpeg's scenes muxed into back-to-back fMP4 segments indexed like the recorder's,
readable by playback; the demo's bookmarks land inside that hour."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from ui.demo_content import DEMO_BOOKMARKS, DemoFootage, add_demo_bookmarks
from videowall.recording.demo_footage import SEGMENT_S, prerecord
from videowall.recording.index import RecordingStore
from videowall.recording.segment_reader import SegmentReader
from videowall.recording.timebase import to_us
from videowall.recording.types import SegmentState
from videowall.station import Station

END = datetime(2026, 11, 21, 22, 0, tzinfo=timezone.utc)


def test_footage_is_gapless_complete_segments_that_play(tmp_path):
    store = RecordingStore.open(tmp_path / "index.sqlite", tmp_path / "recordings")
    try:
        done = prerecord(store, [(1, 1, "CAM 01"), (2, 2, None)], END, span=timedelta(minutes=3))
        assert [(r.camera_id, r.segments) for r in done] == [(1, 6), (2, 6)]
        for camera_id in (1, 2):
            segments = store.segments_us(camera_id, to_us(END - timedelta(hours=1)), to_us(END))
            assert len(segments) == 6
            assert all(s.state is SegmentState.COMPLETE for s in segments)
            assert segments[0].start_utc == END - timedelta(minutes=3) and segments[-1].end_utc == END
            assert all(a.end_utc == b.start_utc for a, b in zip(segments, segments[1:]))
            assert store.gaps_us(camera_id, to_us(END - timedelta(minutes=3)), to_us(END)) == []
            reader = SegmentReader(segments[2].path)
            try:
                reader.seek(SEGMENT_S * 1_000_000 // 2)
                frame = reader.next_frame()
                assert frame is not None
                assert reader.to_bgra(frame, (160, 90)).std() > 10     # a moving scene, not a flat field
            finally:
                reader.close()
    finally:
        store.close()


def test_demo_content_fills_a_station(tmp_path):
    station = Station.open(tmp_path / "data", secrets_kind="memory")
    try:
        ids = [station.cameras.add(name=f"CAM {i}", main_url=f"rtsp://127.0.0.1:9/cam{i}").id for i in (1, 2, 3)]
        assert add_demo_bookmarks(station, ids, END) == len(DEMO_BOOKMARKS)
        marks = station.bookmarks().over(ids[0], END - timedelta(hours=1), END)
        assert marks and all(END - timedelta(hours=1) < b.at_utc < END for b in marks)
        footage = DemoFootage(station, [(ids[0], 1, "CAM 1")], END)
        footage.start()
        footage.stop()          # stops between two segments: what was written is indexed and complete
        assert footage.wait(60)
        store = station.recording_service().store
        assert all(s.state is SegmentState.COMPLETE
                   for s in store.segments_us(ids[0], to_us(END - timedelta(hours=1)), to_us(END)))
    finally:
        station.close()
