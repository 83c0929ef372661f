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
	return []hostileCase{
		def("endless loop", loop, nil, fail, "25,000|history"),
		def("endless loop with history", loop, []string{"--history", "--format", "json"}, fail, "25,000|history"),
		def("endless loop, express, capped", loop, []string{"--type", "express", "--max-transitions", "200000"}, fail, "200,?000|transitions"),
		def("retry storm", retryStorm, nil, fail, "25,000|history|transitions"),
		def("retry storm with history", retryStorm, []string{"--history"}, fail, "25,000|history|transitions"),
		def("retry storm, express, capped", retryStorm, []string{"--type", "express", "--max-transitions", "50000"}, fail, "50,?000|transitions"),
		def("catch loop", catchLoop, nil, fail, "25,000|history|transitions"),
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
		def("output over 256 KiB", jsonata("{% $pad('', 300000, 'x') %}"), nil, fail, "States.DataLimitExceeded"),
		def("Map over 100,000 items", `{"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {"Type": "Map", "Items": "{% [1..100000] %}",
			"ItemProcessor": {"StartAt": "S", "States": {"S": {"Type": "Pass", "End": true}}}, "Output": "{% $count($states.result) %}", "End": true}}}`,
			[]string{"--type", "express"}, ok, "SUCCEEDED"),
		def("Map over 100,000 items, standard", `{"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {"Type": "Map", "Items": "{% [1..100000] %}",
			"ItemProcessor": {"StartAt": "S", "States": {"S": {"Type": "Pass", "End": true}}}, "End": true}}}`,
			nil, fail, "25,000|history"),
		def("Wait of 99999999 seconds", machine("W", `{"W": {"Type": "Wait", "Seconds": 99999999, "End": true}}`), []string{"--history", "--format", "json"}, ok, `"timestamp": ?"2030|"timestamp": ?"20[3-9]`),
		def("Wait until year 9999", machine("W", `{"W": {"Type": "Wait", "Timestamp": "9999-12-31T23:59:59Z", "End": true}}`), nil, ok, "SUCCEEDED"),
		{class: class, name: "Wait SecondsPath of 1e300", files: map[string]string{"d.json": machine("W", `{"W": {"Type": "Wait", "SecondsPath": "$.s", "End": true}}`), "in.json": `{"s": 1e300}`},
			args: []string{"run", "d.json", "--input", "in.json"}, exit: fail, want: "States.Runtime|Seconds|range"},
		def("deeply nested Parallel", nestedParallel(30), nil, ok, "SUCCEEDED"),
	}
}

func nestedParallel(depth int) string {
	inner := `{"StartAt": "Leaf", "States": {"Leaf": {"Type": "Pass", "End": true}}}`
	for i := 0; i < depth; i++ {
		branches := inner
		if i < 8 { // 256 leaves; depth, not width, is the attack
			branches += ", " + inner
		}
		inner = fmt.Sprintf(`{"StartAt": "P%d", "States": {"P%d": {"Type": "Parallel", "Branches": [%s], "End": true}}}`, i, i, branches)
	}
	return inner
}
