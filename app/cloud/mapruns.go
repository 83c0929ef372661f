package cloud

import (
	"context"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
)

// MapRun is one Distributed Map's run inside an execution, as
// ListMapRuns and DescribeMapRun give it together, in the API's JSON
// spelling, with a sentence for people who do not read counts.
type MapRun struct {
	Arn          string `json:"mapRunArn"`
	ExecutionArn string `json:"executionArn"`
	// StateMachineArn is the children's: the parent's ARN with the Map's
	// label (arn:...:stateMachine:parent/Label).
	StateMachineArn string `json:"stateMachineArn"`
	// StateName is the Map state's label, read from StateMachineArn: the
	// label is the state's name unless the Map has a Label field.
	StateName                  string      `json:"stateName,omitempty"`
	Status                     string      `json:"status"`
	StartDate                  string      `json:"startDate,omitempty"`
	StopDate                   string      `json:"stopDate,omitempty"`
	MaxConcurrency             int32       `json:"maxConcurrency"`
	ToleratedFailurePercentage float32     `json:"toleratedFailurePercentage"`
	ToleratedFailureCount      int64       `json:"toleratedFailureCount"`
	ItemCounts                 MapRunCount `json:"itemCounts"`
	ExecutionCounts            MapRunCount `json:"executionCounts"`
	RedriveCount               int32       `json:"redriveCount,omitempty"`
	// Summary says it in plain words: "This step ran 10 child workflows:
	// 8 succeeded, 2 failed."
	Summary string `json:"summary"`
}

// MapRunCount counts a Map Run's items or child executions by status.
type MapRunCount struct {
	Pending        int64 `json:"pending"`
	Running        int64 `json:"running"`
	Succeeded      int64 `json:"succeeded"`
	Failed         int64 `json:"failed"`
	TimedOut       int64 `json:"timedOut"`
	Aborted        int64 `json:"aborted"`
	Total          int64 `json:"total"`
	ResultsWritten int64 `json:"resultsWritten"`
}

// maxMapRuns caps the Map Runs read of one execution: a workflow has few
// Distributed Maps, but one inside a loop runs once a turn.
const maxMapRuns = 1000

// MapRuns lists the Distributed Map runs of an execution, each described
// (counts by status, tolerated failures), oldest first as AWS lists them.
func (c *Client) MapRuns(ctx context.Context, executionArn string) ([]MapRun, error) {
	if err := c.checkRegion(executionArn); err != nil {
		return nil, err
	}
	in := &sfn.ListMapRunsInput{ExecutionArn: aws.String(executionArn), MaxResults: 1000}
	runs := []MapRun{}
	for {
		out, err := c.SFN.ListMapRuns(ctx, in)
		if err != nil {
			return nil, explain(err)
		}
		for _, it := range out.MapRuns {
			mr, err := c.DescribeMapRun(ctx, aws.ToString(it.MapRunArn))
			if err != nil {
				return nil, err
			}
			if mr.StateMachineArn = aws.ToString(it.StateMachineArn); mr.StateName == "" {
				mr.StateName = mapLabel(mr.StateMachineArn)
			}
			runs = append(runs, *mr)
		}
		if out.NextToken == nil || len(runs) >= maxMapRuns {
			return runs, nil
		}
		in.NextToken = out.NextToken
	}
}

// DescribeMapRun reads one Map Run: its status, limits and counts.
func (c *Client) DescribeMapRun(ctx context.Context, mapRunArn string) (*MapRun, error) {
	if err := c.checkRegion(mapRunArn); err != nil {
		return nil, err
	}
	out, err := c.SFN.DescribeMapRun(ctx, &sfn.DescribeMapRunInput{MapRunArn: aws.String(mapRunArn)})
	if err != nil {
		return nil, explain(err)
	}
	mr := &MapRun{Arn: aws.ToString(out.MapRunArn), ExecutionArn: aws.ToString(out.ExecutionArn), Status: string(out.Status),
		StartDate: stamp(out.StartDate), StopDate: stamp(out.StopDate), MaxConcurrency: out.MaxConcurrency,
		ToleratedFailurePercentage: out.ToleratedFailurePercentage, ToleratedFailureCount: out.ToleratedFailureCount,
		ItemCounts: itemCount(out.ItemCounts), ExecutionCounts: executionCount(out.ExecutionCounts), RedriveCount: aws.ToInt32(out.RedriveCount)}
	mr.StateName = mapRunLabel(mr.Arn)
	mr.Summary = mapRunSummary(mr)
	return mr, nil
}

