package endpoint_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/stepstudio/stepstudio/app/endpoint"
)

// noHostPrefix turns off the "sync-" host prefix the SDK puts before the
// endpoint for StartSyncExecution and TestState: sync-127.0.0.1 is no
// address, and AWS's own endpoints are the only ones with that name. The
// Go SDK has no client option for it; this Initialize step sets the flag
// its EndpointHostPrefix middleware reads.
func noHostPrefix(stack *middleware.Stack) error {
	return stack.Initialize.Add(middleware.InitializeMiddlewareFunc("StepstudioNoHostPrefix",
		func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
			return next.HandleInitialize(smithyhttp.DisableEndpointHostPrefix(ctx, true), in)
		}), middleware.Before)
}

// sdkClient points the AWS SDK for Go v2 at the server through the
// environment, as a user would: AWS_ENDPOINT_URL_SFN, dummy credentials,
// a region.
func sdkClient(t testing.TB, url string) *sfn.Client {
	t.Setenv("AWS_ENDPOINT_URL_SFN", url)
	t.Setenv("AWS_ACCESS_KEY_ID", "local")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "local")
	t.Setenv("AWS_REGION", "us-east-1")
	t.Setenv("AWS_CONFIG_FILE", "/dev/null")
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", "/dev/null")
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return sfn.NewFromConfig(cfg, func(o *sfn.Options) { o.APIOptions = append(o.APIOptions, noHostPrefix) })
}

func startServer(t testing.TB) string {
	s, err := endpoint.New(endpoint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	t.Cleanup(func() { srv.Close(); _ = s.Close() })
	return srv.URL
}

const callbackDef = `{"StartAt":"Ask","States":{
 "Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
  "Parameters":{"QueueUrl":"https://sqs.us-east-1.amazonaws.com/123456789012/q","MessageBody":{"token.$":"$$.Task.Token"}},"Next":"Done"},
 "Done":{"Type":"Pass","End":true}}}`

// TestGoSDK drives the whole life of a workflow from the AWS SDK for Go
// v2: create, start, wait for the callback (its token read from the
// history, as a worker would get it from the message), answer it, read
// the history, list, tag, validate, version, alias, StartSync, TestState,
// redrive, delete.
func TestGoSDK(t *testing.T) {
	ctx := context.Background()
	c := sdkClient(t, startServer(t))
	created, err := c.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{Name: aws.String("orders"),
		Definition: aws.String(callbackDef), RoleArn: aws.String("arn:aws:iam::123456789012:role/r")})
	if err != nil {
		t.Fatal(err)
	}
	smArn := aws.ToString(created.StateMachineArn)
	started, err := c.StartExecution(ctx, &sfn.StartExecutionInput{StateMachineArn: &smArn, Name: aws.String("o-1"), Input: aws.String(`{"id":1}`)})
	if err != nil {
		t.Fatal(err)
	}
	token := waitForToken(t, c, aws.ToString(started.ExecutionArn))
	if _, err := c.SendTaskSuccess(ctx, &sfn.SendTaskSuccessInput{TaskToken: &token, Output: aws.String(`{"approved":true}`)}); err != nil {
		t.Fatal(err)
	}
	var desc *sfn.DescribeExecutionOutput
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if desc, err = c.DescribeExecution(ctx, &sfn.DescribeExecutionInput{ExecutionArn: started.ExecutionArn}); err != nil {
			t.Fatal(err)
		}
		if desc.Status != types.ExecutionStatusRunning {
			break
		}
	}
	if desc.Status != types.ExecutionStatusSucceeded || aws.ToString(desc.Output) != `{"approved":true}` || desc.StopDate == nil {
		t.Fatalf("%s %s", desc.Status, aws.ToString(desc.Output))
	}
	hist, err := c.GetExecutionHistory(ctx, &sfn.GetExecutionHistoryInput{ExecutionArn: started.ExecutionArn})
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, e := range hist.Events {
		kinds = append(kinds, string(e.Type))
	}
	want := "ExecutionStarted TaskStateEntered TaskScheduled TaskStarted TaskSubmitted TaskSucceeded TaskStateExited PassStateEntered PassStateExited ExecutionSucceeded"
	if got := strings.Join(kinds, " "); got != want {
		t.Errorf("history:\n got %s\nwant %s", got, want)
	}
	list, err := c.ListExecutions(ctx, &sfn.ListExecutionsInput{StateMachineArn: &smArn, StatusFilter: types.ExecutionStatusSucceeded})
	if err != nil || len(list.Executions) != 1 {
		t.Fatalf("list: %v %v", err, list)
	}
	if _, err := c.TagResource(ctx, &sfn.TagResourceInput{ResourceArn: &smArn, Tags: []types.Tag{{Key: aws.String("team"), Value: aws.String("billing")}}}); err != nil {
		t.Fatal(err)
	}
	tags, err := c.ListTagsForResource(ctx, &sfn.ListTagsForResourceInput{ResourceArn: &smArn})
	if err != nil || len(tags.Tags) != 1 || aws.ToString(tags.Tags[0].Value) != "billing" {
		t.Fatalf("tags: %v %v", err, tags)
	}
	val, err := c.ValidateStateMachineDefinition(ctx, &sfn.ValidateStateMachineDefinitionInput{Definition: aws.String(`{"StartAt":"A"}`)})
	if err != nil || val.Result != types.ValidateStateMachineDefinitionResultCodeFail {
		t.Fatalf("validate: %v %v", err, val)
	}
	pub, err := c.PublishStateMachineVersion(ctx, &sfn.PublishStateMachineVersionInput{StateMachineArn: &smArn})
	if err != nil || aws.ToString(pub.StateMachineVersionArn) != smArn+":1" {
		t.Fatalf("publish: %v %v", err, pub)
	}
	al, err := c.CreateStateMachineAlias(ctx, &sfn.CreateStateMachineAliasInput{Name: aws.String("prod"),
		RoutingConfiguration: []types.RoutingConfigurationListItem{{StateMachineVersionArn: pub.StateMachineVersionArn, Weight: 100}}})
	if err != nil {
		t.Fatal(err)
	}
	viaAlias, err := c.StartExecution(ctx, &sfn.StartExecutionInput{StateMachineArn: al.StateMachineAliasArn})
	if err != nil {
		t.Fatal(err)
	}
	d2, err := c.DescribeExecution(ctx, &sfn.DescribeExecutionInput{ExecutionArn: viaAlias.ExecutionArn})
	if err != nil || aws.ToString(d2.StateMachineAliasArn) != aws.ToString(al.StateMachineAliasArn) || aws.ToString(d2.StateMachineVersionArn) != smArn+":1" {
		t.Fatalf("execution via alias: %v %+v", err, d2)
	}
	if _, err := c.StopExecution(ctx, &sfn.StopExecutionInput{ExecutionArn: viaAlias.ExecutionArn}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.RedriveExecution(ctx, &sfn.RedriveExecutionInput{ExecutionArn: viaAlias.ExecutionArn}); err != nil {
		t.Fatalf("redrive: %v", err)
	}
	express, err := c.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{Name: aws.String("quick"), Type: types.StateMachineTypeExpress,
		Definition: aws.String(`{"StartAt":"P","States":{"P":{"Type":"Pass","Result":42,"End":true}}}`), RoleArn: aws.String("arn:aws:iam::123456789012:role/r")})
	if err != nil {
		t.Fatal(err)
	}
	sync, err := c.StartSyncExecution(ctx, &sfn.StartSyncExecutionInput{StateMachineArn: express.StateMachineArn})
	if err != nil || sync.Status != types.SyncExecutionStatusSucceeded || aws.ToString(sync.Output) != "42" {
		t.Fatalf("sync: %v %+v", err, sync)
	}
	ts, err := c.TestState(ctx, &sfn.TestStateInput{Definition: aws.String(`{"Type":"Pass","Result":{"a":1},"End":true}`), Input: aws.String("{}")})
	if err != nil || ts.Status != types.TestExecutionStatusSucceeded || aws.ToString(ts.Output) != `{"a":1}` {
		t.Fatalf("test state: %v %+v", err, ts)
	}
	if _, err := c.DeleteStateMachine(ctx, &sfn.DeleteStateMachineInput{StateMachineArn: &smArn}); err != nil {
		t.Fatal(err)
	}
	_, err = c.DescribeStateMachine(ctx, &sfn.DescribeStateMachineInput{StateMachineArn: &smArn})
	var missing *types.StateMachineDoesNotExist
	if !errorsAs(err, &missing) {
		t.Fatalf("after delete: %v", err)
	}
}

