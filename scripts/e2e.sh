#!/usr/bin/env bash
# Browser end-to-end tests against the real app: a dev-tagged build under
# Xvfb serves the built frontend with the real Go bindings on a localhost
# port; playwright-core drives Debian's Chromium against it.
# Expects the frontend to be built. Screenshots go to artifacts/.
# Environment (so several people can run it at once): E2E_PORT, E2E_TESTS
# (files to run, default all of frontend/e2e), E2E_ASSETS (built frontend,
# default frontend/dist), E2E_BIN (where to build the app).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT=${E2E_PORT:-34199}
ASSETS=${E2E_ASSETS:-frontend/dist}
BIN=${E2E_BIN:-build/bin/stepstudio-dev}
LOG=$ROOT/artifacts/e2e-app-$PORT.log
mkdir -p artifacts "$(dirname "$BIN")"

step "e2e: build the dev-tagged app (with the devguard patch)"
bash scripts/devbuild.sh "$BIN"

# Native dialogs cannot be clicked from the browser: the app answers them
# from a file the tests write (app/files_desktop.go), and keeps its recent
# list and recovery copies in a throwaway config dir, not the user's.
E2E_HOME=$(mktemp -d)
export STEPSTUDIO_CONFIG_DIR=$E2E_HOME/config STEPSTUDIO_DIALOG_ANSWERS=$E2E_HOME/dialog-answer E2E_FILES_DIR=$E2E_HOME/files
# The cloud link reads AWS profiles from throwaway files, never the user's
# ~/.aws: one profile "e2e" with the placeholder keys `stepstudio serve`
# accepts. The cloud test starts that endpoint from the same binary.
mkdir -p "$E2E_HOME/aws"
printf '[profile e2e]\nregion = us-east-1\n' >"$E2E_HOME/aws/config"
printf '[e2e]\naws_access_key_id = local\naws_secret_access_key = local\n' >"$E2E_HOME/aws/credentials"
export AWS_CONFIG_FILE=$E2E_HOME/aws/config AWS_SHARED_CREDENTIALS_FILE=$E2E_HOME/aws/credentials
unset AWS_PROFILE AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_REGION AWS_DEFAULT_REGION AWS_ENDPOINT_URL AWS_ENDPOINT_URL_SFN
case $BIN in /*) export STEPSTUDIO_BIN=$BIN ;; *) export STEPSTUDIO_BIN=$ROOT/$BIN ;; esac
# The app writes its address, with this launch's key, here (app/devguard).
export STEPSTUDIO_URL_FILE=$E2E_HOME/url
(umask 077 && : >"$STEPSTUDIO_URL_FILE")

step "e2e: start the app under Xvfb on 127.0.0.1:$PORT"
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  die "127.0.0.1:$PORT is already in use (another studio?): set E2E_PORT"
fi
xvfb-run -a -s "-screen 0 1600x1000x24" "$BIN" \
  -devserver "127.0.0.1:$PORT" -assetdir "$ASSETS" >"$LOG" 2>&1 &
app=$!
stop_app() { pkill -P "$app" 2>/dev/null || true; kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; rm -rf "$E2E_HOME"; }
trap stop_app EXIT
if ! wait_for_port 127.0.0.1 "$PORT" 60 "$app"; then
  echo "the app did not start; its log:" >&2
  cat "$LOG" >&2
  exit 1
fi

url=$(cat "$STEPSTUDIO_URL_FILE")
[ -n "$url" ] || die "the app listens but wrote no address to $STEPSTUDIO_URL_FILE"

step "e2e: browser tests"
# A test that hangs (a Go call that never answers) fails after 5 minutes
# instead of holding CI until its limit.
if ! (cd frontend && STUDIO_URL="$url" ARTIFACTS="$ROOT/artifacts" node --test --test-timeout=300000 ${E2E_TESTS:-e2e/}); then
  echo "--- app log (last 60 lines) ---" >&2
  tail -n 60 "$LOG" >&2
  exit 1
fi
end_step
