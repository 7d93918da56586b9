#!/usr/bin/env bash
# Sets everything up (first run only) and opens the video wall on the built-in simulated cameras.
# Extra arguments go to `videowall demo` (e.g. --cameras 16, --offscreen --seconds 20 --report r.json).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
exec .venv/bin/videowall demo "$@"
