// Command patch re-applies Stepstudio's changes to a pristine copy of
// go-graphviz (STEPSTUDIO.md at the module root says what and why).
//
//	go run github.com/goccy/go-graphviz/patch -upstream DIR -new DIR -out DIR
//
// -upstream is upstream's module as `go mod download` leaves it, -new the
// files Stepstudio adds (patch/_new: the leading underscore hides them from
// the go tool), -out a directory that does not exist yet. Use apply.sh (regenerate this folder) or check.sh (diff the
// result against this folder) rather than calling it directly.
//
// Every change is made by rule or by an exact edit whose old text must
// occur exactly once, so an upgrade that moves the code under a rule
// fails here instead of producing a silently different patch.
package main

import (
	"errors"
	"flag"
	"fmt"
	"go/format"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	upstream := flag.String("upstream", "", "pristine go-graphviz module directory")
	added := flag.String("new", "", "directory of the files Stepstudio adds")
	out := flag.String("out", "", "directory to write the patched module to (must not exist)")
	pristine := flag.Bool("pristine", false, "write upstream's files as copied, unpatched (for a diff)")
	flag.Parse()
	if *upstream == "" || *added == "" || *out == "" || flag.NArg() != 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*upstream, *added, *out, *pristine); err != nil {
		fmt.Fprintln(os.Stderr, "patch:", err)
		os.Exit(1)
	}
}

func run(upstream, newDir, out string, pristine bool) error {
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("%s exists", out)
	}
	files, err := readModule(upstream)
	if err != nil {
		return err
	}
	if pristine {
		return write(out, files)
	}
	if err := patchWasm(files); err != nil {
		return err
	}
	if err := applyEdits(files); err != nil {
		return err
	}
	added, err := readTree(newDir)
	if err != nil {
		return err
	}
	for name, b := range added {
		if _, ok := files[name]; ok {
			return fmt.Errorf("%s: upstream now has a file of that name", filepath.Join(newDir, name))
		}
		files[name] = b
	}
	// gofmt every Go file, so the repository's gofmt check covers this
	// module too (upstream has doc comments that gofmt rewrites).
	for name, b := range files {
		if !strings.HasSuffix(name, ".go") {
			continue
		}
		formatted, err := format.Source(b)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		files[name] = formatted
	}
	return write(out, files)
}

func write(out string, files map[string][]byte) error {
	for name, b := range files {
		path := filepath.Join(out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// skipped reports whether a file of upstream's module is left out of the
// copy: tests, test data, examples, and the CI and build files of
// upstream's own repository. Anything else is copied, so a file that a
// new upstream version adds is not lost silently.
func skipped(name string) bool {
	top, _, _ := strings.Cut(name, "/")
	switch top {
	case "testdata", "_examples", ".github", ".gitignore", ".gitattributes", "Makefile", "buf.gen.yaml", "buf.work.yaml":
		return true
	}
	return strings.HasSuffix(name, "_test.go")
}

// readModule reads the files of upstream's module that are copied.
func readModule(dir string) (map[string][]byte, error) {
	files, err := readTree(dir)
	if err != nil {
		return nil, err
	}
	if _, ok := files["internal/wasm/bind.go"]; !ok {
		return nil, errors.New(dir + " holds no internal/wasm/bind.go: not go-graphviz")
	}
	for name := range files {
		top, _, _ := strings.Cut(name, "/")
		if top == "patch" || top == "STEPSTUDIO.md" {
			return nil, fmt.Errorf("upstream has %s, a name this folder keeps for Stepstudio's own files", name)
		}
	}
	return files, nil
}

// readTree reads the files under dir that are not skipped, keyed by
// slash-separated path.
func readTree(dir string) (map[string][]byte, error) {
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		name := filepath.ToSlash(rel)
		if d.IsDir() {
			if name != "." && skipped(name) {
				return filepath.SkipDir
			}
			return nil
		}
		if skipped(name) {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files[name] = b
		return nil
	})
	if err != nil {
		return nil, err
	}
	return files, nil
}
