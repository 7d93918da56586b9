"""The simulator's RTSP server: N cameras, each with /camI/main and /camI/sub, over TCP and UDP.

Runs as its own process under Debian's /usr/bin/python3 (3.11), the only interpreter with the GStreamer
gi bindings; ``videowall.sim.simulator.SimulatorProcess`` starts it. Prints ``READY <port>`` on stdout once
listening. Exits on SIGTERM/SIGINT, after ``--max-seconds``, or when its parent dies.

Frames are numpy I420 (``frames.FramePainter``) pushed into a live appsrc by one ticker thread at the
frame rate, so each frame's pixel code is the wall-clock time it was made and the stream never ends.
Every client gets a media (and encoder) of its own, built on DESCRIBE and torn down at its hang-up. Shared
media raced in gst-rtsp-server 1.22: a new client could be handed the cached media while the last one's
thread was unpreparing it, and got 503 Service Unavailable.
With ``--user``, the password is read from the first line of stdin and Basic/Digest auth guards all mounts.
With ``--onvif-port``, ONVIF device/media/PTZ services (``onvif_http``) serve the same cameras, guarded by
WS-UsernameToken and/or HTTP Digest (``--onvif-auth``) with the same credentials; ``--ptz-cameras``
cameras paint a crop of a larger scene that follows their PTZ state. READY then also names the ONVIF HTTP
port and the WS-Discovery UDP port; ``--discovery-multicast`` also answers Probes on 239.255.255.250:3702
(tests do that inside a network namespace of their own).

Exit codes: 0 normal, 2 bad arguments or cannot listen, 3 GStreamer bindings or numpy missing.
"""

from __future__ import annotations

import argparse
import ctypes
import ipaddress
import itertools
import os
import signal
import sys
import threading
import time
from pathlib import Path

try:
    # numpy before the path append below: an installed package's parent may be a 3.12 site-packages dir.
    import numpy  # noqa: F401
    import gi

    gi.require_version("Gst", "1.0")
    gi.require_version("GstRtsp", "1.0")
    gi.require_version("GstRtspServer", "1.0")
    from gi.repository import GLib, Gst, GstRtsp, GstRtspServer
except (ImportError, ValueError) as err:
    print(f"MISSING-BINDINGS {err}", file=sys.stderr, flush=True)
    sys.exit(3)

if __package__ in (None, ""):
    sys.path.append(str(Path(__file__).resolve().parents[2]))

from videowall.sim.frames import FramePainter  # noqa: E402
from videowall.sim.scene import StreetPtzScene, StreetScene  # noqa: E402
from videowall.sim.ptz_frames import PtzFramePainter  # noqa: E402
from videowall.sim.ptz_state import PtzState  # noqa: E402
from videowall.sim.onvif_camera import OnvifCamera  # noqa: E402
from videowall.sim.onvif_events import EventService, SimEvents  # noqa: E402
from videowall.sim.onvif_http import AUTH_MODES, OnvifSite, grey_bmp, serve_discovery, serve_http  # noqa: E402

SUB_SIZE = (640, 360)
_ROLE = "viewer"
_UDP_PORTS = (41000, 48999)  # server-side RTP/RTCP ports for UDP clients; ports in use are skipped
_media_keys = itertools.count(1)


