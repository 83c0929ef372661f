package cli_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/app/cli"
)

// fanOutFlow is a Distributed Map whose children fail on odd items,
// tolerated by the Map.
const fanOutFlow = `{
  "StartAt": "Each",
  "States": {
    "Each": {"Type": "Map", "ItemsPath": "$.items", "ToleratedFailurePercentage": 50,
      "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
        "StartAt": "Odd?",
        "States": {
          "Odd?": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericEquals": 1, "Next": "Bad"}], "Default": "Good"},
          "Good": {"Type": "Pass", "End": true},
          "Bad": {"Type": "Fail", "Error": "Odd"}
        }},
      "End": true}
  }
}`

// TestExecutionsMapRunsCLI: map-runs lists an execution's Map Runs with
// their counts (text and JSON), and list --map-run its children.
func TestExecutionsMapRunsCLI(t *testing.T) {
	cloudEnv(t)
	dir := t.TempDir()
	flow := filepath.Join(dir, "fan.asl.json")
	writeTest(t, flow, fanOutFlow)
	if code, out, errs := runCLI("deploy", flow, "--role", "arn:aws:iam::123456789012:role/r"); code != cli.ExitOK {
		t.Fatalf("deploy: exit %d\n%s%s", code, out, errs)
	}
	in := filepath.Join(dir, "in.json")
	writeTest(t, in, `{"items":[{"n":0},{"n":1},{"n":0}]}`)
	code, out, errs := runCLI("executions", "start", "--flow", flow, "--input", in, "--wait", "--format", "json")
	if code != cli.ExitOK {
		t.Fatalf("start: exit %d\n%s%s", code, out, errs)
	}
	var e struct{ ExecutionArn string }
	if err := json.Unmarshal([]byte(out), &e); err != nil || e.ExecutionArn == "" {
		t.Fatalf("start json: %v %s", err, out)
	}

	code, out, errs = runCLI("executions", "map-runs", e.ExecutionArn)
	if code != cli.ExitOK || !strings.Contains(out, `The step "Each" ran 3 child workflows: 2 succeeded, 1 failed. It tolerates `) || !strings.Contains(out, "50% failures") ||
		!strings.Contains(out, "executions list --map-run arn:aws:states:") {
		t.Fatalf("map-runs: exit %d\n%s%s", code, out, errs)
	}
	code, out, _ = runCLI("executions", "map-runs", e.ExecutionArn, "--format", "json")
	var runs struct {
		MapRuns []struct {
			MapRunArn       string
			Status          string
			ExecutionCounts struct{ Total, Failed int }
		}
	}
	if err := json.Unmarshal([]byte(out), &runs); code != cli.ExitOK || err != nil || len(runs.MapRuns) != 1 ||
		runs.MapRuns[0].ExecutionCounts.Total != 3 || runs.MapRuns[0].ExecutionCounts.Failed != 1 {
		t.Fatalf("map-runs json: exit %d %v\n%s", code, err, out)
	}
	code, out, _ = runCLI("executions", "list", "--map-run", runs.MapRuns[0].MapRunArn, "--status", "FAILED")
	if code != cli.ExitOK || strings.Count(out, "FAILED") != 1 {
		t.Fatalf("children: exit %d\n%s", code, out)
	}

	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"executions", "map-runs"}, cli.ExitUsage, "one execution ARN"},
		{[]string{"executions", "map-runs", e.ExecutionArn, "--status", "FAILED"}, cli.ExitUsage, "status"},
		{[]string{"executions", "map-runs", strings.Replace(e.ExecutionArn, "fan:", "nope:", 1)}, cli.ExitFail, "no such"},
	} {
		if code, _, errs := runCLI(tc.args...); code != tc.code || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, want %d with %q\n%s", tc.args, code, tc.code, tc.want, errs)
		}
	}
}
