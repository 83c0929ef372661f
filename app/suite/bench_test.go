package suite

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stepstudio/stepstudio/internal/corpus"
	"github.com/stepstudio/stepstudio/schema"
)

// benchScenarios is the yardstick: 200 scenarios over the
// real-world definitions, in one process, under 2 s.
const benchScenarios = 200

// realWorldSuites writes, for each valid real-world definition, a suite
// whose scenarios have every Task answered by engine/sample (Try it's
// answers) and loads them: benchScenarios scenarios in all, dealt round
// the definitions.
func realWorldSuites(b *testing.B) []*Suite {
	root := corpus.Dir(b, "realworld")
	var defs []string
	_ = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasSuffix(p, ".manifest.json") {
			defs = append(defs, p)
		}
		return nil
	})
	dir := b.TempDir()
	var valid [][]byte
	for _, f := range defs {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		if res := schema.Validate(f, src, schema.Options{}); res.Valid() && res.Document != nil && strings.HasSuffix(f, ".json") {
			valid = append(valid, src)
		}
	}
	if len(valid) == 0 {
		b.Skip("no valid real-world definition")
	}
	per := make([]strings.Builder, len(valid))
	for i := range benchScenarios {
		w := &per[i%len(valid)]
		fmt.Fprintf(w, "  - name: scenario %d\n    input: {id: %d, items: [1, 2, 3]}\n", i, i)
	}
	var suites []*Suite
	for i, src := range valid {
		if per[i].Len() == 0 {
			continue
		}
		name := fmt.Sprintf("wf%03d", i)
		if err := os.WriteFile(filepath.Join(dir, name+".asl.json"), src, 0o644); err != nil {
			b.Fatal(err)
		}
		text := "type: EXPRESS\nsampleAnswers: true\nmaxTransitions: 2000\nscenarios:\n" + per[i].String()
		p := filepath.Join(dir, name+".tests.yaml")
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
		s, err := Load(p)
		if err != nil {
			b.Fatal(err)
		}
		suites = append(suites, s)
	}
	return suites
}

// BenchmarkRealWorld200 runs the 200 scenarios with coverage, as
// `stepstudio test --coverage` does, and prints the time per 200.
func BenchmarkRealWorld200(b *testing.B) {
	t0 := time.Now()
	suites := realWorldSuites(b)
	load := time.Since(t0)
	b.ResetTimer()
	var last time.Duration
	statuses := map[string]int{}
	visits := map[string]int{} // states entered, by how the run ended
	for range b.N {
		clear(statuses)
		clear(visits)
		t1 := time.Now()
		rs := Run(context.Background(), suites, Options{})
		Measure(rs)
		last = time.Since(t1)
		if len(rs) != benchScenarios {
			b.Fatalf("%d scenarios ran", len(rs))
		}
		for _, r := range rs {
			if r.Err != nil {
				b.Fatalf("%s: %v", r.Scenario.Name, r.Err)
			}
			statuses[r.Observed.Result.Status]++
			visits[r.Observed.Result.Status] += len(r.Observed.Path)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/200-scenarios")
	// Made-up inputs end many runs early (a path their definition reads is
	// missing): the states entered say how much work the figure covers.
	fmt.Printf("%d scenarios over %d real-world definitions: run and measured in %s (target under 2 s); ended %v; states entered %v; writing and loading the suites took %s\n",
		benchScenarios, len(suites), last.Round(time.Millisecond), statuses, visits, load.Round(time.Millisecond))
}
