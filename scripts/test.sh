#!/usr/bin/env bash
# Sets everything up (first run only) and runs the whole test suite: architecture check, then pytest.
# Leading options: --runs N runs the suite N times in a row and stops at the first failing run;
# --busy-core keeps one CPU core busy meanwhile (a flake that needs a slow machine shows up).
# Other arguments go to pytest (e.g. --soak for the long runs, -k NAME).
set -euo pipefail
cd "$(dirname "$0")/.."
BUSY_CORE_MAX_S=3600   # the busy loop ends by itself even if this script is killed without its trap

runs=1
busy_core=false
while [[ $# -gt 0 ]]; do
    case $1 in
        --runs) runs=$2; shift 2 ;;
        --busy-core) busy_core=true; shift ;;
        *) break ;;
    esac
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "test.sh: --runs needs a positive number, not '$runs'" >&2; exit 2; }

scripts/bootstrap.sh --test
echo "== architecture: the core never imports Qt or ui"
.venv/bin/lint-imports --no-cache

if $busy_core; then
    timeout "$BUSY_CORE_MAX_S" sh -c 'while :; do :; done' &
    busy_pid=$!
    trap 'kill "$busy_pid" 2>/dev/null || true' EXIT
    echo "== one core kept busy (pid $busy_pid) while the tests run"
fi

# Every Python process of the run (pytest, the CLI and simulator processes tests start) dumps its threads'
# stacks on a crash; pytest's faulthandler_timeout (pyproject.toml) dumps them for a hung test.
export PYTHONFAULTHANDLER=1
for ((run = 1; run <= runs; run++)); do
    if ((runs > 1)); then
        echo "== tests: run $run of $runs"
    else
        echo "== tests"
    fi
    .venv/bin/python -X faulthandler -m pytest -p no:cacheprovider "$@" || exit $?
done
