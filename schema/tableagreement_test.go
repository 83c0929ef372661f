package schema_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/engine/asl"
	"github.com/stepstudio/stepstudio/internal/corpus"
	"github.com/stepstudio/stepstudio/schema/fieldtable"
)

// TestFieldTableAgreement measures the field table alone against the
// labelled corpus: for each case, does fieldtable.Check (the table read as
// data, no hand-written rule) reach the label's verdict? It prints the
// agreement per set and in all, and with -v the cases it misses; it fails
// only when the table rejects a definition AWS accepted (a wrong rule),
// since what the table cannot say (transitions, paths, JSONata) the Go
// checks add.
func TestFieldTableAgreement(t *testing.T) {
	sets := []struct {
		name  string
		cases []verdictCase
	}{
		{"asl-validator", aslValidatorCases(t)},
		{"statelint", statelintCases(t)},
		{"conformance/validation", conformanceValidationCases(t)},
		{"conformance (accepted by AWS)", conformanceAcceptedCases(t)},
		{"realworld", realworldCases(t)},
	}
	total, agree := 0, 0
	for _, set := range sets {
		n := 0
		for _, tc := range set.cases {
			valid, problems := tableVerdict(t, tc)
			if valid == tc.valid {
				n++
				continue
			}
			if valid {
				t.Logf("%s %s: the table finds nothing wrong (label: invalid)", set.name, tc.name)
			} else {
				t.Errorf("%s %s: the table rejects a definition labelled valid: %v", set.name, tc.name, problems)
			}
		}
		t.Logf("field table alone, %s: %d/%d agree (%.1f%%)", set.name, n, len(set.cases), pct(n, len(set.cases)))
		total += len(set.cases)
		agree += n
	}
	t.Logf("field table alone, all sets: %d/%d agree (%.1f%%)", agree, total, pct(agree, total))
}

func pct(n, of int) float64 { return 100 * float64(n) / float64(max(1, of)) }

// tableVerdict is the table's verdict on one case: text that does not
// parse is invalid whatever the table says.
func tableVerdict(t *testing.T, tc verdictCase) (bool, []fieldtable.Problem) {
	src, err := os.ReadFile(tc.path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := asl.Parse(tc.path, src)
	if err != nil || len(src) == 0 {
		return false, []fieldtable.Problem{{Rule: "does not parse"}}
	}
	ps := fieldtable.Check(doc.Root, fieldtable.CheckOptions{Placeholders: tc.opts.Placeholders})
	return len(ps) == 0, ps
}

func statelintCases(t testing.TB) []verdictCase {
	dir := corpus.Dir(t, "validation", "statelint")
	raw, err := os.ReadFile(filepath.Join(dir, "expectations.json"))
	if err != nil {
		t.Fatal(err)
	}
	var exp struct {
		Fixtures map[string]struct {
			Verdict string `json:"expected_verdict"`
		} `json:"fixtures"`
	}
	if err := json.Unmarshal(raw, &exp); err != nil {
		t.Fatal(err)
	}
	var cases []verdictCase
	for name, f := range exp.Fixtures {
		cases = append(cases, verdictCase{name: name, path: filepath.Join(dir, name), valid: f.Verdict == "valid"})
	}
	slices.SortFunc(cases, func(a, b verdictCase) int { return strings.Compare(a.name, b.name) })
	return cases
}

// conformanceValidationCases are the definitions AWS rejected as invalid.
func conformanceValidationCases(t testing.TB) []verdictCase {
	dir := corpus.Dir(t, "conformance", "validation")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var cases []verdictCase
	for _, e := range entries {
		raw, err := os.ReadFile(filepath.Join(dir, e.Name(), "expected.json"))
		if err != nil {
			t.Fatal(err)
		}
		var exp struct{ Error string }
		if err := json.Unmarshal(raw, &exp); err != nil {
			t.Fatal(err)
		}
		if exp.Error == "InvalidDefinition" {
			cases = append(cases, verdictCase{name: e.Name(), path: filepath.Join(dir, e.Name(), "definition.json")})
		}
	}
	return cases
}
