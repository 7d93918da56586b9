"""`videowall --selftest`: proves that this build (source checkout, frozen bundle, installed package) shows video.

Needs no camera, network, screen, keyring or data dir. It encodes a short H.264 clip with the libx264 that
PyAV bundles, plays it into a real WallWindow through the real StreamSupervisor → StreamSession → LiveDecoder
path (the session's local-file source), grabs the tile and checks that its pixels show the clip's colour.
It also checks the parts a frozen bundle most often loses (translations, icon, time-zone data, ONVIF WSDLs,
keyring and crypto modules). Prints one JSON report on stdout; returns 0 when everything passed, 1 otherwise
with the reason in the report.
"""

from __future__ import annotations

import dataclasses
import importlib
import importlib.util
import json
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from videowall import __version__
from videowall.media.sample_clip import BACKGROUND_RGB, encode_test_clip

CLIP_SIZE = (320, 240)
CLIP_FPS = 25
CLIP_SECONDS = 3
COLOUR_TOLERANCE = 24             # per channel, after H.264's YUV 4:2:0 round trip and Qt's scaling
WALL_SIZE = (640, 360)
EXTRA_FRAMES_WANTED = 5           # after the first good picture, wait briefly for a few more (reported only)
EXTRA_WAIT_S = 2.0
STATION_TIMEZONE = "Europe/Warsaw"


def run_selftest(timeout_s: float = 30.0, out: TextIO | None = None) -> int:
    """Run every check, print the JSON report to ``out`` (stdout), return the exit code. GUI thread."""
    started = time.monotonic()
    report: dict = {"selftest": "videowall", "result": "fail", "reason": None,
                    "versions": collect_versions(), "platform": collect_platform()}
    report["checks"] = bundle_checks()
    failed = [f"{name}: {value}" for name, value in report["checks"].items() if value != "ok"]
    try:
        report["video"] = play_test_clip(timeout_s)
    except Exception as exc:  # the report must say what broke, whatever it was
        report["video"] = {"error": f"{type(exc).__name__}: {exc}"}
    video_problem = report["video"].get("error")
    if video_problem:
        failed.append(f"video: {video_problem}")
    report["versions"].update(report["video"].pop("versions", {}))
    report["timing"] = {"total_s": round(time.monotonic() - started, 3),
                        **report["video"].pop("timing", {})}
    if failed:
        report["reason"] = "; ".join(failed)
    else:
        report["result"] = "pass"
    print(json.dumps(report, indent=2, ensure_ascii=False), file=out or sys.stdout, flush=True)
    return 0 if report["result"] == "pass" else 1


# -- what this build is ----------------------------------------------------------------------------
def collect_versions() -> dict:
    versions = {"videowall": __version__, "python": platform.python_version()}
    try:
        import PySide6
        from PySide6.QtCore import qVersion
        versions.update(pyside6=PySide6.__version__, qt=qVersion())
    except ImportError as exc:
        versions["qt"] = f"missing: {exc}"
    try:
        import numpy
        versions["numpy"] = numpy.__version__
    except ImportError as exc:
        versions["numpy"] = f"missing: {exc}"
    return versions


def collect_platform() -> dict:
    return {"system": platform.system(), "release": platform.release(), "machine": platform.machine(),
            "platform": platform.platform(), "frozen": bool(getattr(sys, "frozen", False)),
            "executable": Path(sys.executable).name}


def bundle_checks() -> dict[str, str]:
    """Each resource or module a frozen bundle needs at run time → "ok" or what is wrong."""
    from resources.icons import icon_path
    from ui.i18n import LANGUAGES, sources, translation_paths

    checks = {}
    missing = [lang for lang in LANGUAGES
               if not sources(lang) or len(translation_paths(lang)) < len(sources(lang))]
    checks["translations"] = "ok" if not missing else f"no compiled translation for {', '.join(missing)}"
    checks["icon"] = "ok" if icon_path().is_file() and icon_path(256).is_file() else "application icon missing"
    checks["timezone"] = _timezone_check()
    checks["onvif_wsdl"] = _wsdl_check()
    checks["keyring_backend"] = _keyring_backend_check()
    modules = ["videowall.config.secrets", "cryptography.hazmat.primitives.serialization", "zeep",
               "keyring.backends.Windows" if sys.platform == "win32" else "keyring.backends.SecretService"]
    for name in modules:
        try:
            importlib.import_module(name)
            checks[f"module {name}"] = "ok"
        except Exception as exc:  # ImportError, or a library failing while it loads
            checks[f"module {name}"] = f"{type(exc).__name__}: {exc}"
    return checks


def _timezone_check() -> str:
    try:
        ZoneInfo(STATION_TIMEZONE)
        return "ok"
    except ZoneInfoNotFoundError:   # Windows has no zone database of its own: the tzdata package must ship
        return f"no time-zone data for {STATION_TIMEZONE} (install/bundle the tzdata package)"


def _keyring_backend_check() -> str:
    """keyring finds the OS store through its entry points, which a frozen bundle loses without metadata."""
    from importlib.metadata import entry_points

    wanted = "Windows" if sys.platform == "win32" else "SecretService"
    names = sorted(ep.name for ep in entry_points(group="keyring.backends"))
    return "ok" if wanted in names else f"keyring's {wanted} backend is not registered (found: {names or 'none'})"


