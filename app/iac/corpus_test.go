package iac

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/internal/corpus"
)

// TestCorpusRoundTrip reads every template of the real-world IaC corpus,
// finds its state machines, opens each, saves it unedited (the files must
// stay byte-identical) and then with one inserted line (only that line of
// the file may change). It works on a copy of each project.
func TestCorpusRoundTrip(t *testing.T) {
	root := corpus.Dir(t, "realworld-iac")
	var templates, machines, opened, readOnly int
	problems := map[string]int{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !isTemplateName(path) {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if !IsTemplate(path, src) {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		project := projectDir(root, rel)
		work := filepath.Join(t.TempDir(), "p")
		copyDir(t, project, work)
		tpl := filepath.Join(work, strings.TrimPrefix(path, project))
		tp, err := Scan(tpl)
		declared := len(declarationRE.FindAllIndex(src, -1))
		if errors.Is(err, ErrNoMachines) {
			if declared > 0 {
				t.Errorf("%s declares %d state machines, Scan found none", rel, declared)
			}
			return nil // outputs.tf, variables.tf, a template of other resources
		}
		if reason, ok := brokenTemplates[filepath.ToSlash(rel)]; ok {
			if err == nil || !strings.Contains(err.Error(), "line ") {
				t.Errorf("%s is not valid YAML (%s) but Scan gave %v, want an error with its line", rel, reason, err)
			}
			return nil
		}
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			return nil
		}
		templates++
		if tp.Kind != Serverless && declared != len(tp.Machines) {
			t.Errorf("%s declares %d state machines, Scan found %d", rel, declared, len(tp.Machines))
		}
		for _, m := range tp.Machines {
			machines++
			if m.Problem != "" {
				problems[m.Origin+": "+m.Problem]++
				if !m.Broken && !knownUnopenable.MatchString(m.Problem) {
					t.Errorf("%s#%s cannot be opened: %s", rel, m.ID, m.Problem)
				}
				continue
			}
			opened++
			if m.ReadOnly != "" {
				readOnly++
			}
			roundTrip(t, rel+"#"+m.ID, tpl, m.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d templates, %d state machines, %d opened (%d read-only)", templates, machines, opened, readOnly)
	for p, n := range problems {
		t.Logf("not openable ×%d: %s", n, p)
	}
	if machines == 0 {
		t.Fatal("no state machine found in the corpus")
	}
}

// declarationRE finds state machine declarations by their text, to check
// Scan against: CloudFormation types (YAML or JSON) and Terraform resources.
var declarationRE = regexp.MustCompile(`(?m)(Type"?\s*:\s*["']?AWS::(Serverless|StepFunctions)::StateMachine\b|^\s*resource\s+"aws_sfn_state_machine")`)

// knownUnopenable are the forms of the corpus that cannot be edited in
// place, besides broken references: a definition in S3, a file path built
// from a module variable.
var knownUnopenable = regexp.MustCompile(`S3|depends on var\.`)

// brokenTemplates are corpus templates that no YAML parser reads (checked
// with PyYAML too); Scan must say where they break.
var brokenTemplates = map[string]string{
	"step-functions-workflows-collection/event-sourcing/template.yaml":                  "Description: > with an unindented body",
	"step-functions-workflows-collection/parallelized-embedding-pipeline/template.yaml": "two tags in a row: !GetAZs !Ref",
}

func roundTrip(t *testing.T, name, tpl, id string) {
	t.Helper()
	o, err := Open(tpl, id)
	if err != nil {
		t.Errorf("%s: open: %v", name, err)
		return
	}
	before, _ := os.ReadFile(o.File)
	if string(before[o.Start:o.End]) == "" || strings.TrimSpace(o.Text) == "" {
		t.Errorf("%s: empty definition", name)
	}
	if _, err := Save(tpl, id, o.Hash, o.Text); err != nil {
		t.Errorf("%s: save unedited: %v", name, err)
		return
	}
	after, _ := os.ReadFile(o.File)
	if !bytes.Equal(before, after) {
		t.Errorf("%s: saving without edits changed the file", name)
		return
	}
	if o.ReadOnly != "" {
		if _, err := Save(tpl, id, o.Hash, o.Text+"\n"+"x"); !errors.Is(err, ErrNotEditable) {
			t.Errorf("%s: editing a read-only definition: %v", name, err)
		}
		if after, _ := os.ReadFile(o.File); !bytes.Equal(before, after) {
			t.Errorf("%s: a read-only definition was written", name)
		}
		return
	}
	// Insert one line after the definition's first line.
	ls := strings.SplitN(o.Text, "\n", 2)
	if len(ls) < 2 {
		return
	}
	insert := `"StepstudioEdit": "yes",`
	if o.Format == "yaml" && !strings.HasPrefix(strings.TrimSpace(ls[0]), "{") {
		insert = "StepstudioEdit: yes"
	}
	edited := ls[0] + "\n" + insert + "\n" + ls[1]
	saved, err := Save(tpl, id, o.Hash, edited)
	if err != nil {
		t.Errorf("%s: save edited: %v", name, err)
		return
	}
	after, _ = os.ReadFile(o.File)
	if saved.Text != strings.TrimRight(edited, "\n") && saved.Text != edited {
		t.Errorf("%s: reopened text differs from the edit:\n%q\nwant\n%q", name, head(saved.Text), head(edited))
	}
	if !bytes.Equal(after[:o.Start], before[:o.Start]) || !bytes.Equal(after[saved.End:], before[o.End:]) {
		t.Errorf("%s: bytes outside the definition changed", name)
	}
	bl, al := strings.Split(string(before), "\n"), strings.Split(string(after), "\n")
	if len(al) != len(bl)+1 {
		t.Errorf("%s: file has %d lines after inserting one, had %d", name, len(al), len(bl))
	}
	again, err := Open(tpl, id)
	if err != nil || again.Text != saved.Text {
		t.Errorf("%s: reopening after the edit: %v", name, err)
	}
	if _, err := Save(tpl, id, o.Hash, o.Text); err == nil {
		t.Errorf("%s: a save with a stale hash was accepted", name)
	}
}

func head(s string) string {
	if len(s) > 200 {
		return s[:200]
	}
	return s
}

func firstWords(s string) string {
	if i := strings.IndexAny(s, "(/"); i > 0 {
		return s[:i]
	}
	return s
}

func isTemplateName(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".yaml", ".yml", ".json", ".tf":
		return !strings.Contains(filepath.Base(p), ".asl.")
	}
	return false
}

// projectDir is the corpus project folder holding rel (its first two
// path elements: repository and project).
func projectDir(root, rel string) string {
	parts := strings.SplitN(rel, string(filepath.Separator), 3)
	return filepath.Join(root, parts[0], parts[1])
}

func copyDir(t testing.TB, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
