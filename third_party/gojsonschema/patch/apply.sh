#!/usr/bin/env bash
# Re-applies Stepstudio's patches (patch/*.patch, unified diffs) to pristine
# gojsonschema; STEPSTUDIO.md one folder up says what they change and why.
# Upstream's version is the one go.mod requires; `go mod download` fetches
# it into the module cache. Its tests and test data are left out, every Go
# file is gofmt'ed; patch/ and STEPSTUDIO.md are ours.
#
#   bash third_party/gojsonschema/patch/apply.sh          rewrite the folder from upstream + patches
#   bash third_party/gojsonschema/patch/apply.sh --check  fail unless the folder is exactly that (CI)
set -euo pipefail

mode=${1:-apply}
case "$mode" in apply | --check) ;; *)
	echo "usage: $0 [--check]" >&2
	exit 2
	;;
esac

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
module=$(dirname "$here")
cd "$module/../.."
# shellcheck source=../../upstream.sh
source third_party/upstream.sh

mod=github.com/xeipuuv/gojsonschema
fetch_upstream "$mod"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/patched"
(cd "$upstream" && find . -maxdepth 1 -type f ! -name '*_test.go' -exec cp {} "$tmp/patched/" \;)
chmod -R u+w "$tmp/patched"
for p in "$here"/*.patch; do
	patch -s -p1 -d "$tmp/patched" <"$p" || {
		echo "$(basename "$p") no longer applies to $mod $version: redo it (STEPSTUDIO.md)" >&2
		exit 1
	}
done
# gofmt, as every Go file of the repository is (two upstream files predate
# Go 1.19's doc comment formatting).
gofmt -w "$tmp/patched"

case "$mode" in
apply)
	find "$module" -mindepth 1 -maxdepth 1 ! -name patch ! -name STEPSTUDIO.md -exec rm -rf {} +
	cp -R "$tmp/patched/." "$module/"
	echo "third_party/gojsonschema: $mod $version, patched"
	;;
--check)
	if ! diff -r -x patch -x STEPSTUDIO.md "$tmp/patched" "$module" >"$tmp/diff"; then
		head -n 60 "$tmp/diff" >&2
		echo "third_party/gojsonschema is not $mod $version with patch/ applied:" \
			"run 'bash third_party/gojsonschema/patch/apply.sh', or change patch/ instead of the copy" >&2
		exit 1
	fi
	echo "third_party/gojsonschema is $mod $version with patch/ applied"
	;;
esac
