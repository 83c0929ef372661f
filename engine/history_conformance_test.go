package engine_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/asl"
	"github.com/stepstudio/stepstudio/internal/corpus"
)

// TestConformanceHistory compares our execution histories with the ones
// AWS recorded: the sequence of event types and, event by event, the
// state names and previousEventId links. It prints the pass count and
// fails when a case outside testdata/history_known_failures.txt differs.
func TestConformanceHistory(t *testing.T) {
	root := corpus.Dir(t, "conformance")
	known := readKnownFailures(t, filepath.Join("testdata", "history_known_failures.txt"))
	files, _ := filepath.Glob(filepath.Join(root, "*", "*", "history.json"))
	pass, total := 0, 0
	for _, f := range files {
		dir := filepath.Dir(f)
		cat := filepath.Base(filepath.Dir(dir))
		if cat == "validation" || cat == "test_state" {
			continue
		}
		id := cat + "/" + filepath.Base(dir)
		total++
		problem := compareHistory(dir)
		_, isKnown := known[id]
		switch {
		case problem == "":
			pass++
			if isKnown {
				fmt.Printf("history: %s now matches; remove it from the known failures\n", id)
			}
		case !isKnown:
			t.Errorf("%s: %s", id, problem)
		}
	}
	fmt.Printf("conformance history %d/%d\n", pass, total)
}

// recordedEvent is an event of history.json; ids are lists in the cases
// whose Parallel events were sorted and zeroed.
type recordedEvent struct {
	Prev json.RawMessage `json:"previousEventId"`
	Type string          `json:"type"`
}

func compareHistory(dir string) string {
	read := func(name string) []byte { b, _ := os.ReadFile(filepath.Join(dir, name)); return b }
	var want []recordedEvent
	if err := json.Unmarshal(read("history.json"), &want); err != nil {
		return err.Error()
	}
	var exp expectation
	_ = json.Unmarshal(read("expected.json"), &exp)
	doc, err := asl.Parse("definition.json", read("definition.json"))
	if err != nil {
		return err.Error()
	}
	m, err := engine.Compile(doc)
	if err != nil {
		return err.Error()
	}
	input, err := engine.DecodeJSON(read("input.json"))
	if err != nil {
		return err.Error()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	res, err := m.Run(ctx, input, engine.WithDeterminism(1, time.Date(2024, 7, 2, 13, 52, 2, 0, time.UTC)),
		engine.WithAWSAccount("us-east-1", "111111111111", "snf_role_arn"))
	if err != nil {
		return err.Error()
	}
	got := make([]string, len(res.Events))
	for i, e := range res.Events {
		got[i] = e.Type
	}
	wantTypes := make([]string, len(want))
	for i, e := range want {
		wantTypes[i] = e.Type
	}
	if slices.Contains(exp.Meta.Flags, "history-parallel-events-sorted-ids-zeroed") {
		a, b := slices.Clone(got), slices.Clone(wantTypes)
		sort.Strings(a)
		sort.Strings(b)
		if !slices.Equal(a, b) {
			return fmt.Sprintf("event types (as a multiset)\n  got  %s\n  want %s", strings.Join(got, " "), strings.Join(wantTypes, " "))
		}
		return ""
	}
	if !slices.Equal(got, wantTypes) {
		return fmt.Sprintf("event types\n  got  %s\n  want %s", strings.Join(got, " "), strings.Join(wantTypes, " "))
	}
	var wantRaw []map[string]any
	_ = json.Unmarshal(read("history.json"), &wantRaw)
	shapeOnly := slices.Contains(exp.Meta.Flags, "nondeterministic-or-context-dependent")
	for i, w := range want {
		g := res.Events[i]
		if string(w.Prev) != fmt.Sprint(g.PreviousEventID) {
			return fmt.Sprintf("event %d (%s): previousEventId %d, want %s", i+1, w.Type, g.PreviousEventID, w.Prev)
		}
		// Details: every field AWS recorded, compared under the README's rules.
		var gotRaw map[string]any
		b, _ := json.Marshal(g)
		_ = json.Unmarshal(b, &gotRaw)
		for k, wv := range wantRaw[i] {
			if !strings.HasSuffix(k, "EventDetails") {
				continue
			}
			wd := normalizeValue(parseJSONText(map[string]any{k: wv}), "")
			gd := normalizeValue(parseJSONText(map[string]any{k: gotRaw[k]}), "")
			if d := compareValue(wd, gd, shapeOnly, "$"); d != "" {
				return fmt.Sprintf("event %d (%s): %s", i+1, w.Type, d)
			}
		}
		for k := range gotRaw {
			if _, ok := wantRaw[i][k]; !ok && strings.HasSuffix(k, "EventDetails") {
				return fmt.Sprintf("event %d (%s): unexpected %s", i+1, w.Type, k)
			}
		}
	}
	return ""
}

// parseJSONText parses the JSON text of inputs and outputs in event
// details, which the recording kept as written ("[1, 2]") or parsed ("1").
func parseJSONText(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if s, ok := e.(string); ok && (k == "input" || k == "output") {
				var parsed any
				if json.Unmarshal([]byte(s), &parsed) == nil {
					e = parsed
				}
			}
			x[k] = parseJSONText(e)
		}
	case []any:
		for i, e := range x {
			x[i] = parseJSONText(e)
		}
	}
	return v
}
