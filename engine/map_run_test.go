package engine_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/engine"
)

// distMap is a distributed Map whose item fails when it is "bad"; each
// child returns its own $$.Execution.Name and the item.
func distMap(tolerated string) string {
	return `{"StartAt":"M","States":{"M":{"Type":"Map","Label":"Rows",` + tolerated + `
		"ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"C","States":{
			"C":{"Type":"Choice","Choices":[{"Variable":"$","StringEquals":"bad","Next":"F"}],"Default":"P"},
			"F":{"Type":"Fail","Error":"Bad.Row","Cause":"row is bad"},
			"P":{"Type":"Pass","Parameters":{"exec.$":"$$.Execution.Name","id.$":"$$.Execution.Id","sm.$":"$$.StateMachine.Name","v.$":"$"},"End":true}}},
		"End":true}}}`
}

// TestDistributedMapRun: each item is its own execution with its own
// history and context, the map run record counts the items by status,
// and the tolerated failure threshold decides the Map's end.
func TestDistributedMapRun(t *testing.T) {
	items := []any{"a", "b", "bad", "c", "d"}
	cases := []struct {
		name, tolerated string
		status          string
		runStatus       string
		mapRunEnd       string
	}{
		{"no tolerance fails", ``, engine.StatusFailed, "FAILED", "MapRunFailed"},
		{"one tolerated", `"ToleratedFailureCount":1,`, engine.StatusSucceeded, "SUCCEEDED", "MapRunSucceeded"},
		{"20 percent tolerated", `"ToleratedFailurePercentage":20,`, engine.StatusSucceeded, "SUCCEEDED", "MapRunSucceeded"},
		{"19 percent not enough", `"ToleratedFailurePercentage":19,`, engine.StatusFailed, "FAILED", "MapRunFailed"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := compile(t, distMap(tc.tolerated))
			res, err := m.Run(context.Background(), items, engine.WithExecutionName("parent"))
			if err != nil {
				t.Fatal(err)
			}
			if res.Status != tc.status {
				t.Fatalf("status %s, want %s (%v %v)", res.Status, tc.status, res.Error, res.Cause)
			}
			var types []string
			for _, e := range res.Events {
				types = append(types, e.Type)
				if strings.HasPrefix(e.Type, "Pass") || strings.HasPrefix(e.Type, "Choice") {
					t.Errorf("parent history holds a child's event %s", e.Type)
				}
			}
			if got := strings.Join(types, " "); !strings.Contains(got, "MapRunStarted") || !strings.Contains(got, tc.mapRunEnd) {
				t.Errorf("parent events %s, want MapRunStarted and %s", got, tc.mapRunEnd)
			}
			if len(res.MapRuns) != 1 {
				t.Fatalf("%d map runs, want 1", len(res.MapRuns))
			}
			run := res.MapRuns[0]
			c := run.ItemCounts
			if run.Status != tc.runStatus || c.Total != 5 || c.Failed != 1 || c.Succeeded+c.Aborted != 4 || c.Pending != 0 || c.Running != 0 {
				t.Errorf("map run %s %+v, want %s with 1 failed of 5", run.Status, c, tc.runStatus)
			}
			if !strings.HasPrefix(run.MapRunArn, "arn:aws:states:us-east-1:123456789012:mapRun:test/Rows:") {
				t.Errorf("map run arn %s", run.MapRunArn)
			}
			names := map[string]bool{}
			for i, ch := range run.Children {
				if ch.Index != i || ch.Input != items[i] {
					t.Errorf("child %d: index %d input %v", i, ch.Index, ch.Input)
				}
				if ch.Status == engine.StatusAborted {
					continue
				}
				names[ch.Name] = true
				evs := ch.Events
				if len(evs) < 3 || evs[0].Type != "ExecutionStarted" || evs[0].ID != 1 {
					t.Fatalf("child %d history %v", i, evs)
				}
				last := evs[len(evs)-1].Type
				want := "ExecutionSucceeded"
				if items[i] == "bad" {
					want = "ExecutionFailed"
					if ch.Status != engine.StatusFailed || ch.Error == nil || *ch.Error != "Bad.Row" {
						t.Errorf("bad child: %s %v", ch.Status, ch.Error)
					}
				}
				if last != want {
					t.Errorf("child %d ends with %s, want %s", i, last, want)
				}
				if ch.Status == engine.StatusSucceeded {
					out := ch.Output.(map[string]any)
					if out["exec"] != ch.Name || out["exec"] == "parent" || out["id"] != ch.Arn || out["sm"] != "test/Rows" || out["v"] != items[i] {
						t.Errorf("child %d context %v (name %s arn %s)", i, out, ch.Name, ch.Arn)
					}
				}
			}
			if int64(len(names)) != c.Succeeded+c.Failed {
				t.Errorf("child names not distinct: %v", names)
			}
		})
	}
}

// TestDistributedMapRunWithoutHistory: children keep no events when the
// run keeps none, but the counts stay.
func TestDistributedMapRunWithoutHistory(t *testing.T) {
	m := compile(t, distMap(`"ToleratedFailureCount":1,`))
	res, err := m.Run(context.Background(), []any{"a", "bad"}, engine.WithoutHistory())
	if err != nil {
		t.Fatal(err)
	}
	run := res.MapRuns[0]
	if got := fmt.Sprint(run.ItemCounts.Succeeded, run.ItemCounts.Failed, len(run.Children[0].Events)); got != "1 1 0" {
		t.Errorf("succeeded failed events = %s, want 1 1 0", got)
	}
}

// TestDistributedMapRunAborted: stopping the execution while children run
// ends the Map Run ABORTED, with every child that had not ended aborted.
func TestDistributedMapRunAborted(t *testing.T) {
	m := compile(t, `{"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":2,
		"ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"T","States":{
			"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:slow","End":true}}},"End":true}}}`)
	started := make(chan struct{}, 10)
	inv := engine.InvokerFunc(func(ctx context.Context, _ engine.TaskRequest) (any, error) {
		started <- struct{}{}
		<-ctx.Done()
		return nil, ctx.Err()
	})
	ex, err := m.Start(context.Background(), []any{1, 2, 3, 4, 5}, engine.WithInvoker(inv))
	if err != nil {
		t.Fatal(err)
	}
	<-started
	<-started
	if runs := ex.MapRuns(); len(runs) != 1 || runs[0].Status != "RUNNING" || runs[0].ItemCounts.Running != 2 || runs[0].ItemCounts.Pending != 3 {
		t.Fatalf("while running: %+v", runs)
	}
	ex.Stop()
	res := ex.Wait()
	run := res.MapRuns[0]
	if res.Status != engine.StatusAborted || run.Status != engine.StatusAborted || run.ItemCounts.Aborted != 5 || run.ItemCounts.Running != 0 {
		t.Fatalf("%s, map run %s %+v", res.Status, run.Status, run.ItemCounts)
	}
	for _, c := range run.Children {
		if c.Status != engine.StatusAborted {
			t.Errorf("child %d is %s", c.Index, c.Status)
		}
	}
}