// waitForToken reads the task token from the TaskScheduled event's
// parameters, where the workflow put it for its worker.
func waitForToken(t *testing.T, c *sfn.Client, execArn string) string {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		h, err := c.GetExecutionHistory(context.Background(), &sfn.GetExecutionHistoryInput{ExecutionArn: &execArn})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range h.Events {
			if e.TaskScheduledEventDetails == nil {
				continue
			}
			var p struct {
				MessageBody struct {
					Token string `json:"token"`
				}
			}
			if err := json.Unmarshal([]byte(aws.ToString(e.TaskScheduledEventDetails.Parameters)), &p); err != nil {
				t.Fatal(err)
			}
			if p.MessageBody.Token != "" {
				return p.MessageBody.Token
			}
		}
	}
	t.Fatal("no TaskScheduled event with a token")
	return ""
}

const fivePasses = `{"StartAt":"S1","States":{
 "S1":{"Type":"Pass","Next":"S2"},"S2":{"Type":"Pass","Next":"S3"},"S3":{"Type":"Pass","Next":"S4"},
 "S4":{"Type":"Pass","Next":"S5"},"S5":{"Type":"Pass","End":true}}}`

// BenchmarkStartDescribe: StartExecution + DescribeExecution round trips
// of a 5-state Pass workflow from the Go SDK over loopback HTTP. The
// figure to read is ms/1000rt (the target: under 2,000).
func BenchmarkStartDescribe(b *testing.B) {
	ctx := context.Background()
	c := sdkClient(b, startServer(b))
	created, err := c.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{Name: aws.String("bench"),
		Definition: aws.String(fivePasses), RoleArn: aws.String("arn:aws:iam::123456789012:role/r")})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	start := time.Now()
	for i := 0; b.Loop(); i++ {
		out, err := c.StartExecution(ctx, &sfn.StartExecutionInput{StateMachineArn: created.StateMachineArn, Input: aws.String(`{"i":1}`)})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := c.DescribeExecution(ctx, &sfn.DescribeExecutionInput{ExecutionArn: out.ExecutionArn}); err != nil {
			b.Fatal(err)
		}
	}
	per := time.Since(start) / time.Duration(max(b.N, 1))
	b.ReportMetric(float64(per.Microseconds()), "ms/1000rt") // µs per trip = ms per 1,000
	fmt.Printf("StartDescribe: 1,000 StartExecution+DescribeExecution round trips take %.0f ms (%d measured)\n", float64(per.Microseconds()), b.N)
}
