package engine_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/asl"
	"github.com/stepstudio/stepstudio/internal/corpus"
)

// TestConformance runs every AWS-recorded case of the external corpus,
// compares with the corpus README's rules, prints pass counts per
// category and fails when a case outside testdata/conformance_known_failures.txt
// fails.
func TestConformance(t *testing.T) {
	root := corpus.Dir(t, "conformance")
	known := readKnownFailures(t, filepath.Join("testdata", "conformance_known_failures.txt"))
	cats, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	type tally struct{ pass, total int }
	counts := map[string]*tally{}
	var names []string
	var newlyPassing []string
	for _, cat := range cats {
		if !cat.IsDir() || cat.Name() == "validation" || cat.Name() == "test_state" {
			continue
		}
		cases, err := os.ReadDir(filepath.Join(root, cat.Name()))
		if err != nil {
			t.Fatal(err)
		}
		counts[cat.Name()] = &tally{}
		names = append(names, cat.Name())
		for _, c := range cases {
			id := cat.Name() + "/" + c.Name()
			dir := filepath.Join(root, cat.Name(), c.Name())
			problem := runCase(dir)
			counts[cat.Name()].total++
			_, isKnown := known[id]
			switch {
			case problem == "":
				counts[cat.Name()].pass++
				if isKnown {
					newlyPassing = append(newlyPassing, id)
				}
			case !isKnown:
				t.Errorf("%s: %s", id, problem)
			case testing.Verbose():
				t.Logf("known failure %s: %s", id, problem)
			}
		}
	}
	sort.Strings(names)
	pass, total := 0, 0
	for _, n := range names {
		c := counts[n]
		pass += c.pass
		total += c.total
		fmt.Printf("conformance %-20s %3d/%3d\n", n, c.pass, c.total)
	}
	fmt.Printf("conformance %-20s %3d/%3d\n", "TOTAL", pass, total)
	for _, id := range newlyPassing {
		fmt.Printf("conformance: %s now passes; remove it from the known failures\n", id)
	}
}

func readKnownFailures(t *testing.T, file string) map[string]string {
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		id, reason, _ := strings.Cut(line, " ")
		out[id] = strings.TrimSpace(reason)
	}
	return out
}

type expectation struct {
	Status string          `json:"status"`
	Output json.RawMessage `json:"output"`
	Error  *string         `json:"error"`
	Cause  *string         `json:"cause"`
	Meta   struct {
		Flags []string `json:"flags"`
	} `json:"meta"`
}

// runCase runs one corpus case and returns "" when it matches, else what
// differs.
func runCase(dir string) string {
	src, err := os.ReadFile(filepath.Join(dir, "definition.json"))
	if err != nil {
		return err.Error()
	}
	inputSrc, err := os.ReadFile(filepath.Join(dir, "input.json"))
	if err != nil {
		return err.Error()
	}
	expSrc, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		return err.Error()
	}
	var exp expectation
	if err := json.Unmarshal(expSrc, &exp); err != nil {
		return err.Error()
	}
	doc, err := asl.Parse("definition.json", src)
	if err != nil {
		return "parse: " + err.Error()
	}
	m, err := engine.Compile(doc)
	if err != nil {
		return err.Error()
	}
	input, err := engine.DecodeJSON(inputSrc)
	if err != nil {
		return err.Error()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	res, err := m.Run(ctx, input, engine.WithDeterminism(1, time.Date(2024, 7, 2, 13, 52, 2, 0, time.UTC)), engine.WithoutHistory(),
		engine.WithAWSAccount("us-east-1", "111111111111", "snf_role_arn"))
	if err != nil {
		return err.Error()
	}
	if res.Status != exp.Status {
		return fmt.Sprintf("status %s (error %s, cause %s), want %s (error %s, cause %s)", res.Status, deref(res.Error), deref(res.Cause), exp.Status, deref(exp.Error), deref(exp.Cause))
	}
	shapeOnly := false
	for _, f := range exp.Meta.Flags {
		if f == "nondeterministic-or-context-dependent" {
			shapeOnly = true
		}
	}
	if exp.Status == "SUCCEEDED" {
		var want any
		if err := json.Unmarshal(exp.Output, &want); err != nil {
			return err.Error()
		}
		got := roundTrip(res.Output)
		if d := compareValue(normalizeValue(want, ""), normalizeValue(got, ""), shapeOnly, "$"); d != "" {
			return "output: " + d + "\n  got  " + engine.EncodeJSON(res.Output) + "\n  want " + string(exp.Output)
		}
		return ""
	}
	if d := compareString(exp.Error, res.Error); d != "" {
		return "error: " + d
	}
	if d := compareString(exp.Cause, res.Cause); d != "" && !shapeOnly {
		return "cause: " + d
	}
	return ""
}

