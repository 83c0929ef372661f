package flowdiff_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/app/flowdiff"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// TestGolden compares testdata/CASE/a.* with b.* and holds the text and
// JSON answers equal to want.txt and want.json (-update rewrites them).
func TestGolden(t *testing.T) {
	dirs, _ := filepath.Glob("testdata/*")
	if len(dirs) == 0 {
		t.Fatal("no cases under testdata")
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			a, _ := filepath.Glob(filepath.Join(dir, "a.asl.*"))
			b, _ := filepath.Glob(filepath.Join(dir, "b.asl.*"))
			if len(a) != 1 || len(b) != 1 {
				t.Fatalf("want one a.asl.* and one b.asl.* in %s", dir)
			}
			srcA, _ := os.ReadFile(a[0])
			srcB, _ := os.ReadFile(b[0])
			r, err := flowdiff.CompareSources(a[0], srcA, b[0], srcB, flowdiff.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var text bytes.Buffer
			if err := flowdiff.WriteText(&text, r); err != nil {
				t.Fatal(err)
			}
			js, _ := json.MarshalIndent(r, "", "  ")
			golden(t, filepath.Join(dir, "want.txt"), text.Bytes())
			golden(t, filepath.Join(dir, "want.json"), append(js, '\n'))
		})
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run with -update after checking):\ngot\n%s", path, got)
	}
}

// The JSON the diff views read has lists, never null, when nothing changed.
func TestSameHasEmptyLists(t *testing.T) {
	src := []byte(`{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}`)
	r, err := flowdiff.CompareSources("a.json", src, "b.json", src, flowdiff.Options{})
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"machine":[]`, `"states":[]`, `"transitions":[]`} {
		if !strings.Contains(string(data), key) {
			t.Errorf("%s missing from %s", key, data)
		}
	}
}
