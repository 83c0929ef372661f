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
# the kills below leave nothing behind for the user's next start.
config=$(mktemp -d)
app=
stop_app() { [ -z "$app" ] || { kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; }; app=; }
cleanup() { stop_app; kill "$xvfb" 2>/dev/null || true; wait "$xvfb" 2>/dev/null || true; rm -rf "$log" "$config"; }
trap cleanup EXIT

# start_drawn SHOT: starts the app and waits until its window shows the
# example's diagram, keeping a screenshot in SHOT.
start_drawn() {
  local shot=$1 colours=0
  # Named on the command line, the example opens without the welcome.
  DISPLAY=$display STEPSTUDIO_CONFIG_DIR=$config "$BIN" "$ROOT/app/examples/order-process.asl.json" >"$log" 2>&1 &
  app=$!
  # Give the window time to open and the example to be laid out and drawn.
  for _ in $(seq 1 30); do
    kill -0 "$app" 2>/dev/null || { cat "$log" >&2; die "the app exited before showing a window"; }
    sleep 1
    DISPLAY=$display import -window root "$shot" 2>/dev/null || continue
    # The canvas (between the palette and the inspector) is one flat colour
    # until the example's diagram is drawn; then it has hundreds.
    colours=$(convert "$shot" -crop 880x640+230+60 -format '%k' info:)
    if [ "$colours" -gt 200 ]; then
      sleep 1 # let the fit-to-view settle before the picture that is kept
      DISPLAY=$display import -window root "$shot"
      echo "window drawn: $colours colours on the canvas in $shot"
      return 0
    fi
  done
  cat "$log" >&2
  die "the window stayed blank ($colours colours in $shot)"
}

start_drawn "$OUT"
stop_app
store=$config/runs.db
[ -s "$store" ] || die "the app kept no run store at $store"

# A damaged run store must not stop the studio: it is moved aside and the
# studio starts with an empty history (app/runs/check.go).
for damage in "cut short" "both meta pages flipped"; do
  cp "$store" "$store.sound"
  case $damage in
    "cut short") truncate -s 5000 "$store" ;;
    *) printf '\xff\xff\xff\xff' | dd of="$store" bs=1 seek=16 conv=notrunc status=none
       printf '\xff\xff\xff\xff' | dd of="$store" bs=1 seek=$((4096 + 16)) conv=notrunc status=none ;;
  esac
  start_drawn "$(dirname "$OUT")/window-damaged-store.png"
  stop_app
  ls "$config"/runs.db.damaged-* >/dev/null 2>&1 || die "a run store $damage was not moved aside"
  echo "run store $damage: the studio started and moved it aside"
  rm -f "$config"/runs.db.damaged-*
  mv "$store.sound" "$store"
done
