package cloud

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
)

// Execution is an execution as DescribeExecution (or a list) gives it,
// in the API's JSON spelling.
type Execution struct {
	Arn             string `json:"executionArn"`
	StateMachineArn string `json:"stateMachineArn"`
	Name            string `json:"name"`
	Status          string `json:"status"`
	StartDate       string `json:"startDate,omitempty"`
	StopDate        string `json:"stopDate,omitempty"`
	Input           string `json:"input,omitempty"`
	Output          string `json:"output,omitempty"`
	Error           string `json:"error,omitempty"`
	Cause           string `json:"cause,omitempty"`
	MapRunArn       string `json:"mapRunArn,omitempty"`
	RedriveCount    int32  `json:"redriveCount,omitempty"`
	RedriveStatus   string `json:"redriveStatus,omitempty"`
	// RedriveStatusReason says why it cannot be redriven.
	RedriveStatusReason string `json:"redriveStatusReason,omitempty"`
	// Express is true for an EXPRESS execution: AWS keeps no history of
	// its steps (HistoryNote says what to do instead).
	Express     bool   `json:"express,omitempty"`
	HistoryNote string `json:"historyNote,omitempty"`
}

// expressNote is why an EXPRESS execution shows no steps.
const expressNote = "AWS keeps no step-by-step history of Express executions: only the result above. To see their steps, turn on logging to CloudWatch Logs (level ALL) in the deploy settings."

// IsExpress reports an EXPRESS execution's ARN (arn:aws:states:R:A:express:...).
func IsExpress(executionArn string) bool {
	parts := strings.Split(executionArn, ":")
	return len(parts) > 5 && parts[5] == "express"
}

// StartOptions start an execution.
type StartOptions struct {
	// Name is the execution's name; "" lets AWS pick one.
	Name string `json:"name,omitempty"`
	// Input is the JSON input text; "" is {}.
	Input string `json:"input,omitempty"`
	// Sync runs an EXPRESS state machine to its end and answers with the
	// result (StartSyncExecution).
	Sync bool `json:"sync,omitempty"`
}

// Start starts an execution of machine (an ARN, a version's or alias's
// ARN, or a state machine's name).
func (c *Client) Start(ctx context.Context, machine string, o StartOptions) (*Execution, error) {
	arn, err := c.mustResolve(ctx, machine)
	if err != nil {
		return nil, err
	}
	if o.Input != "" && !json.Valid([]byte(o.Input)) {
		return nil, &Problem{Code: CodeInvalidInput, Title: "The input is not JSON.", Action: "Give the input as a JSON document, such as {}."}
	}
	var name, input *string
	if o.Name != "" {
		name = aws.String(o.Name)
	}
	if o.Input != "" {
		input = aws.String(o.Input)
	}
	if o.Sync {
		out, err := c.SFN.StartSyncExecution(ctx, &sfn.StartSyncExecutionInput{StateMachineArn: aws.String(arn), Name: name, Input: input})
		if err != nil {
			return nil, explain(err)
		}
		e := &Execution{Arn: aws.ToString(out.ExecutionArn), StateMachineArn: arn, Name: aws.ToString(out.Name), Status: string(out.Status),
			StartDate: stamp(out.StartDate), StopDate: stamp(out.StopDate), Input: aws.ToString(out.Input), Output: aws.ToString(out.Output),
			Error: aws.ToString(out.Error), Cause: aws.ToString(out.Cause), Express: true, HistoryNote: expressNote}
		return e, nil
	}
	out, err := c.SFN.StartExecution(ctx, &sfn.StartExecutionInput{StateMachineArn: aws.String(arn), Name: name, Input: input})
	if err != nil {
		return nil, explain(err)
	}
	return c.DescribeExecution(ctx, aws.ToString(out.ExecutionArn))
}

