package teststate

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
)

// corpusDir holds AWS-recorded TestState calls (../shared/corpus, beside
// the checkout; see its README for the comparison rules applied here).
const corpusDir = "../../../shared/corpus/conformance/test_state"

// TestCorpus runs every recorded TestState request and compares the
// answer with AWS's. Cases listed in testdata/known_failures.txt (name
// and reason) must fail; every other case must pass.
func TestCorpus(t *testing.T) {
	entries, err := os.ReadDir(corpusDir)
	if os.IsNotExist(err) {
		t.Skipf("corpus absent: %s (the shared corpus sits beside the checkout)", corpusDir)
	}
	if err != nil {
		t.Fatal(err)
	}
	known := knownFailures(t)
	pass, total := 0, 0
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		name := e.Name()
		total++
		diff := runCase(filepath.Join(corpusDir, name))
		_, isKnown := known[name]
		switch {
		case diff == "" && isKnown:
			t.Errorf("%s passes now: remove it from testdata/known_failures.txt", name)
		case diff == "":
			pass++
		case !isKnown:
			t.Errorf("%s: %s", name, diff)
		}
	}
	for name := range known {
		if _, err := os.Stat(filepath.Join(corpusDir, name)); err != nil {
			t.Errorf("known failure %s is not a corpus case", name)
		}
	}
	if max := total / 10; len(known) > max {
		t.Errorf("%d known failures: at most %d (10%% of %d)", len(known), max, total)
	}
	t.Logf("TestState corpus: %d of %d cases pass (%d known failures)", pass, total, len(known))
	fmt.Printf("TestState corpus: %d of %d cases pass\n", pass, total)
}

func knownFailures(t *testing.T) map[string]string {
	f, err := os.Open("testdata/known_failures.txt")
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
		name, reason, _ := strings.Cut(line, " ")
		if strings.TrimSpace(reason) == "" {
			t.Errorf("known failure %s has no reason", name)
		}
		out[name] = reason
	}
	return out
}

// runCase returns "" when the answer matches expected.json, else what
// differs.
func runCase(dir string) string {
	b, err := os.ReadFile(filepath.Join(dir, "request.json"))
	if err != nil {
		return err.Error()
	}
	var req Request
	if err := json.Unmarshal(b, &req); err != nil {
		return "request: " + err.Error()
	}
	var want map[string]any
	eb, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		return err.Error()
	}
	if err := json.Unmarshal(eb, &want); err != nil {
		return "expected: " + err.Error()
	}
	delete(want, "meta")
	resp, rerr := Run(context.Background(), req)
	var got any
	if rerr != nil {
		got = map[string]any{"Error": rerr}
	} else {
		gb, _ := json.Marshal(resp)
		_ = json.Unmarshal(gb, &got)
	}
	g, w := normalize(got), normalize(any(want))
	if d := compare(w, g, "$"); d != "" {
		wb, _ := json.Marshal(w)
		gb, _ := json.Marshal(g)
		return fmt.Sprintf("%s\n  want %s\n  got  %s", d, wb, gb)
	}
	return ""
}

var isoTime = regexp.MustCompile(`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?`)

// normalize applies the corpus's rules to a value: strings holding a JSON
// object are parsed (rule 2; the API returns every document as text, so
// arrays are parsed too, on both sides alike), timestamps become "date"
// (rule 3).
func normalize(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			if strings.Contains(strings.ToLower(k), "timestamp") {
				out[k] = "timestamp"
				continue
			}
			out[k] = normalize(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = normalize(e)
		}
		return out
	case string:
		s := strings.TrimSpace(x)
		if strings.HasPrefix(s, "{") || strings.HasPrefix(s, "[") {
			var p any
			if json.Unmarshal([]byte(s), &p) == nil {
				return normalize(p)
			}
		}
		return isoTime.ReplaceAllString(x, "date")
	}
	return v
}

var placeholder = regexp.MustCompile(`<[A-Za-z_-]+(:\d+)?>`)

// compare reports the first difference of got from want ("" if none);
// a <name> or <name:N> placeholder in want matches anything (rules 5, 7).
func compare(want, got any, at string) string {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return at + ": want an object"
		}
		keys := map[string]bool{}
		for k := range w {
			keys[k] = true
		}
		for k := range g {
			keys[k] = true
		}
		sorted := make([]string, 0, len(keys))
		for k := range keys {
			sorted = append(sorted, k)
		}
		sort.Strings(sorted)
		for _, k := range sorted {
			wv, wok := w[k]
			gv, gok := g[k]
			if !wok {
				return at + "." + k + ": not expected"
			}
			if !gok {
				return at + "." + k + ": missing"
			}
			if d := compare(wv, gv, at+"."+k); d != "" {
				return d
			}
		}
		return ""
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return at + ": want an array of " + fmt.Sprint(len(w))
		}
		for i := range w {
			if d := compare(w[i], g[i], fmt.Sprintf("%s[%d]", at, i)); d != "" {
				return d
			}
		}
		return ""
	case string:
		if placeholder.MatchString(w) {
			parts := placeholder.Split(w, -1)
			for i := range parts {
				parts[i] = regexp.QuoteMeta(parts[i])
			}
			if g, ok := got.(string); ok && regexp.MustCompile("^(?s)"+strings.Join(parts, ".*")+"$").MatchString(g) {
				return ""
			}
			return fmt.Sprintf("%s: want %q, got %v", at, w, got)
		}
	}
	wb, _ := json.Marshal(want)
	gb, _ := json.Marshal(got)
	if string(wb) != string(gb) {
		return fmt.Sprintf("%s: want %s, got %s", at, wb, gb)
	}
	return ""
}
