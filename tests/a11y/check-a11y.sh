#!/bin/sh
# Runs check-a11y.py against the app on a demo library, inside its own
# D-Bus session with the AT-SPI bus. Usage: check-a11y.sh APP SCRIPT
# (under xvfb-run; meson test runs it so).
set -u
app=$1
script=$2

if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] || [ -z "${PB_A11Y_INNER:-}" ]; then
  command -v dbus-run-session >/dev/null || { echo "dbus-run-session is missing"; exit 77; }
  PB_A11Y_INNER=1 exec dbus-run-session -- "$0" "$@"
fi

/usr/bin/python3 -c 'import pyatspi' 2>/dev/null || { echo "python3-pyatspi is missing"; exit 77; }
launcher=/usr/libexec/at-spi-bus-launcher
[ -x "$launcher" ] || { echo "at-spi2-core is missing"; exit 77; }

home=$(mktemp -d)
trap 'kill "$app_pid" "$bus_pid" 2>/dev/null; rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config"
export XDG_CACHE_HOME="$home/cache" XDG_STATE_HOME="$home/state"
export GTK_A11Y=atspi
unset NO_AT_BRIDGE

"$launcher" --launch-immediately &
bus_pid=$!
"$app" --demo &
app_pid=$!
# libatspi warns when it asks a new app for its cache too early: that is
# the checker's GLib, not the app's, so G_DEBUG=fatal-warnings stays with
# the app only.
env -u G_DEBUG /usr/bin/python3 "$script" panel-brief-app
