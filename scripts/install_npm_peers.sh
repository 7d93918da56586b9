#!/usr/bin/env bash
# Installs the npm test peers (independent RTSP servers the suite plays from) into .venv/npm-peers,
# which git ignores. Idempotent: a second run only checks. Usage: scripts/install_npm_peers.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PEERS=(rtsp-streaming-server@2.1.0)
PREFIX=.venv/npm-peers

command -v npm >/dev/null || { echo "install_npm_peers: npm is not installed" >&2; exit 1; }
missing=()
for peer in "${PEERS[@]}"; do
  name=${peer%@*}
  version=${peer##*@}
  installed=$(node -p "require('./$PREFIX/node_modules/$name/package.json').version" 2>/dev/null || true)
  [ "$installed" = "$version" ] || missing+=("$peer")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install_npm_peers: installing ${missing[*]}"
  mkdir -p "$PREFIX"
  npm install --prefix "$PREFIX" --no-audit --no-fund --loglevel=error "${missing[@]}" </dev/null >/dev/null
fi
