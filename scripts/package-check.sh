#!/usr/bin/env bash
# Tests the packages scripts/package.sh made, as far as a Linux CI machine
# allows: the .deb installs with apt-get and works from /usr/bin (version,
# validate, run, the desktop entry, MIME types, the window under Xvfb
# started through the command line, a second start handing its file to
# the running window); the tarball's
# binary gives the same answers; the Windows console build, under Wine,
# prints byte for byte what Linux prints; the installer holds the expected
# files. The .deb is removed again at the end.
# Usage: scripts/package-check.sh DIR VERSION COMMIT
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

out=$(cd "${1:?usage: package-check.sh DIR VERSION COMMIT}" && pwd)
version=${2:?} commit=${3:?}
want="stepstudio $version ($commit)"
data=$ROOT/scripts/package-testdata
tmp=$(mktemp -d)
installed=0
cleanup() {
  [ "$installed" = 0 ] || as_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq stepstudio >/dev/null 2>&1 || true
  [ -z "${WINEPREFIX:-}" ] || wineserver -k 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

# same NAME EXPECTED-FILE ACTUAL-FILE: fails unless the two are identical.
same() {
  cmp -s "$2" "$3" || { diff -u "$2" "$3" | head -20 >&2; die "$1: output differs"; }
}

# answers BIN DIR: runs the headless commands the checks compare, from
# inside the test data (relative paths, so Linux and Windows print the
# same), keeping each output and exit code in DIR.
answers() {
  local bin=$1 dir=$2
  mkdir -p "$dir"
  (
    cd "$data"
    set +e
    $bin version >"$dir/version" 2>&1; echo "$?" >>"$dir/version"
    $bin validate greet.asl.json >"$dir/validate" 2>&1; echo "$?" >>"$dir/validate"
    $bin validate --format json broken.asl.json >"$dir/validate-broken.json" 2>&1; echo "$?" >>"$dir/validate-broken.json"
    $bin run greet.asl.json --input greet.input.json --format json >"$dir/run.json" 2>&1; echo "$?" >>"$dir/run.json"
    # Through a pipe: under Wine 8 a Windows program's stdout redirected to
    # a file fails Go's Stat ("GetFileInformationByHandle /dev/stdout:
    # Invalid handle"), which the layout's WASM runtime calls at start.
    $bin graph --format svg greet.asl.json 2>"$dir/graph.err" | cat >"$dir/graph.svg"
    echo "${PIPESTATUS[0]}" >>"$dir/graph.err"
  )
}

# owner PATH: the package that ships PATH (dpkg knows some libraries under
# /lib, others under /usr/lib: merged /usr), "" when none does.
owner() {
  local p
  for p in "$1" "/usr$1" "$(readlink -f "$1")"; do
    dpkg -S "$p" 2>/dev/null | sed -n '1s/:.*//p' | grep . && return 0
  done
  return 0
}

deb=$(ls "$out"/stepstudio_*_amd64.deb)
tarball=$(ls "$out"/stepstudio-*-linux-amd64.tar.gz)

step "check: the .deb's files and dependencies"
dpkg-deb -c "$deb" | awk '{print $6}' >"$tmp/deb-files"
for f in ./usr/bin/stepstudio ./usr/lib/stepstudio/stepstudio-studio ./usr/share/applications/stepstudio.desktop ./usr/share/mime/packages/stepstudio.xml \
  ./usr/share/icons/hicolor/512x512/apps/stepstudio.png ./usr/share/doc/stepstudio/copyright; do
  grep -qx "$f" "$tmp/deb-files" || die "the .deb lacks $f"
done
depends=$(dpkg-deb -f "$deb" Depends)
[ "$depends" = "libwebkit2gtk-4.1-0, libgtk-3-0" ] || die "the .deb depends on: $depends"
# The command line links nothing (CGO-free, so it runs where GTK is not
# installed, e.g. a CI machine unpacking the tarball); every library the
# studio links must come from those packages or what they depend on (no
# -dev package, nothing else).
dpkg-deb -x "$deb" "$tmp/deb"
if objdump -p "$tmp/deb/usr/bin/stepstudio" | grep -q NEEDED; then
  die "usr/bin/stepstudio links shared libraries: $(objdump -p "$tmp/deb/usr/bin/stepstudio" | awk '$1 == "NEEDED" {print $2}' | tr '\n' ' ')"
fi
echo "    usr/bin/stepstudio: statically linked"
allowed=" libwebkit2gtk-4.1-0 libgtk-3-0 $(dpkg-query -W -f='${Depends}, ' libwebkit2gtk-4.1-0 libgtk-3-0 |
  tr ',|' '\n\n' | sed 's/(.*//; s/:any//; s/ //g' | sort -u | tr '\n' ' ') "
