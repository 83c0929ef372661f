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
(cd "$repo" && go build -o "$work/stepstudio" .)
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

printf '%-6s %12s %10s %12s %10s %8s\n' bench ours_s ours_MiB peer_s peer_MiB speedup
for b in count map; do
  read -r os orss < <(measure "$work/stepstudio" run "$here/$b.asl.json" --input "$work/$b.input.json" --format json)
  read -r ps prss < <(cd "$work" && measure node peer.mjs "$here/$b.asl.json" "$work/$b.input.json")
  awk -v b="$b" -v os="$os" -v orss="$orss" -v ps="$ps" -v prss="$prss" 'BEGIN{
    o = (os > 0 ? os : 0.005)
    printf "%-6s %12.3f %10.1f %12.3f %10.1f %7.1fx\n", b, os, orss/1024, ps, prss/1024, ps/o }'
done
