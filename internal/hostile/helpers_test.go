//go:build linux

package hostile

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// catalogue is every case, class by class (cases_*_test.go).
func catalogue() []hostileCase {
	var all []hostileCase
	for _, part := range [][]hostileCase{
		definitionCases(), semanticCases(), fileCases(), runawayCases(), inputCases(),
		mockCases(), handlerCases(), templateCases(), writeCases(), usageCases(),
	} {
		all = append(all, part...)
	}
	return all
}

// Exit codes of the CLI contract.
const (
	ok    = 0
	fail  = 1
	usage = 2
)

// machine is a definition with the given States object (JSON text).
func machine(startAt, states string) string {
	return fmt.Sprintf(`{"StartAt": %q, "States": %s}`, startAt, states)
}

// pass is the smallest valid definition.
var pass = machine("A", `{"A": {"Type": "Pass", "End": true}}`)

// loop never ends: a Pass and a Choice whose way out is never taken.
var loop = machine("A", `{"A": {"Type": "Pass", "Next": "B"},
	"B": {"Type": "Choice", "Choices": [{"Variable": "$.never", "IsPresent": true, "Next": "Done"}], "Default": "A"},
	"Done": {"Type": "Succeed"}}`)

func mkfifo(name string) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		if err := syscall.Mkfifo(filepath.Join(dir, name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func symlink(target, name string) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.Symlink(strings.ReplaceAll(target, "{dir}", dir), p); err != nil {
			t.Fatal(err)
		}
	}
}

// bigFile writes size bytes: prefix, then filler repeated, then suffix.
// It streams: the test process must stay small, because a child's
// ru_maxrss starts from the parent's peak (the child shares the parent's
// memory between fork and exec).
func bigFile(name, prefix, filler, suffix string, size int) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		w := bufio.NewWriterSize(f, 1<<20)
		w.WriteString(prefix)
		for n := (size - len(prefix) - len(suffix)) / len(filler); n > 0; n-- {
			w.WriteString(filler)
		}
		w.WriteString(suffix)
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
	}
}

func steps(fs ...func(*testing.T, string)) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		for _, f := range fs {
			if f != nil {
				f(t, dir)
			}
		}
	}
}

// unchanged checks that the file at name (relative to the case folder, or
// absolute) still holds want.
func unchanged(name, want string) func(string) error {
	return func(dir string) error {
		p := name
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, name)
		}
		got, err := os.ReadFile(p)
		if err != nil {
			return fmt.Errorf("%s: %v", name, err)
		}
		if string(got) != want {
			return fmt.Errorf("%s was changed to %.80q", name, got)
		}
		return nil
	}
}

// absent checks nothing exists at name.
func absent(name string) func(string) error {
	return func(dir string) error {
		if _, err := os.Lstat(filepath.Join(dir, name)); err == nil {
			return fmt.Errorf("%s was created", name)
		}
		return nil
	}
}

func all(checks ...func(string) error) func(string) error {
	return func(dir string) error {
		for _, c := range checks {
			if err := c(dir); err != nil {
				return err
			}
		}
		return nil
	}
}

func writeFile(t *testing.T, dir, name, content string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
