package flowdiff_test

import (
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/app/flowdiff"
)

// base is the old version most cases edit: a Choice, a Task with Retry,
// Catch and an Arguments template, a Parallel with two branches.
const base = `{
  "Comment": "orders",
  "QueryLanguage": "JSONata",
  "StartAt": "Check",
  "States": {
    "Check": {"Type": "Choice", "Choices": [
      {"Condition": "{% $states.input.total > 100 %}", "Next": "Charge"},
      {"Condition": "{% $states.input.vip %}", "Next": "Charge"}
    ], "Default": "Reject"},
    "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
      "Arguments": {"FunctionName": "charge", "Payload": {"amount": "{% $states.input.total %}", "currency": "EUR"}},
      "Retry": [{"ErrorEquals": ["States.Timeout"], "MaxAttempts": 3, "IntervalSeconds": 2}],
      "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Reject"}],
      "Next": "Ship"},
    "Ship": {"Type": "Parallel", "Branches": [
      {"StartAt": "Pack", "States": {"Pack": {"Type": "Pass", "Output": {"packed": true}, "End": true}}},
      {"StartAt": "Label", "States": {"Label": {"Type": "Pass", "Output": {"label": "{% $uuid() %}"}, "End": true}}}
    ], "Next": "Done"},
    "Reject": {"Type": "Fail", "Error": "Rejected", "Cause": "too risky"},
    "Done": {"Type": "Succeed"}
  }
}`

// edit returns base with each old→new replacement applied once (each must hit).
func edit(t *testing.T, pairs ...string) string {
	t.Helper()
	s := base
	for i := 0; i < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			t.Fatalf("edit: %q not in base", pairs[i])
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	return s
}

