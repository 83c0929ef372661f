package suite

import (
	"strings"
	"testing"
)

// base runs the test workflow down its main path: Fetch is busy once,
// then answers 7; two Map items; both branches.
const base = `
scenarios:
  - name: s
    input: {kind: big, items: [1, 2]}
    testCase: busy
    expect:
`

// Each expectation kind, once met and once not: the failure names the
// expectation and says expected and got.
func TestExpectations(t *testing.T) {
	for _, tc := range []struct {
		name, expect string
		fail         string // the failing expectation; "" when it must pass
		msg          string
	}{
		{"status ok", `status: SUCCEEDED`, "", ""},
		{"status bad", `status: FAILED`, "status", "expected the run to end FAILED, but it ended SUCCEEDED"},
		{"output ok", `output: {kind: big, items: [1, 2], fetched: {value: 7}, wrapped: [{v: 1}, {v: 2}]}`, "", ""},
		{"output bad", `output: {kind: big, items: [1, 2], fetched: {value: 8}, wrapped: [{v: 1}]}`, "output", "$.fetched.value: expected 8, got 7"},
		{"output extra key", `output: {kind: big}`, "output", "$.items: not expected"},
		{"contains ok", `outputContains: {fetched: {value: 7}, wrapped: [{v: 1}, {}]}`, "", ""},
		{"contains bad", `outputContains: {fetched: {value: 7, more: 1}}`, "outputContains", "$.fetched.more: missing (expected 1)"},
		{"assert equals ok", `assertions: [{path: "$.wrapped[1].v", equals: 2}]`, "", ""},
		{"assert equals bad", `assertions: [{path: "$.wrapped[1].v", equals: 3}]`, "assertions[0] $.wrapped[1].v", "expected 3, got 2"},
		{"assert contains ok", `assertions: [{path: $.fetched, contains: {value: 7}}]`, "", ""},
		{"assert exists ok", `assertions: [{path: $.fetched.value, exists: true}, {path: $.nothing, exists: false}]`, "", ""},
		{"assert exists bad", `assertions: [{path: $.nothing, exists: true}]`, "assertions[0] $.nothing", "expected $.nothing to exist"},
		{"assert selects nothing", `assertions: [{path: $.nothing, equals: 1}]`, "assertions[0] $.nothing", "selects nothing"},
		{"error on success", `error: Rejected`, "error", `expected error "Rejected", but the run had none`},
		{"path ok", `path: [Classify, Fetch, Remember, Each, Wrap, Wrap, Both, Left, Right, Done]`, "", ""},
		{"path bad", `path: [Classify, Reject]`, "path", "step 2: expected Reject"},
		{"passes through ok", `passesThrough: [Fetch, Wrap, Left]`, "", ""},
		{"passes through bad", `passesThrough: [Reject]`, "passesThrough", `expected the run to pass through "Reject", but it never entered it`},
		{"never reaches ok", `neverReaches: [Reject]`, "", ""},
		{"never reaches bad", `neverReaches: [Wrap]`, "neverReaches", `expected the run never to reach "Wrap", but it entered it 2 times`},
		{"state output ok", `states: {Fetch: {outputContains: {fetched: {value: 7}}}, Wrap: {output: {v: 2}}}`, "", ""},
		{"state output bad", `states: {Wrap: {output: {v: 1}}}`, "states.Wrap.output", "$.v: expected 1, got 2"},
		{"state output never", `states: {Reject: {output: {}}}`, "states.Reject.output", "it never finished"},
		{"variables ok", `states: {Remember: {variables: {seen: 7}}}`, "", ""},
		{"variables bad", `states: {Remember: {variables: {seen: 8}}}`, "states.Remember.variables.seen", "expected 8, got 7"},
		{"variables missing", `states: {Fetch: {variables: {seen: 7}}}`, "states.Fetch.variables.seen", "did not assign it"},
		{"retries ok", `states: {Fetch: {retries: 1}}`, "", ""},
		{"retries bad", `states: {Fetch: {retries: 0}}`, "states.Fetch.retries", `expected "Fetch" to be retried never, but it was retried once`},
		{"iterations ok", `states: {Each: {iterations: 2}}`, "", ""},
		{"iterations bad", `states: {Each: {iterations: 3}}`, "states.Each.iterations", `expected "Each" to run 3 Map iterations, got 2`},
		{"visits ok", `states: {Wrap: {visits: 2}, Reject: {visits: 0}}`, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rs := runText(t, base+"      "+tc.expect+"\n")
			r := rs[0]
			if r.Err != nil {
				t.Fatal(r.Err)
			}
			if tc.fail == "" {
				if !r.Passed() {
					t.Fatalf("failures: %+v", r.Failures)
				}
				return
			}
			if len(r.Failures) != 1 {
				t.Fatalf("want one failure of %s, got %+v", tc.fail, r.Failures)
			}
			f := r.Failures[0]
			text := f.Message + "\n" + strings.Join(f.Diff, "\n")
			if f.Expectation != tc.fail || !strings.Contains(text, tc.msg) {
				t.Errorf("failure %s: %s\nwant %s: ...%s...", f.Expectation, text, tc.fail, tc.msg)
			}
			if f.At.Line != 7 {
				t.Errorf("located at %+v, want line 7", f.At)
			}
		})
	}
}

// A failing run is checked for its error and cause; a Catch is taken.
func TestExpectFailure(t *testing.T) {
	rs := runText(t, `
scenarios:
  - name: broken
    input: {kind: small}
    mocks:
      Fetch:
        "0": {Throw: {Error: Broken, Cause: gone}}
    expect:
      status: FAILED
      error: Rejected
      cause: not wanted
      passesThrough: [Fetch, Reject]
  - name: wrong cause
    input: {kind: odd}
    expect:
      cause: wanted
      output: {}
`)
	if !rs[0].Passed() {
		t.Errorf("broken: %+v", rs[0].Failures)
	}
	got := map[string]bool{}
	for _, f := range rs[1].Failures {
		got[f.Expectation] = true
	}
	if !got["cause"] || !got["output"] || len(got) != 2 {
		t.Errorf("wrong cause: %+v", rs[1].Failures)
	}
}

// A run that does not end in time is reported, not hung on.
func TestTimeout(t *testing.T) {
	rs := runText(t, `
scenarios:
  - name: slow
    timeout: 1ms
    input: {kind: big, items: [1, 2]}
    testCase: ok
`)
	// A run this small may finish within 1 ms; either way it must not
	// hang, and a timeout is said in plain words.
	if r := rs[0]; r.Err != nil && !strings.Contains(r.Err.Error(), "did not end within 1ms") {
		t.Errorf("err = %v", r.Err)
	}
}
