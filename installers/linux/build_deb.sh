#!/usr/bin/env bash
# Builds the videowall .deb in one command: freezes the app with PyInstaller (one-dir), lays it out under
# /opt/videowall with /usr/bin/videowall, a .desktop entry and icons, computes Depends from the bundle's ELF
# files (dpkg-shlibdeps) and packs it with dpkg-deb.
#
#   installers/linux/build_deb.sh [--no-freeze] [--out DIR]
#
# --no-freeze reuses build/deb/dist/videowall from an earlier run. Prints the .deb's path as its last line.
# Needs: dpkg-dev (dpkg-shlibdeps), a .venv with the app and PyInstaller (pip install -e '.[installer]'),
# and the system libraries the bundle links (scripts/bootstrap.sh installs them).
# Environment: PYTHON (default .venv/bin/python), DEB_MAINTAINER, DEB_COMPRESSION and DEB_COMPRESSION_LEVEL
# (default zstd 9: ≈85 MB in ≈12 s on 2 cores; xz 6 gives ≈69 MB but takes minutes).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
HERE=installers/linux
PYTHON=${PYTHON:-$ROOT/.venv/bin/python}
OUT=$ROOT/build/deb
freeze=1
while [ $# -gt 0 ]; do
  case "$1" in
    --no-freeze) freeze=0 ;;
    --out) OUT=$(realpath -m "$2"); shift ;;
    *) echo "build_deb: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
for tool in dpkg-shlibdeps dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "build_deb: $tool is missing (apt-get install dpkg-dev)" >&2; exit 1; }
done

WORK=$ROOT/build/deb
DIST=$WORK/dist
VERSION=$("$PYTHON" -c 'import videowall; print(videowall.__version__)')
ARCH=$(dpkg --print-architecture)
MAINTAINER=${DEB_MAINTAINER:-"videowall maintainers <videowall@localhost>"}
mkdir -p "$WORK" "$OUT"

if [ $freeze = 1 ]; then
  echo "build_deb: translations" >&2
  "$PYTHON" -m ui.i18n.build
  echo "build_deb: freezing with PyInstaller" >&2
  start=$(date +%s)
  "$PYTHON" -m PyInstaller --noconfirm --log-level WARN --distpath "$DIST" --workpath "$WORK/pyinstaller" \
    installers/videowall.spec >&2
  echo "build_deb: frozen in $(( $(date +%s) - start )) s" >&2
fi
[ -x "$DIST/videowall/videowall" ] || { echo "build_deb: no frozen app in $DIST/videowall" >&2; exit 1; }

# -- the package tree (laid out as debhelper would: debian/<package>/ with DEBIAN/) ------------------------
PKG=$WORK/debian/videowall
rm -rf "$PKG"
mkdir -p "$PKG/DEBIAN" "$PKG/opt" "$PKG/usr/bin" "$PKG/usr/share/applications" "$PKG/etc/default" "$PKG/lib/systemd/system" \
  "$PKG/usr/share/doc/videowall" "$PKG/usr/share/icons/hicolor/scalable/apps"
