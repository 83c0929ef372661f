package engine_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/asl"
	"github.com/stepstudio/stepstudio/engine/mock"
)

// distRedriveDef: a distributed Map of STANDARD children, each calling
// Work (mocked) and keeping its item beside the answer. Nothing is
// tolerated, so two failed children fail the Map Run.
const distRedriveDef = `{"StartAt":"Each","States":{
 "Each":{"Type":"Map","Label":"Rows","ItemsPath":"$.items",
  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"%s"},"StartAt":"Work","States":{
   "Work":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","ResultPath":"$.r","Next":"Tag"},
   "Tag":{"Type":"Pass","Parameters":{"v.$":"$.v","r.$":"$.r","redrives.$":"$$.Execution.RedriveCount"},"End":true}}},
  "End":true}}}`

// Items run one at a time (deterministic), so invocations 3 and 7 are
// items 3 and 7; the redrive's two calls are invocations 10 and 11.
const distRedriveMocks = `{"StateMachines":{"M":{"TestCases":{"T":{"Work":"ThirdAndSeventhFail"}}}},
 "MockedResponses":{"ThirdAndSeventhFail":{
  "0-2":{"Return":{"ok":true}},"3":{"Throw":{"Error":"Boom","Cause":"item 3"}},
  "4-6":{"Return":{"ok":true}},"7":{"Throw":{"Error":"Boom","Cause":"item 7"}},
  "8-11":{"Return":{"ok":true}}}}}`

// TestRedriveDistributedMap: AWS's "Redriving Map Runs": "A redriven
// parent workflow redrives all the unsuccessful states, including
// Distributed Map" and, in the Map Run, only "the unsuccessful child
// workflow executions"; a STANDARD child is redriven in place (same
// execution ARN, "Redriven executions use the same state machine
// definition and execution ARN as the original execution attempt"),
// EXPRESS children are "rerun using the StartExecution API action".
// MapRunRedrivenEventDetails carry mapRunArn and redriveCount ("always
// greater than 0"); DescribeMapRun gives redriveCount and redriveDate.
func TestRedriveDistributedMap(t *testing.T) {
	for _, typ := range []string{"STANDARD", "EXPRESS"} {
		t.Run(typ, func(t *testing.T) { checkDistributedRedrive(t, typ) })
	}
}

