package suite

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The suite reaches everything but Choice rule 2 ("odd"), left uncovered
// on purpose: coverage must name exactly that rule, by index.
func TestCoverageReportsTheUncoveredRule(t *testing.T) {
	rs := runText(t, `
scenarios:
  - name: big, busy once
    input: {kind: big, items: [1]}
    testCase: busy
  - name: small, broken
    input: {kind: small}
    mocks:
      Fetch:
        "0": {Throw: {Error: Broken, Cause: gone}}
  - name: other kinds are rejected
    input: {kind: other}
`)
	cov := Measure(rs)
	if len(cov) != 1 {
		t.Fatalf("%d coverages", len(cov))
	}
	c := cov[0]
	var uncovered []string
	for _, s := range c.States {
		if !s.Covered {
			uncovered = append(uncovered, "state "+s.Name)
		}
	}
	for _, it := range c.Transitions {
		if !it.Covered {
			b, _ := json.Marshal(it)
			uncovered = append(uncovered, string(b))
		}
	}
	want := `{"state":"Classify","kind":"choice","index":2,"target":"Reject","covered":false,"id":"/States/Classify/Choices/2/Next"}`
	if len(uncovered) != 1 || uncovered[0] != want {
		t.Errorf("uncovered:\n%s\nwant only:\n%s", strings.Join(uncovered, "\n"), want)
	}
	if c.Total != c.Covered+1 || c.Percent < 90 || c.Percent >= 100 {
		t.Errorf("covered %d of %d (%v%%)", c.Covered, c.Total, c.Percent)
	}
	// Every kind of item is listed: rules and the Default, the Catch, the
	// retrier, both branches, the Map's processor.
	kinds := map[string]int{}
	for _, it := range c.Transitions {
		kinds[it.Kind]++
	}
	for k, n := range map[string]int{KindChoice: 3, KindDefault: 1, KindCatch: 1, KindRetry: 1, KindBranch: 2, KindProcessor: 1} {
		if kinds[k] != n {
			t.Errorf("%d %s items, want %d", kinds[k], k, n)
		}
	}
}

// Rules count only when taken: a Retry only when it retried, a Catch only
// when it caught.
func TestCoverageRulesNeedTheirEvent(t *testing.T) {
	rs := runText(t, `
scenarios:
  - name: straight through
    input: {kind: big, items: []}
    testCase: ok
`)
	c := Measure(rs)[0]
	for _, it := range c.Transitions {
		switch it.Kind {
		case KindRetry, KindCatch, KindProcessor:
			if it.Covered {
				t.Errorf("%s of %s covered by a run that never used it", it.Kind, it.State)
			}
		}
	}
}

// A Parallel retried for an error raised inside its branch counts as
// retried by the rule that matched that error, not by the others.
func TestCoverageParallelRetry(t *testing.T) {
	dir := t.TempDir()
	def := `{"StartAt":"P","States":{"P":{"Type":"Parallel",
  "Retry":[{"ErrorEquals":["Other"]},{"ErrorEquals":["Flaky"],"IntervalSeconds":1,"MaxAttempts":2}],
  "Branches":[{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f"},"End":true}}}],
  "End":true}}}`
	tests := `
scenarios:
  - name: retried
    mocks:
      T:
        "0": {Throw: {Error: Flaky, Cause: x}}
        "1": {Return: 1}
    expect:
      status: SUCCEEDED
      states:
        P: {retries: 1}
        T: {retries: 0, visits: 2}
`
	if err := os.WriteFile(filepath.Join(dir, "par.asl.json"), []byte(def), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "par.tests.yaml"), []byte(tests), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Load(filepath.Join(dir, "par.tests.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	rs := Run(context.Background(), []*Suite{s}, Options{})
	if !rs[0].Passed() {
		t.Fatalf("%+v", rs[0].Failures)
	}
	got := map[int]bool{}
	for _, it := range Measure(rs)[0].Transitions {
		if it.Kind == KindRetry {
			got[*it.Index] = it.Covered
		}
	}
	if got[0] || !got[1] {
		t.Errorf("retry rules covered: %v, want only rule 1", got)
	}
}
