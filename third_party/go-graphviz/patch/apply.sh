#!/usr/bin/env bash
# Re-applies Stepstudio's patch to pristine go-graphviz (STEPSTUDIO.md one
# folder up says what the patch does and why). Upstream's version is the
# one go.mod requires; `go mod download` fetches it (checked against
# go.sum) into the module cache. patch/ and STEPSTUDIO.md are ours, kept as
# they are; every other file of the folder is upstream's, patched.
#
#   bash third_party/go-graphviz/patch/apply.sh          rewrite the folder from upstream + patch
#   bash third_party/go-graphviz/patch/apply.sh --check  fail unless the folder is exactly that (CI)
#   bash third_party/go-graphviz/patch/apply.sh --diff   print the whole diff from upstream to the folder
set -euo pipefail

mode=${1:-apply}
case "$mode" in apply | --check | --diff) ;; *)
	echo "usage: $0 [--check | --diff]" >&2
	exit 2
	;;
esac

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
module=$(dirname "$here")
cd "$module/../.."
# shellcheck source=../../upstream.sh
source third_party/upstream.sh
grep -qx 'module github.com/goccy/go-graphviz' "$module/go.mod" || {
	echo "$module is not the go-graphviz copy" >&2
	exit 1
}

fetch_upstream github.com/goccy/go-graphviz

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
patch=(go run github.com/goccy/go-graphviz/patch -upstream "$upstream" -new "$here/_new")
"${patch[@]}" -out "$tmp/patched"

ours=(-x patch -x STEPSTUDIO.md)
case "$mode" in
apply)
	find "$module" -mindepth 1 -maxdepth 1 ! -name patch ! -name STEPSTUDIO.md -exec rm -rf {} +
	cp -R "$tmp/patched/." "$module/"
	echo "third_party/go-graphviz: go-graphviz $version, patched"
	;;
--check)
	if ! diff -r "${ours[@]}" "$tmp/patched" "$module" >"$tmp/diff"; then
		head -n 60 "$tmp/diff" >&2
		echo "third_party/go-graphviz is not go-graphviz $version with patch/ applied:" \
			"run 'bash third_party/go-graphviz/patch/apply.sh', or change patch/ instead of the copy" >&2
		exit 1
	fi
	echo "third_party/go-graphviz is go-graphviz $version with patch/ applied"
	;;
--diff)
	"${patch[@]}" -pristine -out "$tmp/upstream"
	mkdir "$tmp/stepstudio"
	(cd "$module" && tar -cf - --exclude=./patch --exclude=./STEPSTUDIO.md .) | (cd "$tmp/stepstudio" && tar -xf -)
	cd "$tmp" && diff -ruN upstream stepstudio || true
	;;
esac
