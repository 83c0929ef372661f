#!/usr/bin/env bash
# Builds what people install, stamped with the version (wails.json) and the
# commit, into artifacts/packages (never committed; CI keeps artifacts/):
#   Windows x64: stepstudio.exe (the window), stepstudio.com (the same
#     program as a console build, for the command line) and an NSIS
#     installer made from build/windows/installer/project.nsi by wails;
#   Linux x64: a .deb and a tarball laid out like /usr (bin/, lib/, share/):
#     bin/stepstudio is the command line, lib/stepstudio/stepstudio-studio
#     the window it starts.
# Then scripts/package-check.sh tests them as far as this machine allows.
# Needs a built frontend (frontend/dist); builds it when missing.
# Usage: scripts/package.sh [--no-check]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

check=1
[ "${1:-}" = "--no-check" ] && check=0
out=$ROOT/artifacts/packages
version=$(sed -n 's/^ *"productVersion": *"\([^"]*\)".*/\1/p' wails.json)
[ -n "$version" ] || die "no info.productVersion in wails.json"
commit=$(git rev-parse --short=12 HEAD)
stamp="-X github.com/stepstudio/stepstudio/app/cli.Version=$version -X github.com/stepstudio/stepstudio/app/cli.Commit=$commit"
rm -rf "$out"
mkdir -p "$out"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

if [ ! -s frontend/dist/index.html ]; then
  step "package: frontend build (frontend/dist is missing)"
  (cd frontend && npm run --silent build)
fi

step "package: Linux x64 command line (bin/stepstudio) and studio (lib/stepstudio/stepstudio-studio)"
# Two builds of the same program: the command on PATH is CGO-free and
# loads no GTK or WebKit (a command starts in ~4 ms instead of ~57), and
# hands `stepstudio [FILE]` over to the desktop build, which is what
# `wails build` makes for Linux (webkit2gtk-4.1), with the stamp.
build_cli "$stage/linux/bin/stepstudio" "$stamp"
go build -trimpath -tags desktop,production,webkit2_41 -ldflags "-w -s $stamp" -o "$stage/linux/lib/stepstudio/stepstudio-studio" .

step "package: Windows x64 console build (stepstudio.com)"
# Same program, console subsystem: a terminal waits for it and gets its
# output and exit code. A GUI-subsystem exe that attaches to its parent's
# console would return the prompt at once and lose pipes and exit codes.
GOOS=windows GOARCH=amd64 CGO_ENABLED=0 \
  go build -tags desktop,production -ldflags "-w -s $stamp" -o build/bin/stepstudio.com .

step "package: Windows x64 window build and NSIS installer (wails build -nsis)"
# wails makes the icon/manifest resources, the GUI exe, writes the WebView2
# bootstrapper and wails_tools.nsh beside our project.nsi and runs makensis.
# The window build is pure Go on Windows (no cgo), so it cross-compiles.
rm -f build/bin/Stepstudio-amd64-installer.exe
wails build -platform windows/amd64 -nsis -m -s -skipbindings -ldflags "$stamp" -o stepstudio.exe >"$stage/wails.log" 2>&1 ||
  { cat "$stage/wails.log"; die "wails build for Windows failed"; }
[ -s build/bin/Stepstudio-amd64-installer.exe ] || { cat "$stage/wails.log"; die "no installer: is makensis installed (scripts/setup.sh)?"; }
cp build/bin/stepstudio.exe "$out/stepstudio-$version-windows-amd64.exe"
cp build/bin/stepstudio.com "$out/stepstudio-$version-windows-amd64.com"
cp build/bin/Stepstudio-amd64-installer.exe "$out/stepstudio-$version-windows-amd64-setup.exe"

step "package: Linux tree (desktop entry, icon, MIME types)"
tree=$stage/linux
install -D -m 0644 build/linux/stepstudio.desktop "$tree/share/applications/stepstudio.desktop"
install -D -m 0644 build/linux/stepstudio-mime.xml "$tree/share/mime/packages/stepstudio.xml"
install -D -m 0644 build/appicon.png "$tree/share/icons/hicolor/512x512/apps/stepstudio.png"
install -D -m 0644 build/fileicon.png "$tree/share/icons/hicolor/256x256/apps/stepstudio.png"
install -D -m 0644 build/linux/copyright "$tree/share/doc/stepstudio/copyright"

step "package: .deb"
# Depends names the WebKitGTK runtime only (it brings GTK, GLib, libsoup
# and libc); package-check.sh checks every library the binary links is
# one of these or theirs.
deb=$stage/deb
mkdir -p "$deb/DEBIAN" "$deb/usr"
cp -a "$tree/." "$deb/usr/"
chmod 0755 "$deb/usr/bin/stepstudio" "$deb/usr/lib/stepstudio/stepstudio-studio"
cat >"$deb/DEBIAN/control" <<CONTROL
Package: stepstudio
Version: $version+git$commit
Architecture: amd64
Maintainer: Stepstudio <stepstudio@users.noreply.github.com>
Depends: libwebkit2gtk-4.1-0, libgtk-3-0
Section: devel
Priority: optional
Installed-Size: $(du -sk "$deb/usr" | cut -f1)
Homepage: https://github.com/stepstudio/stepstudio
Description: desktop studio for AWS Step Functions workflows
 Draw a workflow or open an .asl.json / .asl.yaml file and get the diagram
 and the code side by side; validate, run it locally and step through the
 run. stepstudio is also a headless command line (stepstudio help).
 Built from commit $commit.
CONTROL
# The desktop database and MIME cache are refreshed by dpkg triggers
# (desktop-file-utils, shared-mime-info): no maintainer scripts needed.
dpkg-deb --root-owner-group -Zxz --build "$deb" "$out/stepstudio_${version}+git${commit}_amd64.deb" >/dev/null

step "package: tarball (unpack into ~/.local or /usr/local)"
tar -C "$tree" --owner=0 --group=0 -czf "$out/stepstudio-$version-linux-amd64.tar.gz" bin lib share

step "package: artifacts"
(cd "$out" && for f in *; do printf '    %-52s %6s MiB  sha256 %s\n' "$f" \
  "$(awk -v b="$(stat -c %s "$f")" 'BEGIN{printf "%.1f", b/1048576}')" "$(sha256sum "$f" | cut -c1-16)"; done)
echo "    in $out"

end_step
if [ "$check" = 1 ]; then
  bash scripts/package-check.sh "$out" "$version" "$commit"
fi
