package suite

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// A suite loaded for the studio runs the text given, not the file on disk.
func TestLoadForRunsTheGivenText(t *testing.T) {
	file := project(t, "flow.tests.yaml", "scenarios:\n  - name: says x\n    input: {}\n    expect: {status: SUCCEEDED, output: x}\n")
	edited := Source{Path: filepath.Join(filepath.Dir(file), "flow.asl.json"), Text: []byte(`{"StartAt":"Classify","States":{"Classify":{"Type":"Pass","Result":"x","End":true}}}`)}
	for _, tc := range []struct {
		name string
		load func() (*Suite, error)
		pass bool
	}{
		{"the edited text", func() (*Suite, error) { return LoadFor(file, edited) }, true},
		{"the file on disk", func() (*Suite, error) { return Load(file) }, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := tc.load()
			if err != nil {
				t.Fatal(err)
			}
			rs := Run(context.Background(), []*Suite{s}, Options{})
			if got := rs[0].Passed(); got != tc.pass {
				t.Fatalf("passed = %v, want %v (failures %+v, err %v)", got, tc.pass, rs[0].Failures, rs[0].Err)
			}
		})
	}
}

// history runs one scenario of the test workflow and returns its events
// as AWS history JSON, as the run store keeps them.
func history(t *testing.T, scenario string) []json.RawMessage {
	t.Helper()
	rs := runText(t, "scenarios:\n"+scenario)
	if rs[0].Observed == nil {
		t.Fatalf("the run did not happen: %v", rs[0].Err)
	}
	var out []json.RawMessage
	for _, e := range rs[0].Observed.Result.Events {
		b, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

func TestFromHistory(t *testing.T) {
	evs := history(t, "  - name: busy\n    input: {kind: big, items: [1, 2]}\n    testCase: busy\n")
	sc, err := FromHistory("saved", evs)
	if err != nil {
		t.Fatal(err)
	}
	if got := jsonvalue.String(sc.Input); got != `{"kind":"big","items":[1,2]}` {
		t.Errorf("input = %s", got)
	}
	want := `{"Fetch":{"0":{"Throw":{"Error":"Busy","Cause":"try later"}},"1":{"Return":{"Payload":7}}}}`
	if got := jsonvalue.String(sc.Mocks); got != want {
		t.Errorf("mocks = %s\nwant %s", got, want)
	}
	if _, err := FromHistory("x", evs[1:]); err == nil {
		t.Error("a history without ExecutionStarted was accepted")
	}
}

func TestFoldRanges(t *testing.T) {
	a, b := map[string]any{"Return": int64(1)}, map[string]any{"Return": int64(2)}
	got := jsonvalue.String(fold([]map[string]any{a, a, a, b, a}))
	for _, k := range []string{`"0-2":`, `"3":`, `"4":`} {
		if !strings.Contains(got, k) {
			t.Errorf("fold = %s, lacks %s", got, k)
		}
	}
}

// Saving a run appends a scenario whose expectations are what the run did,
// in the file's own format; the file then passes as it is.
func TestAppend(t *testing.T) {
	evs := history(t, "  - name: busy\n    input: {kind: big, items: [1]}\n    testCase: busy\n")
	for _, tc := range []struct {
		name, file, existing string
	}{
		{"new file", "flow.tests.yaml", ""},
		{"YAML file", "flow.tests.yaml", "# kept\nscenarios:\n  - name: saved run\n    input: {kind: odd}\n    expect: {status: SUCCEEDED}\n"},
		{"JSON file", "flow.tests.json", "{\"scenarios\": [{\"name\": \"other\", \"input\": {\"kind\": \"odd\"}}]}\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			file := project(t, tc.file, tc.existing)
			var data []byte
			if tc.existing != "" {
				data = []byte(tc.existing)
			}
			wfPath := filepath.Join(filepath.Dir(file), "flow.asl.json")
			src, err := os.ReadFile(wfPath)
			if err != nil {
				t.Fatal(err)
			}
			sc, err := FromHistory("saved run", evs)
			if err != nil {
				t.Fatal(err)
			}
			out, r, err := Append(context.Background(), file, data, Source{Path: wfPath, Text: src}, sc)
			if err != nil {
				t.Fatal(err)
			}
			if !r.Passed() && r.Observed == nil {
				t.Fatalf("the new scenario did not run: %v", r.Err)
			}
			text := string(out)
			if strings.HasSuffix(tc.file, ".json") {
				var v any
				if err := json.Unmarshal(out, &v); err != nil {
					t.Fatalf("the JSON file is no longer JSON: %v\n%s", err, text)
				}
			}
			if strings.Contains(tc.existing, "# kept") && !strings.Contains(text, "# kept") {
				t.Errorf("the comment was lost:\n%s", text)
			}
			wantName := "saved run"
			if strings.Contains(tc.existing, "saved run") {
				wantName = "saved run (2)"
			}
			for _, s := range []string{wantName, "SUCCEEDED", "Remember", "Busy"} {
				if !strings.Contains(text, s) {
					t.Errorf("the file lacks %q:\n%s", s, text)
				}
			}
			if err := os.WriteFile(file, out, 0o644); err != nil {
				t.Fatal(err)
			}
			s, err := Load(file)
			if err != nil {
				t.Fatalf("the file does not load: %v\n%s", err, text)
			}
			last := s.Scenarios[len(s.Scenarios)-1]
			rs := Run(context.Background(), []*Suite{s}, Options{Select: func(_ *Suite, c *Scenario) bool { return c == last }})
			if !rs[0].Passed() {
				t.Fatalf("the saved scenario fails: %+v %v\n%s", rs[0].Failures, rs[0].Err, text)
			}
		})
	}
}

func TestFileFor(t *testing.T) {
	dir := t.TempDir()
	wf := filepath.Join(dir, "order.asl.json")
	if p, ok := FileFor(wf); ok || p != filepath.Join(dir, "order.tests.yaml") {
		t.Errorf("FileFor without a file = %s, %v", p, ok)
	}
	if err := os.WriteFile(filepath.Join(dir, "order.tests.json"), []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if p, ok := FileFor(wf); !ok || p != filepath.Join(dir, "order.tests.json") {
		t.Errorf("FileFor with a JSON file = %s, %v", p, ok)
	}
}
