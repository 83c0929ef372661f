package cloud

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"

	"github.com/stepstudio/stepstudio/app/sidecar"
	"github.com/stepstudio/stepstudio/app/teststate"
	"github.com/stepstudio/stepstudio/schema"
)

const role = "arn:aws:iam::123456789012:role/StepFunctionsRole"

// approval waits for a callback (the task token goes out in the message),
// then passes: a failure answered to the callback makes a redrivable
// FAILED execution, and a redrive asks for the callback again.
const approval = `{
  "Comment": "Approve an order",
  "StartAt": "Ask",
  "States": {
    "Ask": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
      "Parameters": {"QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/q", "MessageBody": {"token.$": "$$.Task.Token"}},
      "Next": "Done"},
    "Done": {"Type": "Pass", "End": true}
  }
}`

// TestServeEndToEnd drives the whole cloud link against `stepstudio
// serve`: validate, deploy (create, publish, alias), update with a diff,
// refuse to overwrite a definition changed behind our back, pull, start,
// watch the history, fail, redrive, stop, list and search.
func TestServeEndToEnd(t *testing.T) {
	ctx := context.Background()
	c := connectServe(t)

	// Validate: AWS's diagnostics located in the source.
	bad := "{\n  \"StartAt\": \"A\",\n  \"States\": {\n    \"A\": {\"Type\": \"Pass\", \"Next\": \"Nowhere\"}\n  }\n}"
	v, err := c.Validate(ctx, []byte(bad), "")
	if err != nil {
		t.Fatal(err)
	}
	if v.Result != "FAIL" || len(v.Diagnostics) == 0 {
		t.Fatalf("validate: %+v", v)
	}
	located := 0
	for _, d := range v.Diagnostics {
		want := map[string]int{"/States": 3, "/States/A": 4, "/States/A/Next": 4}[d.Location]
		if want == 0 {
			continue
		}
		located++
		if d.Range.Start.Line != want {
			t.Errorf("diagnostic %s %q at %q: line %d, want %d", d.Code, d.Message, d.Location, d.Range.Start.Line, want)
		}
	}
	if located == 0 {
		t.Errorf("no diagnostic located in the definition: %+v", v.Diagnostics)
	}
	// serve answers with the studio's own validator: the same problems.
	local := schema.Validate("definition.asl.json", []byte(bad), schema.Options{}).Diagnostics
	key := func(ds []schema.Diagnostic) []string {
		var out []string
		for _, d := range ds {
			out = append(out, string(d.Severity)+" "+d.Code+" "+d.Location)
		}
		slices.Sort(out)
		return out
	}
	if got, want := key(v.Diagnostics), key(local); !slices.Equal(got, want) {
		t.Errorf("serve and the studio share the validator, yet disagree: %q vs %q", got, want)
	}
	if ok, err := c.Validate(ctx, []byte(approval), "STANDARD"); err != nil || ok.Result != "OK" {
		t.Fatalf("validate good: %v %+v", err, ok)
	}

	// Deploy a new state machine, publish it and point an alias at it.
	cfg := sidecar.Deploy{Name: "approve-order", RoleArn: role, Type: "STANDARD", Tracing: true}
	plan, err := c.PlanDeploy(ctx, []byte(approval), cfg, nil)
	if err != nil || !plan.Create {
		t.Fatalf("plan: %v %+v", err, plan)
	}
	r, err := c.Deploy(ctx, []byte(approval), cfg, DeployOptions{Alias: "prod"})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Created || r.VersionArn != r.Arn+":1" || r.AliasArn != r.Arn+":prod" || r.Pulled.Hash != Hash(approval) {
		t.Fatalf("create: %+v", r)
	}
	cfg.StateMachineArn, cfg.Pulled = r.Arn, &r.Pulled

	// Deploying the same definition again changes nothing.
	if again, err := c.Deploy(ctx, []byte(approval), cfg, DeployOptions{}); err != nil || again.Updated || !again.Plan.Same {
		t.Fatalf("same again: %v %+v", err, again)
	}

	// An update shows its diff first.
	v2 := strings.Replace(approval, `"Done": {"Type": "Pass", "End": true}`, `"Done": {"Type": "Pass", "Result": {"ok": true}, "End": true}`, 1)
	plan, err = c.PlanDeploy(ctx, []byte(v2), cfg, nil)
	if err != nil || plan.Create || plan.Same || plan.Changed || plan.Diff == nil || plan.Diff.Counts.Changed != 1 {
		t.Fatalf("plan update: %v %+v %+v", err, plan, plan.Diff)
	}
	up, err := c.Deploy(ctx, []byte(v2), cfg, DeployOptions{Alias: "prod"})
	if err != nil || !up.Updated || up.VersionArn != r.Arn+":2" || up.AliasArn != r.Arn+":prod" {
		t.Fatalf("update: %v %+v", err, up)
	}
	cfg.Pulled = &up.Pulled

	// Someone changes the deployed definition in the console: a deploy
	// from here refuses to overwrite it, unless forced.
	theirs := strings.Replace(v2, `"ok": true`, `"ok": "console"`, 1)
	if _, err := c.SFN.UpdateStateMachine(ctx, &sfn.UpdateStateMachineInput{StateMachineArn: aws.String(r.Arn), Definition: aws.String(theirs)}); err != nil {
		t.Fatal(err)
	}
	v3 := strings.Replace(v2, `"ok": true`, `"ok": "studio"`, 1)
	plan, err = c.PlanDeploy(ctx, []byte(v3), cfg, nil)
	if err != nil || !plan.Changed || plan.ChangedWhy == "" {
		t.Fatalf("changed behind our back: %v %+v", err, plan)
	}
	if _, err := c.Deploy(ctx, []byte(v3), cfg, DeployOptions{}); problemCode(err) != CodeChanged {
		t.Fatalf("deploy over a changed definition: %v", err)
	}

	// Pull takes theirs, after which a deploy goes through.
	pulled, err := c.Pull(ctx, cfg)
	if err != nil || pulled.Definition != theirs || pulled.Hash != Hash(theirs) || !pulled.Config.Tracing || pulled.Config.Name != "approve-order" {
		t.Fatalf("pull: %v %+v", err, pulled)
	}
	cfg.Pulled = pulled.Config.Pulled
	if _, err := c.Deploy(ctx, []byte(v3), cfg, DeployOptions{}); err != nil {
		t.Fatalf("deploy after pull: %v", err)
	}

	// Start by name, watch the history, fail the callback, redrive.
	e, err := c.Start(ctx, "approve-order", StartOptions{Name: "order-1", Input: `{"id":1}`})
	if err != nil || e.Status != "RUNNING" || e.Name != "order-1" || e.Input != `{"id":1}` {
		t.Fatalf("start: %v %+v", err, e)
	}
	token := waitToken(t, c, e.Arn)
	if _, err := c.SFN.SendTaskFailure(ctx, &sfn.SendTaskFailureInput{TaskToken: aws.String(token), Error: aws.String("Rejected"), Cause: aws.String("no stock")}); err != nil {
		t.Fatal(err)
	}
	if got := waitStatus(t, c, e.Arn); got.Status != "FAILED" || got.Error != "Rejected" || got.RedriveStatus != "REDRIVABLE" {
		t.Fatalf("failed: %+v", got)
	}
	hist, err := c.History(ctx, e.Arn, HistoryOptions{Reverse: true, Max: 2})
	if err != nil || len(hist.Events) != 2 || hist.NextToken == "" {
		t.Fatalf("history page: %v %+v", err, hist)
	}
	var last struct {
		ID                          int64  `json:"id"`
		Type                        string `json:"type"`
		Timestamp                   string `json:"timestamp"`
		ExecutionFailedEventDetails *struct {
			Error string `json:"error"`
		} `json:"executionFailedEventDetails"`
	}
	if err := json.Unmarshal(hist.Events[0], &last); err != nil || last.Type != "ExecutionFailed" || last.ExecutionFailedEventDetails == nil ||
		last.ExecutionFailedEventDetails.Error != "Rejected" || last.Timestamp == "" {
		t.Fatalf("newest event first, in the API's shape: %v %s", err, hist.Events[0])
	}
	if strings.Contains(string(hist.Events[0]), "null") || strings.Contains(string(hist.Events[0]), "ResultMetadata") {
		t.Errorf("event keeps SDK leftovers: %s", hist.Events[0])
	}
	since, err := c.EventsSince(ctx, e.Arn, last.ID-2)
	if err != nil || len(since) != 2 || !strings.Contains(string(since[1]), `"ExecutionFailed"`) {
		t.Fatalf("events since %d: %v %q", last.ID-2, err, since)
	}
	if none, err := c.EventsSince(ctx, e.Arn, last.ID); err != nil || len(none) != 0 {
		t.Fatalf("nothing new: %v %q", err, none)
	}
	full, n, err := c.FullHistory(ctx, e.Arn)
	if err != nil || n != int(last.ID) || !strings.HasPrefix(full, `{"events":[{`) {
		t.Fatalf("full history: %v %d events (last id %d)", err, n, last.ID)
	}
	red, err := c.Redrive(ctx, e.Arn)
	if err != nil || red.Status != "RUNNING" || red.RedriveCount != 1 {
		t.Fatalf("redrive: %v %+v", err, red)
	}
	token = waitToken(t, c, e.Arn)
	if _, err := c.SFN.SendTaskSuccess(ctx, &sfn.SendTaskSuccessInput{TaskToken: aws.String(token), Output: aws.String(`{}`)}); err != nil {
		t.Fatal(err)
	}
	if got := waitStatus(t, c, e.Arn); got.Status != "SUCCEEDED" || got.Output != `{"ok":"studio"}` {
		t.Fatalf("after redrive: %+v", got)
	}

	// Stop another one; list with a status filter and a name search.
	e2, err := c.Start(ctx, r.Arn+":prod", StartOptions{Name: "order-2"})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Stop(ctx, e2.Arn, "Cancelled", "by the test"); err != nil {
		t.Fatal(err)
	}
	if got := waitStatus(t, c, e2.Arn); got.Status != "ABORTED" {
		t.Fatalf("stopped: %+v", got)
	}
	for _, tc := range []struct {
		f    ListFilter
		want string
	}{
		{ListFilter{}, "order-2 order-1"},
		{ListFilter{Status: "aborted"}, "order-2"},
		{ListFilter{NameContains: "DER-1"}, "order-1"},
		{ListFilter{Status: "FAILED"}, ""},
		{ListFilter{Max: 1}, "order-2"},
	} {
		page, err := c.List(ctx, "approve-order", tc.f)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, x := range page.Executions {
			names = append(names, x.Name)
		}
		if got := strings.Join(names, " "); got != tc.want {
			t.Errorf("list %+v: %q, want %q", tc.f, got, tc.want)
		}
	}
	if _, err := c.Start(ctx, "no-such-machine", StartOptions{}); problemCode(err) != CodeNotFound {
		t.Errorf("start of a missing machine: %v", err)
	}
	if _, err := c.DescribeExecution(ctx, r.Arn[:strings.LastIndex(r.Arn, ":")]+":nope"); problemCode(err) == "" {
		t.Errorf("describe of a missing execution: %v", err)
	}
}