// DescribeExecution reads an execution's status, input and result.
func (c *Client) DescribeExecution(ctx context.Context, arn string) (*Execution, error) {
	if err := c.checkRegion(arn); err != nil {
		return nil, err
	}
	out, err := c.SFN.DescribeExecution(ctx, &sfn.DescribeExecutionInput{ExecutionArn: aws.String(arn)})
	if err != nil {
		return nil, explain(err)
	}
	e := &Execution{Arn: aws.ToString(out.ExecutionArn), StateMachineArn: aws.ToString(out.StateMachineArn), Name: aws.ToString(out.Name),
		Status: string(out.Status), StartDate: stamp(out.StartDate), StopDate: stamp(out.StopDate), Input: aws.ToString(out.Input),
		Output: aws.ToString(out.Output), Error: aws.ToString(out.Error), Cause: aws.ToString(out.Cause), MapRunArn: aws.ToString(out.MapRunArn),
		RedriveCount: aws.ToInt32(out.RedriveCount), RedriveStatus: string(out.RedriveStatus), RedriveStatusReason: aws.ToString(out.RedriveStatusReason)}
	if IsExpress(e.Arn) {
		e.Express, e.HistoryNote = true, expressNote
	}
	return e, nil
}

// Stop stops a running execution with an optional error and cause.
func (c *Client) Stop(ctx context.Context, arn, errName, cause string) error {
	if err := c.checkRegion(arn); err != nil {
		return err
	}
	in := &sfn.StopExecutionInput{ExecutionArn: aws.String(arn)}
	if errName != "" {
		in.Error = aws.String(errName)
	}
	if cause != "" {
		in.Cause = aws.String(cause)
	}
	_, err := c.SFN.StopExecution(ctx, in)
	return explain(err)
}

// Redrive restarts a failed, timed-out or stopped execution from where it
// stopped; it answers with the execution as it is then.
func (c *Client) Redrive(ctx context.Context, arn string) (*Execution, error) {
	if err := c.checkRegion(arn); err != nil {
		return nil, err
	}
	if _, err := c.SFN.RedriveExecution(ctx, &sfn.RedriveExecutionInput{ExecutionArn: aws.String(arn)}); err != nil {
		return nil, explain(err)
	}
	return c.DescribeExecution(ctx, arn)
}

// ListFilter picks executions to list.
type ListFilter struct {
	// Status is RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED,
	// PENDING_REDRIVE or "" for all.
	Status string `json:"status,omitempty"`
	// NameContains keeps executions whose name contains it (any case);
	// AWS has no such filter, so pages are read until Max match.
	NameContains string `json:"nameContains,omitempty"`
	// Max is how many to return (0 means 50).
	Max int `json:"max,omitempty"`
	// NextToken continues a previous list.
	NextToken string `json:"nextToken,omitempty"`
	// MapRunArn lists a Map Run's child executions instead.
	MapRunArn string `json:"mapRunArn,omitempty"`
}

// ExecutionPage is one page of a list.
type ExecutionPage struct {
	Executions []Execution `json:"executions"`
	NextToken  string      `json:"nextToken,omitempty"`
}

// maxSearchPages caps the pages read looking for a name, so a search in
// an account of millions of executions ends.
const maxSearchPages = 20

// List lists the executions of machine (name or ARN), newest first.
func (c *Client) List(ctx context.Context, machine string, f ListFilter) (*ExecutionPage, error) {
	in := &sfn.ListExecutionsInput{}
	if f.MapRunArn != "" {
		in.MapRunArn = aws.String(f.MapRunArn)
	} else {
		arn, err := c.mustResolve(ctx, machine)
		if err != nil {
			return nil, err
		}
		in.StateMachineArn = aws.String(arn)
	}
	if f.Status != "" {
		in.StatusFilter = types.ExecutionStatus(strings.ToUpper(f.Status))
	}
	if f.Max <= 0 {
		f.Max = 50
	}
	if f.NextToken != "" {
		in.NextToken = aws.String(f.NextToken)
	}
	page := &ExecutionPage{Executions: []Execution{}}
	needle := strings.ToLower(f.NameContains)
	for reads := 0; ; reads++ {
		in.MaxResults = int32(min(f.Max-len(page.Executions), 1000))
		if needle != "" {
			in.MaxResults = 100
		}
		out, err := c.SFN.ListExecutions(ctx, in)
		if err != nil {
			return nil, explain(err)
		}
		for _, x := range out.Executions {
			if needle != "" && !strings.Contains(strings.ToLower(aws.ToString(x.Name)), needle) {
				continue
			}
			page.Executions = append(page.Executions, Execution{Arn: aws.ToString(x.ExecutionArn), StateMachineArn: aws.ToString(x.StateMachineArn),
				Name: aws.ToString(x.Name), Status: string(x.Status), StartDate: stamp(x.StartDate), StopDate: stamp(x.StopDate),
				MapRunArn: aws.ToString(x.MapRunArn), RedriveCount: aws.ToInt32(x.RedriveCount), Express: IsExpress(aws.ToString(x.ExecutionArn))})
		}
		page.NextToken = aws.ToString(out.NextToken)
		if page.NextToken == "" || len(page.Executions) >= f.Max || reads+1 >= maxSearchPages {
			return page, nil
		}
		in.NextToken = out.NextToken
	}
}

