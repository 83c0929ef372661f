# Shared helpers for the scripts: step headers with timings, root access,
# and the tool versions pinned by the repository. Source it, do not run it.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

GO_VERSION=1.26.8   # fetched from the Go module proxy when go is missing or older
NODE_VERSION=20.20.2 # fetched from the npm registry when node is missing or older
WAILS_VERSION=$(awk '$1 == "github.com/wailsapp/wails/v2" {print $2}' go.mod)
export PATH="/usr/local/go/bin:$PATH:$HOME/go/bin"
if command -v go >/dev/null 2>&1; then export PATH="$PATH:$(go env GOPATH)/bin"; fi

_step_name=""
_step_start=0
_run_start=$(date +%s)

# step NAME: ends the previous step (printing its time) and starts the next.
step() {
  end_step
  _step_name=$1
  _step_start=$(date +%s)
  printf '\n\033[1m==> %s\033[0m  (%s)\n' "$_step_name" "$(date +%H:%M:%S)"
}

end_step() {
  if [ -n "$_step_name" ]; then
    printf '    done: %s in %ss\n' "$_step_name" $(($(date +%s) - _step_start))
    _step_name=""
  fi
}

total_time() {
  end_step
  printf '\n==> all steps took %ss\n' $(($(date +%s) - _run_start))
}

# build_cli OUT [LDFLAGS]: the command line as packages put it on PATH
# (scripts/package.sh) and the engine benchmarks measure it
# (engine/bench/run.sh): no window (no build tags) and CGO-free, so it
# loads no libc, no dynamic loader and no GTK: a start costs about 1 ms
# less than a cgo build's and 50 ms less than the desktop build's.
# Opening the studio from it hands over to the desktop build installed
# beside it (app/handover_unix.go).
build_cli() {
  CGO_ENABLED=0 go build -trimpath -ldflags "-w -s ${2:-}" -o "$1" .
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

die() {
  printf '\033[31merror:\033[0m %s\n' "$*" >&2
  exit 1
}

# version_ge A B: true when version A >= version B (dotted numbers).
version_ge() {
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]
}

# wait_for_port HOST PORT SECONDS PID: waits until the port accepts
# connections; fails early if the process PID has died.
wait_for_port() {
  local host=$1 port=$2 seconds=$3 pid=$4 i
  for ((i = 0; i < seconds * 5; i++)); do
    if (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; then return 0; fi
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.2
  done
  return 1
}
