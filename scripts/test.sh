#!/usr/bin/env bash
# Runs every test, as CI does: installs what is missing, then checks
# formatting, vets, enforces the import rules, runs the Go tests and the
# shipped workflows' scenario suites (stepstudio test), the
# frontend type-check, lint and unit tests, a production build, browser e2e tests
# against the real app, a smoke test of the production window, and the
# installable packages (scripts/package.sh: built, installed and checked).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

bash scripts/setup.sh

step "gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go'))
[ -z "$unformatted" ] || die "gofmt would change: $unformatted"

step "go vet"
go vet ./...

step "import rules: engine/ and schema/ know nothing of Wails or app/; only app itself knows Wails"
bad=$(go list -deps ./engine/... ./schema/... | grep -E '^github.com/wailsapp/|^github.com/stepstudio/stepstudio/app' || true)
[ -z "$bad" ] || die "engine/ or schema/ import: $bad"
for pkg in $(go list ./app/... ./internal/... | grep -v '^github.com/stepstudio/stepstudio/app$'); do
  if go list -deps "$pkg" | grep -q '^github.com/wailsapp/'; then
    die "$pkg imports Wails: only the package app may (its subpackages stay headless)"
  fi
done

step "third_party/go-graphviz is pristine upstream with patch/ applied"
bash third_party/go-graphviz/patch/check.sh
step "third_party/gojsonschema is pristine upstream with patch/ applied"
bash third_party/gojsonschema/patch/apply.sh --check
step "third_party/aws-sdk-go-v2 is pristine upstream with patch/ applied"
bash third_party/aws-sdk-go-v2/patch/apply.sh --check

step "go test"
go test ./...

step "stepstudio test: the example's and every template's scenario suites, every state and transition covered"
cli_dir=$(mktemp -d)
go build -o "$cli_dir/stepstudio" .
"$cli_dir/stepstudio" test app/examples --min-coverage 100

step "real AWS clients (AWS CLI, boto3, JS SDK v3) against stepstudio serve"
STEPSTUDIO_BIN="$cli_dir/stepstudio" bash scripts/endpoint-clients.sh
rm -rf "$cli_dir"

step "go test -race: the engine and the studio's run manager (concurrent Map, Parallel, event batching)"
go test -race ./engine/... ./app/runs/...

step "frontend: type-check"
(cd frontend && npm run --silent typecheck)

step "frontend: lint (ESLint, React hooks rules, wailsjs only from src/backend)"
(cd frontend && npm run --silent lint)

step "frontend: unit tests (vitest)"
(cd frontend && npx vitest run)

step "frontend: build"
(cd frontend && npm run --silent build)

step "production build (wails build -m)"
wails build -m -s -clean
git -c core.fileMode=false diff --exit-code -- frontend/wailsjs || die "frontend/wailsjs is out of date: commit the regenerated bindings"

step "browser e2e against the real app"
bash scripts/e2e.sh

step "smoke: the production binary opens a window"
bash scripts/smoke.sh "$ROOT/artifacts/window.png"

step "packages: Windows installer, .deb and tarball, built and checked (artifacts/packages)"
bash scripts/package.sh

total_time