ldconfig -p >"$tmp/ldconfig"
for lib in $(objdump -p "$tmp/deb/usr/lib/stepstudio/stepstudio-studio" | awk '$1 == "NEEDED" {print $2}'); do
  path=$(awk -v l="$lib" '$1 == l && /x86-64/ {print $NF; exit}' "$tmp/ldconfig")
  pkg=$(owner "$path")
  case "$allowed" in *" $pkg "*) ;; *) die "$lib comes from $pkg, which the .deb does not depend on" ;; esac
  echo "    $lib: $pkg"
done

step "check: the desktop entry validates"
desktop-file-validate "$tmp/deb/usr/share/applications/stepstudio.desktop"
echo "    desktop-file-validate: no complaints"

step "check: apt-get install ./$(basename "$deb")"
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >"$tmp/apt.log" 2>&1 || { cat "$tmp/apt.log"; die "apt-get install failed"; }
installed=1
[ "$(/usr/bin/stepstudio version)" = "$want" ] || die "installed: '$(/usr/bin/stepstudio version)', want '$want'"
echo "    /usr/bin/stepstudio version: $want"
answers /usr/bin/stepstudio "$tmp/linux"
[ "$(tail -1 "$tmp/linux/validate")" = 0 ] || die "installed validate failed: $(cat "$tmp/linux/validate")"
grep -q '"status":"SUCCEEDED"' "$tmp/linux/run.json" || die "installed run: $(cat "$tmp/linux/run.json")"
grep -q '<svg' "$tmp/linux/graph.svg" || die "installed graph drew no SVG"
echo "    validate, run and graph work from /usr/bin"
[ -e /usr/share/mime/application/x-stepstudio-asl+json.xml ] || die "the MIME database does not know *.asl.json (shared-mime-info trigger)"
grep -q 'x-stepstudio-asl+yaml=.*stepstudio.desktop' /usr/share/applications/mimeinfo.cache ||
  die "the desktop database does not offer Stepstudio for *.asl.yaml (desktop-file-utils trigger)"
echo "    MIME types registered; the desktop database offers Stepstudio for them"

step "check: the installed binary opens a window, and a second start hands its file over"
bash scripts/package-window.sh /usr/bin/stepstudio "$ROOT/artifacts/packages-window.png"

step "check: the tarball's binary answers the same"
mkdir -p "$tmp/tar"
tar -C "$tmp/tar" -xzf "$tarball"
answers "$tmp/tar/bin/stepstudio" "$tmp/tarball"
for f in "$tmp"/linux/*; do same "tarball $(basename "$f")" "$f" "$tmp/tarball/$(basename "$f")"; done
echo "    tarball: identical output"

step "check: the Windows console build under Wine prints what Linux prints"
export WINEPREFIX=$tmp/wine WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
wineboot --init >/dev/null 2>&1
wineserver -w
# Wine 8 (Debian 12) lacks bcryptprimitives.dll, which Go 1.24+ needs at
# start; a stand-in forwards to RtlGenRandom (scripts/wine/bcryptprimitives.c).
x86_64-w64-mingw32-gcc -shared -O2 -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
  scripts/wine/bcryptprimitives.c -ladvapi32
answers "wine $out/stepstudio-$version-windows-amd64.com" "$tmp/windows"
for f in "$tmp"/linux/*; do same "windows $(basename "$f")" "$f" "$tmp/windows/$(basename "$f")"; done
echo "    version, validate (valid and broken, text and json), run --format json, graph --format svg: byte-identical"

step "check: the installer's files"
setup=$out/stepstudio-$version-windows-amd64-setup.exe
# Everything the installer unpacks, less NSIS's own page plugins.
7z l -slt "$setup" | awk '/^----------/ {f = 1} f && sub(/^Path = /, "")' | grep -v '^\$PLUGINSDIR/[^/]*$' | sort -u >"$tmp/setup-files"
printf '%s\n' '$PLUGINSDIR/webview2bootstrapper/MicrosoftEdgeWebview2Setup.exe' fileicon.ico \
  stepstudio.com stepstudio.exe uninstall.exe | sort >"$tmp/setup-want"
same "installer file list" "$tmp/setup-want" "$tmp/setup-files"
7z x -y -o"$tmp/setup" "$setup" stepstudio.exe stepstudio.com >/dev/null
cmp -s "$tmp/setup/stepstudio.exe" "$out/stepstudio-$version-windows-amd64.exe" || die "the installer's stepstudio.exe is not the one built"
cmp -s "$tmp/setup/stepstudio.com" "$out/stepstudio-$version-windows-amd64.com" || die "the installer's stepstudio.com is not the one built"
tools=build/windows/installer/wails_tools.nsh
for ext in asl.json asl.yaml asl.yml; do
  grep -q "APP_ASSOCIATE \"$ext\"" "$tools" || die "the installer does not associate .$ext"
done
grep -q 'CreateShortcut "$SMPROGRAMS' build/windows/installer/project.nsi || die "no Start-menu entry"
echo "    $(tr '\n' ' ' <"$tmp/setup-files")"
echo "    the installed executables are the ones built; Start-menu entry and .asl.json/.asl.yaml/.asl.yml associations in the script"
end_step
