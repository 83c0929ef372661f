package exporter

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/app/iac"
	"github.com/stepstudio/stepstudio/internal/corpus"
)

// TestCorpusExports exports every state machine of the real-world IaC
// corpus to SAM, CloudFormation and Terraform and re-imports each result
// through iac.Scan/Open: the definition must come back the same, and every
// placeholder it holds must be declared by the template.
func TestCorpusExports(t *testing.T) {
	root := corpus.Dir(t, "realworld-iac")
	var machines, exports int
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil || strings.Contains(filepath.Base(path), ".asl.") || !iac.IsTemplate(path, src) {
			return err
		}
		tpl, err := iac.Scan(path)
		if err != nil {
			return nil // files without machines and broken YAML: the iac tests cover them
		}
		rel, _ := filepath.Rel(root, path)
		for _, m := range tpl.Machines {
			if m.Problem != "" {
				continue
			}
			o, err := iac.Open(path, m.ID)
			if err != nil {
				t.Errorf("%s#%s: %v", rel, m.ID, err)
				continue
			}
			machines++
			text := IdentifierPlaceholders([]byte(o.PlaceholderText()))
			want, err := Export(text, Options{Target: ASLJSON, Name: m.ID})
			if err != nil {
				if !strings.Contains(err.Error(), "parse definition") {
					t.Errorf("%s#%s: %v", rel, m.ID, err)
				}
				t.Logf("%s#%s: not exported: %v", rel, m.ID, err)
				continue // not JSON or YAML as written (e.g. an unquoted ${...} number)
			}
			for _, target := range []Target{SAM, CloudFormation, Terraform} {
				exports++
				checkReimport(t, rel+"#"+m.ID+"->"+string(target), text, target, want.Files[0].Content)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d state machines exported %d times, all re-imported", machines, exports)
}

var placeholderRE = regexp.MustCompile(`\$\{([A-Za-z][A-Za-z0-9]*)\}`)

func checkReimport(t *testing.T, name string, text []byte, target Target, want string) {
	t.Helper()
	r, err := Export(text, Options{Target: target, Name: "machine"})
	if err != nil {
		t.Errorf("%s: %v", name, err)
		return
	}
	dir := writeFiles(t, r)
	main := filepath.Join(dir, r.Files[0].Path)
	tpl, err := iac.Scan(main)
	if err != nil {
		t.Errorf("%s: re-import: %v", name, err)
		return
	}
	m := tpl.Machines[0]
	o, err := iac.Open(main, m.ID)
	if err != nil {
		t.Errorf("%s: re-open: %v", name, err)
		return
	}
	if !sameDefinition(t, o.Text, want) {
		t.Errorf("%s: re-imported definition differs", name)
	}
	declared := map[string]bool{}
	for _, s := range m.Substitutions {
		declared[s.Name] = true
	}
	for _, p := range placeholderRE.FindAllStringSubmatch(o.Text, -1) {
		if !declared[p[1]] {
			t.Errorf("%s: ${%s} is in the definition but the template does not substitute it", name, p[1])
		}
	}
}
