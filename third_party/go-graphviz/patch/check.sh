#!/usr/bin/env bash
# CI: fails unless third_party/go-graphviz is exactly pristine upstream with
# patch/ applied (apply.sh --check).
exec bash "$(dirname "${BASH_SOURCE[0]}")/apply.sh" --check
