package engine_test

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/asl"
	"github.com/stepstudio/stepstudio/engine/fault"
	"github.com/stepstudio/stepstudio/engine/mock"
)

// TestCases runs our own cases, testdata/cases/*.txtar, for what the
// corpus lacks. Each archive holds:
//
//	definition.json  the state machine
//	input.json       the execution input (default {})
//	tasks.json       optional: per Task state, the answers of successive
//	                 attempts, as {"Return": v} or {"Throw": {"Error","Cause"}}
//	mocks.json       optional: an AWS MockConfigFile; testcase.txt names
//	                 the test case to use
//	expected.json    {"status", "output"} or {"status", "error", "cause"}
//	events.txt       optional: the expected event types, one per line, with
//	                 "+Ns" after a type to assert its time since the start
//	location.txt     optional: where the run's error is placed in
//	                 definition.json, "LINE:COLUMN POINTER" (the ExecutionFailed
//	                 event and an EvaluationFailed event must agree)
func TestCases(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "cases", "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			t.Parallel()
			runTxtarCase(t, readTxtar(t, file))
		})
	}
}

// readTxtar reads a txtar archive into its files by name.
func readTxtar(t testing.TB, file string) map[string][]byte {
	t.Helper()
	a, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	files := make(map[string][]byte, len(a.Files))
	for _, f := range a.Files {
		files[f.Name] = f.Data
	}
	return files
}

var caseStart = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

func runTxtarCase(t *testing.T, files map[string][]byte) {
	doc, err := asl.Parse("case.json", files["definition.json"])
	if err != nil {
		t.Fatal(err)
	}
	m, err := engine.Compile(doc)
	if err != nil {
		t.Fatal(err)
	}
	var input any = map[string]any{}
	if b, ok := files["input.json"]; ok {
		if input, err = engine.DecodeJSON(b); err != nil {
			t.Fatal(err)
		}
	}
	opts := []engine.Option{engine.WithDeterminism(7, caseStart)}
	if b, ok := files["tasks.json"]; ok {
		inv, err := newScriptedInvoker(b)
		if err != nil {
			t.Fatal(err)
		}
		opts = append(opts, engine.WithInvoker(inv))
	}
	if b, ok := files["mocks.json"]; ok {
		cfg, err := mock.Parse("mocks.json", b)
		if err != nil {
			t.Fatal(err)
		}
		tc, err := cfg.TestCase("", strings.TrimSpace(string(files["testcase.txt"])))
		if err != nil {
			t.Fatal(err)
		}
		opts = append(opts, engine.WithMocks(tc))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	res, err := m.Run(ctx, input, opts...)
	if err != nil {
		t.Fatal(err)
	}
	var want struct {
		Status string          `json:"status"`
		Output json.RawMessage `json:"output"`
		Error  *string         `json:"error"`
		Cause  *string         `json:"cause"`
	}
	if err := json.Unmarshal(files["expected.json"], &want); err != nil {
		t.Fatalf("expected.json: %v", err)
	}
	if res.Status != want.Status {
		t.Fatalf("status %s (error %s, cause %s), want %s", res.Status, deref(res.Error), deref(res.Cause), want.Status)
	}
	if want.Output != nil {
		var w any
		_ = json.Unmarshal(want.Output, &w)
		if d := compareValue(w, roundTrip(res.Output), false, "$"); d != "" {
			t.Errorf("output: %s\n got  %s", d, engine.EncodeJSON(res.Output))
		}
	}
	if want.Error != nil && deref(res.Error) != *want.Error {
		t.Errorf("error %s, want %s", deref(res.Error), *want.Error)
	}
	if want.Cause != nil && !wildcard(*want.Cause).MatchString(deref(res.Cause)) {
		t.Errorf("cause %q, want %q", deref(res.Cause), *want.Cause)
	}
	if b, ok := files["events.txt"]; ok {
		checkEvents(t, string(b), res.Events)
	}
	if b, ok := files["location.txt"]; ok {
		checkLocation(t, strings.TrimSpace(string(b)), res)
	}
}

// checkLocation compares the run's error location with want, "LINE:COLUMN
// POINTER"; the state must be the one the pointer names, and the events
// that carry a location must carry the same.
func checkLocation(t *testing.T, want string, res engine.Result) {
	t.Helper()
	loc := res.Location
	if loc == nil {
		t.Fatalf("no location, want %s", want)
	}
	if got := loc.String() + " " + loc.Pointer; got != want {
		t.Errorf("location %s, want %s", got, want)
	}
	state := ""
	for segs, i := asl.SplitPointer(loc.Pointer), 0; i+1 < len(segs); i++ {
		if segs[i] == "States" {
			state, i = segs[i+1], i+1
		}
	}
	if loc.State != state {
		t.Errorf("location state %q, but the pointer %s names %q", loc.State, loc.Pointer, state)
	}
	if !(loc.Range.Start.Offset < loc.Range.End.Offset) {
		t.Errorf("location range %+v is empty", loc.Range)
	}
	for _, e := range res.Events {
		if (e.Type == "ExecutionFailed" || e.Type == "EvaluationFailed") && !reflect.DeepEqual(e.Location(), loc) {
			t.Errorf("%s event location %+v, want %+v", e.Type, e.Location(), loc)
		}
	}
}

func checkEvents(t *testing.T, want string, events []engine.Event) {
	t.Helper()
	var lines []string
	for _, l := range strings.Split(want, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			lines = append(lines, l)
		}
	}
	var got []string
	for _, e := range events {
		got = append(got, e.Type)
	}
	if len(got) != len(lines) {
		t.Fatalf("events:\n got  %s\n want %s", strings.Join(got, " "), strings.Join(lines, " "))
	}
	for i, l := range lines {
		typ, at, hasAt := strings.Cut(l, " +")
		if got[i] != typ {
			t.Fatalf("event %d is %s, want %s\n got  %s", i+1, got[i], typ, strings.Join(got, " "))
		}
		if hasAt {
			d, err := time.ParseDuration(at)
			if err != nil {
				t.Fatalf("events.txt: %v", err)
			}
			if el := events[i].Timestamp.Sub(caseStart); el != d {
				t.Errorf("event %d (%s) at +%s, want +%s", i+1, typ, el, d)
			}
		}
	}
}

