package suite

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// --update writes the actual results over wrong exact expectations, keeps
// the partial ones and the comments, and the file then passes.
func TestUpdateRoundTrip(t *testing.T) {
	for _, tc := range []struct{ name, file, text string }{
		{"yaml", "flow.tests.yaml", `# the suite's own comment
scenarios:
  - name: big
    input: {kind: big, items: [1]}
    testCase: busy
    expect:
      status: FAILED # was wrong
      error: Nope
      passesThrough: [Fetch]
      states:
        Fetch: {retries: 5}
  - name: fresh
    input: {kind: odd}
`},
		{"json", "flow.tests.json", `{"scenarios": [
  {"name": "big", "input": {"kind": "big", "items": [1]}, "testCase": "busy",
   "expect": {"status": "FAILED", "error": "Nope", "passesThrough": ["Fetch"], "states": {"Fetch": {"retries": 5}}}},
  {"name": "fresh", "input": {"kind": "odd"}}
]}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := project(t, tc.file, tc.text)
			s, err := Load(path)
			if err != nil {
				t.Fatal(err)
			}
			rs := Run(context.Background(), []*Suite{s}, Options{})
			if rs[0].Passed() {
				t.Fatal("the wrong expectations passed")
			}
			data, changes, err := s.Update(rs)
			if err != nil {
				t.Fatal(err)
			}
			var said []string
			for _, c := range changes {
				said = append(said, c.String())
			}
			all := strings.Join(said, "\n")
			for _, want := range []string{
				`big: status: "FAILED" → "SUCCEEDED"`,
				`big: error: removed (was "Nope")`,
				`big: states.Fetch.retries: 5 → 1`,
				`fresh: status: added "FAILED"`,
				`fresh: error: added "Rejected"`,
				`fresh: path: added ["Classify","Reject"]`,
			} {
				if !strings.Contains(all, want) {
					t.Errorf("changes:\n%s\nlack %s", all, want)
				}
			}
			if tc.name == "json" {
				var v any
				if err := json.Unmarshal(data, &v); err != nil {
					t.Fatalf("the updated JSON file is not JSON: %v\n%s", err, data)
				}
			} else if !strings.Contains(string(data), "# the suite's own comment") {
				t.Errorf("comment lost:\n%s", data)
			}
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			s2, err := Load(path)
			if err != nil {
				t.Fatalf("reload: %v\n%s", err, data)
			}
			for _, r := range Run(context.Background(), []*Suite{s2}, Options{}) {
				if !r.Passed() {
					t.Errorf("%s fails after update: %+v\n%s", r.Scenario.Name, r.Failures, data)
				}
			}
			if _, again, _ := s2.Update(Run(context.Background(), []*Suite{s2}, Options{})); len(again) != 0 {
				t.Errorf("a second update changes %v", again)
			}
		})
	}
}

func TestDiff(t *testing.T) {
	for _, tc := range []struct {
		want, got string
		partial   bool
		lines     []string
	}{
		{`{"a":1}`, `{"a":1}`, false, nil},
		{`{"a":1}`, `{"a":1,"b":2}`, true, nil},
		{`{"a":1}`, `{"a":1,"b":2}`, false, []string{`$.b: not expected (got 2)`}},
		{`{"a":[1,2]}`, `{"a":[1]}`, false, []string{`$.a[1]: missing (expected 2)`}},
		{`{"a b":{"c":"x"}}`, `{"a b":{"c":"y"}}`, false, []string{`$["a b"].c: expected "x", got "y"`}},
		{`1`, `1.0`, false, nil},
	} {
		w, err := jsonvalue.Unmarshal([]byte(tc.want))
		if err != nil {
			t.Fatal(err)
		}
		g, err := jsonvalue.Unmarshal([]byte(tc.got))
		if err != nil {
			t.Fatal(err)
		}
		if d := Diff(w, g, tc.partial); strings.Join(d, "|") != strings.Join(tc.lines, "|") {
			t.Errorf("Diff(%s, %s) = %q, want %q", tc.want, tc.got, d, tc.lines)
		}
	}
}