// TestServeExpressAndTestState: an EXPRESS state machine answers
// synchronously and has no history (said so); TestState goes to the
// endpoint with the host prefix turned off.
func TestServeExpressAndTestState(t *testing.T) {
	ctx := context.Background()
	c := connectServe(t)
	def := `{"StartAt":"P","States":{"P":{"Type":"Pass","Result":42,"End":true}}}`
	r, err := c.Deploy(ctx, []byte(def), sidecar.Deploy{Name: "quick", Type: "express", RoleArn: role}, DeployOptions{})
	if err != nil {
		t.Fatal(err)
	}
	e, err := c.Start(ctx, r.Arn, StartOptions{Sync: true})
	if err != nil || e.Status != "SUCCEEDED" || e.Output != "42" || !e.Express || e.HistoryNote == "" {
		t.Fatalf("sync: %v %+v", err, e)
	}
	if _, err := c.History(ctx, e.Arn, HistoryOptions{}); problemCode(err) != CodeExpressNoHistory {
		t.Fatalf("express history: %v", err)
	}
	resp, err := c.TestState(ctx, teststate.Request{Definition: json.RawMessage(`"{\"Type\":\"Pass\",\"Result\":{\"a\":1},\"End\":true}"`),
		Input: json.RawMessage(`"{}"`), InspectionLevel: "DEBUG"})
	if err != nil || resp.Status != "SUCCEEDED" || resp.Output == nil || *resp.Output != `{"a":1}` {
		t.Fatalf("test state: %v %+v", err, resp)
	}
	// A YAML definition is deployed as JSON.
	yml := "StartAt: P\nStates:\n  P:\n    Type: Pass\n    End: true\n"
	if _, err := c.Deploy(ctx, []byte(yml), sidecar.Deploy{Name: "from-yaml", RoleArn: role}, DeployOptions{}); err != nil {
		t.Fatal(err)
	}
	p, err := c.Pull(ctx, sidecar.Deploy{Name: "from-yaml"})
	if err != nil || p.Definition != `{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}` {
		t.Fatalf("yaml deployed as: %v %+v", err, p)
	}
}

