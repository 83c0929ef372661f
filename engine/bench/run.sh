#!/usr/bin/env bash
# Compares `stepstudio run` with aws-local-stepfunctions 3.0.0 on the same
# definitions, whole process included: wall and CPU time, peak RSS and the
# speed-up (wall). The peer is installed into a temporary folder, never
# into the repository. Timings come from rusage (engine/bench/measure).
# Usage: engine/bench/run.sh [ROUNDS]   (default 5; the fastest round counts)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
rounds=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm init -y >/dev/null 2>&1 && npm install --silent aws-local-stepfunctions@3.0.0 >/dev/null 2>&1)
cp "$here/peer.mjs" "$work/"
(cd "$repo" && go build -o "$work/stepstudio" . && go build -o "$work/measure" ./engine/bench/measure)
node -e 'const items=[...Array(10000).keys()]; console.log(JSON.stringify({run:"bench",items}))' >"$work/map.input.json"
cp "$here/count.input.json" "$work/"

# best WALL CPU RSS: reads "wall cpu rss" lines, prints the one with the
# least wall time.
best() { sort -n | head -1; }

# Rounds alternate between the peer and stepstudio, so that both sample the
# same moments of a shared machine (a burst of load would otherwise cover
# all of stepstudio's rounds, which take a fraction of a second together).
printf '%-6s %8s %8s %8s %8s %8s %8s %8s\n' bench ours_s ours_cpu ours_MiB peer_s peer_cpu peer_MiB speedup
for b in count map; do
	: >"$work/peer.$b" && : >"$work/ours.$b"
	for _ in $(seq "$rounds"); do
		(cd "$work" && ./measure 1 node peer.mjs "$here/$b.asl.json" "$work/$b.input.json") >>"$work/peer.$b"
		# EXPRESS: both workloads record more than the 25,000 events a
		# STANDARD history holds (the peer has no such limit).
		"$work/measure" 1 "$work/stepstudio" run "$here/$b.asl.json" --type express --input "$work/$b.input.json" --format json >>"$work/ours.$b"
	done
	read -r ps pc prss < <(best <"$work/peer.$b")
	read -r os oc orss < <(best <"$work/ours.$b")
	awk -v b="$b" -v os="$os" -v oc="$oc" -v orss="$orss" -v ps="$ps" -v pc="$pc" -v prss="$prss" 'BEGIN{
		printf "%-6s %8.3f %8.3f %8.1f %8.3f %8.3f %8.1f %7.1fx\n", b, os, oc, orss/1024, ps, pc, prss/1024, ps/os }'
done
