#!/usr/bin/env bash
# CI step for the installers; exits non-zero on any failure.
#  1. builds the .deb (installers/linux/build_deb.sh), installs it with `apt-get install ./…deb`,
#  2. runs `videowall --selftest`, `videowall demo` (the simulator needs the system's GStreamer, which
#     scripts/bootstrap.sh installs) and a headless command from the installed package,
#  3. purges the package and checks that it left the station's and the operator's data alone,
#  4. compiles the Windows NSIS installer with Debian's makensis against a stand-in of the Windows payload,
#     and, where wine64 is installed, runs it: install, upgrade, uninstall (installers/windows/wine_check.sh).
# Needs root or sudo (apt), dpkg-dev and nsis (scripts/bootstrap.sh --test), and the .venv with PyInstaller.
# Replaces an installed videowall package, if any, and purges it at the end (data is kept, as checked).
# --no-freeze reuses the previous PyInstaller output (quicker while working on the packaging).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/build/installers
PYTHON=${PYTHON:-$ROOT/.venv/bin/python}
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
rm -rf "$WORK"
mkdir -p "$WORK"
started=$(date +%s)
step_started=$started

step() {
  local now
  now=$(date +%s)
  [ "$step_started" = "$started" ] || echo "   ($(( now - step_started )) s)"
  step_started=$now
  echo "== installers: $*"
}
fail() { echo "build_installers: FAILED: $*" >&2; exit 1; }

# A failed run must not leave the package installed (nor the check's marker in the station folder).
installed=0
marker=/var/lib/videowall/.installer-ci-keep-check
cleanup() {
  local status=$?
  if [ $installed = 1 ]; then
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q videowall >/dev/null 2>&1 || true
  fi
  $SUDO rm -f "$marker"
  exit $status
}
trap cleanup EXIT

for tool in dpkg-shlibdeps makensis apt-get; do
  command -v "$tool" >/dev/null || fail "$tool is missing (scripts/bootstrap.sh --test installs dpkg-dev and nsis)"
done
if ! "$PYTHON" -c 'import PyInstaller' 2>/dev/null; then
  "$PYTHON" -m pip install -q -e ".[installer]"
  "$PYTHON" -c 'import PyInstaller' 2>/dev/null || fail "PyInstaller is not installed (the 'installer' extra)"
fi

# -- Linux ---------------------------------------------------------------------------------------------------
freeze_option=()
[ "${1:-}" = "--no-freeze" ] && freeze_option=(--no-freeze)
step "deb: build"
deb=$(installers/linux/build_deb.sh "${freeze_option[@]}" | tail -n 1)
[ -f "$deb" ] || fail "build_deb.sh made no package"
echo "   $(basename "$deb"): $(du -h "$deb" | cut -f1), installed $(dpkg-deb -f "$deb" Installed-Size) KiB"

step "deb: apt-get install $(basename "$deb")"
if dpkg-query -W -f='${Status}' videowall 2>/dev/null | grep -q 'install ok installed'; then
  echo "   (replacing the videowall package installed on this machine)"
