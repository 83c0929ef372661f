package engine_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/asl"
	"github.com/stepstudio/stepstudio/engine/mock"
)

// redriveCase runs a definition to an unsuccessful end, then redrives it
// until it succeeds (or redrives run out), checking what ran again.
type redriveCase struct {
	name       string
	definition string
	mocks      string // MockedResponses for test case "T" (state -> response name)
	input      string
	// deterministic runs items one at a time; otherwise items race, and
	// the checks must hold whichever failed first.
	deterministic bool
	redrives      int    // redrives until SUCCEEDED
	output        string // the final output
	// entered is each state's StateEntered count over the whole history:
	// states that succeeded before a redrive are not entered again.
	entered map[string]int
	// exited is each state's StateExited count over the whole history: a
	// state cancelled mid-way runs again, one that finished does not.
	exited map[string]int
	// itemsOnce: every Map item succeeds exactly once over the history.
	itemsOnce int
}

const taskRetryDef = `{"StartAt":"Before","States":{
 "Before":{"Type":"Pass","Result":{"n":1},"Next":"Call"},
 "Call":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","ResultPath":"$.call","Next":"After"},
 "After":{"Type":"Pass","Parameters":{"n.$":"$.n","call.$":"$.call","redrives.$":"$$.Execution.RedriveCount"},"End":true}}}`

// mapDef fails the items marked "fail" until the run is redriven: their
// Choice matches no rule (States.NoChoiceMatched) until RedriveCount > 0,
// and a redrive runs the failed state again.
const mapDef = `{"StartAt":"Before","States":{
 "Before":{"Type":"Pass","Next":"Each"},
 "Each":{"Type":"Map","ItemsPath":"$.items","ItemProcessor":{"StartAt":"Step","States":{
   "Step":{"Type":"Pass","Next":"Check"},
   "Check":{"Type":"Choice","Choices":[{"Or":[
       {"Variable":"$.fail","IsPresent":false},
       {"Variable":"$$.Execution.RedriveCount","NumericGreaterThan":0}],"Next":"Done"}]},
   "Done":{"Type":"Pass","InputPath":"$.v","End":true}}},"End":true}}}`

const tenItems = `{"items":[{"v":0},{"v":1},{"v":2},{"v":3,"fail":true},{"v":4},{"v":5},{"v":6},{"v":7,"fail":true},{"v":8},{"v":9}]}`

const redriveItems = `{"items":[{"v":0},{"v":1,"fail":true},{"v":2},{"v":3,"fail":true},{"v":4}]}`

const mapTaskDef = `{"StartAt":"Before","States":{
 "Before":{"Type":"Pass","Next":"Each"},
 "Each":{"Type":"Map","ItemsPath":"$.items","ItemProcessor":{"StartAt":"Work","States":{
   "Work":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}}},"End":true}}}`

const parallelDef = `{"StartAt":"Before","States":{
 "Before":{"Type":"Pass","Next":"Both"},
 "Both":{"Type":"Parallel","Branches":[
   {"StartAt":"A","States":{"A":{"Type":"Pass","Result":"a","End":true}}},
   {"StartAt":"B0","States":{"B0":{"Type":"Pass","Next":"B1"},
     "B1":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}}}],"End":true}}}`

// nestedDef: a Map whose items run a Parallel; branch Y's Choice fails
// for the marked items until the redrive.
const nestedDef = `{"StartAt":"Before","States":{
 "Before":{"Type":"Pass","Next":"Each"},
 "Each":{"Type":"Map","ItemsPath":"$.items","ItemProcessor":{"StartAt":"Both","States":{
   "Both":{"Type":"Parallel","End":true,"Branches":[
     {"StartAt":"X","States":{"X":{"Type":"Pass","InputPath":"$.v","End":true}}},
     {"StartAt":"Y","States":{"Y":{"Type":"Choice","Choices":[{"Or":[
         {"Variable":"$.fail","IsPresent":false},
         {"Variable":"$$.Execution.RedriveCount","NumericGreaterThan":0}],"Next":"YOk"}]},
       "YOk":{"Type":"Pass","Result":"y","End":true}}}]}}},"End":true}}}`

