package engine_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
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