class Ticker(threading.Thread):
    """Pushes one frame per period into every active appsrc (own thread; appsrc is thread-safe)."""

    def __init__(self, fps: int) -> None:
        super().__init__(name="frame-ticker", daemon=True)
        self._period_s = 1.0 / fps
        self._lock = threading.Lock()
        self._feeds: dict[int, tuple[Gst.Element, FramePainter]] = {}
        self.started = time.monotonic()     # stream time 0 of every painter (the motion detector's too)

    def add(self, key: int, appsrc: Gst.Element, painter: FramePainter) -> None:
        with self._lock:
            self._feeds[key] = (appsrc, painter)

    def remove(self, key: int) -> None:
        with self._lock:
            self._feeds.pop(key, None)

    def run(self) -> None:
        deadline = time.monotonic()
        while True:
            delay = deadline - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            with self._lock:
                feeds = list(self._feeds.items())
            for key, (appsrc, painter) in feeds:
                try:
                    self._push(appsrc, painter)
                except Exception as err:  # one broken feed must not freeze every camera
                    print(f"feed dropped: {err!r}", file=sys.stderr, flush=True)
                    self.remove(key)
            deadline += self._period_s
            if time.monotonic() - deadline > self._period_s:  # fell behind (CPU starved): skip, don't burst
                deadline = time.monotonic()

    def _push(self, appsrc: Gst.Element, painter: FramePainter) -> None:
        frame = painter.paint(time.monotonic() - self.started, time.time_ns() // 1_000_000)
        appsrc.emit("push-buffer", Gst.Buffer.new_wrapped(frame.tobytes()))


def _launch_line(camera: int, width: int, height: int, fps: int, captioned: bool = False) -> str:
    """``captioned``: the painter burns in name and time itself (the scene look), so no clockoverlay."""
    caps = f"video/x-raw,format=I420,width={width},height={height},framerate={fps}/1,colorimetry=bt601"
    kbps = max(300, width * height * fps // 11000)
    # Name and running clock need the pango plugin (gstreamer1.0-x); without it, test frames stay bare.
    overlay = (f'! clockoverlay text="CAM {camera:02d}" halignment=left valignment=top xpad=12 ypad=10 '
               f'font-desc="Sans Bold 18" time-format="%H:%M:%S" '
               if not captioned and Gst.ElementFactory.find("clockoverlay") else "")
    return (
        f'( appsrc name=src is-live=true do-timestamp=true format=time leaky-type=downstream max-buffers=2 '
        f'caps="{caps}" {overlay}'
        f'! x264enc tune=zerolatency speed-preset=ultrafast key-int-max={fps} bitrate={kbps} threads=1 '
        f'! rtph264pay name=pay0 pt=96 config-interval=1 )'
    )


def _painter(camera: int, size: tuple[int, int], ptz: PtzState | None,
             look: str = "test") -> FramePainter | PtzFramePainter | StreetScene | StreetPtzScene:
    if look == "scene":
        return StreetPtzScene(camera, *size, ptz) if ptz is not None else StreetScene(camera, *size)
    return PtzFramePainter(camera, *size, ptz) if ptz is not None else FramePainter(camera, *size)


def _make_factory(camera: int, size: tuple[int, int], fps: int, ticker: Ticker,
                  pool: GstRtspServer.RTSPAddressPool | None, secured: bool,
                  ptz: PtzState | None = None, look: str = "test") -> GstRtspServer.RTSPMediaFactory:
    factory = GstRtspServer.RTSPMediaFactory()
    factory.set_launch(_launch_line(camera, *size, fps, captioned=look == "scene"))
    factory.set_shared(False)
    factory.set_protocols(GstRtsp.RTSPLowerTrans.TCP | GstRtsp.RTSPLowerTrans.UDP)
    if pool is not None:
        factory.set_address_pool(pool)
    if secured:
        permissions = GstRtspServer.RTSPPermissions()
        permissions.add_permission_for_role(_ROLE, "media.factory.access", True)
        permissions.add_permission_for_role(_ROLE, "media.factory.construct", True)
        factory.set_permissions(permissions)

    def on_configure(_factory: GstRtspServer.RTSPMediaFactory, media: GstRtspServer.RTSPMedia) -> None:
        appsrc = media.get_element().get_by_name("src")
        # A fresh key per media: id() of the Python wrapper is reused once the wrapper is freed, and then
        # an old media's "unprepared" would remove a newer media's feed.
        key = next(_media_keys)
        ticker.add(key, appsrc, _painter(camera, size, ptz, look))
        media.connect("unprepared", lambda _media: ticker.remove(key))

    factory.connect("media-configure", on_configure)
    return factory


def _make_auth(user: str, password: str, methods: str) -> GstRtspServer.RTSPAuth:
    auth = GstRtspServer.RTSPAuth()
    token = GstRtspServer.RTSPToken()
    token.set_string("media.factory.role", _ROLE)
    auth.add_basic(GstRtspServer.RTSPAuth.make_basic(user, password), token)
    auth.add_digest(user, password, token)
    if methods == "basic":
        auth.set_supported_methods(GstRtsp.RTSPAuthMethod.BASIC)
    elif methods == "digest":
        auth.set_supported_methods(GstRtsp.RTSPAuthMethod.DIGEST)
    else:
        _offer_basic_and_digest(auth)
    return auth


def _offer_basic_and_digest(auth: GstRtspServer.RTSPAuth) -> None:
    """The method set is a flags value typed as an enum in the GIR, so PyGObject refuses BASIC|DIGEST: use C."""
    capsule_pointer = ctypes.pythonapi.PyCapsule_GetPointer
    capsule_pointer.restype = ctypes.c_void_p
    capsule_pointer.argtypes = [ctypes.py_object, ctypes.c_char_p]
    setter = ctypes.CDLL("libgstrtspserver-1.0.so.0").gst_rtsp_auth_set_supported_methods
    setter.argtypes = [ctypes.c_void_p, ctypes.c_int]
    setter(capsule_pointer(auth.__gpointer__, None),
           int(GstRtsp.RTSPAuthMethod.BASIC) | int(GstRtsp.RTSPAuthMethod.DIGEST))


def _udp_pool(host: str) -> GstRtspServer.RTSPAddressPool | None:
    """A unicast pool on ``host`` so UDP media sockets bind there too (the default binds all interfaces)."""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return None  # a host name: UDP media sockets fall back to all interfaces
    pool = GstRtspServer.RTSPAddressPool()
    pool.add_range(host, host, _UDP_PORTS[0], _UDP_PORTS[1], 0)
    return pool


def _parse_size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    return int(width), int(height)


def _parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="videowall RTSP camera simulator (GStreamer)")
    parser.add_argument("--cameras", type=int, default=4)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port (printed after READY)")
    parser.add_argument("--main-size", type=_parse_size, default=(1280, 720))
    parser.add_argument("--fps", type=int, default=25)
    parser.add_argument("--look", choices=("test", "scene"), default="test",
                        help="test: colours, moving box and pixel time code; scene: a street with the time burned in")
    parser.add_argument("--timezone", help="the zone of the burned-in clock (default: this machine's)")
    parser.add_argument("--user", help="require RTSP auth; the password is the first line of stdin")
    parser.add_argument("--auth", choices=("basic", "digest", "both"), default="both",
                        help="RTSP auth methods offered with --user (clients such as FFmpeg pick Digest if offered)")
    parser.add_argument("--max-seconds", type=float, default=None)
    parser.add_argument("--onvif-port", type=int, default=None,
                        help="serve ONVIF SOAP on this port (0 picks one; printed after the RTSP port)")
    parser.add_argument("--ptz-cameras", type=_camera_list, default=set(),
                        help="comma-separated camera numbers with PTZ")
    parser.add_argument("--onvif-auth", choices=AUTH_MODES, default="both",
                        help="how ONVIF requests authenticate with --user: WS-UsernameToken, HTTP Digest or either")
    parser.add_argument("--discovery-multicast", action="store_true",
                        help="also answer WS-Discovery Probes sent to 239.255.255.250:3702")
    parser.add_argument("--clock-offset-s", type=float, default=0.0,
                        help="the simulated cameras' clock runs this far off UTC (ONVIF time)")
    parser.add_argument("--no-events", type=_camera_list, default=set(),
                        help="comma-separated camera numbers without an ONVIF event service")
    parser.add_argument("--motion-cameras", type=_camera_list, default=set(),
                        help="comma-separated camera numbers whose moving box raises motion events")
    parser.add_argument("--tamper", type=_camera_list, default=set(),
                        help="comma-separated camera numbers that report tampering from the start")
    return parser.parse_args(argv)


def _install_exits(loop: GLib.MainLoop, max_seconds: float | None) -> None:
    for signum in (signal.SIGTERM, signal.SIGINT):
        GLib.unix_signal_add(GLib.PRIORITY_HIGH, signum, lambda *_: loop.quit() or False)
    if max_seconds is not None:
        GLib.timeout_add(max(1, int(max_seconds * 1000)), lambda: loop.quit() or False)
    parent = os.getppid()

    def orphaned() -> bool:
        if os.getppid() != parent:
            loop.quit()
            return False
        return True

    GLib.timeout_add(250, orphaned)


def _start_onvif(args: argparse.Namespace, rtsp_port: int, password: str | None,
                 ptz_states: dict[int, PtzState], ticker: Ticker) -> str:
    """Start the ONVIF HTTP server and discovery responder; returns " <http port> <discovery port>"."""
    sizes = {"main": args.main_size, "sub": SUB_SIZE}

    def snapshot(camera: int, token: str) -> bytes:
        width, height = sizes[token]
        frame = _painter(camera, sizes[token], ptz_states.get(camera)).paint(0.0, time.time_ns() // 1_000_000)
        return grey_bmp(frame[: width * height].reshape(height, width), width, height)

    site = OnvifSite({}, args.user, password, args.clock_offset_s, snapshot, args.onvif_auth)
    http = serve_http(args.host, args.onvif_port, site)
    host = f"[{args.host}]" if ":" in args.host else args.host
    base = f"http://{host}:{http.server_address[1]}"
    cameras = set(range(1, args.cameras + 1))
    site.events = SimEvents({camera: f"{base}/onvif/cam{camera}" for camera in cameras}, site.camera_now,
                            cameras - args.no_events, args.tamper)
    for camera in cameras:
        site.cameras[camera] = OnvifCamera(camera, f"{base}/onvif/cam{camera}",
                                           f"rtsp://{host}:{rtsp_port}/cam{camera}", sizes, ptz_states.get(camera),
                                           fps=args.fps)
        if camera in site.events.cameras:
            site.cameras[camera].add_service("events", EventService(site.events, camera))
    motion = {camera: _painter(camera, SUB_SIZE, None) for camera in args.motion_cameras & site.events.cameras}
    if motion:
        site.events.watch_motion(set(motion), lambda camera, t_s: motion[camera].box_at(t_s), SUB_SIZE[0], ticker.started)
    discovery = serve_discovery(args.host, site.cameras, args.discovery_multicast)
    return f" {http.server_address[1]} {discovery.getsockname()[1]}"


def _camera_list(text: str) -> set[int]:
    return {int(part) for part in text.split(",") if part.strip()}


def main(argv: list[str]) -> int:
    args = _parse_args(argv)
    if args.cameras < 1 or args.fps < 1 or args.main_size[0] % 2 or args.main_size[1] % 2:
        print("bad arguments: cameras and fps must be >= 1, sizes even", file=sys.stderr)
        return 2
    password = sys.stdin.buffer.readline().decode("utf-8").rstrip("\r\n") if args.user else None
    if args.timezone:
        os.environ["TZ"] = args.timezone
        time.tzset()
    Gst.init(None)
    ticker = Ticker(args.fps)
    server = GstRtspServer.RTSPServer()
    server.set_address(args.host)
    server.set_service(str(args.port))
    if args.user:
        server.set_auth(_make_auth(args.user, password or "", args.auth))
    pool = _udp_pool(args.host)
    mounts = server.get_mount_points()
    ptz_states = {camera: PtzState() for camera in args.ptz_cameras if 1 <= camera <= args.cameras}
    for camera in range(1, args.cameras + 1):
        for profile, size in (("main", args.main_size), ("sub", SUB_SIZE)):
            factory = _make_factory(camera, size, args.fps, ticker, pool, bool(args.user), ptz_states.get(camera),
                                    args.look)
            mounts.add_factory(f"/cam{camera}/{profile}", factory)
    if server.attach(None) == 0:
        print(f"cannot listen on {args.host}:{args.port}", file=sys.stderr, flush=True)
        return 2
    onvif_ports = ""
    if args.onvif_port is not None:
        try:
            onvif_ports = _start_onvif(args, server.get_bound_port(), password, ptz_states, ticker)
        except OSError as err:
            print(f"cannot listen for ONVIF on {args.host}:{args.onvif_port}: {err}", file=sys.stderr, flush=True)
            return 2
    loop = GLib.MainLoop()
    _install_exits(loop, args.max_seconds)
    ticker.start()
    print(f"READY {server.get_bound_port()}{onvif_ports}", flush=True)
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nobody reads stdout after READY
    loop.run()
    return 0


if __name__ == "__main__":
    code = main(sys.argv[1:])
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)  # skip interpreter teardown while GStreamer threads may still be streaming