func itemCount(c *types.MapRunItemCounts) MapRunCount {
	if c == nil {
		return MapRunCount{}
	}
	return MapRunCount{Pending: c.Pending, Running: c.Running, Succeeded: c.Succeeded, Failed: c.Failed,
		TimedOut: c.TimedOut, Aborted: c.Aborted, Total: c.Total, ResultsWritten: c.ResultsWritten}
}

func executionCount(c *types.MapRunExecutionCounts) MapRunCount {
	if c == nil {
		return MapRunCount{}
	}
	return MapRunCount{Pending: c.Pending, Running: c.Running, Succeeded: c.Succeeded, Failed: c.Failed,
		TimedOut: c.TimedOut, Aborted: c.Aborted, Total: c.Total, ResultsWritten: c.ResultsWritten}
}

// mapRunLabel reads the Map's label from a Map Run ARN:
// arn:aws:states:R:A:mapRun:MACHINE/LABEL:ID.
func mapRunLabel(arn string) string {
	_, rest, ok := strings.Cut(arn, ":mapRun:")
	if !ok {
		return ""
	}
	if j := strings.LastIndexByte(rest, ':'); j >= 0 {
		rest = rest[:j]
	}
	return mapLabel(rest)
}

// mapLabel is what follows the first "/" (MACHINE/LABEL).
func mapLabel(s string) string {
	if _, label, ok := strings.Cut(s, "/"); ok {
		return label
	}
	return ""
}

// mapRunSummary is the Map Run in one plain sentence. Child workflows are
// counted (ExecutionCounts), not items: with an ItemBatcher one child
// takes many items.
func mapRunSummary(mr *MapRun) string {
	c := mr.ExecutionCounts
	if c.Total == 0 {
		c = mr.ItemCounts
	}
	step := "This step"
	if mr.StateName != "" {
		step = fmt.Sprintf("The step %q", mr.StateName)
	}
	verb := "ran"
	if mr.Status == "RUNNING" {
		verb = "is running"
	}
	var parts []string
	for _, p := range []struct {
		n    int64
		word string
	}{{c.Succeeded, "succeeded"}, {c.Failed, "failed"}, {c.TimedOut, "timed out"}, {c.Aborted, "stopped"}, {c.Running, "still running"}, {c.Pending, "waiting to start"}} {
		if p.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", p.n, p.word))
		}
	}
	s := fmt.Sprintf("%s %s %d child %s", step, verb, c.Total, plural(c.Total, "workflow", "workflows"))
	if len(parts) > 0 {
		s += ": " + strings.Join(parts, ", ")
	}
	s += "."
	if bad := c.Failed + c.TimedOut + c.Aborted; bad > 0 && (mr.ToleratedFailureCount > 0 || mr.ToleratedFailurePercentage > 0) {
		s += fmt.Sprintf(" It tolerates %s.", tolerance(mr))
	}
	return s
}

func tolerance(mr *MapRun) string {
	var t []string
	if mr.ToleratedFailureCount > 0 {
		t = append(t, fmt.Sprintf("%d %s", mr.ToleratedFailureCount, plural(mr.ToleratedFailureCount, "failure", "failures")))
	}
	if mr.ToleratedFailurePercentage > 0 {
		t = append(t, fmt.Sprintf("%g%% failures", mr.ToleratedFailurePercentage))
	}
	return strings.Join(t, " or ")
}

func plural(n int64, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