func compare(t *testing.T, a, b string, o flowdiff.Options) *flowdiff.Result {
	t.Helper()
	r, err := flowdiff.CompareSources("a.asl.json", []byte(a), "b.asl.json", []byte(b), o)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// flat renders a result as lines: "status Name[<-Old]" per state, then
// "  op Path: old -> new" per change, "conn op Kind from->to" per
// connection and "machine op Path: old -> new", so cases read like the
// reviewer's text and a failure shows everything at once.
func flat(r *flowdiff.Result) string {
	var b strings.Builder
	for _, c := range r.Machine {
		b.WriteString("machine " + string(c.Op) + " " + c.Path + ": " + strings.TrimSpace(c.Old+" -> "+c.New) + "\n")
	}
	for _, s := range r.States {
		b.WriteString(string(s.Status) + " " + s.Name)
		if s.OldName != "" {
			b.WriteString("<-" + s.OldName)
		}
		if s.Edited {
			b.WriteString(" edited")
		}
		b.WriteString(" " + s.ID + "\n")
		for _, c := range s.Changes {
			b.WriteString("  " + string(c.Op) + " " + c.Path + ": " + strings.TrimSpace(c.Old+" -> "+c.New) + "\n")
		}
	}
	for _, t := range r.Transitions {
		b.WriteString("conn " + string(t.Op) + " " + t.Kind + " " + t.From + "->" + t.To + " " + t.FromID + "->" + t.ToID + "\n")
	}
	return b.String()
}

func TestCompare(t *testing.T) {
	cases := []struct {
		name    string
		pairs   []string
		want    string
		summary string
	}{
		{
			name:  "choice rule condition (JSONata as text)",
			pairs: []string{`$states.input.total > 100`, `$states.input.total > 250`},
			want: "changed Check /States/Check\n" +
				"  changed Choices 1 › Condition: {% $states.input.total > 100 %} -> {% $states.input.total > 250 %}\n",
			summary: "1 step changed.",
		},
		{
			name:  "choice rule inserted first reports one added rule and its connection",
			pairs: []string{`"Choices": [`, `"Choices": [{"Condition": "{% $states.input.test %}", "Next": "Done"},`},
			want: "changed Check /States/Check\n" +
				`  added Choices 1: -> {"Condition":"{% $states.input.test %}","Next":"Done"}` + "\n" +
				"conn added Choice Check->Done /States/Check->/States/Done\n",
		},
		{
			name:  "retry and catch fields",
			pairs: []string{`"MaxAttempts": 3`, `"MaxAttempts": 5`, `"ErrorEquals": ["States.ALL"], "Next": "Reject"`, `"ErrorEquals": ["States.TaskFailed", "States.Timeout"], "Next": "Reject"`},
			want: "changed Charge /States/Charge\n" +
				"  changed Retry 1 › MaxAttempts: 3 -> 5\n" +
				`  changed Catch 1 › ErrorEquals: ["States.ALL"] -> ["States.TaskFailed","States.Timeout"]` + "\n",
		},
		{
			name:  "retry rule added and interval removed",
			pairs: []string{`, "IntervalSeconds": 2}]`, `}, {"ErrorEquals": ["States.ALL"], "MaxAttempts": 1}]`},
			want: "changed Charge /States/Charge\n" +
				"  removed Retry 1 › IntervalSeconds: 2 ->\n" +
				`  added Retry 2: -> {"ErrorEquals":["States.ALL"],"MaxAttempts":1}` + "\n",
		},
		{
			name:  "arguments template fields",
			pairs: []string{`"currency": "EUR"`, `"currency": "USD", "note": {"by": "ops"}`, `"FunctionName": "charge"`, `"FunctionName": "charge-v2"`},
			want: "changed Charge /States/Charge\n" +
				"  changed Arguments › FunctionName: \"charge\" -> \"charge-v2\"\n" +
				"  changed Arguments › Payload › currency: \"EUR\" -> \"USD\"\n" +
				`  added Arguments › Payload › note: -> {"by":"ops"}` + "\n",
		},
		{
			name:  "machine fields",
			pairs: []string{`"Comment": "orders"`, `"Comment": "orders v2", "TimeoutSeconds": 300`, `"QueryLanguage": "JSONata"`, `"QueryLanguage": "JSONPath"`},
			want: "machine changed Comment: \"orders\" -> \"orders v2\"\n" +
				"machine changed QueryLanguage: \"JSONata\" -> \"JSONPath\"\n" +
				"machine added TimeoutSeconds: -> 300\n",
			summary: "workflow settings changed (3).",
		},
		{
			name:    "rename only: neighbours pointing at it are not changed",
			pairs:   []string{`"Reject": {`, `"Refuse": {`, `"Default": "Reject"`, `"Default": "Refuse"`, `"Next": "Reject"`, `"Next": "Refuse"`},
			want:    "renamed Refuse<-Reject /States/Refuse\n",
			summary: "1 step renamed.",
		},
		{
			name:  "rename and edit counts as both",
			pairs: []string{`"Reject": {`, `"Refuse": {`, `"Default": "Reject"`, `"Default": "Refuse"`, `"Next": "Reject"`, `"Next": "Refuse"`, `"too risky"`, `"risk too high"`},
			want: "renamed Refuse<-Reject edited /States/Refuse\n" +
				"  changed Cause: \"too risky\" -> \"risk too high\"\n",
			summary: "1 step changed, 1 renamed.",
		},
		{
			name:  "a different state is not a rename",
			pairs: []string{`"Reject": {"Type": "Fail", "Error": "Rejected", "Cause": "too risky"}`, `"Refuse": {"Type": "Fail", "Error": "Other", "Cause": "nope"}`, `"Default": "Reject"`, `"Default": "Refuse"`, `"Next": "Reject"`, `"Next": "Refuse"`},
			want: "changed Check /States/Check\n" +
				"  changed Default: \"Reject\" -> \"Refuse\"\n" +
				"changed Charge /States/Charge\n" +
				"  changed Catch 1 › Next: \"Reject\" -> \"Refuse\"\n" +
				"added Refuse /States/Refuse\nremoved Reject /States/Reject\n" +
				"conn added Default Check->Refuse /States/Check->/States/Refuse\n" +
				"conn added Catch Charge->Refuse /States/Charge->/States/Refuse\n" +
				"conn removed Default Check->Reject /States/Check->/States/Reject\n" +
				"conn removed Catch Charge->Reject /States/Charge->/States/Reject\n",
		},
		{
			name:  "nested state in a branch: changed, named by path",
			pairs: []string{`{"packed": true}`, `{"packed": false}`},
			want: "changed Pack /States/Ship/Branches/0/States/Pack\n" +
				"  changed Output › packed: true -> false\n",
		},
		{
			name:  "nested state added in a branch with its connections",
			pairs: []string{`{"Pack": {"Type": "Pass", "Output": {"packed": true}, "End": true}}`, `{"Pack": {"Type": "Pass", "Output": {"packed": true}, "Next": "Weigh"}, "Weigh": {"Type": "Pass", "End": true}}`},
			want: "changed Pack /States/Ship/Branches/0/States/Pack\n" +
				"  removed End: true ->\n" +
				"  added Next: -> \"Weigh\"\n" +
				"added Weigh /States/Ship/Branches/0/States/Weigh\n" +
				"conn added Next Pack->Weigh /States/Ship/Branches/0/States/Pack->/States/Ship/Branches/0/States/Weigh\n",
		},
		{
			name:  "nested renamed state and a branch StartAt",
			pairs: []string{`{"StartAt": "Label", "States": {"Label": {`, `{"StartAt": "Print label", "States": {"Print label": {`},
			want:  "renamed Print label<-Label /States/Ship/Branches/1/States/Print label\n",
		},
		{
			name:  "transition retargeted",
			pairs: []string{`"Next": "Done"}`, `"Next": "Reject"}`},
			want: "changed Ship /States/Ship\n" +
				"  changed Next: \"Done\" -> \"Reject\"\n" +
				"conn added Next Ship->Reject /States/Ship->/States/Reject\n" +
				"conn removed Next Ship->Done /States/Ship->/States/Done\n",
		},
		{
			name:  "StartAt changed",
			pairs: []string{`"StartAt": "Check"`, `"StartAt": "Charge"`},
			want: "machine changed StartAt: \"Check\" -> \"Charge\"\n" +
				"conn added StartAt ->Charge start->/States/Charge\n" +
				"conn removed StartAt ->Check start->/States/Check\n",
		},
		{
			name:    "identical",
			want:    "",
			summary: "No differences.",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := compare(t, base, edit(t, c.pairs...), flowdiff.Options{})
			if got := flat(r); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
			if c.summary != "" && r.Summary != c.summary {
				t.Errorf("summary %q, want %q", r.Summary, c.summary)
			}
			if r.Same != (c.want == "") {
				t.Errorf("Same = %v", r.Same)
			}
		})
	}
}
