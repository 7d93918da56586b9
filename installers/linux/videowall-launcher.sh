#!/bin/sh
# /usr/bin/videowall: reads the station-wide settings of /etc/default/videowall, then starts the app in
# /opt/videowall. A VIDEOWALL_DATA_DIR already set in the environment wins over the file.
set -e
if [ -z "${VIDEOWALL_DATA_DIR:-}" ] && [ -r /etc/default/videowall ]; then
    . /etc/default/videowall
fi
if [ -n "${VIDEOWALL_DATA_DIR:-}" ]; then
    export VIDEOWALL_DATA_DIR
    # A shared station folder: files this operator creates stay writable for the others in its group.
    umask 002
fi
exec /opt/videowall/videowall "$@"