// HistoryOptions page through a history.
type HistoryOptions struct {
	// Reverse lists newest first: for a long history, the end (where it
	// failed) comes in the first page.
	Reverse bool `json:"reverse,omitempty"`
	// Max is the page size (0 means 1000, AWS's largest).
	Max       int    `json:"max,omitempty"`
	NextToken string `json:"nextToken,omitempty"`
}

// HistoryPage is one page of events, each in the API's JSON shape (the
// studio's run-history shape).
type HistoryPage struct {
	Events    []json.RawMessage `json:"events"`
	NextToken string            `json:"nextToken,omitempty"`
}

// History reads one page of an execution's history. EXPRESS executions
// have none: the Problem (CodeExpressNoHistory) says so.
func (c *Client) History(ctx context.Context, arn string, o HistoryOptions) (*HistoryPage, error) {
	if IsExpress(arn) {
		return nil, &Problem{Code: CodeExpressNoHistory, Title: "Express executions have no step-by-step history in AWS.",
			Action: "Look at the execution's result, or turn on logging to CloudWatch Logs (level ALL) to see its steps there."}
	}
	if err := c.checkRegion(arn); err != nil {
		return nil, err
	}
	in := &sfn.GetExecutionHistoryInput{ExecutionArn: aws.String(arn), ReverseOrder: o.Reverse, MaxResults: 1000}
	if o.Max > 0 {
		in.MaxResults = int32(min(o.Max, 1000))
	}
	if o.NextToken != "" {
		in.NextToken = aws.String(o.NextToken)
	}
	out, err := c.SFN.GetExecutionHistory(ctx, in)
	if err != nil {
		return nil, explain(err)
	}
	page := &HistoryPage{Events: make([]json.RawMessage, 0, len(out.Events)), NextToken: aws.ToString(out.NextToken)}
	for _, e := range out.Events {
		raw, err := wire(e)
		if err != nil {
			return nil, fmt.Errorf("history event %d: %w", e.Id, err)
		}
		page.Events = append(page.Events, raw)
	}
	return page, nil
}

// maxHistoryEvents caps a whole history read at AWS's own limit of events
// per execution.
const maxHistoryEvents = 25000

// FullHistory reads every page of a history, oldest first, as
// {"events":[...]} text: what the run store imports.
func (c *Client) FullHistory(ctx context.Context, arn string) (string, int, error) {
	var all []json.RawMessage
	o := HistoryOptions{}
	for {
		page, err := c.History(ctx, arn, o)
		if err != nil {
			return "", 0, err
		}
		all = append(all, page.Events...)
		if page.NextToken == "" || len(all) >= maxHistoryEvents {
			break
		}
		o.NextToken = page.NextToken
	}
	b, err := json.Marshal(struct {
		Events []json.RawMessage `json:"events"`
	}{all})
	return string(b), len(all), err
}

// EventsSince is the events of an execution after event id after, oldest
// first: what a watcher polling a running execution has not seen yet. It
// reads the history newest first and stops at the first event it has
// seen, so each poll costs one page however long the history is.
func (c *Client) EventsSince(ctx context.Context, arn string, after int64) ([]json.RawMessage, error) {
	var newest []json.RawMessage
	o := HistoryOptions{Reverse: true, Max: 200}
	for {
		page, err := c.History(ctx, arn, o)
		if err != nil {
			return nil, err
		}
		for _, raw := range page.Events {
			var e struct {
				ID int64 `json:"id"`
			}
			if err := json.Unmarshal(raw, &e); err != nil {
				return nil, err
			}
			if e.ID <= after {
				return oldestFirst(newest), nil
			}
			newest = append(newest, raw)
		}
		if page.NextToken == "" || len(newest) >= maxHistoryEvents {
			return oldestFirst(newest), nil
		}
		o.NextToken = page.NextToken
	}
}

func oldestFirst(evs []json.RawMessage) []json.RawMessage {
	out := make([]json.RawMessage, len(evs))
	for i, e := range evs {
		out[len(evs)-1-i] = e
	}
	return out
}
