// Package sample answers Task states with generated results shaped like
// the service's response, so a workflow can be tried before any mock is
// written ("Try it"). The answers are deterministic: the same state and
// input give the same ids, so runs compare.
//
// The shapes follow the output examples in the AWS Step Functions
// developer guide's pages on optimized integrations
// (docs.aws.amazon.com/step-functions/latest/dg/connect-*.html) and the
// service API references named per entry below. Only the keys a workflow
// is likely to read are filled; the values are plausible, not real.
package sample

import (
	"context"
	"strings"

	"github.com/google/uuid"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// Invoker answers every Task with Answer. It never returns ErrNoHandler,
// so put it after mocks (the engine asks mocks first) and before anything
// that would wait for a hand answer.
var Invoker engine.Invoker = engine.InvokerFunc(func(_ context.Context, req engine.TaskRequest) (any, error) {
	return Answer(req.State, req.Resource, req.Input), nil
})

// Answer returns a generated result for a Task calling resource with the
// effective input in.
func Answer(state, resource string, in any) any {
	base, pattern := split(resource)
	g := gen{state: state, resource: resource, in: in}
	if pattern == ".waitForTaskToken" {
		// The result is whatever the worker sends to SendTaskSuccess:
		// here the payload it was given, without the token.
		return g.callback()
	}
	if strings.HasPrefix(base, "arn:aws:states:::aws-sdk:") {
		// SDK integrations return the API's own output (PascalCase); we
		// know the shape of a few, {} for the rest.
		if f, ok := sdk[strings.TrimPrefix(base, "arn:aws:states:::aws-sdk:")]; ok {
			return f(g)
		}
		return map[string]any{}
	}
	if isLambdaARN(base) {
		// A Lambda called by its ARN returns the function's payload
		// itself (developer guide, "Invoke Lambda": Resource as a
		// function ARN): the echo of its input.
		return copyOf(in)
	}
	if f, ok := optimized[strings.TrimPrefix(base, "arn:aws:states:::")+pattern]; ok && strings.HasPrefix(base, "arn:aws:states:::") {
		return f(g)
	}
	if f, ok := optimized[strings.TrimPrefix(base, "arn:aws:states:::")]; ok && strings.HasPrefix(base, "arn:aws:states:::") {
		return f(g)
	}
	return map[string]any{}
}

// optimized maps "service:api" (with ".sync"/".sync:2" where the shape
// differs) to its generated response. Sources:
//   - lambda:invoke: connect-lambda.html; Lambda API_Invoke (ExecutedVersion,
//     StatusCode) with the Payload parsed to JSON; Step Functions adds
//     SdkHttpMetadata and SdkResponseMetadata to every optimized response.
//   - sns:publish: connect-sns.html; SNS API_Publish (MessageId).
//   - sqs:sendMessage: connect-sqs.html; SQS API_SendMessage
//     (MD5OfMessageBody, MessageId).
//   - dynamodb:*: connect-ddb.html; DynamoDB API_GetItem (Item),
//     API_PutItem/UpdateItem/DeleteItem (no body unless ReturnValues).
//   - events:putEvents: connect-eventbridge.html; API_PutEvents (Entries,
//     FailedEntryCount).
//   - states:startExecution: connect-stepfunctions.html (ExecutionArn,
//     StartDate; .sync adds Status, Output, StopDate…; .sync:2 parses Output).
//   - ecs:runTask: connect-ecs.html; ECS API_RunTask (Tasks, Failures).
//   - glue:startJobRun: connect-glue.html (JobRunId; .sync: the JobRun).
//   - batch:submitJob: connect-batch.html (JobId, JobName, JobArn).
//   - http:invoke: connect-third-party-apis.html (ResponseBody, StatusCode,
//     StatusText, Headers).
var optimized = map[string]func(gen) any{
	"lambda:invoke": func(g gen) any {
		return g.sdkMeta(map[string]any{"ExecutedVersion": "$LATEST", "Payload": g.field("Payload"), "StatusCode": int64(200)})
	},
	"sns:publish": func(g gen) any { return g.sdkMeta(map[string]any{"MessageId": g.id("message")}) },
	"sqs:sendMessage": func(g gen) any {
		return g.sdkMeta(map[string]any{"MD5OfMessageBody": strings.ReplaceAll(g.id("md5"), "-", ""), "MessageId": g.id("message")})
	},
	"dynamodb:getItem": func(g gen) any {
		item, _ := g.field("Key").(map[string]any)
		if item == nil {
			item = map[string]any{}
		}
		return g.sdkMeta(map[string]any{"Item": item})
	},
	"dynamodb:putItem":    func(g gen) any { return g.sdkMeta(map[string]any{}) },
	"dynamodb:updateItem": func(g gen) any { return g.sdkMeta(map[string]any{}) },
	"dynamodb:deleteItem": func(g gen) any { return g.sdkMeta(map[string]any{}) },
	"events:putEvents": func(g gen) any {
		return g.sdkMeta(map[string]any{"Entries": []any{map[string]any{"EventId": g.id("event")}}, "FailedEntryCount": int64(0)})
	},
	"states:startExecution": func(g gen) any {
		return g.sdkMeta(map[string]any{"ExecutionArn": g.executionArn(), "StartDate": int64(1700000000000)})
	},
	"states:startExecution.sync":   func(g gen) any { return g.childRun(false) },
	"states:startExecution.sync:2": func(g gen) any { return g.childRun(true) },
	"ecs:runTask": func(g gen) any {
		return g.sdkMeta(map[string]any{"Failures": []any{}, "Tasks": []any{g.ecsTask("PROVISIONING")}})
	},
	"ecs:runTask.sync": func(g gen) any {
		return g.sdkMeta(map[string]any{"Failures": []any{}, "Tasks": []any{g.ecsTask("STOPPED")}})
	},
	"glue:startJobRun": func(g gen) any { return g.sdkMeta(map[string]any{"JobRunId": g.id("jobrun")}) },
	"glue:startJobRun.sync": func(g gen) any {
		return g.sdkMeta(map[string]any{"Id": g.id("jobrun"), "JobName": g.str("JobName"), "JobRunState": "SUCCEEDED", "Attempt": int64(0)})
	},
	"batch:submitJob": func(g gen) any {
		id := g.id("job")
		return g.sdkMeta(map[string]any{"JobId": id, "JobName": g.str("JobName"), "JobArn": "arn:aws:batch:us-east-1:123456789012:job/" + id})
	},
	"http:invoke": func(g gen) any {
		return map[string]any{"ResponseBody": map[string]any{}, "StatusCode": int64(200), "StatusText": "OK",
			"Headers": map[string]any{"content-type": []any{"application/json"}}}
	},
}

// sdk maps "service:api" of aws-sdk integrations to a response in the
// API's own shape (the service's API reference, output section).
var sdk = map[string]func(gen) any{
	// S3 API_GetObject: Body is the object's text; API_PutObject: ETag.
	"s3:getObject": func(g gen) any {
		return map[string]any{"Body": "", "ContentLength": int64(0), "ContentType": "application/json", "ETag": `"` + g.id("etag") + `"`}
	},
	"s3:putObject": func(g gen) any { return map[string]any{"ETag": `"` + g.id("etag") + `"`} },
}

type gen struct {
	state, resource string
	in              any
}

// id is a stable UUID for this task, input and purpose.
func (g gen) id(purpose string) string {
	return uuid.NewSHA1(uuid.NameSpaceOID, []byte(g.state+"\x00"+g.resource+"\x00"+purpose+"\x00"+engine.EncodeJSON(g.in))).String()
}

// field is the input's field copied, {} when absent.
func (g gen) field(name string) any {
	if m, ok := g.in.(map[string]any); ok {
		if v, ok := m[name]; ok {
			return copyOf(v)
		}
	}
	return map[string]any{}
}

func (g gen) str(name string) string {
	if s, ok := g.field(name).(string); ok {
		return s
	}
	return g.state
}

// sdkMeta adds what Step Functions adds to optimized integrations'
// responses (seen in the developer guide's output examples).
func (g gen) sdkMeta(out map[string]any) map[string]any {
	rid := g.id("request")
	out["SdkHttpMetadata"] = map[string]any{
		"AllHttpHeaders": map[string]any{"Content-Type": []any{"application/json"}, "x-amzn-RequestId": []any{rid}},
		"HttpHeaders":    map[string]any{"Content-Type": "application/json", "x-amzn-RequestId": rid},
		"HttpStatusCode": int64(200),
	}
	out["SdkResponseMetadata"] = map[string]any{"RequestId": rid}
	return out
}

func (g gen) executionArn() string {
	sm, _ := g.field("StateMachineArn").(string)
	name := g.id("execution")
	if strings.Contains(sm, ":stateMachine:") {
		return strings.Replace(sm, ":stateMachine:", ":execution:", 1) + ":" + name
	}
	return "arn:aws:states:us-east-1:123456789012:execution:child:" + name
}

// childRun is a .sync child execution's DescribeExecution: its output is
// its input (Output as text for .sync, parsed JSON for .sync:2).
func (g gen) childRun(parsed bool) any {
	input := g.field("Input")
	var output any = engine.EncodeJSON(input)
	if parsed {
		output = input
	}
	arn := g.executionArn()
	out := map[string]any{"ExecutionArn": arn, "Input": engine.EncodeJSON(input), "Output": output,
		"Name": arn[strings.LastIndex(arn, ":")+1:], "StartDate": int64(1700000000000), "StopDate": int64(1700000001000),
		"StateMachineArn": g.field("StateMachineArn"), "Status": "SUCCEEDED"}
	if parsed {
		out["InputDetails"] = map[string]any{"Included": true}
		out["OutputDetails"] = map[string]any{"Included": true}
		out["Input"] = input
	}
	return g.sdkMeta(out)
}

func (g gen) ecsTask(status string) map[string]any {
	cluster, _ := g.field("Cluster").(string)
	if cluster == "" {
		cluster = "arn:aws:ecs:us-east-1:123456789012:cluster/default"
	}
	return map[string]any{"ClusterArn": cluster, "TaskArn": "arn:aws:ecs:us-east-1:123456789012:task/" + g.id("task"),
		"TaskDefinitionArn": g.field("TaskDefinition"), "LastStatus": status, "DesiredStatus": "STOPPED"}
}

// callback is a plausible SendTaskSuccess output: the payload the task
// handed its worker (Payload, MessageBody, Message, Entries' Detail or
// Input), without the token.
func (g gen) callback() any {
	m, _ := g.in.(map[string]any)
	for _, k := range []string{"Payload", "MessageBody", "Message", "Input"} {
		if v, ok := m[k].(map[string]any); ok {
			return withoutToken(copyOf(v).(map[string]any))
		}
	}
	return map[string]any{}
}

func withoutToken(m map[string]any) map[string]any {
	for k := range m {
		if strings.EqualFold(k, "TaskToken") || strings.EqualFold(k, "token") {
			delete(m, k)
		}
	}
	return m
}

// split takes a service integration pattern off a resource.
func split(resource string) (base, pattern string) {
	for _, p := range []string{".waitForTaskToken", ".sync:2", ".sync"} {
		if strings.HasSuffix(resource, p) {
			return strings.TrimSuffix(resource, p), p
		}
	}
	return resource, ""
}

func isLambdaARN(r string) bool {
	return strings.HasPrefix(r, "arn:") && strings.Contains(r, ":lambda:") && strings.Contains(r, ":function:")
}

// copyOf deep-copies a decoded JSON value, so answers never share the
// engine's input.
func copyOf(v any) any { return jsonvalue.Clone(v) }
