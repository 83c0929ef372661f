package schema_test

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stepstudio/stepstudio/schema"
)

// Speed targets: all of realworld/ in one process under 0.3 s;
// a generated 1,000-state definition under 20 ms. The benchmarks print the
// figures; they never pass or fail on timing.

func BenchmarkRealworld(b *testing.B) {
	files := realworldFiles(b)
	srcs := make([][]byte, len(files))
	for i, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		srcs[i] = src
	}
	// First pass in a fresh process includes compiling the schema.
	start := time.Now()
	for i, src := range srcs {
		schema.Validate(files[i], src, schema.Options{Placeholders: true})
	}
	b.Logf("realworld: %d files, first pass (schema compile included) %v", len(files), time.Since(start))
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		for i, src := range srcs {
			schema.Validate(files[i], src, schema.Options{Placeholders: true})
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/corpus")
	b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/corpus")
}

func BenchmarkThousandStates(b *testing.B) {
	src := generate(1000)
	res := schema.Validate("gen.asl.json", src, schema.Options{})
	if !res.Valid() {
		b.Fatalf("generated definition is invalid:\n%s", describe(res.Diagnostics))
	}
	b.SetBytes(int64(len(src)))
	cpu := cpuTime()
	for b.Loop() {
		schema.Validate("gen.asl.json", src, schema.Options{})
	}
	// The machine may be shared: CPU time per validation shows the cost
	// without the time spent waiting for a core.
	b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

// BenchmarkThousandStatesEdit re-validates the 1,000-state definition
// after a one-state edit (a Wait's SecondsPath changed), alternating two
// texts so no cache of a whole text can answer. "fresh" is what
// Validate pays, reusing nothing; "reuse" is a Validator's Analyze, as the
// editor calls it (Studio.Analyze), which parses only the state that
// changed (asl.Reparse) and re-checks it and the checks across states.
// The target for the reuse is 5 ms.
func BenchmarkThousandStatesEdit(b *testing.B) {
	src := generate(1000)
	edited := []byte(strings.Replace(string(src), `"SecondsPath": "$.wait"`, `"SecondsPath": "$.pause"`, 1))
	if string(edited) == string(src) {
		b.Fatal("the edit changed nothing")
	}
	texts := [][]byte{src, edited}
	b.Run("fresh", func(b *testing.B) {
		cpu := cpuTime()
		i := 0
		for b.Loop() {
			schema.Validate("gen.asl.json", texts[i%2], schema.Options{})
			i++
		}
		b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
	})
	b.Run("reuse", func(b *testing.B) {
		v := schema.NewValidator()
		errors := 0
		count := func(res schema.Result) { errors += len(res.Diagnostics) }
		v.Analyze("gen.asl.json", texts[1], schema.Options{}, count)
		cpu := cpuTime()
		i := 0
		for b.Loop() {
			v.Analyze("gen.asl.json", texts[i%2], schema.Options{}, count)
			i++
		}
		if errors != 0 {
			b.Fatalf("the generated definition has %d diagnostics", errors)
		}
		b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
	})
}

// BenchmarkBaselineDecode decodes the same 1,000-state text with
// encoding/json into plain values: a yardstick for how fast the machine is
// at the moment, since the ratio to it holds on a loaded shared machine
// where absolute times do not.
func BenchmarkBaselineDecode(b *testing.B) {
	src := generate(1000)
	b.SetBytes(int64(len(src)))
	cpu := cpuTime()
	for b.Loop() {
		var v any
		if err := json.Unmarshal(src, &v); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

func BenchmarkTypical(b *testing.B) {
	src := generate(20)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		schema.Validate("gen.asl.json", src, schema.Options{})
	}
}

// generate writes a valid definition of n states cycling through Task
// (with Retry and Catch), Choice, Pass with Parameters and Wait, ending in
// Succeed and a shared Fail.
func generate(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"Comment": "generated", "StartAt": "S0", "States": {`)
	for i := 0; i < n-2; i++ {
		next := fmt.Sprintf("S%d", i+1)
		if i == n-3 {
			next = "Done"
		}
		switch i % 4 {
		case 0:
			fmt.Fprintf(&b, `"S%d": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f%d", "Payload.$": "$.data"}, "ResultSelector": {"v.$": "$.Payload"}, "ResultPath": "$.r%d", "TimeoutSeconds": 30, "Retry": [{"ErrorEquals": ["States.Timeout"], "MaxAttempts": 2, "BackoffRate": 1.5}], "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Failed", "ResultPath": "$.error"}], "Next": %q},`, i, i, i, next)
		case 1:
			fmt.Fprintf(&b, `"S%d": {"Type": "Choice", "Choices": [{"And": [{"Variable": "$.n", "NumericGreaterThan": %d}, {"Variable": "$.s", "StringMatches": "a*"}], "Next": %q}, {"Variable": "$.t", "TimestampLessThan": "2026-01-01T00:00:00Z", "Next": %q}], "Default": %q},`, i, i, next, next, next)
		case 2:
			fmt.Fprintf(&b, `"S%d": {"Type": "Pass", "Parameters": {"id.$": "States.Format('item-{}', $.id)", "ctx.$": "$$.Execution.Id", "list.$": "States.Array($.a, $.b)"}, "Next": %q},`, i, next)
		case 3:
			fmt.Fprintf(&b, `"S%d": {"Type": "Wait", "SecondsPath": "$.wait", "Next": %q},`, i, next)
		}
	}
	b.WriteString(`"Done": {"Type": "Succeed"}, "Failed": {"Type": "Fail", "Error": "Boom", "CausePath": "$.error.Cause"}}}`)
	return []byte(b.String())
}

// cpuTime is the user plus system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
