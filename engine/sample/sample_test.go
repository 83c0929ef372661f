package sample

import (
	"context"
	"slices"
	"testing"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

func TestAnswerShapes(t *testing.T) {
	meta := []string{"SdkHttpMetadata", "SdkResponseMetadata"}
	cases := []struct {
		resource string
		input    string
		keys     []string // the answer's keys, sorted
	}{
		{"arn:aws:states:::lambda:invoke", `{"FunctionName":"f","Payload":{"valid":true}}`, append([]string{"ExecutedVersion", "Payload", "StatusCode"}, meta...)},
		{"arn:aws:lambda:us-east-1:123456789012:function:f", `{"a":1}`, []string{"a"}},
		{"arn:aws:states:::sns:publish", `{"TopicArn":"t","Message":"hi"}`, append([]string{"MessageId"}, meta...)},
		{"arn:aws:states:::sqs:sendMessage", `{"QueueUrl":"q","MessageBody":"hi"}`, append([]string{"MD5OfMessageBody", "MessageId"}, meta...)},
		{"arn:aws:states:::dynamodb:getItem", `{"TableName":"T","Key":{"id":{"S":"1"}}}`, append([]string{"Item"}, meta...)},
		{"arn:aws:states:::dynamodb:putItem", `{"TableName":"T"}`, meta},
		{"arn:aws:states:::dynamodb:updateItem", `{"TableName":"T"}`, meta},
		{"arn:aws:states:::dynamodb:deleteItem", `{"TableName":"T"}`, meta},
		{"arn:aws:states:::events:putEvents", `{"Entries":[]}`, append([]string{"Entries", "FailedEntryCount"}, meta...)},
		{"arn:aws:states:::states:startExecution", `{"StateMachineArn":"arn:aws:states:us-east-1:1:stateMachine:c"}`, append([]string{"ExecutionArn", "StartDate"}, meta...)},
		{"arn:aws:states:::states:startExecution.sync:2", `{"StateMachineArn":"s","Input":{"x":1}}`, append([]string{"ExecutionArn", "Input", "InputDetails", "Name", "Output", "OutputDetails", "StartDate", "StateMachineArn", "Status", "StopDate"}, meta...)},
		{"arn:aws:states:::ecs:runTask.sync", `{"Cluster":"c","TaskDefinition":"td"}`, append([]string{"Failures", "Tasks"}, meta...)},
		{"arn:aws:states:::glue:startJobRun", `{"JobName":"j"}`, append([]string{"JobRunId"}, meta...)},
		{"arn:aws:states:::glue:startJobRun.sync", `{"JobName":"j"}`, append([]string{"Attempt", "Id", "JobName", "JobRunState"}, meta...)},
		{"arn:aws:states:::batch:submitJob", `{"JobName":"j"}`, append([]string{"JobArn", "JobId", "JobName"}, meta...)},
		{"arn:aws:states:::http:invoke", `{}`, []string{"Headers", "ResponseBody", "StatusCode", "StatusText"}},
		{"arn:aws:states:::aws-sdk:s3:getObject", `{"Bucket":"b","Key":"k"}`, []string{"Body", "ContentLength", "ContentType", "ETag"}},
		{"arn:aws:states:::aws-sdk:ec2:describeInstances", `{}`, []string{}},
		{"arn:aws:states:::lambda:invoke.waitForTaskToken", `{"FunctionName":"f","Payload":{"order":1,"TaskToken":"tok"}}`, []string{"order"}},
		{"arn:aws:states:::sqs:sendMessage.waitForTaskToken", `{"MessageBody":{"ask":"ok","token":"tok"}}`, []string{"ask"}},
		{"arn:aws:states:us-east-1:123456789012:activity:review", `{}`, []string{}},
		{"arn:aws:states:::nosuch:thing", `{}`, []string{}},
	}
	for _, c := range cases {
		t.Run(c.resource, func(t *testing.T) {
			in, err := engine.DecodeJSON([]byte(c.input))
			if err != nil {
				t.Fatal(err)
			}
			out, ok := Answer("Task", c.resource, in).(map[string]any)
			if !ok {
				t.Fatalf("answer is not an object: %#v", out)
			}
			keys := jsonvalue.Keys(out)
			slices.Sort(keys)
			want := slices.Clone(c.keys)
			slices.Sort(want)
			if !slices.Equal(keys, want) {
				t.Errorf("keys %v, want %v (answer %s)", keys, want, engine.EncodeJSON(out))
			}
			if again := engine.EncodeJSON(Answer("Task", c.resource, in)); again != engine.EncodeJSON(out) {
				t.Errorf("not deterministic: %s then %s", engine.EncodeJSON(out), again)
			}
		})
	}
}

// A Lambda's Payload is the echo of the payload it was given, so Choices
// downstream read the workflow's own data.
func TestLambdaEchoesPayload(t *testing.T) {
	in, _ := engine.DecodeJSON([]byte(`{"FunctionName":"f","Payload":{"valid":false,"total":3}}`))
	out, _ := Invoker.Invoke(context.Background(), engine.TaskRequest{State: "V", Resource: "arn:aws:states:::lambda:invoke", Input: in})
	got := engine.EncodeJSON(out.(map[string]any)["Payload"])
	if got != `{"valid":false,"total":3}` {
		t.Errorf("Payload %s", got)
	}
	in.(map[string]any)["Payload"].(map[string]any)["valid"] = true
	if engine.EncodeJSON(out.(map[string]any)["Payload"]) != got {
		t.Error("the answer shares the task's input")
	}
}
