package files_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
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
		// BOM, CRLF, tab indents, no final newline.
		"crlf-bom-tabs.asl.json": {"json", files.CRLF},
		"crlf.asl.yaml":          {"yaml", files.CRLF},
		"bom-nofinal.asl.yaml":   {"yaml", files.LF},
		// Tabs and LF, one line ending in CRLF: left as it is.
		"mixed-tabs.asl.json": {"json", files.LF},
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

// An edit saves as that edit: the other lines keep their endings, and the
// byte order mark and the final newline (or its absence) stay. The editor
// hands over the text with the file's own line endings.
func TestSaveAfterAnEditChangesOnlyThatLine(t *testing.T) {
	for _, name := range []string{"crlf-bom-tabs.asl.json", "crlf.asl.yaml", "bom-nofinal.asl.yaml", "mixed-tabs.asl.json"} {
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata/open", name))
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), name)
			os.WriteFile(path, src, 0o644)
			f, err := files.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			edited := strings.Replace(f.Text, "Charge card", "Bill card", 1)
			if edited == f.Text {
				t.Fatal("the fixture has no Charge card")
			}
			if _, err := files.Save(path, edited, f.LineEnding); err != nil {
				t.Fatal(err)
			}
			want := strings.Replace(string(src), "Charge card", "Bill card", 1)
			if got, _ := os.ReadFile(path); string(got) != want {
				t.Errorf("saved %q\nwant  %q", got, want)
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
