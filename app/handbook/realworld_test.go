package handbook

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/engine/asl"
	"github.com/stepstudio/stepstudio/internal/corpus"
)

// Every real-world definition of the corpus that parses as a state
// machine produces a handbook: one section per state at any depth, every
// step with at least one sentence, no formatting slips, and an HTML page
// that fetches and runs nothing.
func TestRealWorldHandbooks(t *testing.T) {
	root := corpus.Dir(t, "realworld")
	var paths []string
	filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && !strings.HasSuffix(p, ".manifest.json") {
			paths = append(paths, p)
		}
		return nil
	})
	made, skipped := 0, 0
	for _, p := range paths {
		rel, _ := filepath.Rel(root, p)
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := asl.Parse(p, src)
		if err != nil || doc.Machine == nil || len(doc.Machine.States) == 0 {
			skipped++
			continue
		}
		h, err := Build(context.Background(), Input{Name: Name(p), Doc: doc, Draw: !testing.Short()})
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			continue
		}
		made++
		if !testing.Short() && (!bytes.HasPrefix(h.Diagram, []byte("<?xml")) || len(h.Resources) > 0 && !bytes.HasPrefix(h.Dependencies, []byte("<svg"))) {
			t.Errorf("%s: a diagram is missing", rel)
		}
		steps := allSteps(h.Steps)
		if want := countStates(doc.Machine); len(steps) != want {
			t.Errorf("%s: %d step sections, want one per state (%d)", rel, len(steps), want)
		}
		for _, s := range steps {
			if len(s.Says) == 0 {
				t.Errorf("%s: step %q has no sentence", rel, s.Name)
			}
			for _, p := range append(append([]Phrase{}, s.Says...), s.Rules...) {
				checkPhrase(t, rel+": step "+s.Name, p)
			}
		}
		for _, p := range h.Problems {
			checkPhrase(t, rel+": problem of "+p.Step, p.Says)
		}
		md := Markdown(h, "d.svg", "r.svg")
		html := HTML(h)
		for _, out := range [][]byte{md, html} {
			for _, bad := range []string{"<nil>", "%!("} {
				if bytes.Contains(out, []byte(bad)) {
					t.Errorf("%s: the handbook holds %q", rel, bad)
				}
			}
		}
		checkSelfContained(t, rel, html)
	}
	t.Logf("%d handbooks made, %d files skipped (not a state machine)", made, skipped)
	if made < 100 {
		t.Errorf("only %d real-world handbooks made; the corpus has about 190 definitions", made)
	}
}

func countStates(m *asl.StateMachine) int {
	n := 0
	for _, s := range m.States {
		n++
		for _, b := range s.Branches {
			n += countStates(b)
		}
		if s.ItemProcessor != nil {
			n += countStates(s.ItemProcessor)
		}
	}
	return n
}

// checkSelfContained fails on anything in a page that would fetch or run
// something: scripts, frames, external sources and styles. (Event handler
// attributes can only come from unescaped text, which TestEscaping
// checks.)
func checkSelfContained(t *testing.T, name string, page []byte) {
	t.Helper()
	lower := bytes.ToLower(page)
	for _, bad := range []string{"<script", `src="http`, `src='http`, "<link", "@import", "url(", "<iframe", "javascript:"} {
		if bytes.Contains(lower, []byte(bad)) {
			t.Errorf("%s: the HTML page holds %q", name, bad)
		}
	}
	if !bytes.HasPrefix(page, []byte("<!DOCTYPE html>")) || !bytes.HasSuffix(page, []byte("</html>\n")) {
		t.Errorf("%s: not a whole HTML page", name)
	}
}

// checkPhrase fails on an empty sentence, and on slips in the words the
// handbook generates (names and code from the definition may say
// "undefined" as they please).
func checkPhrase(t *testing.T, where string, p Phrase) {
	t.Helper()
	if strings.Trim(p.Plain(), " .") == "" {
		t.Errorf("%s: an empty sentence", where)
	}
	for _, s := range p {
		if s.Kind == Code && s.Text == "" {
			t.Errorf("%s: empty code in %q", where, p.Plain())
		}
		if s.Kind != Words {
			continue
		}
		for _, bad := range []string{"<nil>", "%!", "undefined", "  "} {
			if strings.Contains(s.Text, bad) {
				t.Errorf("%s: %q in %q", where, bad, p.Plain())
			}
		}
	}
}