func checkDistributedRedrive(t *testing.T, typ string) {
	m := compile(t, fmt.Sprintf(distRedriveDef, typ))
	cfg, err := mock.Parse("mocks.json", []byte(distRedriveMocks))
	if err != nil {
		t.Fatal(err)
	}
	tc, err := cfg.TestCase("", "T")
	if err != nil {
		t.Fatal(err)
	}
	items := make([]any, 10)
	for i := range items {
		items[i] = map[string]any{"v": int64(i)}
	}
	opts := []engine.Option{engine.WithDeterminism(5, caseStart), engine.WithMocks(tc)}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	first, err := m.Run(ctx, map[string]any{"items": items}, opts...)
	if err != nil {
		t.Fatal(err)
	}
	if first.Status != engine.StatusFailed || len(first.MapRuns) != 1 {
		t.Fatalf("first run %s with %d map runs, want FAILED with 1", first.Status, len(first.MapRuns))
	}
	before := first.MapRuns[0]
	if c := before.ItemCounts; c.Failed != 2 || c.Succeeded != 8 {
		t.Fatalf("first Map Run counts %+v, want 2 failed, 8 succeeded", c)
	}
	ex, err := m.Redrive(ctx, first.Events, append(opts, engine.WithMapRuns(first.MapRuns))...)
	if err != nil {
		t.Fatal(err)
	}
	res := ex.Wait()
	if res.Status != engine.StatusSucceeded {
		t.Fatalf("redrive: %s %v %v", res.Status, textOf(res.Error), textOf(res.Cause))
	}
	// All ten results, in item order; only items 3 and 7 ran again.
	var want []string
	for i := range 10 {
		redrives := 0
		if (i == 3 || i == 7) && typ == "STANDARD" {
			redrives = 1 // the child's own $$.Execution.RedriveCount
		}
		want = append(want, fmt.Sprintf(`{"v":%d,"r":{"ok":true},"redrives":%d}`, i, redrives))
	}
	if got := engine.EncodeJSON(res.Output); got != "["+strings.Join(want, ",")+"]" {
		t.Errorf("output %s\nwant   [%s]", got, strings.Join(want, ","))
	}

	// The parent: the history goes on after ExecutionRedriven; the Map
	// Run is redriven (MapRunRedriven, same ARN), not started again.
	checkAppended(t, first.Events, res.Events, 1)
	var after []string
	var redriven *engine.MapRunRedrivenDetails
	for _, e := range res.Events[len(first.Events):] {
		after = append(after, e.Type)
		if e.MapRunRedrivenEventDetails != nil {
			redriven = e.MapRunRedrivenEventDetails
		}
	}
	wantTypes := "ExecutionRedriven MapStateEntered MapStateStarted MapRunRedriven MapRunSucceeded MapStateSucceeded MapStateExited ExecutionSucceeded"
	if got := strings.Join(after, " "); got != wantTypes {
		t.Errorf("events after the first attempt:\n%s\nwant\n%s", got, wantTypes)
	}
	if redriven == nil || redriven.MapRunArn != before.MapRunArn || redriven.RedriveCount != 1 {
		t.Errorf("MapRunRedriven details %+v, want the first Map Run's ARN %s and redriveCount 1", redriven, before.MapRunArn)
	}
	b, _ := json.Marshal(engine.Event{Type: "MapRunRedriven", MapRunRedrivenEventDetails: redriven})
	if !strings.Contains(string(b), `"mapRunRedrivenEventDetails":{"mapRunArn":"`+before.MapRunArn+`","redriveCount":1}`) {
		t.Errorf("MapRunRedriven as JSON: %s", b)
	}

	// The Map Run record: one, the same, redriven once, all succeeded.
	if len(res.MapRuns) != 1 {
		t.Fatalf("%d Map Runs after the redrive, want the one redriven", len(res.MapRuns))
	}
	run := res.MapRuns[0]
	if run.MapRunArn != before.MapRunArn || run.Status != "SUCCEEDED" || run.RedriveCount != 1 || run.RedriveDate == nil {
		t.Errorf("Map Run %s %s redriveCount %d redriveDate %v, want the same ARN SUCCEEDED, 1, set",
			run.MapRunArn, run.Status, run.RedriveCount, run.RedriveDate)
	}
	if c := run.ItemCounts; c != (engine.MapRunCounts{Succeeded: 10, Total: 10}) || run.ExecutionCounts != c {
		t.Errorf("counts %+v / %+v, want 10 of 10 succeeded", c, run.ExecutionCounts)
	}

	// The children: the eight that succeeded are untouched; 3 and 7 ran
	// Work once more each.
	calls := 0
	for i, c := range run.Children {
		old := before.Children[i]
		for _, e := range c.Events {
			if e.Type == "TaskScheduled" {
				calls++
			}
		}
		if c.Status != engine.StatusSucceeded {
			t.Errorf("child %d %s", i, c.Status)
		}
		if i != 3 && i != 7 {
			if c.Name != old.Name || len(c.Events) != len(old.Events) || c.RedriveCount != 0 {
				t.Errorf("child %d changed: %s (%d events, redriveCount %d), was %s (%d events)",
					i, c.Name, len(c.Events), c.RedriveCount, old.Name, len(old.Events))
			}
			continue
		}
		if typ == "EXPRESS" {
			// Started again: a new execution with its own fresh history.
			if c.Name == old.Name || c.RedriveCount != 0 || c.Events[0].Type != "ExecutionStarted" {
				t.Errorf("express child %d: name %s (was %s) redriveCount %d", i, c.Name, old.Name, c.RedriveCount)
			}
			continue
		}
		checkAppended(t, old.Events, c.Events, 1)
		if c.Name != old.Name || c.Arn != old.Arn || c.RedriveCount != 1 || c.RedriveDate == nil {
			t.Errorf("child %d: %s redriveCount %d, want %s redriven once", i, c.Name, c.RedriveCount, old.Name)
		}
		var types []string
		for _, e := range c.Events[len(old.Events):] {
			types = append(types, e.Type)
		}
		if got := strings.Join(types, " "); got != "ExecutionRedriven TaskStateEntered TaskScheduled TaskStarted TaskSucceeded TaskStateExited PassStateEntered PassStateExited ExecutionSucceeded" {
			t.Errorf("child %d after its redrive: %s", i, got)
		}
	}
	// A STANDARD child's history keeps its failed call; an EXPRESS
	// child's record is the new execution's.
	if wantCalls := map[string]int{"STANDARD": 12, "EXPRESS": 10}[typ]; calls != wantCalls {
		t.Errorf("Work scheduled %d times over the children's histories, want %d", calls, wantCalls)
	}
}