def _wsdl_check() -> str:
    spec = importlib.util.find_spec("onvif")
    if spec is None or not spec.origin:
        return "onvif package missing"
    wsdl = Path(spec.origin).resolve().parent.parent / "wsdl" / "devicemgmt.wsdl"  # where onvif-zeep looks
    return "ok" if wsdl.is_file() else f"ONVIF WSDL files missing (looked for {wsdl.parent.name}/{wsdl.name})"


# -- the test clip ---------------------------------------------------------------------------------
# -- playing it on a wall --------------------------------------------------------------------------
def play_test_clip(timeout_s: float) -> dict:
    """Encode the clip, show it on an offscreen wall, check the tile's pixels. GUI thread."""
    with tempfile.TemporaryDirectory(prefix="videowall-selftest-", ignore_cleanup_errors=True) as tmp:
        clip = Path(tmp) / "selftest.mp4"
        t0 = time.monotonic()
        encoded = encode_test_clip(clip, CLIP_SIZE, CLIP_FPS, CLIP_SECONDS)
        encode_s = time.monotonic() - t0
        result = _show_on_wall(clip, timeout_s)
    result["clip"] = {k: v for k, v in encoded.items() if k != "versions"}
    result["versions"] = encoded["versions"]
    result["timing"] = {"encode_s": round(encode_s, 3), **result.pop("timing")}
    return result


def _show_on_wall(clip: Path, timeout_s: float) -> dict:
    from ui.app import create_application
    from ui.wall.wall_window import WallWindow
    from videowall.media.types import StreamOptions
    from videowall.model.camera import Camera
    from videowall.streams.supervisor import StreamSupervisor

    try:
        options = dataclasses.replace(StreamOptions(), allow_local_files=True)
    except TypeError:
        return {"error": "the media engine has no local-file source (StreamOptions.allow_local_files)",
                "timing": {}}
    app = create_application(offscreen=True, language="en")
    camera = Camera(id=1, name="SELFTEST", main_url=clip.as_uri())
    supervisor = StreamSupervisor(lambda _id: camera, lambda _id: None, options=options)
    wall = None
    try:
        t0 = time.monotonic()
        wall = WallWindow(supervisor, [camera.id], ZoneInfo("UTC"))
        wall.resize(*WALL_SIZE)
        wall.show()
        tile = wall.tiles[0]
        picture: list[tuple[int, int, int]] = []

        def shows_clip() -> bool:
            if tile.painted_frames == 0:
                return False
            picture[:] = [centre_colour(tile)]
            return colour_matches(picture[0], BACKGROUND_RGB)

        ok = _wait_until(app, shows_clip, timeout_s)
        first_paint_s = time.monotonic() - t0
        if ok:
            _wait_until(app, lambda: tile.painted_frames >= EXTRA_FRAMES_WANTED, EXTRA_WAIT_S)
        stats = tile.view.stats()
        result = {"tile_state": tile.label.state.value, "frames_painted": tile.painted_frames,
                  "frames_decoded": stats.frames_decoded, "last_error": stats.last_error,
                  "picture_rgb": list(picture[0]) if picture else None, "expected_rgb": list(BACKGROUND_RGB),
                  "timing": {"first_paint_s": round(first_paint_s, 3) if ok else None,
                             "first_frame_s": None if stats.first_frame_s is None
                             else round(stats.first_frame_s, 3)}}
        if not ok:
            result["error"] = _no_picture_reason(tile, picture, timeout_s)
        return result
    finally:
        if wall is not None:
            wall.close()
        supervisor.close()


def _wait_until(app, predicate, timeout_s: float) -> bool:
    """Run the Qt event loop until ``predicate()`` holds or ``timeout_s`` passes. GUI thread."""
    from PySide6.QtCore import QEventLoop

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if predicate():
            return True
        time.sleep(0.01)
    return False


def _no_picture_reason(tile, picture: list, timeout_s: float) -> str:
    if tile.painted_frames == 0:
        stats = tile.view.stats()
        detail = f", last error: {stats.last_error}" if stats.last_error else ""
        return (f"no frame reached the tile within {timeout_s:.0f} s (tile state: {tile.label.state.value},"
                f" frames decoded: {stats.frames_decoded}{detail})")
    return (f"frames were painted but the tile does not show the test clip (centre colour {picture[0]},"
            f" expected about {BACKGROUND_RGB})")


def centre_colour(tile) -> tuple[int, int, int]:
    """Median RGB of the tile's centre (away from the overlay bands), as grabbed from the screen."""
    import numpy as np
    from PySide6.QtGui import QImage

    image = tile.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    width, height = image.width(), image.height()
    buffer = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    pixels = buffer.reshape(height, image.bytesPerLine())[:, : width * 4].reshape(height, width, 4)
    centre = pixels[int(height * 0.3): int(height * 0.7), int(width * 0.3): int(width * 0.7), :3]
    blue, green, red = (int(v) for v in np.median(centre.reshape(-1, 3), axis=0))
    return red, green, blue


def colour_matches(seen: tuple[int, int, int], expected: tuple[int, int, int],
                   tolerance: int = COLOUR_TOLERANCE) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(seen, expected))


def main() -> int:
    return run_selftest()


if __name__ == "__main__":
    sys.exit(main())
