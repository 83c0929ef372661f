package files_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stepstudio/stepstudio/app/files"
)

// Whatever opens must come back byte for byte on a save without edits,
// valid ASL or not.
func TestOpenThenSaveIsByteIdentical(t *testing.T) {
	entries, err := os.ReadDir("testdata/open")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct{ format, ending string }{
		"crlf.asl.json":        {"json", files.CRLF},
		"flow.asl.yaml":        {"yaml", files.LF},
		"not-asl.json":         {"json", files.LF},
		"not-json-or-yaml.txt": {"yaml", files.LF},
		"unknown-fields.json":  {"json", files.LF},
		"bom.json":             {"json", files.LF},
	}
	for _, e := range entries {
		t.Run(e.Name(), func(t *testing.T) {
			src, _ := os.ReadFile(filepath.Join("testdata/open", e.Name()))
			path := filepath.Join(t.TempDir(), e.Name())
			os.WriteFile(path, src, 0o644)
			f, err := files.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			if w, ok := want[e.Name()]; !ok {
				t.Fatalf("no expectation for testdata/open/%s", e.Name())
			} else if f.Format != w.format || f.LineEnding != w.ending {
				t.Errorf("format, ending = %s, %s; want %s, %s", f.Format, f.LineEnding, w.format, w.ending)
			}
			if f.Text != string(src) {
				t.Errorf("text differs from the file")
			}
			if _, err := files.Save(path, f.Text, f.LineEnding); err != nil {
				t.Fatal(err)
			}
			if got, _ := os.ReadFile(path); string(got) != string(src) {
				t.Errorf("saved without edits: %q, want %q", got, src)
			}
		})
	}
}

func TestOpenRefusesWhatItCannotKeep(t *testing.T) {
	dir := t.TempDir()
	binary := filepath.Join(dir, "image.json")
	os.WriteFile(binary, []byte{0x89, 'P', 'N', 'G', 0, 0xff, 0xfe}, 0o644)
	if _, err := files.Open(binary); !errors.Is(err, files.ErrNotText) {
		t.Errorf("binary file: err = %v, want ErrNotText", err)
	}
	if _, err := files.Open(filepath.Join(dir, "missing.json")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: err = %v, want not-exist", err)
	}
	if _, err := files.Open(dir); err == nil {
		t.Error("a folder opened")
	}
}
