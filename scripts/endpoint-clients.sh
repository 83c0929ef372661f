#!/usr/bin/env bash
# Real AWS clients against `stepstudio serve`: the AWS CLI v2 (Debian's
# awscli), the AWS SDK for Python (Debian's python3-boto3) and the AWS SDK
# for JavaScript v3 (@aws-sdk/client-sfn, pinned in scripts/endpoint-clients).
# Each client gets a fresh server on a free port. A client that is missing is
# skipped with a message; a client that fails fails the script.
# Usage: scripts/endpoint-clients.sh [cli] [boto3] [js]   (default: all three)
# Env: STEPSTUDIO_BIN to use a built binary instead of building one.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CLIENTS_DIR=$ROOT/scripts/endpoint-clients
tmp=$(mktemp -d)
server=
stop_server() { [ -z "$server" ] || { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }; server=; }
trap 'stop_server; rm -rf "$tmp"' EXIT

passed=0 failed=0 skipped=0
clients=("$@")
[ ${#clients[@]} -gt 0 ] || clients=(cli boto3 js)

step "build stepstudio"
BIN=${STEPSTUDIO_BIN:-}
if [ -z "$BIN" ]; then
  mkdir -p frontend/dist && [ -e frontend/dist/.keep ] || touch frontend/dist/.keep
  go build -o "$tmp/stepstudio" .
  BIN=$tmp/stepstudio
fi
if ! "$BIN" serve --help >/dev/null 2>&1; then
  echo "endpoint-clients: SKIP: this stepstudio has no serve command"
  echo "endpoint-clients: 0 passed, 0 failed, 3 skipped"
  exit 0
fi

# start_server: a fresh in-memory endpoint on a free port; sets ENDPOINT.
start_server() {
  stop_server
  "$BIN" serve --port 0 --format json >"$tmp/serve.out" 2>"$tmp/serve.err" &
  server=$!
  ENDPOINT=
  for _ in $(seq 1 100); do
    ENDPOINT=$(sed -n 's/.*"endpoint":"\([^"]*\)".*/\1/p' "$tmp/serve.out" | head -1)
    [ -n "$ENDPOINT" ] && return 0
    kill -0 "$server" 2>/dev/null || break
    sleep 0.1
  done
  cat "$tmp/serve.err" >&2
  echo "stepstudio serve did not start" >&2
  return 1
}

# result NAME STATUS: counts a client's outcome.
result() {
  case $2 in
    0) passed=$((passed + 1)); echo "    $1: passed" ;;
    skip) skipped=$((skipped + 1)) ;;
    *) failed=$((failed + 1)); echo "    $1: FAILED" ;;
  esac
}

# The AWS CLI: Debian's /usr/bin/aws (v2.9.19) first, whatever aws is on PATH else.
run_cli() {
  local aws
  aws=$(command -v /usr/bin/aws || command -v aws || true)
  if [ -z "$aws" ]; then
    echo "    SKIP: no AWS CLI (apt-get install awscli)"; return 2
  fi
  echo "    $("$aws" --version 2>&1)"
  start_server || return 1
  # Any credentials; no config file, no pager, no retries hiding errors.
  local -a env=(env AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_DEFAULT_REGION=us-east-1
    AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_PAGER= AWS_MAX_ATTEMPTS=1)
  sfn() { "${env[@]}" "$aws" --endpoint-url "$ENDPOINT" --output json stepfunctions "$@"; }
  py() { /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); $1"; }
  local fails=0
  ok() { echo "  ok    cli $1"; }
  bad() { echo "  FAIL  cli $1"; fails=$((fails + 1)); }

  cat >"$tmp/callback.json" <<'EOF'
{"StartAt":"Ask","States":{
 "Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
  "Parameters":{"QueueUrl":"https://sqs.us-east-1.amazonaws.com/123456789012/orders",
   "MessageBody":{"token.$":"$$.Task.Token","order.$":"$.order"}},"Next":"Done"},
 "Done":{"Type":"Pass","End":true}}}