// TestRedriveMapRunCountsShape: DescribeMapRun's counts as the API
// reference's Response Syntax lists them (aborted, failed,
// failuresNotRedrivable, pending, pendingRedrive, resultsWritten,
// running, succeeded, timedOut, total), and ListExecutions items always
// carry redriveCount, as AWS recorded (corpus/api test_sfn_api
// "list-executions-page-1": executionArn, name, redriveCount, ...).
func TestRedriveMapRunCountsShape(t *testing.T) {
	b, _ := json.Marshal(engine.MapRunCounts{})
	want := `{"pending":0,"running":0,"succeeded":0,"failed":0,"timedOut":0,"aborted":0,"total":0,"resultsWritten":0,"failuresNotRedrivable":0,"pendingRedrive":0}`
	if string(b) != want {
		t.Errorf("counts %s\nwant   %s", b, want)
	}
	b, _ = json.Marshal(engine.ChildExecution{Name: "c"})
	if !strings.Contains(string(b), `"redriveCount":0`) || strings.Contains(string(b), "redriveDate") {
		t.Errorf("child %s: want redriveCount always, redriveDate only once redriven", b)
	}
	b, _ = json.Marshal(engine.MapRun{})
	if !strings.Contains(string(b), `"redriveCount":0`) || strings.Contains(string(b), "redriveDate") {
		t.Errorf("map run %s: want redriveCount always, redriveDate only once redriven", b)
	}
}

// distVarsDef: each child assigns $x, then its Choice fails the marked
// items until the child has been redriven `need` times; the redriven
// Choice's next state reads $x from the child's own restored scope.
const distVarsDef = `{"StartAt":"Each","States":{
 "Each":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":4,
  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"Set","States":{
   "Set":{"Type":"Pass","Assign":{"x.$":"$.v"},"Next":"Check"},
   "Check":{"Type":"Choice","Choices":[{"Or":[
       {"Variable":"$.fail","IsPresent":false},
       {"Variable":"$$.Execution.RedriveCount","NumericGreaterThanEquals":%d}],"Next":"Use"}]},
   "Use":{"Type":"Pass","Parameters":{"x.$":"$x"},"End":true}}},
  "End":true}}}`

// TestRedriveDistributedMapRacing: children race (no determinism);
// whichever order they ran in, the failed ones are redriven from their
// Choice with $x back, and a Map Run redriven twice counts 2.
func TestRedriveDistributedMapRacing(t *testing.T) {
	for _, need := range []int{1, 2} {
		t.Run(fmt.Sprintf("%d redrives", need), func(t *testing.T) {
			for range 3 {
				checkDistributedRacing(t, need)
			}
		})
	}
}

