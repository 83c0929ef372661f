//go:build linux

package hostile

import (
	"fmt"
	"strings"
)

const lambdaArn = "arn:aws:lambda:us-east-1:123456789012:function:f"

// semanticCases: JSON that parses but is no working state machine, or is
// valid and built to be expensive to check or draw.
func semanticCases() []hostileCase {
	c := func(name, def string, exit int, want string) hostileCase {
		return hostileCase{class: "definition: semantic", name: name, files: map[string]string{"d.json": def},
			args: []string{"validate", "d.json"}, exit: exit, want: want}
	}
	longName := strings.Repeat("N", 30000)
	return []hostileCase{
		c("no StartAt", `{"States": {"A": {"Type": "Pass", "End": true}}}`, fail, "StartAt"),
		c("StartAt to nowhere", machine("Z", `{"A": {"Type": "Pass", "End": true}}`), fail, "MISSING_TRANSITION_TARGET|StartAt"),
		c("no states", machine("A", `{}`), fail, "SCHEMA_VALIDATION_FAILED|MISSING"),
		c("unknown type", machine("A", `{"A": {"Type": "Teleport", "End": true}}`), fail, "Teleport|Type"),
		c("Choice without choices", machine("A", `{"A": {"Type": "Choice", "Choices": []}}`), fail, "Choices"),
		c("Parallel without branches", machine("A", `{"A": {"Type": "Parallel", "Branches": [], "End": true}}`), fail, "Branches"),
		c("Map without processor", machine("A", `{"A": {"Type": "Map", "End": true}}`), fail, "ItemProcessor|Iterator"),
		c("negative MaxAttempts", machine("A", fmt.Sprintf(`{"A": {"Type": "Task", "Resource": %q, "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": -1}], "End": true}}`, lambdaArn)), fail, "MaxAttempts"),
		c("BackoffRate below 1", machine("A", fmt.Sprintf(`{"A": {"Type": "Task", "Resource": %q, "Retry": [{"ErrorEquals": ["States.ALL"], "BackoffRate": 0.5}], "End": true}}`, lambdaArn)), fail, "BackoffRate"),
		c("Wait for ever", machine("A", `{"A": {"Type": "Wait", "Seconds": 100000000, "End": true}}`), fail, "Seconds"),
		c("state name over 80 characters", machine(strings.Repeat("x", 81), fmt.Sprintf(`{%q: {"Type": "Pass", "End": true}}`, strings.Repeat("x", 81))), fail, "INVALID_STATE_NAME|80"),
		c("control character in a name", machine("A\\u0007", `{"A\u0007": {"Type": "Pass", "End": true}}`), fail, "INVALID_STATE_NAME"),
		c("malformed JSONata", `{"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Output": "{% $sum( %}", "End": true}}}`, fail, "JSONata|INVALID"),
		c("malformed intrinsic", machine("A", `{"A": {"Type": "Pass", "Parameters": {"x.$": "States.Format('{}'"}, "End": true}}`), fail, "INTRINSIC|INVALID|Format"),
		c("malformed JSONPath", machine("A", `{"A": {"Type": "Pass", "InputPath": "$[[[", "End": true}}`), fail, "JSONPath|InputPath|INVALID"),
		c("lone surrogate escape in a name (decoded as U+FFFD, as JSON decoders do)", `{"StartAt": "\ud800", "States": {"\ud800": {"Type": "Pass", "End": true}}}`, ok, "valid"),
		c("2,000 states", bigChain(2000), ok, "valid"),
		c("Parallel 200 branches", parallelWide(200), ok, "valid"),
		c("nested Maps 40 deep", nestedMaps(40), ok, "valid"),
		{class: "definition: semantic", name: "graph svg of a 30,000-character name", files: map[string]string{"d.json": machine(longName, fmt.Sprintf(`{%q: {"Type": "Pass", "End": true}}`, longName))},
			args: []string{"graph", "--format", "svg", "d.json"}, exit: ok, want: "<svg", maxSeconds: 5},
		{class: "definition: semantic", name: "graph of 500 states", files: map[string]string{"d.json": bigChain(500)},
			args: []string{"graph", "--format", "json", "d.json"}, exit: ok, want: `"nodes"`},
		{class: "definition: semantic", name: "run a 2,000-state chain", files: map[string]string{"d.json": bigChain(2000)},
			args: []string{"run", "d.json"}, exit: ok, want: "SUCCEEDED"},
	}
}

func bigChain(n int) string {
	var b strings.Builder
	b.WriteString(`{"StartAt": "S0", "States": {`)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		if i == n-1 {
			fmt.Fprintf(&b, `"S%d": {"Type": "Pass", "End": true}`, i)
		} else {
			fmt.Fprintf(&b, `"S%d": {"Type": "Pass", "Next": "S%d"}`, i, i+1)
		}
	}
	b.WriteString("}}")
	return b.String()
}

func parallelWide(n int) string {
	branches := make([]string, n)
	for i := range branches {
		branches[i] = fmt.Sprintf(`{"StartAt": "B%d", "States": {"B%d": {"Type": "Pass", "End": true}}}`, i, i)
	}
	return machine("P", `{"P": {"Type": "Parallel", "Branches": [`+strings.Join(branches, ",")+`], "End": true}}`)
}

func nestedMaps(depth int) string {
	inner := `{"StartAt": "Leaf", "States": {"Leaf": {"Type": "Pass", "End": true}}}`
	for i := 0; i < depth; i++ {
		inner = fmt.Sprintf(`{"StartAt": "M%d", "States": {"M%d": {"Type": "Map", "ItemProcessor": %s, "End": true}}}`, i, i, inner)
	}
	return inner
}
