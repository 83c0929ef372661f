// Command patch copies one AWS SDK for Go v2 service module (its Go files
// without tests, go.mod, go.sum, licences) and makes its endpoint table
// lazy: internal/endpoints builds its partitions, with eight compiled
// regexps and a map per region, in a package-level var, which every
// program linking the module builds at start whether it ever asks the
// legacy resolver or not. Here the table is built on the first New(). The
// edits are exact text replacements that must each match once, so a new
// SDK version whose generated file changed stops this with an error that
// names it. See ../STEPSTUDIO.md.
//
// Usage: go run ./third_party/aws-sdk-go-v2/patch UPSTREAM_DIR OUT_DIR
package main

import (
	"fmt"
	"go/format"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: patch UPSTREAM_DIR OUT_DIR")
		os.Exit(2)
	}
	if err := copyModule(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "patch:", err)
		os.Exit(1)
	}
}

// endpointsFile is the generated file patched, relative to the module.
var endpointsFile = filepath.Join("internal", "endpoints", "endpoints.go")

func copyModule(src, dst string) error {
	patched := false
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		if !kept(rel) {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if rel == endpointsFile {
			if b, err = lazyPartitions(b); err != nil {
				return fmt.Errorf("%s: %w", rel, err)
			}
			patched = true
		}
		out := filepath.Join(dst, rel)
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		return os.WriteFile(out, b, 0o644)
	})
	if err == nil && !patched {
		err = fmt.Errorf("%s has no %s", src, endpointsFile)
	}
	return err
}

// kept reports whether the copy holds the file at rel: what building the
// module needs, and its licence.
func kept(rel string) bool {
	base := filepath.Base(rel)
	switch {
	case strings.HasSuffix(base, "_test.go"):
		return false
	case strings.HasSuffix(base, ".go"), base == "go.mod", base == "go.sum", strings.HasPrefix(base, "LICENSE"):
		return true
	}
	return false
}

// lazyPartitions turns `var partitionRegexp = struct{...}{...}` and `var
// defaultPartitions = endpoints.Partitions{...}` (the file's last
// declaration) into one sync.OnceValue that builds both, and New() into
// its caller.
func lazyPartitions(b []byte) ([]byte, error) {
	s := string(b)
	for _, e := range [][2]string{
		{"\t\tpartitions: defaultPartitions,\n", "\t\tpartitions: defaultPartitions(),\n"},
		{"var partitionRegexp = struct {\n", "var defaultPartitions = sync.OnceValue(func() endpoints.Partitions {\npartitionRegexp := struct {\n"},
		{"var defaultPartitions = endpoints.Partitions{\n", "return endpoints.Partitions{\n"},
		{"\t\"regexp\"\n", "\t\"regexp\"\n\t\"sync\"\n"},
	} {
		if n := strings.Count(s, e[0]); n != 1 {
			return nil, fmt.Errorf("%q occurs %d times, want once: redo the edit for this SDK version", e[0], n)
		}
		s = strings.Replace(s, e[0], e[1], 1)
	}
	if !strings.HasSuffix(s, "\n}\n") {
		return nil, fmt.Errorf("the partitions are no longer the file's last declaration")
	}
	return format.Source([]byte(s + "})\n"))
}
