#!/usr/bin/env bash
# Runs a command against an emulated USB stick: a loop device (FAT32, or --fs ext4 where the kernel
# cannot mount vfat, e.g. in containers) whose reads and writes are throttled
# by the blkio cgroup to a stick's speeds, mounted at $STICK_DIR (default /tmp/videowall-stick).
# Needs root and cgroup v1 blkio (as on these machines). Everything is torn down afterwards.
#
#   sudo bench/slow_stick.sh [--write-mbps 40] [--read-mbps 120] [--size-gb 3] [--fs vfat|ext4] -- \
#       .venv/bin/python -m bench.export --out /tmp/videowall-stick/bench --minutes 2
#
# Defaults are a typical USB 3 stick; a USB 2 stick writes ≈ 10–20 MB/s and reads ≈ 30–35 MB/s.
set -euo pipefail

write_mbps=40 read_mbps=120 size_gb=3 fs=vfat
while [ $# -gt 0 ]; do
  case "$1" in
    --write-mbps) write_mbps=$2; shift 2 ;;
    --read-mbps) read_mbps=$2; shift 2 ;;
    --size-gb) size_gb=$2; shift 2 ;;
    --fs) fs=$2; shift 2 ;;
    --) shift; break ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ $# -gt 0 ] || { echo "usage: $0 [options] -- command ..." >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "$0: needs root (loop device, mount, cgroup)" >&2; exit 2; }
blkio=/sys/fs/cgroup/blkio
[ -w "$blkio" ] || { echo "$0: no writable cgroup v1 blkio hierarchy at $blkio" >&2; exit 2; }

stick_dir=${STICK_DIR:-/tmp/videowall-stick}
work=$(mktemp -d)
group="$blkio/videowall-stick-$$"
device=""
cleanup() {
  umount "$stick_dir" 2>/dev/null || true
  [ -n "$device" ] && losetup -d "$device" 2>/dev/null || true
  [ -d "$group" ] && rmdir "$group" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

truncate -s "${size_gb}G" "$work/stick.img"
device=$(losetup -f --show "$work/stick.img")
mkdir -p "$stick_dir"
case "$fs" in
  vfat) mkfs.vfat -F 32 -n VW_STICK "$device" >/dev/null
        mount -o uid="${SUDO_UID:-0}",gid="${SUDO_GID:-0}" "$device" "$stick_dir" ;;
  ext4) mkfs.ext4 -q -L VW_STICK "$device"
        mount "$device" "$stick_dir" ;;
  *) echo "$0: --fs vfat or ext4" >&2; exit 2 ;;
esac
mkdir "$group"
numbers=$(( 16#$(stat -c %t "$device") )):$(( 16#$(stat -c %T "$device") ))
echo "$numbers $(( write_mbps * 1000000 ))" > "$group/blkio.throttle.write_bps_device"
echo "$numbers $(( read_mbps * 1000000 ))" > "$group/blkio.throttle.read_bps_device"
echo "emulated stick: $fs on $device at $stick_dir, write $write_mbps MB/s, read $read_mbps MB/s" >&2
# The command runs inside the throttled group (its children too).
bash -c 'echo $$ > "$1/cgroup.procs"; shift; exec "$@"' _ "$group" "$@"
