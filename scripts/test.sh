#!/usr/bin/env bash
# Sets everything up (first run only) and runs the whole test suite: architecture check, then pytest.
# Extra arguments go to pytest (e.g. --soak for the long runs, -k NAME).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh --test
echo "== architecture: the core never imports Qt or ui"
.venv/bin/lint-imports --no-cache
echo "== tests"
exec .venv/bin/python -m pytest -p no:cacheprovider "$@"
