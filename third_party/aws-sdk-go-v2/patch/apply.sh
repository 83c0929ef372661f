#!/usr/bin/env bash
# Rewrites third_party/aws-sdk-go-v2/service/* from pristine upstream with
# the lazy endpoint table (patch/main.go; ../STEPSTUDIO.md says why). Each
# module's version is the one go.mod requires; `go mod download` fetches
# it into the module cache.
#
#   bash third_party/aws-sdk-go-v2/patch/apply.sh          rewrite the copies from upstream + patch
#   bash third_party/aws-sdk-go-v2/patch/apply.sh --check  fail unless the copies are exactly that (CI)
set -euo pipefail

mode=${1:-apply}
case "$mode" in apply | --check) ;; *)
	echo "usage: $0 [--check]" >&2
	exit 2
	;;
esac

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(dirname "$here")
cd "$top/../.."
# shellcheck source=../../upstream.sh
source third_party/upstream.sh

# The modules whose endpoint tables every start built: the credential
# chain that aws-sdk-go-v2/config links (sts, sso, ssooidc, signin) and
# the Step Functions client app/cloud uses.
services="sts sso ssooidc signin sfn"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/patch" ./third_party/aws-sdk-go-v2/patch
for s in $services; do
	mod=github.com/aws/aws-sdk-go-v2/service/$s
	fetch_upstream "$mod"
	"$tmp/patch" "$upstream" "$tmp/service/$s"
	case "$mode" in
	apply)
		rm -rf "$top/service/$s"
		mkdir -p "$top/service"
		cp -R "$tmp/service/$s" "$top/service/$s"
		echo "third_party/aws-sdk-go-v2/service/$s: $version, patched"
		;;
	--check)
		if ! diff -r "$tmp/service/$s" "$top/service/$s" >"$tmp/diff"; then
			head -n 40 "$tmp/diff" >&2
			echo "third_party/aws-sdk-go-v2/service/$s is not $mod $version with patch/ applied:" \
				"run 'bash third_party/aws-sdk-go-v2/patch/apply.sh', or change patch/ instead of the copy" >&2
			exit 1
		fi
		;;
	esac
done
[ "$mode" = apply ] || echo "third_party/aws-sdk-go-v2: $services are upstream with patch/ applied"
