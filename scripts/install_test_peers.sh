#!/usr/bin/env bash
# Installs the independent ONVIF clients the tests drive the simulator with, into .venv/peers (git-ignored):
#   .venv/peers/node          npm `onvif` 0.8.3 (needs Node.js; Debian's nodejs/npm are installed if absent)
#   .venv/peers/onvif-python  a venv of its own with PyPI `onvif-python` 0.4.7: it installs a top-level package
#                             named `onvif`, like onvif-zeep, so the two must never share a site-packages.
# Idempotent: a second run only checks the stamps. Called by scripts/bootstrap.sh --test.
set -euo pipefail
cd "$(dirname "$0")/.."

NODE_ONVIF=0.8.3
ONVIF_PYTHON=0.4.7
PEERS=.venv/peers
mkdir -p "$PEERS"

if ! command -v npm >/dev/null 2>&1; then
  echo "install_test_peers: installing Node.js and npm"
  SUDO=""; [ "$(id -u)" != 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
if [ ! -f "$PEERS/node/.installed-$NODE_ONVIF" ]; then
  echo "install_test_peers: npm onvif@$NODE_ONVIF"
  mkdir -p "$PEERS/node"
  npm install --silent --no-audit --no-fund --prefix "$PEERS/node" "onvif@$NODE_ONVIF" >/dev/null
  touch "$PEERS/node/.installed-$NODE_ONVIF"
fi

if [ ! -f "$PEERS/onvif-python/.installed-$ONVIF_PYTHON" ]; then
  echo "install_test_peers: onvif-python==$ONVIF_PYTHON (own venv)"
  base=$(.venv/bin/python -c 'import sys; print(sys._base_executable)')
  "$base" -m venv "$PEERS/onvif-python"
  "$PEERS/onvif-python/bin/python" -m pip install -q "onvif-python==$ONVIF_PYTHON"
  touch "$PEERS/onvif-python/.installed-$ONVIF_PYTHON"
fi
