"""PyAV for evidence export: read recorded packets, write remuxed MP4 clips, write framehash lists.

The only module of ``videowall.evidence`` that imports ``av``. Packets are copied, never decoded or
re-encoded. Everything here runs on the calling (worker) thread.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import BinaryIO

import av
from av.bitstream import BitStreamFilterContext

from videowall.runtime.errors import ErrorKind, VideowallError

AV_ERRORS = (av.FFmpegError, OSError)
FRAMEHASH_SOFTWARE_PREFIX = "#software:"
_ANNEXB_FILTERS = {"h264": "h264_mp4toannexb", "hevc": "hevc_mp4toannexb"}
_NO_PROBING = {"probesize": "32", "analyzeduration": "1"}


def library_versions() -> dict[str, str]:
    versions = {"pyav": av.__version__}
    for name in ("libavformat", "libavcodec"):
        major, minor, micro = av.library_versions[name]
        versions[name] = f"{major}.{minor}.{micro}"
    return versions


@dataclass(frozen=True)
class StreamInfo:
    codec: str
    profile: str | None
    width: int
    height: int
    fps: float | None
    pix_fmt: str | None
    extradata_sha256: str | None

    def as_manifest(self) -> dict:
        return {"codec": self.codec, "profile": self.profile, "width": self.width, "height": self.height,
                "fps": self.fps, "pix_fmt": self.pix_fmt, "extradata_sha256": self.extradata_sha256}


class InputRecording:
    """One recorded segment file opened for packet reading (video stream only)."""

    def __init__(self, path: Path) -> None:
        try:
            # The index of an MP4 has the codec parameters: no need to probe frames (6× faster to open).
            self._container = av.open(str(path), mode="r", options=_NO_PROBING)
        except AV_ERRORS as err:
            raise VideowallError(ErrorKind.STORAGE_ERROR, f"Cannot read the recording {path.name}: {err}.",
                                 detail=repr(err)) from err
        if not self._container.streams.video:
            self._container.close()
            raise VideowallError(ErrorKind.STORAGE_ERROR, f"The recording {path.name} has no video stream.")
        self.stream = self._container.streams.video[0]
        self.time_base: Fraction = self.stream.time_base

    @property
    def extradata(self) -> bytes:
        return bytes(self.stream.codec_context.extradata or b"")

    def info(self) -> StreamInfo:
        ctx = self.stream.codec_context
        rate = self.stream.average_rate or self.stream.guessed_rate
        extradata = self.extradata
        return StreamInfo(codec=ctx.name, profile=ctx.profile, width=ctx.width, height=ctx.height,
                          fps=round(float(rate), 3) if rate else None,
                          pix_fmt=getattr(ctx, "pix_fmt", None),
                          extradata_sha256=hashlib.sha256(extradata).hexdigest() if extradata else None)

    def packets(self) -> Iterator[av.Packet]:
        """Packets with timestamps and data, in decode order. May raise av errors (damaged file)."""
        for packet in self._container.demux(self.stream):
            if packet.dts is None or packet.pts is None or packet.size == 0:
                continue
            yield packet

    def close(self) -> None:
        self._container.close()


class OutputClip:
    """A plain (not fragmented) MP4 that receives copied packets; timestamps set by the caller."""

    def __init__(self, path: Path, template: InputRecording, creation_time_iso: str) -> None:
        self.path = path
        self._container = av.open(str(path), mode="w", format="mp4")
        self._container.metadata["creation_time"] = creation_time_iso
        self._stream = self._container.add_stream_from_template(template.stream)
        self.time_base: Fraction = template.time_base

    def write(self, packet: av.Packet, pts: int, dts: int) -> None:
        packet.stream = self._stream
        packet.time_base = self.time_base
        packet.pts, packet.dts = pts, dts
        self._container.mux(packet)

    def close(self) -> None:
        self._container.close()


def write_framehash(clip: Path, sink: BinaryIO, check: Callable[[], None] = lambda: None) -> None:
    """Write what ``ffmpeg -i CLIP -map 0:v -bsf:v h264_mp4toannexb -c copy -f framehash -hash sha256``
    writes: the same bitstream filter, and the lines of FFmpeg's framehash muxer (version 2).

    The lines are formatted here and hashed with hashlib, several times faster than FFmpeg's own
    SHA-256. Packets that carry side data (which the muxer lists too) make it fall back to FFmpeg's
    muxer itself. ``#sar`` is the input's, as the ffmpeg tool copies it. ``check`` is called for every
    packet and may raise to stop (cancel).
    """
    with av.open(str(clip), mode="r", options=_NO_PROBING) as source:
        stream = source.streams.video[0]
        params, bsf = _annexb_filter(stream)
        sink.write(_framehash_header(stream, params).encode("ascii"))
        for packet in _filtered(source, stream, bsf):
            check()
            if next(packet.iter_sidedata(), None) is not None:
                break
            sink.write(b"0, %10d, %10d, %8d, %8d, %s\n" % (packet.dts, packet.pts, packet.duration, packet.size,
                                                              hashlib.sha256(packet).hexdigest().encode()))
        else:
            return
    if not hasattr(sink, "seek") or not hasattr(sink, "truncate"):
        raise VideowallError(ErrorKind.INTERNAL, f"{clip.name} has packet side data; write its framehash to a file.")
    sink.seek(0)
    sink.truncate()
    _framehash_by_ffmpeg(clip, sink)


def _annexb_filter(stream):
    """(codec parameters after the filter, the filter or None). The null muxer only receives the parameters."""
    name = _ANNEXB_FILTERS.get(stream.codec_context.name)
    if name is None:
        return stream.codec_context, None
    holder = av.open(io.BytesIO(), mode="w", format="null")
    params = holder.add_stream_from_template(stream)
    return params.codec_context, BitStreamFilterContext(name, stream, params)


def _filtered(source, stream, bsf) -> Iterator[av.Packet]:
    for packet in source.demux(stream):
        if packet.dts is None and packet.size == 0:
            continue
        yield from (bsf.filter(packet) if bsf else [packet])
    if bsf:
        yield from bsf.filter(None)


def _framehash_header(stream, params) -> str:
    sar = stream.sample_aspect_ratio
    tb = stream.time_base
    lines = ["#format: frame checksums", "#version: 2", "#hash: SHA256"]
    extradata = bytes(params.extradata or b"")
    if extradata:
        lines.append(f"#extradata 0, {len(extradata):31d}, {hashlib.sha256(extradata).hexdigest()}")
    major, minor, micro = av.library_versions["libavformat"]
    lines += [f"#software: Lavf{major}.{minor}.{micro}", f"#tb 0: {tb.numerator}/{tb.denominator}",
              "#media_type 0: video", f"#codec_id 0: {stream.codec_context.name}",
              f"#dimensions 0: {params.width}x{params.height}",
              f"#sar 0: {sar.numerator}/{sar.denominator}" if sar else "#sar 0: 0/1",
              "#stream#, dts,        pts, duration,     size, hash"]
    return "\n".join(lines) + "\n"


def _framehash_by_ffmpeg(clip: Path, sink: BinaryIO) -> None:
    """FFmpeg's framehash muxer fed by the same filter; only the ``#sar`` header line is corrected
    (PyAV cannot set the stream's sample aspect ratio, which the ffmpeg tool copies)."""
    with av.open(str(clip), mode="r", options=_NO_PROBING) as source:
        stream = source.streams.video[0]
        sar = stream.sample_aspect_ratio
        writer = _SarFixingWriter(sink, f"#sar 0: {sar.numerator}/{sar.denominator}\n" if sar else "#sar 0: 0/1\n")
        output = av.open(writer, mode="w", format="framehash", options={"hash": "sha256"})
        try:
            out_stream = output.add_stream_from_template(stream)
            name = _ANNEXB_FILTERS.get(stream.codec_context.name)
            bsf = BitStreamFilterContext(name, stream, out_stream) if name else None
            for packet in _filtered(source, stream, bsf):
                packet.stream = out_stream
                output.mux(packet)
        finally:
            output.close()
        writer.finish()


def framehash_body(text: str) -> list[str]:
    """The lines that must match between FFmpeg versions (all but ``#software:``)."""
    return [line for line in text.splitlines() if not line.startswith(FRAMEHASH_SOFTWARE_PREFIX)]


class _SarFixingWriter:
    """A write-only file object for PyAV that replaces the ``#sar 0:`` header line on the way through."""

    def __init__(self, sink: BinaryIO, sar_line: str) -> None:
        self._sink = sink
        self._sar_line = sar_line.encode("ascii")
        self._header = b""
        self._in_header = True

    def write(self, data: bytes) -> int:
        chunk = bytes(data)
        if not self._in_header:
            self._sink.write(chunk)
            return len(chunk)
        self._header += chunk
        if b"\n#stream#" in self._header or self._header.startswith(b"#stream#"):
            self._flush_header()
        return len(chunk)

    def finish(self) -> None:
        if self._in_header:
            self._flush_header()

    def _flush_header(self) -> None:
        lines = self._header.splitlines(keepends=True)
        fixed = [self._sar_line if line.startswith(b"#sar 0:") else line for line in lines]
        self._sink.write(b"".join(fixed))
        self._in_header = False
        self._header = b""