cp -a "$DIST/videowall" "$PKG/opt/videowall"
install -m 755 "$HERE/videowall-launcher.sh" "$PKG/usr/bin/videowall"
install -m 644 "$HERE/videowall.desktop" "$PKG/usr/share/applications/videowall.desktop"
install -m 644 "$HERE/default-videowall" "$PKG/etc/default/videowall"
install -m 644 "$HERE/default-videowall-recorder" "$PKG/etc/default/videowall-recorder"
install -m 644 "$HERE/videowall-recorder.service" "$PKG/lib/systemd/system/videowall-recorder.service"
install -m 644 resources/icons/videowall.svg "$PKG/usr/share/icons/hicolor/scalable/apps/videowall.svg"
for png in resources/icons/videowall-*.png; do
  size=$(basename "$png" .png); size=${size#videowall-}
  install -D -m 644 "$png" "$PKG/usr/share/icons/hicolor/${size}x${size}/apps/videowall.png"
done
install -m 644 docs/install.md "$PKG/usr/share/doc/videowall/install.md"
cat > "$PKG/usr/share/doc/videowall/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: videowall
Comment: The program is proprietary. /opt/videowall bundles Python, Qt (PySide6, LGPLv3), FFmpeg (PyAV
 wheel, LGPL/GPL with libx264), numpy, cryptography, zeep, onvif-zeep and keyring under their own licences;
 their licence texts are in /opt/videowall/_internal/*.dist-info and the libraries' own folders.
EOF
install -m 755 "$HERE/postinst" "$HERE/prerm" "$HERE/postrm" "$PKG/DEBIAN/"
printf '/etc/default/videowall\n/etc/default/videowall-recorder\n' > "$PKG/DEBIAN/conffiles"
chmod -R u+rwX,go+rX,go-w "$PKG"

# -- Depends: every shared library the bundle needs but does not ship, mapped to its package -----------------
echo "build_deb: computing Depends (dpkg-shlibdeps)" >&2
start=$(date +%s)
mkdir -p "$WORK/debian"
printf 'Source: videowall\n\nPackage: videowall\nArchitecture: any\n' > "$WORK/debian/control"
mapfile -t elfs < <("$PYTHON" - "$PKG/opt/videowall" <<'EOF'
import os, sys
for folder, _dirs, files in os.walk(sys.argv[1]):
    for name in files:
        path = os.path.join(folder, name)
        if not os.path.islink(path):
            with open(path, "rb") as f:
                if f.read(4) == b"\x7fELF":
                    print(path)
EOF
)
libdirs=$(find "$PKG/opt/videowall" -type f -name '*.so*' -printf '%h\n' | sort -u | sed 's/^/-l/')
# shellcheck disable=SC2086 # one -l option per bundled library folder
depends=$(cd "$WORK" && dpkg-shlibdeps -O -S"$PKG" $libdirs "${elfs[@]/#/-e}" 2>"$WORK/shlibdeps.log" \
  | sed -n 's/^shlibs:Depends=//p')
if [ -z "$depends" ]; then
  cat "$WORK/shlibdeps.log" >&2
  echo "build_deb: dpkg-shlibdeps found no dependencies" >&2
  exit 1
fi
# Expected noise: Python extensions resolve Python's symbols at run time ("probably a plugin"), and wheels
# link libraries they do not use. Anything else is shown.
grep -v -e 'should already be installed' -e 'RPATH of' -e 'useless dependency' -e 'unresolvable reference' \
  -e 'other similar warnings' "$WORK/shlibdeps.log" >&2 || true
echo "build_deb: Depends computed in $(( $(date +%s) - start )) s" >&2

cat > "$PKG/DEBIAN/control" <<EOF
Package: videowall
Version: $VERSION
Architecture: $ARCH
Maintainer: $MAINTAINER
Section: video
Priority: optional
Installed-Size: $(du -sk --exclude=DEBIAN "$PKG" | cut -f1)
Depends: $depends, passwd
Recommends: gnome-keyring | kwalletmanager, fonts-dejavu-core
Suggests: python3-gi, python3-numpy, gir1.2-gst-rtsp-server-1.0, gstreamer1.0-rtsp, gstreamer1.0-plugins-base,
 gstreamer1.0-plugins-good, gstreamer1.0-plugins-bad, gstreamer1.0-plugins-ugly
Description: video wall for CCTV monitoring rooms
 Live RTSP camera walls across several monitors, PTZ control over ONVIF, recording, incident bookmarks and
 signed evidence export to USB. The program and its libraries are installed in /opt/videowall; station data
 lives in /var/lib/videowall or each operator's ~/.local/share/videowall and is never removed by the package.
 The built-in camera simulator (videowall demo) needs the suggested GStreamer packages.
EOF

deb=$OUT/videowall_${VERSION}_${ARCH}.deb
echo "build_deb: packing $(basename "$deb")" >&2
start=$(date +%s)
dpkg-deb --root-owner-group -Z"${DEB_COMPRESSION:-zstd}" -z"${DEB_COMPRESSION_LEVEL:-9}" --build "$PKG" "$deb" >&2
echo "build_deb: packed in $(( $(date +%s) - start )) s: $(du -h "$deb" | cut -f1)" >&2
echo "$deb"
