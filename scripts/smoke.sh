#!/usr/bin/env bash
# Smoke test of the production binary: it must open a real window under
# Xvfb, and a screenshot of the screen must not be blank.
# Usage: scripts/smoke.sh [OUT.png]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

OUT=${1:-$ROOT/artifacts/window.png}
BIN=$ROOT/build/bin/stepstudio
[ -x "$BIN" ] || die "$BIN is missing: run 'wails build -m' first"
mkdir -p "$(dirname "$OUT")"

display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
log=$(mktemp)
# A fresh config dir: no recent files or recovery copies of the user's, and
# the kill below leaves nothing behind for the user's next start.
config=$(mktemp -d)
DISPLAY=$display STEPSTUDIO_CONFIG_DIR=$config "$BIN" >"$log" 2>&1 &
app=$!
cleanup() { kill "$app" "$xvfb" 2>/dev/null || true; wait "$app" "$xvfb" 2>/dev/null || true; rm -rf "$log" "$config"; }
trap cleanup EXIT

# Give the window time to open and the example to be laid out and drawn.
for _ in $(seq 1 30); do
  kill -0 "$app" 2>/dev/null || { cat "$log" >&2; die "the app exited before showing a window"; }
  sleep 1
  DISPLAY=$display import -window root "$OUT" 2>/dev/null || continue
  # The canvas (between the palette and the inspector) is one flat colour
  # until the example's diagram is drawn; then it has hundreds.
  colours=$(convert "$OUT" -crop 880x640+230+60 -format '%k' info:)
  if [ "$colours" -gt 200 ]; then
    sleep 1 # let the fit-to-view settle before the picture that is kept
    DISPLAY=$display import -window root "$OUT"
    echo "window drawn: $colours colours on the canvas in $OUT"
    exit 0
  fi
done
cat "$log" >&2
die "the window stayed blank ($colours colours in $OUT)"
