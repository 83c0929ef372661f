package endpoint_test

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestReplayCompare checks the comparison itself: what it must accept and
// what it must report, so a green replay means what it says.
func TestReplayCompare(t *testing.T) {
	const arn = `"arn:aws:states:us-east-1:123456789012:stateMachine:sm-1"`
	cases := []struct {
		name      string
		recorded  string // snapshot month, "" for any
		expected  string
		got       string
		wantDiffs []string // substrings, one per expected mismatch
	}{
		{name: "placeholders and account bind",
			expected: `{"a":"arn:<partition>:states:<region>:111111111111:stateMachine:<ArnPart_0idx>","name":"<ArnPart_0idx>"}`,
			got:      `{"a":` + arn + `,"name":"sm-1"}`},
		{name: "a bound placeholder is one value",
			expected:  `{"a":"arn:<partition>:states:<region>:111111111111:stateMachine:<ArnPart_0idx>","name":"<ArnPart_0idx>"}`,
			got:       `{"a":` + arn + `,"name":"sm-2"}`,
			wantDiffs: []string{`$.name: expected "<ArnPart_0idx>", got "sm-2"`}},
		{name: "alias of a RegexTransformer",
			expected: `{"roleArn":"snf_role_arn","message":"Role snf_role_arn is bad"}`,
			got:      `{"roleArn":"arn:aws:iam::1:role/r","message":"Role arn:aws:iam::1:role/r is bad"}`},
		{name: "dates are numbers",
			expected:  `{"creationDate":"datetime","stopDate":"stop-date","timestamp":"timestamp"}`,
			got:       `{"creationDate":1.5,"stopDate":"2024-01-01","timestamp":2}`,
			wantDiffs: []string{`$.stopDate: expected a date (a number)`}},
		{name: "dates inside task payloads are any value",
			expected: `{"output":{"Date":"date","StartDate":"start-date"}}`,
			got:      `{"output":"{\"Date\":[\"Mon, 07 Dec 2026\"],\"StartDate\":1.5}"}`},
		{name: "JSON strings were recorded parsed",
			expected: `{"input":{"a":[1,2]},"output":"x","n":1}`,
			got:      `{"input":"{\"a\": [1, 2]}","output":"x","n":"1"}`},
		{name: "missing, extra and wrong values are reported",
			expected:  `{"status":"SUCCEEDED","items":[1,2],"error":"States.Runtime"}`,
			got:       `{"status":"FAILED","items":[1],"extra":true}`,
			wantDiffs: []string{`$.status: expected "SUCCEEDED", got "FAILED"`, `$.items: expected 2 items, got 1`, `missing field "error"`, `field "extra" not in AWS's answer`}},
		{name: "fields AWS added after the recording",
			recorded: "2023-08", expected: `{"status":"SUCCEEDED"}`, got: `{"status":"SUCCEEDED","redriveCount":0}`},
		{name: "the same field in a later recording counts",
			recorded: "2024-01", expected: `{"status":"SUCCEEDED"}`, got: `{"status":"SUCCEEDED","redriveCount":0}`,
			wantDiffs: []string{`field "redriveCount" not in AWS's answer`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var exp, got any
			if err := json.Unmarshal([]byte(c.expected), &exp); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal([]byte(c.got), &got); err != nil {
				t.Fatal(err)
			}
			b := newBinder([]string{"snf_role_arn"})
			b.recorded = c.recorded
			var ms []mismatch
			b.compare("$", exp, got, &ms)
			var lines []string
			for _, m := range ms {
				lines = append(lines, m.Path+": "+m.Diff)
			}
			all := strings.Join(lines, "\n")
			if len(ms) != len(c.wantDiffs) {
				t.Fatalf("%d mismatches, want %d:\n%s", len(ms), len(c.wantDiffs), all)
			}
			for _, w := range c.wantDiffs {
				if !strings.Contains(all, w) {
					t.Errorf("no mismatch %q in:\n%s", w, all)
				}
			}
		})
	}
}

// TestReplayCheck: the tests' asserts about answers hold or fail as Python's would.
func TestReplayCheck(t *testing.T) {
	cases := []struct {
		left, op, right string
		ok              bool
	}{
		{`"a:1"`, "==", `"a:1"`, true},
		{`"a:1"`, "==", `"a:2"`, false},
		{`13`, "==", `13`, true},
		{`12`, "==", `13`, false},
		{`"nextToken"`, "not in", `{"executions":[]}`, true},
		{`"nextToken"`, "not in", `{"nextToken":"x"}`, false},
		{`"x"`, "in", `["x","y"]`, true},
		{`"x"`, "!=", `"x"`, false},
	}
	for _, c := range cases {
		var l, r any
		_ = json.Unmarshal([]byte(c.left), &l)
		_ = json.Unmarshal([]byte(c.right), &r)
		err := check(map[string]any{"left": l, "op": c.op, "right": r})
		if (err == nil) != c.ok {
			t.Errorf("%s %s %s: error %v, want ok=%v", c.left, c.op, c.right, err, c.ok)
		}
	}
}
