"""Per-tile JSON report of a wall run (for `demo --report`, smoke tests and CI)."""

from __future__ import annotations

import json
from pathlib import Path

from ui.wall.wall_window import WallWindow


def wall_report(wall: WallWindow, started_monotonic: float) -> dict:
    tiles = []
    for tile in wall.tiles:
        if tile.view is None:       # an empty tile of the layout
            continue
        stats = tile.view.stats()
        first_paint = (None if tile.first_paint_monotonic is None
                       else round(tile.first_paint_monotonic - started_monotonic, 3))
        tiles.append({
            "camera_id": tile.view.camera.id,
            "camera": tile.view.camera.name,
            "profile": tile.view.profile.value if tile.view.profile else None,
            "state": tile.label.state.value,
            "state_text": tile.label.report_text,
            "fps": round(tile.painted_fps(), 2),
            "decoded_fps": round(stats.fps_in, 2),
            "frames_painted": tile.painted_frames,
            "frames_dropped": stats.frames_dropped,
            "first_frame_s": None if stats.first_frame_s is None else round(stats.first_frame_s, 3),
            "first_paint_s": first_paint,
            "reconnects": stats.reconnects,
            "last_error": stats.last_error,        # None while live: a recovered failure is history
            "error_history": [record.message for record in stats.error_history],
            "transport": stats.transport,
            "source_size": [stats.width, stats.height],
        })
    live = sum(1 for t in tiles if t["state"] == "live")
    return {"tiles": tiles, "tiles_total": len(tiles), "tiles_live": live,
            "min_fps": min((t["fps"] for t in tiles), default=0.0)}


def write_report(path: Path, report: dict) -> None:
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
