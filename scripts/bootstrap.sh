#!/usr/bin/env bash
# Sets up everything videowall needs on Debian/Ubuntu: system packages (GStreamer RTSP server for the
# camera simulator, FFmpeg tools, Xvfb and the Qt xcb libraries) and a Python ≥ 3.12 virtualenv in .venv.
# Idempotent: a second run only checks. Usage: scripts/bootstrap.sh [--test]
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  gstreamer1.0-rtsp gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-base gstreamer1.0-plugins-good
  gstreamer1.0-plugins-bad gstreamer1.0-plugins-ugly python3-gi python3-numpy
  ffmpeg xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-xinerama0 libxcb-shape0 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libdbus-1-3
  openssl mtools dosfstools fonts-dejavu-core
)
# rtsp-server-perl, and Node.js for npm's rtsp-streaming-server: independent RTSP servers the tests play from.
# postgresql: the suite starts its own throw-away cluster (tests/fixtures/postgres.py); the package's own
# cluster is not needed, so its service may stay stopped.
TEST_APT_PACKAGES=(dbus gnome-keyring nsis dpkg-dev osslsigncode poppler-utils rtsp-server-perl iproute2 postgresql)

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

missing=()
pkgs=("${APT_PACKAGES[@]}")
[ $want_test = 1 ] && pkgs+=("${TEST_APT_PACKAGES[@]}")
# An installed Node.js from elsewhere brings its own npm (Debian's npm package would conflict with it).
[ $want_test = 1 ] && ! command -v npm >/dev/null && pkgs+=(nodejs npm)
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing system packages: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "bootstrap: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    SUDO="sudo"
  fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

find_python() {
  local cand v
  for cand in python3.12 python3.13 python3.14 python3; do
    if command -v "$cand" >/dev/null 2>&1; then
      v=$("$cand" -c 'import sys; print(int(sys.version_info >= (3, 12)))' 2>/dev/null || echo 0)
      [ "$v" = 1 ] && { command -v "$cand"; return; }
    fi
  done
  if command -v pyenv >/dev/null 2>&1; then   # pyenv installs are not on PATH by default
    for v in $(pyenv versions --bare 2>/dev/null | grep -E '^3\.(1[2-9])(\.[0-9]+)?$' | sort -V); do
      cand=$(PYENV_VERSION=$v pyenv which python3 2>/dev/null) && [ -x "$cand" ] && { echo "$cand"; return; }
    done
  fi
  return 1
}

if [ ! -x .venv/bin/python ]; then
  PY=$(find_python) || {
    echo "bootstrap: videowall needs Python 3.12 or newer (PySide6 6.12 and PyAV 19 need it)." >&2
    echo "  Ubuntu 24.04: apt install python3.12 python3.12-venv; Debian 12: install Python 3.12 (e.g. pyenv)." >&2
    exit 1; }
  echo "bootstrap: creating .venv with $PY"
  "$PY" -m venv .venv || { echo "bootstrap: venv failed: install python3-venv for $PY" >&2; exit 1; }
  .venv/bin/python -m pip install -q --upgrade pip
fi
extras=""
[ $want_test = 1 ] && extras="[test,installer]"
stamp=".venv/.installed$extras"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q -e ".$extras"
  touch "$stamp"
fi
[ $want_test = 1 ] && scripts/install_test_peers.sh   # independent ONVIF clients the tests drive the simulator with
.venv/bin/python -m ui.i18n.build >/dev/null 2>&1 || true
if [ $want_test = 1 ]; then
  scripts/install_npm_peers.sh || echo "bootstrap: warning: the npm test peers did not install; their tests will skip" >&2
fi
echo "bootstrap: ready (.venv/bin/videowall)"