// deepDef: a Map of groups, each a Parallel whose second branch is a Map
// of items; marked items fail at their Choice until the redrive.
const deepDef = `{"StartAt":"Before","States":{
 "Before":{"Type":"Pass","Next":"Groups"},
 "Groups":{"Type":"Map","ItemsPath":"$.groups","ItemProcessor":{"StartAt":"Split","States":{
   "Split":{"Type":"Parallel","End":true,"Branches":[
     {"StartAt":"A","States":{"A":{"Type":"Pass","Result":"a","End":true}}},
     {"StartAt":"Inner","States":{"Inner":{"Type":"Map","ItemsPath":"$.items","End":true,"ItemProcessor":{"StartAt":"Check","States":{
       "Check":{"Type":"Choice","Choices":[{"Or":[
         {"Variable":"$.fail","IsPresent":false},
         {"Variable":"$$.Execution.RedriveCount","NumericGreaterThan":0}],"Next":"Done"}]},
       "Done":{"Type":"Pass","InputPath":"$.v","End":true}}}}}}]}}},"End":true}}}`

// varsMapDef: each item assigns $x (and $item) before its Choice, which
// fails the marked items until the redrive; the redriven Choice's next
// state reads them, so they must come back in the item's own scope.
const varsMapDef = `{"StartAt":"Before","States":{
 "Before":{"Type":"Pass","Assign":{"top":"t"},"Next":"Each"},
 "Each":{"Type":"Map","ItemsPath":"$.items","ItemProcessor":{"StartAt":"Set","States":{
   "Set":{"Type":"Pass","Assign":{"x.$":"$.v"},"Next":"Set2"},
   "Set2":{"Type":"Pass","Assign":{"item.$":"$x"},"Next":"Check"},
   "Check":{"Type":"Choice","Choices":[{"Or":[
       {"Variable":"$.fail","IsPresent":false},
       {"Variable":"$$.Execution.RedriveCount","NumericGreaterThan":0}],"Next":"Use"}]},
   "Use":{"Type":"Pass","Parameters":{"x.$":"$x","item.$":"$item","top.$":"$top"},"End":true}}},"End":true}}}`

// varsParallelDef: branch B assigns $b, then fails at its Choice until the
// redrive; the redriven branch reads $b from its own scope.
const varsParallelDef = `{"StartAt":"Both","States":{
 "Both":{"Type":"Parallel","Branches":[
   {"StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"a":"A"},"Next":"A2"},
     "A2":{"Type":"Pass","Parameters":{"a.$":"$a"},"End":true}}},
   {"StartAt":"B","States":{"B":{"Type":"Pass","Assign":{"b.$":"$.n"},"Next":"BCheck"},
     "BCheck":{"Type":"Choice","Choices":[{"Variable":"$$.Execution.RedriveCount","NumericGreaterThan":0,"Next":"BUse"}]},
     "BUse":{"Type":"Pass","Parameters":{"b.$":"$b"},"End":true}}}],"End":true}}}`

const deepInput = `{"groups":[{"items":[{"v":0},{"v":1,"fail":true},{"v":2}]},{"items":[{"v":3},{"v":4}]},{"items":[{"v":5,"fail":true}]}]}`

