#!/usr/bin/env bash
# Browser end-to-end tests against the real app: a dev-tagged build under
# Xvfb serves the built frontend with the real Go bindings on a localhost
# port; playwright-core drives Debian's Chromium against it.
# Expects frontend/dist to be built. Screenshots go to artifacts/.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT=${E2E_PORT:-34199}
LOG=$ROOT/artifacts/e2e-app.log
mkdir -p artifacts

step "e2e: build the dev-tagged app"
go build -tags dev,webkit2_41 -o build/bin/stepstudio-dev .

step "e2e: start the app under Xvfb on 127.0.0.1:$PORT"
xvfb-run -a -s "-screen 0 1600x1000x24" ./build/bin/stepstudio-dev \
  -devserver "127.0.0.1:$PORT" -assetdir frontend/dist >"$LOG" 2>&1 &
app=$!
stop_app() { pkill -P "$app" 2>/dev/null || true; kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; }
trap stop_app EXIT
if ! wait_for_port 127.0.0.1 "$PORT" 60 "$app"; then
  echo "the app did not start; its log:" >&2
  cat "$LOG" >&2
  exit 1
fi

step "e2e: browser tests"
if ! (cd frontend && STUDIO_URL="http://127.0.0.1:$PORT" ARTIFACTS="$ROOT/artifacts" node --test e2e/); then
  echo "--- app log (last 60 lines) ---" >&2
  tail -n 60 "$LOG" >&2
  exit 1
fi
end_step