func deref(s *string) string {
	if s == nil {
		return "null"
	}
	return *s
}

func roundTrip(v any) any {
	var out any
	_ = json.Unmarshal([]byte(engine.EncodeJSON(v)), &out)
	return out
}

func compareString(want, got *string) string {
	w, g := deref(want), deref(got)
	if want == nil || got == nil {
		if want == nil && got == nil {
			return ""
		}
		if g == "" && want == nil || w == "" && got == nil {
			return ""
		}
		return fmt.Sprintf("got %s, want %s", g, w)
	}
	if !wildcard(w).MatchString(g) && !wildcard(normalizeString(w)).MatchString(normalizeString(g)) {
		return fmt.Sprintf("got %q, want %q", g, w)
	}
	return ""
}

var (
	placeholder = regexp.MustCompile(`<[^<>]+>`)
	isoTime     = regexp.MustCompile(`\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?`)
	uuidRe      = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
)

// wildcard turns an expected string with <placeholders> into a regexp.
func wildcard(s string) *regexp.Regexp {
	parts := placeholder.Split(s, -1)
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	return regexp.MustCompile(`(?s)^` + strings.Join(parts, `.*`) + `$`)
}

func normalizeString(s string) string { return isoTime.ReplaceAllString(s, "date") }

// normalizeValue applies the README's rules 2-4 to a decoded value.
func normalizeValue(v any, key string) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			if s, ok := e.(string); ok && strings.HasPrefix(s, "{") {
				var parsed any
				if json.Unmarshal([]byte(s), &parsed) == nil {
					e = parsed
				}
			}
			out[k] = normalizeValue(e, k)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = normalizeValue(e, key)
		}
		return out
	case string:
		lk := strings.ToLower(key)
		if strings.Contains(lk, "timestamp") {
			return "timestamp"
		}
		if strings.HasSuffix(lk, "id") && uuidRe.MatchString(x) {
			return "<uuid>"
		}
		return normalizeString(x)
	}
	return v
}

// compareValue compares want (with placeholders) to got; shapeOnly checks
// types and keys only.
func compareValue(want, got any, shapeOnly bool, at string) string {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return fmt.Sprintf("%s: got %T, want object", at, got)
		}
		for k := range w {
			if _, ok := g[k]; !ok {
				return fmt.Sprintf("%s: missing key %q", at, k)
			}
		}
		for k := range g {
			if _, ok := w[k]; !ok {
				return fmt.Sprintf("%s: unexpected key %q", at, k)
			}
		}
		keys := make([]string, 0, len(w))
		for k := range w {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if d := compareValue(w[k], g[k], shapeOnly, at+"."+k); d != "" {
				return d
			}
		}
		return ""
	case []any:
		g, ok := got.([]any)
		if !ok {
			return fmt.Sprintf("%s: got %T, want array", at, got)
		}
		if len(g) != len(w) && !shapeOnly {
			return fmt.Sprintf("%s: got %d items, want %d", at, len(g), len(w))
		}
		for i := range min(len(w), len(g)) {
			if d := compareValue(w[i], g[i], shapeOnly, fmt.Sprintf("%s[%d]", at, i)); d != "" {
				return d
			}
		}
		return ""
	case string:
		if placeholder.MatchString(w) {
			if shapeOnly {
				return ""
			}
			if gs, ok := got.(string); ok && wildcard(w).MatchString(gs) {
				return ""
			}
			if w == placeholder.FindString(w) {
				return "" // a whole-value placeholder stands for any value
			}
			return fmt.Sprintf("%s: got %v, want %q", at, got, w)
		}
		if shapeOnly {
			// The recording replaced nondeterministic values by a name
			// ("RandomNumberGenerated"): any scalar has the shape.
			switch got.(type) {
			case map[string]any, []any:
			default:
				return ""
			}
		}
	}
	if shapeOnly {
		if fmt.Sprintf("%T", want) == fmt.Sprintf("%T", got) {
			return ""
		}
	}
	wj, _ := json.Marshal(want)
	gj, _ := json.Marshal(got)
	if string(wj) != string(gj) {
		return fmt.Sprintf("%s: got %s, want %s", at, gj, wj)
	}
	return ""
}