func TestRedrive(t *testing.T) {
	cases := []redriveCase{{
		name: "task fails then succeeds", definition: taskRetryDef, deterministic: true,
		mocks: `{"Call":"ThrowThenReturn"}`, input: `{}`, redrives: 1,
		output:  `{"n":1,"call":{"ok":true},"redrives":1}`,
		entered: map[string]int{"Before": 1, "Call": 2, "After": 1},
	}, {
		name: "task needs two redrives", definition: taskRetryDef, deterministic: true,
		mocks: `{"Call":"ThrowTwice"}`, input: `{}`, redrives: 2,
		output:  `{"n":1,"call":{"ok":true},"redrives":2}`,
		entered: map[string]int{"Before": 1, "Call": 3, "After": 1},
	}, {
		// Items 0-2 succeed, 3 fails, 4 never starts: 2 of 5 unfinished.
		name: "map reruns only unfinished items", definition: mapTaskDef, deterministic: true,
		mocks: `{"Work":"FourthFails"}`, input: `{"items":[0,1,2,3,4]}`, redrives: 1,
		output:  `[{"i":0},{"i":1},{"i":2},{"i":3},{"i":4}]`,
		entered: map[string]int{"Before": 1, "Each": 2, "Work": 6}, itemsOnce: 5,
	}, {
		name: "map with racing failures", definition: mapDef, input: redriveItems, redrives: 1,
		output: `[0,1,2,3,4]`, entered: map[string]int{"Before": 1, "Each": 2}, itemsOnce: 5,
		exited: map[string]int{"Step": 5, "Done": 5},
	}, {
		// Ten items, 3 and 7 fail: only the failed (and aborted) items run
		// again; each item succeeds once over the history.
		name: "inline map of ten, items 3 and 7 fail", definition: mapDef, input: tenItems, redrives: 1,
		output: `[0,1,2,3,4,5,6,7,8,9]`, entered: map[string]int{"Before": 1, "Each": 2}, itemsOnce: 10,
		exited: map[string]int{"Step": 10, "Done": 10},
	}, {
		name: "parallel reruns the failed branch", definition: parallelDef, deterministic: true,
		mocks: `{"B1":"ThrowThenReturn"}`, input: `{}`, redrives: 1,
		output:  `["a",{"ok":true}]`,
		entered: map[string]int{"Before": 1, "Both": 2, "A": 1, "B0": 1, "B1": 2},
	}, {
		name: "parallel inside map", definition: nestedDef, input: redriveItems, redrives: 1,
		output:  `[[0,"y"],[1,"y"],[2,"y"],[3,"y"],[4,"y"]]`,
		entered: map[string]int{"Before": 1, "Each": 2}, itemsOnce: 5,
		exited: map[string]int{"X": 5, "YOk": 5},
	}, {
		name: "parallel inside map, one at a time", definition: nestedDef, input: redriveItems, redrives: 1,
		deterministic: true,
		output:        `[[0,"y"],[1,"y"],[2,"y"],[3,"y"],[4,"y"]]`,
		// Item 0 succeeds, item 1 fails in Y: X finished for items 0 and 1
		// (or was cancelled) and does not run again once finished.
		entered: map[string]int{"Before": 1, "Each": 2, "Y": 6}, itemsOnce: 5,
		exited: map[string]int{"X": 5, "Y": 5, "YOk": 5},
	}, {
		name: "map in parallel in map", definition: deepDef, input: deepInput, redrives: 1,
		output:  `[["a",[0,1,2]],["a",[3,4]],["a",[5]]]`,
		entered: map[string]int{"Before": 1, "Groups": 2},
		exited:  map[string]int{"A": 3, "Done": 6},
	}, {
		name: "map in parallel in map, one at a time", definition: deepDef, input: deepInput, redrives: 1,
		deterministic: true,
		output:        `[["a",[0,1,2]],["a",[3,4]],["a",[5]]]`,
		entered:       map[string]int{"Before": 1, "Groups": 2},
		exited:        map[string]int{"A": 3, "Done": 6},
	}, {
		// AWS scopes variables per iteration: item 1 and 3 redrive from
		// Check and read the $x and $item they assigned before it.
		name: "map item variables come back", definition: varsMapDef, input: redriveItems, redrives: 1,
		deterministic: true,
		output:        `[{"x":0,"item":0,"top":"t"},{"x":1,"item":1,"top":"t"},{"x":2,"item":2,"top":"t"},{"x":3,"item":3,"top":"t"},{"x":4,"item":4,"top":"t"}]`,
		entered:       map[string]int{"Before": 1, "Each": 2, "Set": 5, "Set2": 5, "Check": 6},
	}, {
		name: "map item variables come back, racing", definition: varsMapDef, input: redriveItems, redrives: 1,
		output: `[{"x":0,"item":0,"top":"t"},{"x":1,"item":1,"top":"t"},{"x":2,"item":2,"top":"t"},{"x":3,"item":3,"top":"t"},{"x":4,"item":4,"top":"t"}]`,
		exited: map[string]int{"Set": 5, "Set2": 5, "Use": 5},
	}, {
		name: "parallel branch variables come back", definition: varsParallelDef, input: `{"n":7}`, redrives: 1,
		deterministic: true,
		output:        `[{"a":"A"},{"b":7}]`,
		entered:       map[string]int{"Both": 2, "A": 1, "A2": 1, "B": 1, "BCheck": 2, "BUse": 1},
	}}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for range 5 { // the racing cases differ run to run
				checkRedrive(t, tc)
			}
		})
	}
}

