#!/usr/bin/env bash
# The installed studio opens a window under Xvfb (started as the command
# line, which hands over to the desktop build), and opening a second file
# while it runs (what a file manager does: `stepstudio FILE`) hands the file
# to that window instead of opening another: the window's title names the
# second file and there is still one Stepstudio window. D-Bus carries the
# hand-over on Linux (Wails' single-instance lock), so both run inside one
# dbus-run-session.
# Usage: scripts/package-window.sh BIN OUT.png
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

bin=${1:?usage: package-window.sh BIN OUT.png}
shot=${2:?}
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] || [ "${PACKAGE_WINDOW_INNER:-}" != 1 ]; then
  exec env PACKAGE_WINDOW_INNER=1 dbus-run-session -- bash "$0" "$@"
fi
mkdir -p "$(dirname "$shot")"
work=$(mktemp -d)
app= xvfb=
cleanup() {
  [ -z "$app" ] || { kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; }
  [ -z "$xvfb" ] || { kill "$xvfb" 2>/dev/null || true; wait "$xvfb" 2>/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT
# A display of its own that answers before the studio starts: GTK fails
# to initialise on one that is not up yet, and another Xvfb (another
# engineer's, a test's) may hold the number picked.
for _ in 1 2 3 4 5; do
  display=:$((90 + RANDOM % 100))
  Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  for _ in $(seq 1 50); do
    DISPLAY=$display xdotool getdisplaygeometry >/dev/null 2>&1 && break 2
    kill -0 "$xvfb" 2>/dev/null || break
    sleep 0.1
  done
  kill "$xvfb" 2>/dev/null || true
  xvfb=
done
[ -n "$xvfb" ] || die "no Xvfb display came up"
export DISPLAY=$display STEPSTUDIO_CONFIG_DIR=$work/config NO_AT_BRIDGE=1 # no accessibility bus to start
cp app/examples/order-process.asl.json scripts/package-testdata/greet.asl.json "$work/"

# wait_title TEXT: waits until a window's title contains TEXT.
wait_title() {
  for _ in $(seq 1 40); do
    kill -0 "$app" 2>/dev/null || { cat "$work/log" >&2; die "the studio exited"; }
    xdotool search --name "$1" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  cat "$work/log" >&2
  die "no window titled '$1' (windows: $(xdotool search --name Stepstudio getwindowname %@ 2>/dev/null | tr '\n' ';'))"
}

(cd "$work" && exec "$bin" order-process.asl.json >"$work/log" 2>&1) &
app=$!
wait_title "order-process.asl.json — Stepstudio"
# The command line hands over to the desktop build (app/handover_unix.go);
# the window keeps the class the desktop entry's StartupWMClass names.
xdotool search --classname '^stepstudio$' >/dev/null || die "no window of class stepstudio (StartupWMClass)"
echo "    window open on order-process.asl.json (class stepstudio)"

# The second start forwards its file over D-Bus and ends (Wails ends it
# with status 1 once handed over); it must not stay and open a window.
(cd "$work" && timeout 20 "$bin" greet.asl.json >"$work/second.log" 2>&1) || true
wait_title "greet.asl.json — Stepstudio"
count=$(xdotool search --name "— Stepstudio" | wc -l)
[ "$count" = 1 ] || die "$count Stepstudio windows after the second start, want 1"
sleep 2 # let the diagram of the handed-over file be laid out and drawn
import -window root "$shot"
colours=$(convert "$shot" -crop 880x640+230+60 -format '%k' info:)
[ "$colours" -gt 200 ] || die "the window looks blank ($colours colours in $shot)"
echo "    a second start handed greet.asl.json to the running window (one window); screenshot $shot ($colours colours)"
