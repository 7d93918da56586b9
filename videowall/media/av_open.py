"""Opening an RTSP stream with PyAV, tuned for the first frame to come as early as possible.

Measured on this machine (GStreamer RTSP server, 640×360 and 1920×1080 H.264, TCP, median of 6 opens;
numbers in docs of the media engine's report):
- ``analyzeduration`` 100 ms instead of FFmpeg's 5 s default: first frame 1.2 s → 0.24 s (0 means the default!).
- ``probesize`` 2 KiB instead of 32 KiB: 0.24 s → 0.13 s at 360p, 0.29 s → 0.17 s at 1080p. With H.264 the
  SDP already carries the parameter sets, so probing has little to learn and only waits for bytes.
- ``fflags=nobuffer`` makes it WORSE (0.24 s → 1.12 s): it throws away the keyframe read while probing, so the
  decoder waits a whole GOP for the next one. Not used.
- ``flags=low_delay``, ``max_delay=0``, ``reorder_queue_size=0``: no measurable change. Not used.
"""

from __future__ import annotations

import av

from videowall.media.types import StreamOptions


def container_options(options: StreamOptions) -> dict[str, str]:
    """Demuxer options (passed as ``container_options``, so they never reach a codec context)."""
    return {
        "rtsp_transport": options.transport.value,
        # 0 would mean FFmpeg's default (5 s of probing), never "no probing".
        "analyzeduration": str(max(1, int(options.analyzeduration_us))),
        "probesize": str(max(32, int(options.probesize))),  # FFmpeg's minimum
    }


def open_input(url: str, options: StreamOptions):
    """Open ``url`` and return ``(container, video_stream)``; the stream is None when there is no video track.

    Blocks up to ``connect_timeout_s`` (each later read up to ``read_timeout_s``) unless interrupted through
    ``av_interrupt``. Raises PyAV exceptions whose text contains ``url``: redact before showing them.
    """
    container = av.open(
        url,
        mode="r",
        container_options=container_options(options),
        timeout=(options.connect_timeout_s, options.read_timeout_s),
    )
    video = container.streams.video
    return container, (video[0] if video else None)
