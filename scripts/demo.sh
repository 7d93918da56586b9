#!/usr/bin/env bash
# Sets everything up (first run only) and opens the operator window on the built-in simulated cameras
# (street scenes, an hour of recorded footage and a few bookmarks, in a throw-away data dir).
# Extra arguments go to `videowall demo` (e.g. --cameras 16, --offscreen --seconds 20 --report r.json).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
exec .venv/bin/videowall demo "$@"
