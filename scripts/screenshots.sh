#!/usr/bin/env bash
# Renders the operator's main screens (wall 3×3 live, 8×8, bookmarks, playback with timeline, export dialog;
# English and Polish) on a virtual 1920×1080 screen to PNGs, with report.json of the layout invariants.
# Usage: scripts/screenshots.sh [OUT_DIR]   (default build/screenshots, which git ignores)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-build/screenshots}"
exec xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python -m ui.screenshots --out "$out"
