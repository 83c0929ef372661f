package handbook

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/stepstudio/stepstudio/app/sidecar"
	"github.com/stepstudio/stepstudio/engine/asl"
	"github.com/stepstudio/stepstudio/engine/mock"
)

var update = flag.Bool("update", false, "rewrite the want.md sections of testdata/golden/*.txtar")

// Each testdata/golden file holds a definition (one state type in one
// query language, or a feature) and the Markdown its handbook must read
// as, optionally with a sidecar (flow.studio.json) and a mock file
// (flow.mocks.json). go test -update rewrites want.md; read the diff.
func TestGoldenMarkdown(t *testing.T) {
	paths, _ := filepath.Glob("testdata/golden/*.txtar")
	for _, typ := range []string{"task", "pass", "choice", "wait", "succeed", "fail", "parallel", "map"} {
		for _, lang := range []string{"jsonpath", "jsonata"} {
			if _, err := os.Stat(filepath.Join("testdata/golden", typ+"-"+lang+".txtar")); err != nil {
				t.Errorf("no golden file for %s × %s: %v", typ, lang, err)
			}
		}
	}
	for _, p := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(p), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(p)
			if err != nil {
				t.Fatal(err)
			}
			sec := func(name string) []byte {
				for _, f := range ar.Files {
					if f.Name == name {
						return f.Data
					}
				}
				return nil
			}
			got := goldenMarkdown(t, sec("flow.asl.json"), sec("flow.studio.json"), sec("flow.mocks.json"))
			if *update {
				var files []txtar.File
				for _, f := range ar.Files {
					if f.Name != "want.md" {
						files = append(files, f)
					}
				}
				ar.Files = append(files, txtar.File{Name: "want.md", Data: got})
				if err := os.WriteFile(p, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want := sec("want.md"); !bytes.Equal(got, want) {
				t.Errorf("Markdown differs (go test ./app/handbook -run Golden -update, then read the diff)\n--- got\n%s\n--- want\n%s", got, want)
			}
			checkSentences(t, got)
		})
	}
}

func goldenMarkdown(t *testing.T, def, notes, mocks []byte) []byte {
	t.Helper()
	doc, err := asl.Parse("flow.asl.json", def)
	if err != nil {
		t.Fatal(err)
	}
	in := Input{Name: "flow", Doc: doc, MockMachine: "flow"}
	if notes != nil {
		if in.Notes, err = sidecar.Parse(notes); err != nil {
			t.Fatal(err)
		}
	}
	if mocks != nil {
		if in.Mocks, err = mock.Parse("flow.mocks.json", mocks); err != nil {
			t.Fatal(err)
		}
	}
	h, err := Build(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	return Markdown(h, "", "")
}

// checkSentences fails on text that shows a formatting slip: Go's "<nil>"
// and "%!", JavaScript's "undefined", an empty sentence.
func checkSentences(t *testing.T, md []byte) {
	t.Helper()
	for _, bad := range []string{"<nil>", "%!", "undefined", "\n.\n", " .", "..\n", "()"} {
		if bytes.Contains(md, []byte(bad)) {
			t.Errorf("the handbook holds %q:\n%s", bad, md)
		}
	}
}
