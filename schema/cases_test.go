package schema_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/schema"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/cases (review the diff!)")

// section returns the data of the named file of the archive, nil if none.
func section(a *txtar.Archive, name string) []byte {
	for _, f := range a.Files {
		if f.Name == name {
			return f.Data
		}
	}
	return nil
}

// TestCases validates each testdata/cases/*.txtar definition and compares
// every diagnostic (severity, code, location, line:column) with its want
// section. An options section may say "placeholders" or "express"; a
// messages section lists phrases the messages must contain.
func TestCases(t *testing.T) {
	files, err := filepath.Glob("testdata/cases/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			a := txtar.Parse(data)
			var opts schema.Options
			for _, o := range strings.Fields(string(section(a, "options"))) {
				switch o {
				case "placeholders":
					opts.Placeholders = true
				case "express":
					opts.Express = true
				default:
					t.Fatalf("unknown option %q", o)
				}
			}
			var defName string
			for _, f := range a.Files {
				if f.Name != "want" && f.Name != "options" && f.Name != "messages" {
					defName = f.Name
				}
			}
			res := schema.Validate(defName, section(a, defName), opts)
			var got strings.Builder
			for _, d := range res.Diagnostics {
				fmt.Fprintf(&got, "%s %s %s %d:%d\n", d.Severity, d.Code, quoteLoc(d.Location), d.Range.Start.Line, d.Range.Start.Column)
				if d.Message == "" || !strings.ContainsAny(d.Message[len(d.Message)-1:], ".)?") {
					t.Errorf("message of %s is empty or not a sentence: %q", d.Code, d.Message)
				}
			}
			if *update {
				for i := range a.Files {
					if a.Files[i].Name == "want" {
						a.Files[i].Data = []byte(got.String())
					}
				}
				if err := os.WriteFile(file, txtar.Format(a), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want := string(section(a, "want")); got.String() != want {
				t.Errorf("diagnostics differ\n got:\n%s\nwant:\n%s\nmessages:\n%s", got.String(), want, describe(res.Diagnostics))
			}
			// A messages section lists phrases some message must contain:
			// the state and field named, and the advice given.
			for _, phrase := range strings.Split(strings.TrimSpace(string(section(a, "messages"))), "\n") {
				if phrase == "" {
					continue
				}
				found := false
				for _, d := range res.Diagnostics {
					found = found || strings.Contains(d.Message, phrase)
				}
				if !found {
					t.Errorf("no message contains %q:\n%s", phrase, describe(res.Diagnostics))
				}
			}
			if wantValid := !strings.Contains(string(section(a, "want")), "ERROR "); res.Valid() != wantValid {
				t.Errorf("Valid() = %v, want %v", res.Valid(), wantValid)
			}
		})
	}
}

// quoteLoc keeps locations with spaces on one field.
func quoteLoc(loc string) string {
	if loc == "" {
		return `""`
	}
	if strings.ContainsAny(loc, " \t") {
		return fmt.Sprintf("%q", loc)
	}
	return loc
}