fi
install_deb() { $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$deb"; }
install_deb >"$WORK/apt-install.log" 2>&1 || {
  # Missing dependencies and stale package lists: refresh once, then try again.
  $SUDO apt-get update -qq && install_deb >>"$WORK/apt-install.log" 2>&1
} || { cat "$WORK/apt-install.log" >&2; fail "apt-get could not install the package"; }
installed=1
[ -x /opt/videowall/videowall ] && [ -x /usr/bin/videowall ] || fail "the package did not install its files"
[ -f /usr/share/applications/videowall.desktop ] || fail "no .desktop entry"
[ -f /usr/share/icons/hicolor/scalable/apps/videowall.svg ] || fail "no icon"

step "deb: videowall --selftest from the installed package"
report=$WORK/selftest-deb.json
set +e
(cd / && env -u PYTHONPATH -u VIRTUAL_ENV -u VIDEOWALL_DATA_DIR /usr/bin/videowall --selftest >"$report")
code=$?
set -e
python3 - "$report" "$code" <<'EOF' || fail "the installed package's selftest failed (report: $report)"
import json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
code = int(sys.argv[2])
print(f"   result {report['result']}, exit {code}, timing {report.get('timing')}")
if report.get("reason"):
    print(f"   reason: {report['reason']}")
sys.exit(0 if report["result"] == "pass" and code == 0 else 1)
EOF

step "deb: videowall demo from the installed package (simulator on the system's GStreamer)"
demo_report=$WORK/demo-deb.json
(cd / && env -u PYTHONPATH -u VIRTUAL_ENV HOME="$WORK" timeout 120 /usr/bin/videowall demo --cameras 2 \
  --offscreen --seconds 4 --report "$demo_report" >"$WORK/demo.log" 2>&1) \
  || { cat "$WORK/demo.log" >&2; fail "videowall demo failed"; }
python3 - "$demo_report" <<'EOF' || fail "the demo wall showed no video (report: $demo_report)"
import json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
painted = [tile["frames_painted"] for tile in report["tiles"]]
print(f"   {report['tiles_live']}/{report['tiles_total']} tiles live, frames painted {painted}")
sys.exit(0 if report["tiles_total"] == report["tiles_live"] == 2 and min(painted) > 0 else 1)
EOF

step "deb: operator data created by the installed app"
home=$WORK/home
mkdir -p "$home"
(cd / && env -u VIDEOWALL_DATA_DIR HOME="$home" XDG_DATA_HOME="$home/.local/share" VIDEOWALL_KEYRING=memory \
  /usr/bin/videowall camera add --name "Kept after removal" --url rtsp://127.0.0.1:8554/kept >/dev/null) \
  || fail "'videowall camera add' failed in the installed package"
user_db=$home/.local/share/videowall/videowall.sqlite3
[ -f "$user_db" ] || fail "the installed app wrote no database to $user_db"
[ -d /var/lib/videowall ] || fail "postinst did not create /var/lib/videowall"
$SUDO touch "$marker"

step "deb: apt-get purge videowall"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q videowall >"$WORK/apt-purge.log" 2>&1 \
  || { cat "$WORK/apt-purge.log" >&2; fail "apt-get could not purge the package"; }
installed=0
[ ! -e /opt/videowall ] && [ ! -e /usr/bin/videowall ] \
  || fail "the purge left program files behind: $(find /opt/videowall /usr/bin/videowall 2>/dev/null | head -5)"
[ -f "$user_db" ] || fail "the purge deleted the operator's data ($user_db)"
[ -f "$marker" ] || fail "the purge deleted station data in /var/lib/videowall"
$SUDO rm -f "$marker"
echo "   program removed; /var/lib/videowall and ~/.local/share/videowall kept"

# -- Windows -------------------------------------------------------------------------------------------------
step "nsis: compile the installer against a stand-in payload"
version=$("$PYTHON" -c 'import videowall; print(videowall.__version__)')
"$PYTHON" installers/windows/payload_stub.py "$WORK/nsis-payload"
setup=$WORK/videowall-$version-setup.exe
makensis -INPUTCHARSET UTF8 -WX -V2 -DVERSION="$version" -DPAYLOAD="$WORK/nsis-payload" -DOUTFILE="$setup" \
  installers/windows/videowall.nsi || fail "makensis could not compile installers/windows/videowall.nsi"
head -c 2 "$setup" | grep -q MZ || fail "makensis wrote no Windows executable"
echo "   $(basename "$setup"): $(du -h "$setup" | cut -f1)"

if command -v wine64 >/dev/null || [ -x /usr/lib/wine/wine64 ]; then
  step "nsis: install, upgrade and uninstall under Wine"
  installers/windows/wine_check.sh "$WORK/wine" || fail "the installer misbehaved under Wine"
else
  echo "   (install/upgrade/uninstall check skipped: wine64 is not installed)"
fi

step "done"
echo "build_installers: all installer checks passed in $(( $(date +%s) - started )) s"
