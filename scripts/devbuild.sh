#!/usr/bin/env bash
# Builds the dev-tagged binary that serves the studio to a browser (the
# headless mode and the browser tests) against Wails with the devguard
# patch: see third_party/wails-devguard/README.md.
# Usage: scripts/devbuild.sh OUTPUT
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

out=${1:?usage: scripts/devbuild.sh OUTPUT}
upstream=$(go list -m -f '{{.Dir}}' github.com/wailsapp/wails/v2)
version=$(go list -m -f '{{.Version}}' github.com/wailsapp/wails/v2)
patchfile=$ROOT/third_party/wails-devguard/devserver.patch
work=$ROOT/build/wails-devguard
goversion=$(go list -m -f '{{.GoVersion}}')
stamp="$version $goversion $(sha256sum "$patchfile" | cut -d' ' -f1)"

if [ "$(cat "$work/stamp" 2>/dev/null)" != "$stamp" ]; then
  rm -rf "$work"
  mkdir -p "$work"
  cp -r "$upstream" "$work/wails"
  chmod -R u+w "$work/wails"
  patch --quiet --forward --no-backup-if-mismatch -d "$work/wails" -p1 <"$patchfile" ||
    die "the devguard patch does not apply to Wails $version: redo it (third_party/wails-devguard/README.md)"
  cat >"$work/go.work" <<WORK
go $goversion

use $ROOT

replace github.com/wailsapp/wails/v2 $version => $work/wails
WORK
  echo "$stamp" >"$work/stamp"
fi
GOWORK=$work/go.work go build -tags dev,webkit2_41 -o "$out" .