const redriveMocks = `{"StateMachines":{"M":{"TestCases":{"T":%s}}},"MockedResponses":{
 "ThrowThenReturn":{"0":{"Throw":{"Error":"Boom","Cause":"first call"}},"1":{"Return":{"ok":true}}},
 "ThrowTwice":{"0-1":{"Throw":{"Error":"Boom","Cause":"again"}},"2":{"Return":{"ok":true}}},
 "FourthFails":{"0":{"Return":{"i":0}},"1":{"Return":{"i":1}},"2":{"Return":{"i":2}},
   "3":{"Throw":{"Error":"Boom","Cause":"item 3"}},"4":{"Return":{"i":3}},"5":{"Return":{"i":4}}}}}`

func checkRedrive(t *testing.T, tc redriveCase) {
	t.Helper()
	doc, err := asl.Parse("m.json", []byte(tc.definition))
	if err != nil {
		t.Fatal(err)
	}
	m, err := engine.Compile(doc)
	if err != nil {
		t.Fatal(err)
	}
	input, err := engine.DecodeJSON([]byte(tc.input))
	if err != nil {
		t.Fatal(err)
	}
	var opts []engine.Option
	if tc.deterministic {
		opts = append(opts, engine.WithDeterminism(3, caseStart))
	}
	if tc.mocks != "" {
		cfg, err := mock.Parse("mocks.json", fmt.Appendf(nil, redriveMocks, tc.mocks))
		if err != nil {
			t.Fatal(err)
		}
		c, err := cfg.TestCase("", "T")
		if err != nil {
			t.Fatal(err)
		}
		opts = append(opts, engine.WithMocks(c))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	res, err := m.Run(ctx, input, opts...)
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != engine.StatusFailed {
		t.Fatalf("first run: %s, want FAILED", res.Status)
	}
	evs := res.Events
	for k := 1; k <= tc.redrives; k++ {
		ex, err := m.Redrive(ctx, evs, opts...)
		if err != nil {
			t.Fatalf("redrive %d: %v", k, err)
		}
		res = ex.Wait()
		if ex.RedriveCount() != k {
			t.Errorf("redrive %d: RedriveCount() = %d", k, ex.RedriveCount())
		}
		checkAppended(t, evs, res.Events, k)
		evs = res.Events
		want := engine.StatusFailed
		if k == tc.redrives {
			want = engine.StatusSucceeded
		}
		if res.Status != want {
			t.Fatalf("redrive %d: %s (%v %v), want %s", k, res.Status, textOf(res.Error), textOf(res.Cause), want)
		}
	}
	if got := engine.EncodeJSON(res.Output); got != tc.output {
		t.Errorf("output %s, want %s", got, tc.output)
	}
	entered, exited := map[string]int{}, map[string]int{}
	items := map[int]int{}
	for _, e := range evs {
		if d := e.StateEnteredEventDetails; d != nil {
			entered[d.Name]++
		}
		if d := e.StateExitedEventDetails; d != nil {
			exited[d.Name]++
		}
		if d := e.MapIterationSucceededEventDetails; d != nil && d.Name == "Each" {
			items[d.Index]++
		}
	}
	for name, n := range tc.entered {
		if entered[name] != n {
			t.Errorf("%s entered %d times, want %d", name, entered[name], n)
		}
	}
	for name, n := range tc.exited {
		if exited[name] != n {
			t.Errorf("%s exited %d times, want %d", name, exited[name], n)
		}
	}
	for i := range tc.itemsOnce {
		if items[i] != 1 {
			t.Errorf("item %d succeeded %d times over the history, want once", i, items[i])
		}
	}
}

// checkAppended: the redrive keeps the history, then ExecutionRedriven
// follows its last event, ids going on.
func checkAppended(t *testing.T, before, after []engine.Event, count int) {
	t.Helper()
	if len(after) <= len(before) {
		t.Fatalf("redrive %d recorded no events", count)
	}
	for i, e := range after {
		if e.ID != int64(i+1) {
			t.Fatalf("event %d has id %d", i+1, e.ID)
		}
		if i < len(before) && e.Type != before[i].Type {
			t.Fatalf("event %d changed from %s to %s", i+1, before[i].Type, e.Type)
		}
	}
	r := after[len(before)]
	if r.Type != "ExecutionRedriven" || r.PreviousEventID != int64(len(before)) ||
		r.ExecutionRedrivenEventDetails == nil || r.ExecutionRedrivenEventDetails.RedriveCount != count {
		b, _ := json.Marshal(r)
		t.Fatalf("event after the history: %s, want ExecutionRedriven with redriveCount %d", b, count)
	}
}

func TestRedriveRefused(t *testing.T) {
	now := caseStart.Add(time.Hour)
	ok := []engine.Event{{ID: 1, Type: "ExecutionStarted", Timestamp: caseStart},
		{ID: 2, Type: "ExecutionFailed", Timestamp: caseStart}}
	succeeded := []engine.Event{ok[0], {ID: 2, Type: "ExecutionSucceeded", Timestamp: caseStart}}
	running := ok[:1]
	cases := []struct {
		name string
		evs  []engine.Event
		typ  engine.StateMachineType
		now  time.Time
		want string // "" for redrivable
	}{
		{"failed", ok, engine.Standard, now, ""},
		{"timed out", []engine.Event{ok[0], {ID: 2, Type: "ExecutionTimedOut", Timestamp: caseStart}}, engine.Standard, now, ""},
		{"aborted", []engine.Event{ok[0], {ID: 2, Type: "ExecutionAborted", Timestamp: caseStart}}, engine.Standard, now, ""},
		{"13 days later", ok, engine.Standard, caseStart.Add(13 * 24 * time.Hour), ""},
		{"succeeded", succeeded, engine.Standard, now, "ExecutionNotRedrivable: Execution is not redrivable because it has status SUCCEEDED"},
		{"running", running, engine.Standard, now, "ExecutionNotRedrivable: Execution is not redrivable because it has status RUNNING"},
		{"express", ok, engine.Express, now, "ExecutionNotRedrivable: Redrive is not supported for EXPRESS state machines"},
		{"15 days later", ok, engine.Standard, caseStart.Add(15 * 24 * time.Hour), "ExecutionNotRedrivable: Execution is not redrivable because it was stopped more than 14 days ago"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := engine.CheckRedrivable(tc.evs, tc.typ, tc.now)
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tc.want != "" && (err == nil || err.Error() != tc.want || !errors.Is(err, engine.ErrNotRedrivable)):
				t.Fatalf("got %v, want %s", err, tc.want)
			}
		})
	}
}

