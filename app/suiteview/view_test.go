package suiteview

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// example copies the shipped example and, with tests, its suite into a
// fresh folder; it returns the workflow's path and text.
func example(t testing.TB, tests bool) (string, []byte) {
	t.Helper()
	dir := t.TempDir()
	names := []string{"order-process.asl.json", "order-process.input.json"}
	if tests {
		names = append(names, "order-process.tests.yaml")
	}
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join("..", "examples", n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	wf := filepath.Join(dir, "order-process.asl.json")
	text, err := os.ReadFile(wf)
	if err != nil {
		t.Fatal(err)
	}
	return wf, text
}

func TestList(t *testing.T) {
	withTests, text := example(t, true)
	without, _ := example(t, false)
	broken, _ := example(t, true)
	if err := os.WriteFile(filepath.Join(filepath.Dir(broken), "order-process.tests.yaml"), []byte("scenarios:\n  - name: x\n    expct: {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, path          string
		exists              bool
		reason              string
		scenarios, problems int
		problemHas          string
	}{
		{"unsaved", "", false, ReasonUnsaved, 0, 0, ""},
		{"no test file", without, false, ReasonNoFile, 0, 0, ""},
		{"a broken test file", broken, true, "cannot be used", 0, 1, `did you mean "expect"`},
		{"the example's suite", withTests, true, "", 4, 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := List(tc.path, "", text)
			if l.Exists != tc.exists || !strings.Contains(l.Reason, tc.reason) || (tc.reason == "" && l.Reason != "") {
				t.Errorf("exists %v reason %q; want %v %q", l.Exists, l.Reason, tc.exists, tc.reason)
			}
			if len(l.Scenarios) != tc.scenarios || len(l.Problems) != tc.problems {
				t.Fatalf("%d scenarios, problems %q", len(l.Scenarios), l.Problems)
			}
			if tc.problemHas != "" && !strings.Contains(l.Problems[0], tc.problemHas) {
				t.Errorf("problem %q lacks %q", l.Problems[0], tc.problemHas)
			}
			if tc.path != "" && !strings.HasSuffix(l.File, "order-process.tests.yaml") {
				t.Errorf("file %q", l.File)
			}
		})
	}
}

// The listing carries each scenario's input (inputFile read, input
// written inline), which the run panel offers as the sample input.
func TestListGivesScenarioInputs(t *testing.T) {
	wf, text := example(t, true)
	l := List(wf, "", text)
	if len(l.Scenarios) < 2 {
		t.Fatalf("%d scenarios", len(l.Scenarios))
	}
	var fromFile, inline map[string]any
	if err := json.Unmarshal([]byte(l.Scenarios[0].Input), &fromFile); err != nil {
		t.Fatalf("first input %q: %v", l.Scenarios[0].Input, err)
	}
	if fromFile["orderId"] != "ORD-1042" || fromFile["valid"] != true || !strings.Contains(l.Scenarios[0].Input, "\n  \"") {
		t.Errorf("the first scenario's inputFile gave %q", l.Scenarios[0].Input)
	}
	if err := json.Unmarshal([]byte(l.Scenarios[1].Input), &inline); err != nil || inline["orderId"] != "ORD-7" {
		t.Errorf("the second scenario's inline input gave %q (%v)", l.Scenarios[1].Input, err)
	}
}

func TestRun(t *testing.T) {
	wf, text := example(t, true)
	edited := []byte(strings.Replace(string(text), `"OrderInvalid"`, `"OrderRefused"`, 1))
	if string(edited) == string(text) {
		t.Fatal("the example no longer names OrderInvalid: fix the test's edit")
	}
	for _, tc := range []struct {
		name        string
		text        []byte
		only        []string
		ran, failed int
		failing     string
		expected    string
		got         string
	}{
		{"all pass", text, nil, 4, 0, "", "", ""},
		{"the edited text, not the file, runs", edited, nil, 4, 1, "an invalid order is rejected", "OrderInvalid", "OrderRefused"},
		{"one scenario", edited, []string{"an invalid order is rejected"}, 1, 1, "an invalid order is rejected", "OrderInvalid", "OrderRefused"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Run(context.Background(), wf, "", tc.text, tc.only)
			if len(r.Results) != tc.ran || r.Failed != tc.failed || r.Passed != tc.ran-tc.failed {
				t.Fatalf("ran %d, passed %d, failed %d", len(r.Results), r.Passed, r.Failed)
			}
			for _, res := range r.Results {
				var h struct {
					Events []map[string]any `json:"events"`
				}
				if err := json.Unmarshal([]byte(res.History), &h); err != nil || len(h.Events) < 3 {
					t.Errorf("%s: history of %d events (%v)", res.Name, len(h.Events), err)
				}
				if res.Name != tc.failing {
					if res.Status != "passed" {
						t.Errorf("%s: %s %+v", res.Name, res.Status, res.Failures)
					}
					continue
				}
				if res.Status != "failed" || len(res.Failures) != 1 {
					t.Fatalf("%s: %s %+v", res.Name, res.Status, res.Failures)
				}
				f := res.Failures[0]
				if f.Expectation != "error" || f.Line == 0 || !strings.Contains(f.Expected, tc.expected) || !strings.Contains(f.Got, tc.got) {
					t.Errorf("failure %+v", f)
				}
			}
			c := r.Coverage
			if c == nil || c.Total == 0 || c.Covered > c.Total {
				t.Fatalf("coverage %+v", c)
			}
			// Coverage is of the scenarios that ran: one leaves most unreached.
			if full := len(tc.only) == 0; full != (c.Covered == c.Total) {
				t.Errorf("covered %d of %d after %d scenarios", c.Covered, c.Total, len(r.Results))
			}
		})
	}
}

