//go:build linux

package hostile

import "fmt"

// runawayCases: definitions that would run for ever or eat the machine.
// Each ends with a clear error (exit 1) inside its time and memory limit,
// bounded as AWS bounds it: the transition cap, the 25,000-event history
// of a STANDARD execution, budgets on JSONata and intrinsics.
func runawayCases() []hostileCase {
	const class = "run: runaway work"
	def := func(name, d string, args []string, exit int, want string) hostileCase {
		return hostileCase{class: class, name: name, files: map[string]string{"d.json": d},
			args: append([]string{"run", "d.json"}, args...), exit: exit, want: want}
	}
	retryStorm := machine("T", fmt.Sprintf(`{"T": {"Type": "Task", "Resource": %q,
		"Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 99999999, "IntervalSeconds": 1, "BackoffRate": 1}], "End": true}}`, lambdaArn))
	catchLoop := machine("T", fmt.Sprintf(`{"T": {"Type": "Task", "Resource": %q,
		"Catch": [{"ErrorEquals": ["States.ALL"], "Next": "T"}], "End": true}}`, lambdaArn))
	jsonata := func(expr string) string {
		return fmt.Sprintf(`{"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Output": %q, "End": true}}}`, expr)
	}
	mapOf := func(concurrency int, expr string) string {
		return fmt.Sprintf(`{"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {"Type": "Map", "Items": "{%% [1..40] %%}", "MaxConcurrency": %d,
			"ItemProcessor": {"StartAt": "S", "States": {"S": {"Type": "Pass", "Output": %q, "End": true}}}, "End": true}}}`, concurrency, expr)
	}
	intrinsic := func(expr string) string {
		return machine("A", fmt.Sprintf(`{"A": {"Type": "Pass", "Parameters": {"v.$": %q}, "End": true}}`, expr))
	}
	// A task that always fails with a retriable error.
	failing := `{"StateMachines": {"d": {"TestCases": {"T": {"T": "Boom"}}}},
		"MockedResponses": {"Boom": {"0-999999999": {"Throw": {"Error": "Boom", "Cause": "always"}}}}}`
	storm := func(name, d string, args []string, want string) hostileCase {
		return hostileCase{class: class, name: name, files: map[string]string{"d.json": d, "m.json": failing},
			args: append([]string{"run", "d.json", "--mock-config", "m.json", "--test-case", "T"}, args...), exit: fail, want: want}
	}
	return []hostileCase{
		def("endless loop", loop, nil, fail, "maximum number of history events \\(25000\\)"),
		def("endless loop with history", loop, []string{"--history", "--format", "json"}, fail, "maximum number of history events \\(25000\\)"),
		def("endless loop, express, capped", loop, []string{"--type", "express", "--max-transitions", "200000"}, fail, "200,?000|transitions"),
		storm("retry storm", retryStorm, nil, "maximum number of history events \\(25000\\)"),
		storm("retry storm with history", retryStorm, []string{"--history"}, "maximum number of history events \\(25000\\)"),
		storm("retry storm, express, capped", retryStorm, []string{"--type", "express", "--max-transitions", "50000"}, "50,?000|transitions"),
		storm("catch loop", catchLoop, nil, "maximum number of history events \\(25000\\)"),
		def("JSONata range of 10 million", jsonata("{% $sum([1..10000000]) %}"), nil, fail, "range|limit|large"),
		def("JSONata range of 10 million in 40 Map iterations", mapOf(40, "{% $sum([1..10000000]) %}"), nil, fail, "range|limit|large"),
		def("JSONata range of a billion", jsonata("{% [1..1000000000] %}"), nil, fail, "range|limit|large"),
		def("JSONata endless recursion", jsonata("{% ($f := function($x) { $f($x + 1) }; $f(0)) %}"), nil, fail, "QueryEvaluationError|depth|stack|recurs"),
		def("JSONata string blow-up", jsonata("{% $pad('', 1000000000) %}"), nil, fail, "QueryEvaluationError|limit|large|size"),
		def("JSONata doubling array", jsonata("{% $reduce([1..40], function($a) { $append($a, $a) }, [1]) %}"), nil, fail, "QueryEvaluationError|limit|large|size|range"),
		def("JSONata endless loop in a Map", mapOf(0, "{% ($f := function($x) { $f($x) }; $f(0)) %}"), nil, fail, "QueryEvaluationError|depth|stack|recurs"),
		def("intrinsic range of a billion", intrinsic("States.ArrayRange(1, 1000000000, 1)"), nil, fail, "IntrinsicFailure|1,?000|limit"),
		def("intrinsic huge partition", intrinsic("States.ArrayPartition(States.ArrayRange(1, 1000, 1), 1)"), nil, ok, "SUCCEEDED"),
		def("intrinsic hash of a large string", intrinsic("States.Hash(States.Format('{}', States.ArrayRange(1, 1000, 1)), 'SHA-512')"), nil, ok, "SUCCEEDED"),
		def("output over 256 KiB", jsonata(`{% $join($map([1..40000], function($v) { "xxxxxxxx" }), "") %}`), nil, fail, "States.DataLimitExceeded"),
		def("Map over 100,000 items", `{"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {"Type": "Map", "Items": "{% [1..100000] %}",
			"ItemProcessor": {"StartAt": "S", "States": {"S": {"Type": "Pass", "End": true}}}, "Output": "{% $count($states.result) %}", "End": true}}}`,
			[]string{"--type", "express"}, ok, "SUCCEEDED"),
		def("Map over 100,000 items, standard", `{"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {"Type": "Map", "Items": "{% [1..100000] %}",
			"ItemProcessor": {"StartAt": "S", "States": {"S": {"Type": "Pass", "End": true}}}, "End": true}}}`,
			nil, fail, "25,000|history"),
		def("Wait of 99999999 seconds", machine("W", `{"W": {"Type": "Wait", "Seconds": 99999999, "End": true}}`), []string{"--history", "--format", "json"}, ok, `"timestamp": ?"2030|"timestamp": ?"20[3-9]`),
		def("Wait until year 9999", machine("W", `{"W": {"Type": "Wait", "Timestamp": "9999-12-31T23:59:59Z", "End": true}}`), nil, fail, "delay is too long"),
		{class: class, name: "Wait SecondsPath of 1e300", files: map[string]string{"d.json": machine("W", `{"W": {"Type": "Wait", "SecondsPath": "$.s", "End": true}}`), "in.json": `{"s": 1e300}`},
			args: []string{"run", "d.json", "--input", "in.json"}, exit: fail, want: "States.Runtime|Seconds|range"},
		def("deeply nested Parallel", nestedParallel(30), nil, ok, "SUCCEEDED"),
	}
}

// nestedParallel nests Parallel states depth deep (names unique across
// the machine, as ASL requires); the first levels have two branches.
func nestedParallel(depth int) string {
	n := 0
	var build func(level int) string
	build = func(level int) string {
		n++
		if level == depth {
			return fmt.Sprintf(`{"StartAt": "Leaf%d", "States": {"Leaf%d": {"Type": "Pass", "End": true}}}`, n, n)
		}
		name := fmt.Sprintf("P%d", n)
		branches := build(level + 1)
		if level < 6 { // 64 leaves; depth, not width, is the attack
			branches += ", " + build(level+1)
		}
		return fmt.Sprintf(`{"StartAt": %q, "States": {%q: {"Type": "Parallel", "Branches": [%s], "End": true}}}`, name, name, branches)
	}
	return build(0)
}