func textOf(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// BenchmarkRedriveLargeMap redrives a 2,500-item Map whose last item
// failed: reading the history and keeping 2,499 items is the cost (the
// history, redrive included, must stay under AWS's 25,000 events).
func BenchmarkRedriveLargeMap(b *testing.B) {
	doc, err := asl.Parse("m.json", []byte(mapDef))
	if err != nil {
		b.Fatal(err)
	}
	m, err := engine.Compile(doc)
	if err != nil {
		b.Fatal(err)
	}
	items := make([]any, 2500)
	for i := range items {
		items[i] = map[string]any{"v": int64(i)}
	}
	items[len(items)-1] = map[string]any{"v": int64(len(items) - 1), "fail": true}
	opts := []engine.Option{engine.WithDeterminism(1, caseStart), engine.WithType(engine.Express)}
	res, err := m.Run(context.Background(), map[string]any{"items": items}, opts...)
	if err != nil || res.Status != engine.StatusFailed {
		b.Fatalf("first run: %v %s", err, res.Status)
	}
	opts[1] = engine.WithType(engine.Standard) // AWS redrives STANDARD runs only
	b.ResetTimer()
	for range b.N {
		ex, err := m.Redrive(context.Background(), res.Events, opts...)
		if err != nil {
			b.Fatal(err)
		}
		if r := ex.Wait(); r.Status != engine.StatusSucceeded {
			b.Fatalf("redrive: %s %v", r.Status, textOf(r.Cause))
		}
	}
	b.ReportMetric(float64(len(res.Events)), "history-events")
}