// scriptedInvoker answers Task states from tasks.json: successive
// attempts of a state take successive answers, the last one repeating.
type scriptedInvoker struct {
	mu      sync.Mutex
	answers map[string][]json.RawMessage
	calls   map[string]int
}

func newScriptedInvoker(b []byte) (*scriptedInvoker, error) {
	s := &scriptedInvoker{calls: map[string]int{}}
	if err := json.Unmarshal(b, &s.answers); err != nil {
		return nil, fmt.Errorf("tasks.json: %w", err)
	}
	return s, nil
}

func (s *scriptedInvoker) Invoke(ctx context.Context, req engine.TaskRequest) (any, error) {
	s.mu.Lock()
	list, ok := s.answers[req.State]
	i := s.calls[req.State]
	s.calls[req.State]++
	s.mu.Unlock()
	if !ok || len(list) == 0 {
		return nil, engine.ErrNoHandler
	}
	if i >= len(list) {
		i = len(list) - 1
	}
	var a struct {
		Return json.RawMessage `json:"Return"`
		Throw  *struct{ Error, Cause string }
		Echo   bool  `json:"Echo"`
		Sleep  int64 `json:"SleepSeconds"`
	}
	if err := json.Unmarshal(list[i], &a); err != nil {
		return nil, err
	}
	if a.Sleep > 0 {
		select {
		case <-time.After(time.Duration(a.Sleep) * time.Second):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	switch {
	case a.Throw != nil:
		return nil, fault.New(a.Throw.Error, a.Throw.Cause)
	case a.Echo:
		return req.Input, nil
	}
	return engine.DecodeJSON(a.Return)
}