func checkDistributedRacing(t *testing.T, need int) {
	m := compile(t, fmt.Sprintf(distVarsDef, need))
	items := make([]any, 10)
	for i := range items {
		it := map[string]any{"v": int64(i)}
		if i == 3 || i == 7 {
			it["fail"] = true
		}
		items[i] = it
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	res, err := m.Run(ctx, map[string]any{"items": items})
	if err != nil || res.Status != engine.StatusFailed {
		t.Fatalf("first run: %v %s", err, res.Status)
	}
	arn := res.MapRuns[0].MapRunArn
	for k := 1; k <= need; k++ {
		ex, err := m.Redrive(ctx, res.Events, engine.WithMapRuns(res.MapRuns))
		if err != nil {
			t.Fatal(err)
		}
		prev := res
		res = ex.Wait()
		checkAppended(t, prev.Events, res.Events, k)
		run := res.MapRuns[0]
		if run.MapRunArn != arn || run.RedriveCount != k {
			t.Fatalf("redrive %d: Map Run %s redriveCount %d, want %s, %d", k, run.MapRunArn, run.RedriveCount, arn, k)
		}
		want := engine.StatusFailed
		if k == need {
			want = engine.StatusSucceeded
		}
		if res.Status != want {
			t.Fatalf("redrive %d: %s, want %s", k, res.Status, want)
		}
		if k < need {
			if c := run.ItemCounts; c.Failed != 2 || c.Succeeded != 8 {
				t.Errorf("redrive %d: counts %+v, want 2 failed again, 8 kept", k, c)
			}
		}
	}
	if got := engine.EncodeJSON(res.Output); got != `[{"x":0},{"x":1},{"x":2},{"x":3},{"x":4},{"x":5},{"x":6},{"x":7},{"x":8},{"x":9}]` {
		t.Errorf("output %s", got)
	}
	for i, c := range res.MapRuns[0].Children {
		sets, redriven := 0, 0
		for _, e := range c.Events {
			if d := e.StateEnteredEventDetails; d != nil && d.Name == "Set" {
				sets++
			}
			if d := e.ExecutionRedrivenEventDetails; d != nil {
				redriven = d.RedriveCount
			}
		}
		wantRedriven := 0
		if i == 3 || i == 7 {
			wantRedriven = need
		}
		if sets != 1 || redriven != wantRedriven || c.RedriveCount != wantRedriven {
			t.Errorf("child %d: Set entered %d times, last ExecutionRedriven %d, redriveCount %d; want 1, %d, %d",
				i, sets, redriven, c.RedriveCount, wantRedriven, wantRedriven)
		}
	}
}

// TestRedriveWithoutMapRuns: a redrive not given the Map Runs (nothing
// to redrive in place) starts a new Map Run, as AWS does for a Map Run
// that never started.
func TestRedriveWithoutMapRuns(t *testing.T) {
	m := compile(t, fmt.Sprintf(distVarsDef, 1))
	items := []any{map[string]any{"v": int64(0)}, map[string]any{"v": int64(1), "fail": true}}
	res, err := m.Run(context.Background(), map[string]any{"items": items})
	if err != nil || res.Status != engine.StatusFailed {
		t.Fatalf("first run: %v %s", err, res.Status)
	}
	ex, err := m.Redrive(context.Background(), res.Events)
	if err != nil {
		t.Fatal(err)
	}
	again := ex.Wait()
	var types []string
	for _, e := range again.Events[len(res.Events):] {
		types = append(types, e.Type)
	}
	if got := strings.Join(types, " "); !strings.Contains(got, "MapRunStarted") || strings.Contains(got, "MapRunRedriven") {
		t.Errorf("events %s: want a new MapRunStarted", got)
	}
	if len(again.MapRuns) != 1 || again.MapRuns[0].MapRunArn == res.MapRuns[0].MapRunArn || again.MapRuns[0].RedriveCount != 0 {
		t.Errorf("Map Runs %+v: want one new Map Run", again.MapRuns)
	}
}

// TestChildExecutionReadBack: a saved child's input and output read back
// as the engine's values (1 stays 1, not 1.0): a redrive hands a kept
// child's output to the Map's result.
func TestChildExecutionReadBack(t *testing.T) {
	b, _ := json.Marshal(engine.ChildExecution{Name: "c", Input: map[string]any{"v": int64(1)}, Output: []any{int64(2), 2.5}})
	var c engine.ChildExecution
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	if in, out := engine.EncodeJSON(c.Input), engine.EncodeJSON(c.Output); in != `{"v":1}` || out != `[2,2.5]` || c.Name != "c" {
		t.Errorf("read back %s %s %q", in, out, c.Name)
	}
}

// mapRunSnapshot is AWS's DescribeMapRun recorded for a 2-item CSV Map
// Run (MaxConcurrency 1), in the shared corpus beside the checkout.
const mapRunSnapshot = "../../shared/corpus/api/test_sfn_api_map_run.snapshot.json"

// TestMapRunShapeAsAWSRecorded: our Map Run record has every field AWS's
// DescribeMapRun returned (recorded 2023, before redrive: redriveCount,
// redriveDate and the two redrive counts come from the API reference),
// with the same counts for the same run. stateName and children are the
// studio's own.
func TestMapRunShapeAsAWSRecorded(t *testing.T) {
	raw, err := os.ReadFile(mapRunSnapshot)
	if err != nil {
		t.Skipf("corpus absent: %v", err)
	}
	var snap map[string]struct {
		Content map[string]map[string]any `json:"recorded-content"`
	}
	if err := json.Unmarshal(raw, &snap); err != nil {
		t.Fatal(err)
	}
	var aws map[string]any
	for name, c := range snap {
		if strings.HasSuffix(name, "test_list_map_runs_and_describe_map_run") {
			aws = c.Content["describe_map_run"]
		}
	}
	if aws == nil {
		t.Fatal("no describe_map_run in the snapshot")
	}
	delete(aws, "ResponseMetadata")
	m := compile(t, `{"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":1,"ItemProcessor":{
		"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}`)
	res, err := m.Run(context.Background(), []any{"a", "b"})
	if err != nil || len(res.MapRuns) != 1 {
		t.Fatalf("run: %v, %d map runs", err, len(res.MapRuns))
	}
	b, _ := json.Marshal(res.MapRuns[0])
	var ours map[string]any
	if err := json.Unmarshal(b, &ours); err != nil {
		t.Fatal(err)
	}
	for k := range aws {
		if _, ok := ours[k]; !ok {
			t.Errorf("AWS's DescribeMapRun has %q, our Map Run has not", k)
		}
	}
	for _, k := range []string{"itemCounts", "executionCounts"} {
		want, got := aws[k].(map[string]any), ours[k].(map[string]any)
		for f, v := range want {
			// resultsWritten: this run has no ResultWriter.
			if f != "resultsWritten" && got[f] != v {
				t.Errorf("%s.%s = %v, AWS recorded %v", k, f, got[f], v)
			}
		}
	}
	for _, k := range []string{"status", "maxConcurrency", "toleratedFailureCount", "toleratedFailurePercentage"} {
		if ours[k] != aws[k] {
			t.Errorf("%s = %v, AWS recorded %v", k, ours[k], aws[k])
		}
	}
	if !strings.HasPrefix(ours["executionArn"].(string), "arn:aws:states:") || !strings.Contains(ours["executionArn"].(string), ":execution:") {
		t.Errorf("executionArn %v", ours["executionArn"])
	}
}

// BenchmarkRedriveMapRun redrives a 10,000-child Map Run whose children
// 3 and 7 failed: copying the record and keeping 9,998 results is the
// cost beside the two children's own redrives.
func BenchmarkRedriveMapRun(b *testing.B) {
	doc, err := asl.Parse("m.json", fmt.Appendf(nil, distVarsDef, 1))
	if err != nil {
		b.Fatal(err)
	}
	m, err := engine.Compile(doc)
	if err != nil {
		b.Fatal(err)
	}
	items := make([]any, 10000)
	for i := range items {
		it := map[string]any{"v": int64(i)}
		if i == 3 || i == 7 {
			it["fail"] = true
		}
		items[i] = it
	}
	res, err := m.Run(context.Background(), map[string]any{"items": items})
	if err != nil || res.Status != engine.StatusFailed {
		b.Fatalf("first run: %v %s", err, res.Status)
	}
	b.ResetTimer()
	for range b.N {
		ex, err := m.Redrive(context.Background(), res.Events, engine.WithMapRuns(res.MapRuns))
		if err != nil {
			b.Fatal(err)
		}
		if r := ex.Wait(); r.Status != engine.StatusSucceeded {
			b.Fatalf("redrive: %s", r.Status)
		}
	}
}

// TestRedriveMapRunLimit: AWS's "Redriving Map Runs": a Map Run is
// redriven at most 1,000 times; past that the redrive gets States.Runtime.
func TestRedriveMapRunLimit(t *testing.T) {
	m := compile(t, fmt.Sprintf(distVarsDef, 1))
	items := []any{map[string]any{"v": int64(0), "fail": true}}
	res, err := m.Run(context.Background(), map[string]any{"items": items})
	if err != nil || res.Status != engine.StatusFailed {
		t.Fatalf("first run: %v %s", err, res.Status)
	}
	for _, tc := range []struct {
		redrives int
		status   string
	}{{999, engine.StatusSucceeded}, {1000, engine.StatusFailed}} {
		runs := append([]engine.MapRun(nil), res.MapRuns...)
		runs[0].RedriveCount = tc.redrives
		ex, err := m.Redrive(context.Background(), res.Events, engine.WithMapRuns(runs))
		if err != nil {
			t.Fatal(err)
		}
		r := ex.Wait()
		if r.Status != tc.status || (tc.status == engine.StatusFailed && textOf(r.Error) != "States.Runtime") {
			t.Errorf("after %d redrives: %s %s %s, want %s", tc.redrives, r.Status, textOf(r.Error), textOf(r.Cause), tc.status)
		}
	}
}
