package schema_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/internal/corpus"
	"github.com/stepstudio/stepstudio/schema"
)

// The yardstick: verdicts of the best-known validators and of AWS itself
// (../shared/corpus). Each set prints its agreement; a disagreement fails
// the test unless it is listed below with the reason AWS decides otherwise.

// aslValidatorAccepted are asl-validator fixtures where we knowingly differ.
var aslValidatorAccepted = map[string]string{
	// The corpus README: these JSONata delimiter fixtures are stricter than
	// AWS, which treats a string that is not exactly "{% … %}" as plain text.
	"invalid/invalid-jsonata-surround-syntax-no-open.json":   `"10 %}" has no opening "{%", so AWS passes it on as a literal string`,
	"invalid/invalid-jsonata-surround-syntax-no-spaces.json": `"{%10%}" is a JSONata expression to AWS: the delimiters need no spaces`,
	// The AWS developer guide (State machine structure, QueryLanguage): "You
	// cannot revert a top-level JSONata-based state machine to a mix of
	// JSONata and JSONPath states"; this fixture puts a JSONPath Task in a
	// JSONata machine.
	"valid/valid-map-with-item-batcher-jsonata.json": "a JSONPath state inside a JSONata state machine, which AWS documents as not allowed",
}

// statelintAccepted are statelint fixtures where we knowingly differ.
var statelintAccepted = map[string]string{}

// statelintWording are statelint message phrases we do not use, and why.
var statelintWording = map[string]string{
	"allowed floor is 0": "AWS's floor for MaxDelaySeconds is 1, not 0, so our message says \"the allowed minimum is 1\"",
}

// verdictCase is one definition with the verdict a yardstick expects.
type verdictCase struct {
	name  string // relative to the set's folder
	path  string
	valid bool
	opts  schema.Options
}

func runVerdicts(t *testing.T, set string, cases []verdictCase, accepted map[string]string) {
	t.Helper()
	agree, knownDiff := 0, 0
	for _, tc := range cases {
		src, err := os.ReadFile(tc.path)
		if err != nil {
			t.Fatal(err)
		}
		res := schema.Validate(tc.path, src, tc.opts)
		if res.Valid() == tc.valid {
			agree++
			if reason, ok := accepted[tc.name]; ok {
				t.Errorf("%s %s: listed as a disagreement (%s) but now agrees; remove it from the list", set, tc.name, reason)
			}
			continue
		}
		if reason, ok := accepted[tc.name]; ok {
			knownDiff++
			t.Logf("%s %s: accepted disagreement: %s", set, tc.name, reason)
			continue
		}
		t.Errorf("%s %s: got valid=%v, want %v; diagnostics:\n%s", set, tc.name, res.Valid(), tc.valid, describe(res.Diagnostics))
	}
	t.Logf("%s: %d/%d agree (%.1f%%), %d accepted disagreements", set, agree, len(cases),
		100*float64(agree)/float64(max(1, len(cases))), knownDiff)
}

func describe(ds []schema.Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString("\t" + string(d.Severity) + " " + d.Code + " " + d.Location + ": " + d.Message + "\n")
	}
	return b.String()
}

func TestYardstickASLValidator(t *testing.T) {
	runVerdicts(t, "asl-validator", aslValidatorCases(t), aslValidatorAccepted)
}

