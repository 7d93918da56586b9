#!/usr/bin/env bash
# Runs the NSIS installer under Wine (64-bit) to check what it does, not only that it compiles:
# silent install, Start-menu shortcut, Add/Remove Programs entry, ProgramData folder and VIDEOWALL_DATA_DIR,
# an upgrade that leaves none of the previous version's files, and an uninstall that keeps ProgramData.
#
#   installers/windows/wine_check.sh WORK_DIR
#
# Needs wine64 (Debian: apt-get install wine64, ≈650 MB; no X server needed) and makensis. The script is
# compiled here for the amd64 target (Debian's NSIS has those stubs, and this Wine runs 64-bit programs only);
# Windows builds use the x86 stubs. The icacls ACL step is not verified under Wine. Exits non-zero on failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=$(realpath -m "${1:?usage: wine_check.sh WORK_DIR}")
WINE=${WINE:-$(command -v wine64 || echo /usr/lib/wine/wine64)}
[ -x "$WINE" ] || { echo "wine_check: wine64 is not installed" >&2; exit 1; }
rm -rf "$WORK"
mkdir -p "$WORK"
export WINEPREFIX=$WORK/prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
C=$WINEPREFIX/drive_c
PROGRAM="$C/Program Files/videowall"
DATA="$C/ProgramData/videowall"
UNINST='HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\videowall'
ENV_KEY='HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Environment'

fail() { echo "wine_check: FAILED: $*" >&2; exit 1; }
wine_run() { "$WINE" "$@"; "$(dirname "$WINE")/wineserver" -w; }   # -w: wait for spawned processes too
reg_value() { "$WINE" reg query "$1" /v "$2" 2>/dev/null | tr -d '\r' | awk -v v="$2" '$1 == v {print $NF}'; }
build() {   # version payload-dir output
  makensis -INPUTCHARSET UTF8 -WX -V1 "-XTarget amd64-unicode" -DVERSION="$1" -DPAYLOAD="$2" -DOUTFILE="$3" \
    installers/windows/videowall.nsi
}

python3 installers/windows/payload_stub.py "$WORK/payload-1" >/dev/null
python3 installers/windows/payload_stub.py "$WORK/payload-2" >/dev/null
echo old > "$WORK/payload-1/_internal/only-in-0.0.1.dll"
echo new > "$WORK/payload-2/_internal/only-in-0.0.2.dll"
build 0.0.1 "$WORK/payload-1" "$WORK/setup-0.0.1.exe"
build 0.0.2 "$WORK/payload-2" "$WORK/setup-0.0.2.exe"
wine_run wineboot -i >/dev/null 2>&1

echo "wine_check: install 0.0.1"
wine_run "$WORK/setup-0.0.1.exe" /S || fail "silent install exited $?"
[ -f "$PROGRAM/app/videowall.exe" ] && [ -f "$PROGRAM/app/_internal/only-in-0.0.1.dll" ] \
  || fail "program files missing"
[ -f "$PROGRAM/uninstall.exe" ] || fail "no uninstaller"
[ -f "$C/ProgramData/Microsoft/Windows/Start Menu/Programs/videowall.lnk" ] || fail "no Start-menu shortcut"
[ -d "$DATA" ] || fail "no ProgramData\\videowall"
[ "$(reg_value "$UNINST" DisplayVersion)" = 0.0.1 ] || fail "no Add/Remove Programs entry"
[ "$(reg_value "$ENV_KEY" VIDEOWALL_DATA_DIR)" = 'C:\ProgramData\videowall' ] || fail "VIDEOWALL_DATA_DIR not set"
echo "recorded video" > "$DATA/recording.mp4"
echo "audit" > "$DATA/audit.log"

echo "wine_check: upgrade to 0.0.2"
wine_run "$WORK/setup-0.0.2.exe" /S || fail "silent upgrade exited $?"
[ -f "$PROGRAM/app/_internal/only-in-0.0.2.dll" ] || fail "upgrade did not install the new files"
[ ! -e "$PROGRAM/app/_internal/only-in-0.0.1.dll" ] || fail "upgrade left a file of the previous version"
[ ! -e "$PROGRAM/app.old" ] || fail "upgrade left the previous version's folder"
[ "$(reg_value "$UNINST" DisplayVersion)" = 0.0.2 ] || fail "Add/Remove Programs still shows the old version"
[ -f "$DATA/recording.mp4" ] || fail "upgrade touched station data"

echo "wine_check: uninstall"
wine_run "C:\\Program Files\\videowall\\uninstall.exe" /S || fail "silent uninstall exited $?"
[ ! -e "$PROGRAM" ] || fail "uninstall left program files: $(ls -R "$PROGRAM" | head -5)"
[ ! -e "$C/ProgramData/Microsoft/Windows/Start Menu/Programs/videowall.lnk" ] || fail "shortcut left behind"
"$WINE" reg query "$UNINST" >/dev/null 2>&1 && fail "Add/Remove Programs entry left behind"
[ -z "$(reg_value "$ENV_KEY" VIDEOWALL_DATA_DIR)" ] || fail "VIDEOWALL_DATA_DIR left behind"
[ -f "$DATA/recording.mp4" ] && [ -f "$DATA/audit.log" ] || fail "uninstall deleted station data"
echo "wine_check: install, upgrade and uninstall behave; ProgramData kept"
