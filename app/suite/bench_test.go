package suite

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/stepstudio/stepstudio/internal/corpus"
	"github.com/stepstudio/stepstudio/schema"
)

// benchScenarios is the yardstick: 200 scenarios over the
// real-world definitions, in one process, under 2 s.
const benchScenarios = 200

// benchCalls is how many invocations of each Task take turns among the
// variants before the last answer repeats: a polling loop sees its
// status change and can leave.
const benchCalls = 4

// benchCap caps each run's transitions: a polling loop whose status never
// changes ends there (the figure says how many did).
const benchCap = 500

// realWorldSuites writes, for each real-world definition that validates
// and compiles, the definition, a MockConfigFile built from it (every
// Task mocked, see synth_test.go) and a suite whose scenarios each take
// one test case with an input made from the paths the definition reads;
// it loads them. benchScenarios scenarios in all, dealt round the
// definitions, each definition's scenarios on different variants.
func realWorldSuites(b *testing.B) []*Suite {
	root := corpus.Dir(b, "realworld")
	var defs []string
	_ = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasSuffix(p, ".manifest.json") {
			defs = append(defs, p)
		}
		return nil
	})
	slices.Sort(defs)
	type usable struct {
		src   []byte
		ext   string
		reads *reads
	}
	var valid []usable
	for _, f := range defs {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		res := schema.Validate(f, src, schema.Options{})
		if !res.Valid() || res.Document == nil {
			continue
		}
		def, err := definitionMap(src)
		if err != nil {
			continue
		}
		ext := ".asl.json"
		if !strings.HasSuffix(f, ".json") {
			ext = ".asl.yaml"
		}
		valid = append(valid, usable{src, ext, readsOf(def)})
	}
	if len(valid) == 0 {
		b.Skip("no valid real-world definition")
	}
	per := make([][]int, len(valid)) // variants of each definition
	for i := range benchScenarios {
		per[i%len(valid)] = append(per[i%len(valid)], len(per[i%len(valid)]))
	}
	dir := b.TempDir()
	var suites []*Suite
	for i, u := range valid {
		name := fmt.Sprintf("wf%03d", i)
		write := func(file string, data []byte) {
			if err := os.WriteFile(filepath.Join(dir, file), data, 0o644); err != nil {
				b.Fatal(err)
			}
		}
		write(name+u.ext, u.src)
		cfg, err := json.Marshal(u.reads.mockConfig(name+".asl", len(per[i]), benchCalls))
		if err != nil {
			b.Fatal(err)
		}
		write(name+".mocks.json", cfg)
		var scenarios []any
		for _, k := range per[i] {
			scenarios = append(scenarios, map[string]any{
				"name": fmt.Sprintf("variant %d", k), "input": u.reads.input(k), "testCase": fmt.Sprintf("variant%d", k),
			})
		}
		text, err := json.Marshal(map[string]any{"maxTransitions": benchCap, "scenarios": scenarios})
		if err != nil {
			b.Fatal(err)
		}
		write(name+".tests.json", text)
		s, err := Load(filepath.Join(dir, name+".tests.json"))
		if err != nil {
			b.Fatal(err)
		}
		suites = append(suites, s)
	}
	return suites
}

// definitionMap reads a definition (JSON or YAML) as plain Go values.
func definitionMap(src []byte) (map[string]any, error) {
	var v any
	if err := yaml.Unmarshal(src, &v); err != nil {
		return nil, err
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	return m, json.Unmarshal(b, &m)
}

// BenchmarkRealWorld200 runs the 200 scenarios with coverage, as
// `stepstudio test --coverage` does. ns/op is the time for all 200; the
// line printed says how much work that was: states entered, transitions
// (states entered plus retry attempts, what the engine's cap counts),
// history events, how the runs ended and the share of the definitions'
// states they reached.
func BenchmarkRealWorld200(b *testing.B) {
	t0 := time.Now()
	suites := realWorldSuites(b)
	load := time.Since(t0)
	b.ResetTimer()
	var w work
	for range b.N {
		rs := Run(context.Background(), suites, Options{})
		cov := Measure(rs)
		if len(rs) != benchScenarios {
			b.Fatalf("%d scenarios ran", len(rs))
		}
		w = tally(b, rs, cov)
	}
	b.StopTimer()
	perRun := b.Elapsed() / time.Duration(b.N)
	b.ReportMetric(float64(w.entered), "states-entered/op")
	b.ReportMetric(float64(w.transitions), "transitions/op")
	fmt.Printf("%d scenarios over %d real-world definitions in %s each time (target under 2 s): %d states entered, %d transitions, %d history events (%d runs stopped by the cap of %d transitions, %d of the states entered); ended %v; failures %v; states reached %d of %d (%.0f%%); writing and loading the suites took %s\n",
		benchScenarios, len(suites), perRun.Round(time.Millisecond), w.entered, w.transitions, w.events, w.capped, benchCap, w.cappedEntered, w.statuses, w.errors,
		w.reached, w.states, 100*float64(w.reached)/float64(max(w.states, 1)), load.Round(time.Millisecond))
}

// work is what one round of the benchmark did.
type work struct {
	entered, transitions, events int
	reached, states              int
	capped, cappedEntered        int // runs stopped by the transition cap (a polling loop the mocks never let out)
	statuses, errors             map[string]int
}

func tally(b *testing.B, rs []*Result, cov []*Coverage) work {
	w := work{statuses: map[string]int{}, errors: map[string]int{}}
	for _, r := range rs {
		if r.Err != nil {
			b.Fatalf("%s %s: %v", r.Suite.File, r.Scenario.Name, r.Err)
		}
		o := r.Observed
		w.statuses[o.Result.Status]++
		if o.Result.Error != nil {
			w.errors[*o.Result.Error]++
		}
		w.entered += len(o.Path)
		w.transitions += len(o.Path)
		for _, n := range o.retries {
			w.transitions += n
		}
		w.events += len(o.Result.Events)
		if o.Result.Cause != nil && strings.Contains(*o.Result.Cause, "cap of") {
			w.capped++
			w.cappedEntered += len(o.Path)
		}
	}
	for _, c := range cov {
		for _, s := range c.States {
			w.states++
			if s.Covered {
				w.reached++
			}
		}
	}
	return w
}
