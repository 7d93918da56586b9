"""Benchmark: the camera tree with 25,000 cameras — start-up and search keystroke latency.

    .venv/bin/python bench/camera_tree.py --cameras 25000

Cameras come from a real SQLite database (CameraStore.list()), as in the app. Start-up = reading
them + building the catalog + showing the panel. Keystroke latency = text change → model filtered →
view laid out and painted (processEvents), for queries typed letter by letter and deleted again.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.measure import percentile, rss_mb  # noqa: E402
from ui.app import create_application  # noqa: E402
from ui.cameras.camera_panel import CameraPanel  # noqa: E402
from ui.cameras.catalog import Catalog  # noqa: E402
from videowall.storage.cameras import CameraStore  # noqa: E402
from videowall.storage.db import open_database  # noqa: E402

DISTRICTS = ["Stare Miasto", "Grzegórzki", "Prądnik Czerwony", "Prądnik Biały", "Krowodrza", "Bronowice",
             "Zwierzyniec", "Dębniki", "Łagiewniki-Borek Fałęcki", "Swoszowice", "Podgórze Duchackie",
             "Bieżanów-Prokocim", "Podgórze", "Czyżyny", "Mistrzejowice", "Bieńczyce", "Wzgórza Krzesławickie",
             "Nowa Huta"]
STREETS = ["Floriańska", "Grodzka", "Karmelicka", "Długa", "Kalwaryjska", "Wielicka", "Opolska", "Conrada",
           "Jana Pawła II", "Pokoju", "Mogilska", "Lea", "Królewska", "Zakopiańska", "Kamieńskiego", "Nowohucka"]
QUERIES = ["rondo mog", "kamera 1234", "nowa huta wiel", "łagiewniki", "22001", "grodzka 7"]


def fill_database(path: Path, count: int) -> None:
    """Bulk-insert ``count`` cameras into a freshly migrated database (the CLI would take minutes)."""
    open_database(path).close()
    now = datetime.now(timezone.utc).isoformat()
    rows = []
    for i in range(1, count + 1):
        district, street = DISTRICTS[i % len(DISTRICTS)], STREETS[(i // 7) % len(STREETS)]
        place = f"ul. {street} {i % 97}" if i % 5 else f"Rondo {street}"
        rows.append((f"Kamera {i}", place, district, f"rtsp://10.{i // 65536}.{i // 256 % 256}.{i % 256}/main",
                     now, now))
    with sqlite3.connect(path) as conn:
        conn.executemany("INSERT INTO cameras (name, location, grp, main_url, created_utc, updated_utc)"
                         " VALUES (?, ?, ?, ?, ?, ?)", rows)


def run(args: argparse.Namespace) -> dict:
    app = create_application(offscreen=True, language="en")
    db = Path(tempfile.mkdtemp(prefix="bench-tree-")) / "videowall.db"
    fill_database(db, args.cameras)
    t0 = time.perf_counter()
    cameras = CameraStore(open_database(db)).list()
    t_read = time.perf_counter()
    catalog = Catalog(cameras)
    t_catalog = time.perf_counter()
    panel = CameraPanel(catalog)
    panel.resize(360, 1000)
    panel.show()
    app.processEvents()
    t_shown = time.perf_counter()
    latencies = []
    for query in QUERIES:
        typed = [query[:n] for n in range(1, len(query) + 1)] + [query[:n] for n in range(len(query) - 1, -1, -1)]
        for text in typed:
            start = time.perf_counter()
            panel.search.setText(text)
            QApplication.processEvents()
            panel.tree.viewport().repaint()
            latencies.append((time.perf_counter() - start) * 1000)
    return {
        "cameras": len(cameras),
        "read_db_ms": round((t_read - t0) * 1000, 1),
        "build_catalog_ms": round((t_catalog - t_read) * 1000, 1),
        "panel_shown_ms": round((t_shown - t_catalog) * 1000, 1),
        "startup_total_ms": round((t_shown - t0) * 1000, 1),
        "keystrokes": len(latencies),
        "keystroke_ms_p50": round(percentile(latencies, 50), 1),
        "keystroke_ms_p95": round(percentile(latencies, 95), 1),
        "keystroke_ms_max": round(max(latencies), 1),
        "rss_mb": round(rss_mb(), 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cameras", type=int, default=25_000)
    result = run(parser.parse_args())
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
