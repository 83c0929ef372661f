#!/usr/bin/env bash
# Compares `stepstudio run` with aws-local-stepfunctions 3.0.0 on the same
# definitions, whole process included: wall time, peak RSS and the ratio.
# The peer is installed into a temporary folder, never into the repository.
# Usage: engine/bench/run.sh [ROUNDS]   (default 5; the best round counts)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
rounds=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm init -y >/dev/null 2>&1 && npm install --silent aws-local-stepfunctions@3.0.0 >/dev/null 2>&1)
cp "$here/peer.mjs" "$work/"
(cd "$repo" && go build -o "$work/stepstudio" . && go build -o "$work/driver" ./engine/bench/driver)
node -e 'const items=[...Array(10000).keys()]; console.log(JSON.stringify({run:"bench",items}))' >"$work/map.input.json"
cp "$here/count.input.json" "$work/"

# measure CMD... -> prints "seconds rss_kib" of the best of $rounds runs
measure() {
  local best_s="" best_rss=""
  for _ in $(seq "$rounds"); do
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
    read -r s rss <"$work/time"
    if [[ -z "$best_s" ]] || awk -v a="$s" -v b="$best_s" 'BEGIN{exit !(a<b)}'; then best_s=$s; best_rss=$rss; fi
  done
  echo "$best_s $best_rss"
}

# "stepstudio" is the real binary (`stepstudio run`); "driver" runs the same
# validate-compile-run path but links only engine and schema, without the
# GUI dependencies whose package init runs at every process start.
printf '%-6s %-10s %9s %9s %9s %9s %8s\n' bench engine ours_s ours_MiB peer_s peer_MiB speedup
for b in count map; do
  read -r ps prss < <(cd "$work" && measure node peer.mjs "$here/$b.asl.json" "$work/$b.input.json")
  read -r os orss < <(measure "$work/stepstudio" run "$here/$b.asl.json" --input "$work/$b.input.json" --format json)
  read -r ds drss < <(measure "$work/driver" "$here/$b.asl.json" "$work/$b.input.json")
  for row in "stepstudio $os $orss" "driver $ds $drss"; do
    set -- $row
    awk -v b="$b" -v e="$1" -v os="$2" -v orss="$3" -v ps="$ps" -v prss="$prss" 'BEGIN{
      o = (os > 0 ? os : 0.005)
      printf "%-6s %-10s %9.3f %9.1f %9.3f %9.1f %7.1fx\n", b, e, os, orss/1024, ps, prss/1024, ps/o }'
  done
done