func aslValidatorCases(t testing.TB) []verdictCase {
	dir := corpus.Dir(t, "validation", "asl-validator")
	var cases []verdictCase
	for _, verdict := range []string{"valid", "invalid"} {
		files, err := filepath.Glob(filepath.Join(dir, verdict, "*.json"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			// asl-validator accepts CloudFormation substitutions, as we
			// do with Placeholders.
			cases = append(cases, verdictCase{name: verdict + "/" + filepath.Base(f), path: f,
				valid: verdict == "valid", opts: schema.Options{Placeholders: true}})
		}
	}
	return cases
}

func TestYardstickStatelint(t *testing.T) {
	dir := corpus.Dir(t, "validation", "statelint")
	raw, err := os.ReadFile(filepath.Join(dir, "expectations.json"))
	if err != nil {
		t.Fatal(err)
	}
	var exp struct {
		Fixtures map[string]struct {
			Verdict  string   `json:"expected_verdict"`
			Problems *int     `json:"expected_problems"`
			Includes []string `json:"message_includes"`
		} `json:"fixtures"`
	}
	if err := json.Unmarshal(raw, &exp); err != nil {
		t.Fatal(err)
	}
	var cases []verdictCase
	for name, f := range exp.Fixtures {
		tc := verdictCase{name: name, path: filepath.Join(dir, name), valid: f.Verdict == "valid"}
		cases = append(cases, tc)
		src, err := os.ReadFile(tc.path)
		if err != nil {
			t.Fatal(err)
		}
		res := schema.Validate(name, src, tc.opts)
		// statelint's specs check phrases of its messages; ours say the
		// same things, except where the rule itself differs.
		for _, phrase := range f.Includes {
			if reason, ok := statelintWording[phrase]; ok {
				t.Logf("statelint %s: phrase %q not expected: %s", name, phrase, reason)
				continue
			}
			if !strings.Contains(describe(res.Diagnostics), phrase) {
				t.Errorf("statelint %s: no message contains %q:\n%s", name, phrase, describe(res.Diagnostics))
			}
		}
		if f.Problems == nil {
			continue
		}
		// statelint counts its problems; we must find as many errors.
		errs := 0
		for _, d := range res.Diagnostics {
			if d.Severity == schema.Error {
				errs++
			}
		}
		if errs != *f.Problems {
			t.Errorf("statelint %s: %d errors, statelint counts %d problems:\n%s", name, errs, *f.Problems, describe(res.Diagnostics))
		}
	}
	sort.Slice(cases, func(i, j int) bool { return cases[i].name < cases[j].name })
	runVerdicts(t, "statelint", cases, statelintAccepted)
}

func TestYardstickConformanceValidation(t *testing.T) {
	dir := corpus.Dir(t, "conformance", "validation")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var cases []verdictCase
	skipped := 0
	for _, e := range entries {
		raw, err := os.ReadFile(filepath.Join(dir, e.Name(), "expected.json"))
		if err != nil {
			t.Fatal(err)
		}
		var exp struct{ Error, Message string }
		if err := json.Unmarshal(raw, &exp); err != nil {
			t.Fatal(err)
		}
		// Other rejections (name already exists, bad execution input,
		// logging or versioning options) are about the API call, not the
		// definition, which is valid.
		if exp.Error != "InvalidDefinition" {
			skipped++
			continue
		}
		tc := verdictCase{name: e.Name(), path: filepath.Join(dir, e.Name(), "definition.json"),
			opts: schema.Options{Express: strings.HasPrefix(e.Name(), "sfn_api_express")}}
		cases = append(cases, tc)
		// Where AWS named a location, one of our errors must be there or
		// inside it (ours may be more precise: the key within Parameters).
		if m := awsLocation.FindStringSubmatch(exp.Message); m != nil {
			src, err := os.ReadFile(tc.path)
			if err != nil {
				t.Fatal(err)
			}
			res := schema.Validate(tc.path, src, tc.opts)
			want := strings.TrimSuffix(m[1], "/") // AWS writes the root as "/", RFC 6901 as ""
			found := false
			for _, d := range res.Diagnostics {
				if d.Severity == schema.Error && (d.Location == want || strings.HasPrefix(d.Location, want+"/")) {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: AWS located the problem at %s; we did not:\n%s", e.Name(), m[1], describe(res.Diagnostics))
			}
		}
	}
	t.Logf("conformance/validation: %d cases rejected for reasons other than the definition, not compared", skipped)
	runVerdicts(t, "conformance/validation", cases, nil)
}

// awsLocation finds the pointer in AWS's "… at /States/Name/Field'" text.
var awsLocation = regexp.MustCompile(` at (/[^']*)'`)

// TestYardstickConformanceAccepted: every definition of the conformance
// cases outside validation/ was created on AWS (its run was recorded), so
// it must be valid.
func TestYardstickConformanceAccepted(t *testing.T) {
	runVerdicts(t, "conformance (accepted by AWS)", conformanceAcceptedCases(t), nil)
}

func conformanceAcceptedCases(t testing.TB) []verdictCase {
	dir := corpus.Dir(t, "conformance")
	var cases []verdictCase
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "validation" {
			return filepath.SkipDir
		}
		if d.Name() == "definition.json" {
			rel, _ := filepath.Rel(dir, filepath.Dir(p))
			cases = append(cases, verdictCase{name: rel, path: p, valid: true})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return cases
}

// realworldBroken are the two known-bad files the corpus README names;
// they must get a located error.
var realworldBroken = map[string]bool{
	"sfn-iot-data-analytics-dataset": true, // not valid JSON
	"shared-fallback-state-jsonata":  true, // QueryLanguage inside States
}

func realworldFiles(t testing.TB) []string {
	dir := corpus.Dir(t, "realworld")
	var files []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".manifest.json") {
			return err
		}
		files = append(files, p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func isBroken(path string) bool {
	base := filepath.Base(path)
	for prefix := range realworldBroken {
		if strings.HasPrefix(base, prefix) {
			return true
		}
	}
	return false
}

func TestYardstickRealworld(t *testing.T) {
	cases := realworldCases(t)
	runVerdicts(t, "realworld", cases, nil)
	for _, tc := range cases {
		if tc.valid {
			continue
		}
		src, _ := os.ReadFile(tc.path)
		for _, d := range schema.Validate(tc.path, src, tc.opts).Diagnostics {
			if d.Severity == schema.Error && d.Range.Start.Line == 0 {
				t.Errorf("%s: error without a location: %s", tc.name, d.Message)
			}
		}
	}
}

func realworldCases(t testing.TB) []verdictCase {
	var cases []verdictCase
	for _, f := range realworldFiles(t) {
		cases = append(cases, verdictCase{name: filepath.Base(f), path: f, valid: !isBroken(f), opts: schema.Options{Placeholders: true}})
	}
	return cases
}
