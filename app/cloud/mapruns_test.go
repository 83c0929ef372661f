package cloud

import (
	"context"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/app/sidecar"
)

// fanOut is a Distributed Map over the input's items whose children fail
// for odd items; it tolerates failures, so the parent still succeeds.
const fanOut = `{
  "StartAt": "Ship each order",
  "States": {
    "Ship each order": {"Type": "Map", "ItemsPath": "$.orders", "ToleratedFailureCount": 5,
      "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
        "StartAt": "In stock?",
        "States": {
          "In stock?": {"Type": "Choice", "Choices": [{"Variable": "$.stock", "NumericGreaterThan": 0, "Next": "Ship"}], "Default": "Out of stock"},
          "Ship": {"Type": "Pass", "End": true},
          "Out of stock": {"Type": "Fail", "Error": "OutOfStock", "Cause": "nothing left"}
        }},
      "End": true}
  }
}`

// TestMapRunsOnServe deploys and runs a Distributed Map on serve, then
// reads its Map Run (counts, tolerated failures, the plain sentence) and
// the run's child executions, all and by status.
func TestMapRunsOnServe(t *testing.T) {
	ctx := context.Background()
	c := connectServe(t)
	if _, err := c.Deploy(ctx, []byte(fanOut), sidecar.Deploy{Name: "ship-orders", RoleArn: role, Type: "STANDARD"}, DeployOptions{}); err != nil {
		t.Fatal(err)
	}
	input := `{"orders":[{"stock":1},{"stock":0},{"stock":3},{"stock":0},{"stock":2}]}`
	e, err := c.Start(ctx, "ship-orders", StartOptions{Name: "batch-1", Input: input})
	if err != nil {
		t.Fatal(err)
	}
	if got := waitStatus(t, c, e.Arn); got.Status != "SUCCEEDED" {
		t.Fatalf("parent: %+v", got)
	}
	runs, err := c.MapRuns(ctx, e.Arn)
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 1 {
		t.Fatalf("map runs: %+v", runs)
	}
	mr := runs[0]
	if mr.ExecutionArn != e.Arn || mr.Status != "SUCCEEDED" || mr.StateName != "Ship each order" || mr.ToleratedFailureCount != 5 ||
		!strings.HasSuffix(mr.StateMachineArn, "/Ship each order") || mr.StartDate == "" || mr.StopDate == "" {
		t.Errorf("map run: %+v", mr)
	}
	if got := mr.ExecutionCounts; got.Total != 5 || got.Succeeded != 3 || got.Failed != 2 {
		t.Errorf("execution counts: %+v", got)
	}
	if want := `The step "Ship each order" ran 5 child workflows: 3 succeeded, 2 failed. It tolerates 5 failures.`; mr.Summary != want {
		t.Errorf("summary:\n got %s\nwant %s", mr.Summary, want)
	}

	for _, tc := range []struct {
		status string
		want   int
	}{{"", 5}, {"FAILED", 2}, {"SUCCEEDED", 3}, {"RUNNING", 0}} {
		page, err := c.List(ctx, "", ListFilter{MapRunArn: mr.Arn, Status: tc.status})
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Executions) != tc.want {
			t.Errorf("children %q: %d, want %d", tc.status, len(page.Executions), tc.want)
		}
		for _, x := range page.Executions {
			if x.MapRunArn != mr.Arn || (tc.status != "" && x.Status != tc.status) {
				t.Errorf("child %q: %+v", tc.status, x)
			}
		}
	}

	// A child opens like any execution: described, with its own history
	// (what the diagram animates inside the Map).
	failed, err := c.List(ctx, "", ListFilter{MapRunArn: mr.Arn, Status: "FAILED"})
	if err != nil || len(failed.Executions) == 0 {
		t.Fatal(err, failed)
	}
	child, err := c.DescribeExecution(ctx, failed.Executions[0].Arn)
	if err != nil {
		t.Fatal(err)
	}
	if child.Status != "FAILED" || child.Error != "OutOfStock" || child.MapRunArn != mr.Arn || child.Input != `{"stock":0}` || child.StateMachineArn != mr.StateMachineArn {
		t.Errorf("child: %+v", child)
	}
	hist, _, err := c.FullHistory(ctx, child.Arn)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"type":"ExecutionStarted"`, `"name":"In stock?"`, `"type":"FailStateEntered"`, `"type":"ExecutionFailed"`} {
		if !strings.Contains(hist, want) {
			t.Errorf("child history lacks %s:\n%s", want, hist)
		}
	}

	// An execution without a Distributed Map has no Map Runs: an empty
	// list, not an error.
	if _, err := c.Deploy(ctx, []byte(approval), sidecar.Deploy{Name: "plain", RoleArn: role}, DeployOptions{}); err != nil {
		t.Fatal(err)
	}
	p, err := c.Start(ctx, "plain", StartOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if none, err := c.MapRuns(ctx, p.Arn); err != nil || len(none) != 0 || none == nil {
		t.Errorf("no map runs: %v %#v", err, none)
	}
}

func TestMapRunSummary(t *testing.T) {
	for _, tc := range []struct {
		mr   MapRun
		want string
	}{
		{MapRun{Status: "SUCCEEDED", ExecutionCounts: MapRunCount{Total: 10, Succeeded: 8, Failed: 2}},
			"This step ran 10 child workflows: 8 succeeded, 2 failed."},
		{MapRun{StateName: "Each", Status: "RUNNING", ExecutionCounts: MapRunCount{Total: 1, Running: 1}},
			`The step "Each" is running 1 child workflow: 1 still running.`},
		{MapRun{Status: "FAILED", ToleratedFailurePercentage: 10, ExecutionCounts: MapRunCount{Total: 4, Failed: 3, Aborted: 1}},
			"This step ran 4 child workflows: 3 failed, 1 stopped. It tolerates 10% failures."},
		{MapRun{Status: "SUCCEEDED", ItemCounts: MapRunCount{Total: 2, Succeeded: 2}},
			"This step ran 2 child workflows: 2 succeeded."},
	} {
		if got := mapRunSummary(&tc.mr); got != tc.want {
			t.Errorf("got  %s\nwant %s", got, tc.want)
		}
	}
}
