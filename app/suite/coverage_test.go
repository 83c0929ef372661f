package suite

import (
	"encoding/json"
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