// waitToken reads the callback token the workflow sent, from the
// history as the studio reads it.
func waitToken(t *testing.T, c *Client, arn string) string {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		page, err := c.History(context.Background(), arn, HistoryOptions{Reverse: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, raw := range page.Events {
			var e struct {
				Type    string `json:"type"`
				Details *struct {
					Parameters string `json:"parameters"`
				} `json:"taskScheduledEventDetails"`
			}
			_ = json.Unmarshal(raw, &e)
			if e.Type == "ExecutionRedriven" {
				break
			}
			if e.Details == nil {
				continue
			}
			var p struct{ MessageBody struct{ Token string } }
			_ = json.Unmarshal([]byte(e.Details.Parameters), &p)
			if p.MessageBody.Token != "" {
				return p.MessageBody.Token
			}
		}
	}
	t.Fatal("no token")
	return ""
}

// TestServeMapRunChildren: a Distributed Map's run is found in the
// history and its child executions are listed by its ARN.
func TestServeMapRunChildren(t *testing.T) {
	ctx := context.Background()
	c := connectServe(t)
	def := `{"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items",
	  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}`
	r, err := c.Deploy(ctx, []byte(def), sidecar.Deploy{Name: "fanout", RoleArn: role}, DeployOptions{})
	if err != nil {
		t.Fatal(err)
	}
	e, err := c.Start(ctx, r.Arn, StartOptions{Input: `{"items":[1,2,3]}`})
	if err != nil {
		t.Fatal(err)
	}
	if got := waitStatus(t, c, e.Arn); got.Status != "SUCCEEDED" {
		t.Fatalf("%+v", got)
	}
	page, err := c.History(ctx, e.Arn, HistoryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var mapRun string
	for _, raw := range page.Events {
		var ev struct {
			Details *struct {
				MapRunArn string `json:"mapRunArn"`
			} `json:"mapRunStartedEventDetails"`
		}
		_ = json.Unmarshal(raw, &ev)
		if ev.Details != nil {
			mapRun = ev.Details.MapRunArn
		}
	}
	if mapRun == "" {
		t.Fatal("no MapRunStarted event")
	}
	children, err := c.List(ctx, "", ListFilter{MapRunArn: mapRun})
	if err != nil || len(children.Executions) != 3 {
		t.Fatalf("children: %v %+v", err, children)
	}
}
