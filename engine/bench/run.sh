#!/usr/bin/env bash
# Compares `stepstudio run` (the command line as scripts/package.sh builds
# and installs it: CGO-free, stripped) with aws-local-stepfunctions 3.0.0 on the same
# definitions, whole process included: wall and CPU time, peak RSS and the
# speed-up (wall), the start-up of each (`stepstudio version` beside
# node importing the peer), and validating a 1,000-state definition
# (`stepstudio validate` beside asl-validator 4.0.0's command), then the
# validator's go benchmarks (from scratch and after a one-state edit)
# beside asl-validator in process. The peers are installed into a
# temporary folder, never into the repository. Timings come from rusage (engine/bench/measure).
# Usage: engine/bench/run.sh [ROUNDS]   (default 7, at least 5)
# Every figure is the MEDIAN of the rounds (best-of flatters both sides and
# hides a loaded machine); the fastest round is printed beside it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
rounds=${1:-7}
if [ "$rounds" -lt 5 ]; then
	echo "run.sh: use at least 5 rounds (the median of fewer says little)" >&2
	exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm init -y >/dev/null 2>&1 && npm install --silent aws-local-stepfunctions@3.0.0 asl-validator@4.0.0 >/dev/null 2>&1)
cp "$here/peer.mjs" "$work/"
# The binary is copied after the build, as installing it would: the Go
# linker writes its output through a memory map, which leaves the file in
# the page cache in large folios, and every run of that very file then maps
# about 8 MiB more of it (a 26 MiB peak RSS for `stepstudio version`
# instead of 18 MiB). A copied or installed binary, like node's, is read
# into the cache in ordinary pages.
# shellcheck source=../../scripts/lib.sh
source "$repo/scripts/lib.sh" # build_cli: the command line as packages install it
build_cli "$work/stepstudio.linked"
go build -o "$work/measure" ./engine/bench/measure
cp "$work/stepstudio.linked" "$work/stepstudio"
node -e 'const items=[...Array(10000).keys()]; console.log(JSON.stringify({run:"bench",items}))' >"$work/map.input.json"
cp "$here/count.input.json" "$work/"
# The validate row: 1,000 states, the shape schema/bench_test.go validates.
node "$here/thousand.mjs" 1000 >"$work/thousand.asl.json"
# The peer's start-up: node loading the engine, nothing run.
echo "import 'aws-local-stepfunctions';" >"$work/start.mjs"

# median: reads "wall cpu rss" lines and prints the median of each column
# (each column on its own: the round with the median wall time need not
# have the median memory), then the least wall time.
median() {
	local f; f=$(cat)
	col() { cut -d' ' -f"$1" <<<"$f" | sort -g | awk '{v[NR]=$1} END {m=int((NR+1)/2); print (NR%2) ? v[m] : (v[m]+v[m+1])/2}'; }
	echo "$(col 1) $(col 2) $(col 3) $(cut -d' ' -f1 <<<"$f" | sort -g | head -1)"
}

# one NAME: the command each side runs for workload NAME.
peer_cmd() {
	case $1 in
	start) echo node start.mjs ;;
	validate) echo node node_modules/asl-validator/dist/bin/asl-validator.js --silent --json-path thousand.asl.json ;;
	*) echo node peer.mjs "$here/$1.asl.json" "$work/$1.input.json" ;;
	esac
}
ours_cmd() {
	case $1 in
	start) echo "$work/stepstudio" version ;;
	validate) echo "$work/stepstudio" validate thousand.asl.json ;;
	# EXPRESS: both workloads record more than the 25,000 events a
	# STANDARD history holds (the peer has no such limit).
	*) echo "$work/stepstudio" run "$here/$1.asl.json" --type express --input "$work/$1.input.json" --format json ;;
	esac
}

# Rounds alternate between the peer and stepstudio, so that both sample the
# same moments of a shared machine (a burst of load would otherwise cover
# all of stepstudio's rounds, which take a fraction of a second together).
echo "median of $rounds rounds, alternating (best = fastest round's wall)"
printf '%-6s %8s %8s %8s %8s | %8s %8s %8s %8s | %8s\n' bench ours_s ours_cpu ours_MiB ours_best peer_s peer_cpu peer_MiB peer_best speedup
for b in start count map validate; do
	: >"$work/peer.$b" && : >"$work/ours.$b"
	# shellcheck disable=SC2046 # the commands are word lists on purpose
	for _ in $(seq "$rounds"); do
		(cd "$work" && ./measure 1 $(peer_cmd "$b")) >>"$work/peer.$b"
		(cd "$work" && ./measure 1 $(ours_cmd "$b")) >>"$work/ours.$b"
	done
	read -r ps pc prss pbest < <(median <"$work/peer.$b")
	read -r os oc orss obest < <(median <"$work/ours.$b")
	awk -v b="$b" -v os="$os" -v oc="$oc" -v orss="$orss" -v ob="$obest" -v ps="$ps" -v pc="$pc" -v prss="$prss" -v pb="$pbest" 'BEGIN{
		printf "%-6s %8.4f %8.4f %8.1f %8.4f | %8.4f %8.4f %8.1f %8.4f | %7.1fx\n", b, os, oc, orss/1024, ob, ps, pc, prss/1024, pb, ps/os }'
done

# Validation in process, without either side's start-up: the go
# benchmarks of the validator (a 1,000-state definition from scratch, and
# again after a one-state edit as the editor does it) beside asl-validator
# validating the same states in node (it reuses nothing between texts).
cp "$here/aslv.mjs" "$work/"
peer_ms=$(cd "$work" && node aslv.mjs thousand.asl.json 31)
bench=$(cd "$repo" && go test ./schema -run XXX -bench 'ThousandStates$|ThousandStatesEdit/reuse' -benchtime 30x -count "$rounds")
bench_ms() { # the median ns/op of benchmark $1, in ms
	awk -v name="$1" '$1 ~ name {print $3/1e6}' <<<"$bench" | sort -g | awk '{v[NR]=$1} END {m=int((NR+1)/2); print (NR%2) ? v[m] : (v[m]+v[m+1])/2}'
}
echo
echo "in process, 1,000 states (median of $rounds go benchmark runs; asl-validator: median of 31)"
for row in "validate:^BenchmarkThousandStates-" "re-validate after a one-state edit:^BenchmarkThousandStatesEdit/reuse-"; do
	ours=$(bench_ms "${row#*:}")
	awk -v what="${row%%:*}" -v o="$ours" -v p="$peer_ms" 'BEGIN{ printf "%-36s ours %7.2f ms | asl-validator %7.2f ms | %6.1fx\n", what, o, p, p/o }'
done
