# Shared by the third_party/*/patch/apply.sh scripts; source it, do not run it.
# fetch_upstream MOD: sets version (the one go.mod requires) and upstream (that
# version's pristine source, fetched by `go mod download` into the module
# cache), or fails naming the module.
fetch_upstream() {
	version=$(go list -m -f '{{.Version}}' "$1")
	upstream=$(go mod download -json "$1@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
	[ -d "$upstream" ] || {
		echo "go mod download gave no directory for $1 $version" >&2
		exit 1
	}
}
