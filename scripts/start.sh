#!/usr/bin/env bash
# Installs what is needed and starts the studio on the example workflow
# (File > New or the welcome, without it, start from scratch).
# With a display: the desktop window. Without one ($DISPLAY unset): the app
# runs under Xvfb and serves the studio, with the real Go backend, to a
# browser at the printed localhost URL.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT=${STUDIO_PORT:-34115}

bash scripts/setup.sh

step "build the frontend"
(cd frontend && npm run --silent build)

if [ -n "${DISPLAY:-}" ]; then
  step "build the desktop app"
  wails build -m -s
  end_step
  echo "Starting Stepstudio…"
  if [ $# -eq 0 ]; then set -- app/examples/order-process.asl.json; fi
  exec ./build/bin/stepstudio "$@"
fi

step "build the app for browser use"
bash scripts/devbuild.sh build/bin/stepstudio-dev
end_step
log=$(mktemp)
# The app writes its address here, with a key for this launch only: pages
# from other sites cannot use the studio without it (app/devguard).
urlfile=$(mktemp)
STEPSTUDIO_URL_FILE=$urlfile xvfb-run -a -s "-screen 0 1600x1000x24" ./build/bin/stepstudio-dev \
  -devserver "127.0.0.1:$PORT" -assetdir frontend/dist >"$log" 2>&1 &
app=$!
trap 'pkill -P $app 2>/dev/null; kill $app 2>/dev/null; rm -f "$log" "$urlfile"' EXIT INT TERM
wait_for_port 127.0.0.1 "$PORT" 60 "$app" || { cat "$log" >&2; die "the studio did not start"; }
printf '\n\033[1mStepstudio is running: open this address in a browser:\n  %s\033[0m\n' "$(cat "$urlfile")&start=example"
echo "(the address carries a key for this launch only; no display was found, so the app runs under Xvfb; press Ctrl+C to stop)"
wait "$app"