func TestSaveRun(t *testing.T) {
	wf, text := example(t, true)
	testFile := filepath.Join(filepath.Dir(wf), "order-process.tests.yaml")
	if err := os.Remove(testFile); err != nil {
		t.Fatal(err)
	}
	// A run to save: the example's declined-card scenario, run from a suite elsewhere.
	src, _ := example(t, true)
	r := Run(context.Background(), src, "", text, []string{"a declined card releases the items"})
	if len(r.Results) != 1 || r.Results[0].History == "" {
		t.Fatalf("no run to save: %+v", r.Results)
	}
	for i, want := range []struct {
		created bool
		name    string
	}{{true, "declined card"}, {false, "declined card (2)"}} {
		s, err := SaveRun(context.Background(), wf, "", text, "declined card", r.Results[0].History, "FAILED")
		if err != nil {
			t.Fatal(err)
		}
		if s.Created != want.created || s.Name != want.name || s.File != testFile || s.Note != "" {
			t.Errorf("save %d: %+v", i+1, s)
		}
	}
	b, err := os.ReadFile(testFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"declined card (2)", "PaymentDeclined", "Release items", "Charge card"} {
		if !strings.Contains(string(b), s) {
			t.Errorf("the test file lacks %q:\n%s", s, b)
		}
	}
	after := Run(context.Background(), wf, "", text, nil)
	if after.Passed != 2 || after.Failed != 0 {
		t.Errorf("the saved scenarios: %d passed, %d failed: %+v", after.Passed, after.Failed, after.Results)
	}
	if _, err := SaveRun(context.Background(), "", "", text, "x", r.Results[0].History, ""); err == nil {
		t.Error("saved a run of an unsaved workflow")
	}
}

// TestTemplateMachine: the Tests panel of a state machine inside a
// template lists and runs T.<LogicalId>.tests.yaml against the editor's
// text of that machine.
func TestTemplateMachine(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "suite", "testdata", "template"))
	if err != nil {
		t.Fatal(err)
	}
	template := filepath.Join(dir, "orders.yaml")
	// The machine's text as the editor holds it: the inline definition,
	// its !GetAtt kept.
	text := []byte(`StartAt: Price
States:
  Price:
    Type: Task
    Resource: arn:aws:states:::lambda:invoke
    Parameters:
      FunctionName: !GetAtt PriceFunction.Arn
      Payload.$: $
    ResultSelector:
      total.$: $.Payload.total
    ResultPath: $.price
    Next: Big?
  Big?:
    Type: Choice
    Choices:
      - Variable: $.price.total
        NumericGreaterThan: 100
        Next: Review
    Default: Accept
  Review:
    Type: Fail
    Error: NeedsReview
  Accept:
    Type: Succeed
`)
	l := List(template, "CheckOrder", text)
	if !l.Exists || filepath.Base(l.File) != "orders.CheckOrder.tests.yaml" || len(l.Scenarios) != 2 {
		t.Fatalf("listing = %+v, want the 2 scenarios of orders.CheckOrder.tests.yaml", l)
	}
	r := Run(context.Background(), template, "CheckOrder", text, nil)
	if r.Passed != 2 || r.Failed != 0 || r.Coverage == nil || r.Coverage.MachineID != "CheckOrder" {
		t.Fatalf("report: %d passed, %d failed, %+v", r.Passed, r.Failed, r.Results)
	}
	// Another machine of the same template has its own file (none here).
	if l := List(template, "PriceFunction", text); l.Exists || filepath.Base(l.File) != "orders.PriceFunction.tests.yaml" {
		t.Errorf("listing of a machine without tests = %+v", l)
	}
}