EOF
  local arn ex token status i
  arn=$(sfn create-state-machine --name cli-callback --definition "file://$tmp/callback.json" \
    --role-arn arn:aws:iam::123456789012:role/stepstudio-clients | py 'print(d["stateMachineArn"])') &&
    [[ $arn == *:stateMachine:cli-callback ]] && ok "create-state-machine" || bad "create-state-machine ($arn)"
  ex=$(sfn start-execution --state-machine-arn "$arn" --name order-1 --input '{"order":1}' |
    py 'print(d["executionArn"])') && [[ $ex == *:execution:cli-callback:order-1 ]] &&
    ok "start-execution" || bad "start-execution ($ex)"
  token=
  for i in $(seq 1 100); do
    token=$(sfn get-execution-history --execution-arn "$ex" | py '
for e in d["events"]:
    if e["type"] == "TaskScheduled":
        print(json.loads(e["taskScheduledEventDetails"]["parameters"])["MessageBody"]["token"])') || true
    [ -n "$token" ] && break
    sleep 0.1
  done
  [ -n "$token" ] && ok "callback token in get-execution-history" || bad "no TaskScheduled with a token"
  sfn send-task-success --task-token "$token" --task-output '{"shipped":true}' >/dev/null &&
    ok "send-task-success" || bad "send-task-success"
  for i in $(seq 1 100); do
    status=$(sfn describe-execution --execution-arn "$ex" | py 'print(d["status"], d.get("output", ""))')
    [[ $status == RUNNING* ]] || break
    sleep 0.1
  done
  [ "$status" = 'SUCCEEDED {"shipped":true}' ] && ok "describe-execution" || bad "describe-execution ($status)"
  sfn get-execution-history --execution-arn "$ex" --reverse-order |
    py 'assert d["events"][0]["type"] == "ExecutionSucceeded", d["events"][0]' &&
    ok "get-execution-history --reverse-order" || bad "get-execution-history"
  sfn list-state-machines | py 'assert [m["name"] for m in d["stateMachines"]] == ["cli-callback"], d' &&
    ok "list-state-machines" || bad "list-state-machines"
  sfn list-executions --state-machine-arn "$arn" --status-filter SUCCEEDED |
    py 'assert [e["name"] for e in d["executions"]] == ["order-1"], d' && ok "list-executions" || bad "list-executions"
  sfn tag-resource --resource-arn "$arn" --tags key=team,value=orders &&
    sfn list-tags-for-resource --resource-arn "$arn" | py 'assert d["tags"] == [{"key": "team", "value": "orders"}], d' &&
    ok "tag-resource" || bad "tag-resource"
  if sfn describe-execution --execution-arn "$ex-missing" 2>"$tmp/cli.err"; then
    bad "describe-execution of a missing execution answered"
  else
    grep -q ExecutionDoesNotExist "$tmp/cli.err" && ok "error shape (ExecutionDoesNotExist)" ||
      bad "error shape: $(cat "$tmp/cli.err")"
  fi
  sfn delete-state-machine --state-machine-arn "$arn" &&
    sfn list-state-machines | py 'assert d["stateMachines"] == [], d' && ok "delete-state-machine" ||
    bad "delete-state-machine"
  [ "$fails" -eq 0 ]
}

run_boto3() {
  local py=
  for p in /usr/bin/python3 python3; do
    if "$p" -c 'import boto3' 2>/dev/null; then py=$p; break; fi
  done
  if [ -z "$py" ]; then
    echo "    SKIP: no boto3 (apt-get install python3-boto3)"; return 2
  fi
  echo "    boto3 $("$py" -c 'import boto3; print(boto3.__version__)') ($py)"
  start_server || return 1
  "$py" "$CLIENTS_DIR/boto3_client.py" "$ENDPOINT"
}

run_js() {
  if ! command -v node >/dev/null; then
    echo "    SKIP: no node"; return 2
  fi
  if [ ! -d "$CLIENTS_DIR/node_modules/@aws-sdk/client-sfn" ]; then
    (cd "$CLIENTS_DIR" && npm ci --no-audit --no-fund --silent) ||
      { echo "    SKIP: npm ci failed in scripts/endpoint-clients"; return 2; }
  fi
  echo "    @aws-sdk/client-sfn $(node -p 'require("./scripts/endpoint-clients/node_modules/@aws-sdk/client-sfn/package.json").version')"
  start_server || return 1
  # --no-warnings: the SDK warns that later releases will need Node 22
  node --no-warnings "$CLIENTS_DIR/js_client.mjs" "$ENDPOINT"
}

for c in "${clients[@]}"; do
  step "client: $c"
  set +e
  case $c in
    cli) run_cli ;;
    boto3) run_boto3 ;;
    js) run_js ;;
    *) die "unknown client $c (cli, boto3, js)" ;;
  esac
  rc=$?
  set -e
  stop_server
  if [ $rc -eq 2 ]; then result "$c" skip; else result "$c" $rc; fi
done
total_time
echo "endpoint-clients: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
