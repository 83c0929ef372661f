package schema_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/schema"
)

// task wraps one Task state's fields (JSON text without braces) in a machine.
func task(fields string) string {
	return `{"StartAt": "A", "States": {"A": {"Type": "Task", "TimeoutSeconds": 30, ` + fields + `, "End": true}}}`
}

// TestUnfilledPlaceholders: a value still holding a word the palette puts
// there for people to replace is a warning, located on that value; names
// people chose, comments, paths, JSONata and IaC substitutions are not.
func TestUnfilledPlaceholders(t *testing.T) {
	cases := []struct {
		name         string
		def          string
		placeholders bool
		want         []string // "location line:column" of each PLACEHOLDER_NOT_FILLED
		words        []string // the blanks the first message must name
		others       []string // codes of the other diagnostics, when they matter
	}{
		{
			name: "a fresh SNS Publish from the palette (JSONPath)",
			def: `{"StartAt": "Send notification", "States": {
  "Send notification": {
    "Type": "Task",
    "Resource": "arn:aws:states:::sns:publish",
    "Parameters": {"TopicArn": "arn:aws:sns:REGION:ACCOUNT_ID:TOPIC_NAME", "Message.$": "$"},
    "TimeoutSeconds": 30,
    "End": true
  }
}}`,
			want:  []string{"/States/Send notification/Parameters/TopicArn 5:32"},
			words: []string{"REGION", "ACCOUNT_ID", "TOPIC_NAME"},
		},
		{
			name: "a fresh SNS Publish from the palette (JSONata)",
			def: `{"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::sns:publish",
  "Arguments": {"TopicArn": "arn:aws:sns:REGION:ACCOUNT_ID:TOPIC_NAME", "Message": "{% $states.input %}"}, "TimeoutSeconds": 30, "End": true}}}`,
			want: []string{"/States/A/Arguments/TopicArn 2:29"},
		},
		{
			name:  "a Lambda ARN as the Resource",
			def:   task(`"Resource": "arn:aws:lambda:REGION:ACCOUNT_ID:function:FUNCTION_NAME"`),
			want:  []string{"/States/A/Resource 1:85"},
			words: []string{"REGION", "ACCOUNT_ID", "FUNCTION_NAME"},
		},
		{
			name:  "words split by dots and slashes (an SQS queue URL)",
			def:   task(`"Resource": "arn:aws:states:::sqs:sendMessage", "Parameters": {"QueueUrl": "https://sqs.REGION.amazonaws.com/ACCOUNT_ID/QUEUE_NAME", "MessageBody.$": "$"}`),
			want:  []string{"/States/A/Parameters/QueueUrl 1:148"},
			words: []string{"REGION", "ACCOUNT_ID", "QUEUE_NAME"},
		},
		{
			name: "one warning per value, inside arrays and objects",
			def: task(`"Resource": "arn:aws:states:::ecs:runTask.sync", "Parameters": {"Cluster": "CLUSTER_NAME",
 "NetworkConfiguration": {"AwsvpcConfiguration": {"Subnets": ["subnet-0abc", "SUBNET_ID"]}}}`),
			want: []string{"/States/A/Parameters/Cluster 1:148", "/States/A/Parameters/NetworkConfiguration/AwsvpcConfiguration/Subnets/1 2:78"},
		},
		{
			name: "states inside a Map and a Parallel",
			def: `{"StartAt": "M", "States": {
"M": {"Type": "Map", "ItemProcessor": {"StartAt": "Get", "States": {
  "Get": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:getItem", "TimeoutSeconds": 5, "Parameters": {"TableName": "TABLE_NAME", "Key": {}}, "End": true}}}, "Next": "P"},
"P": {"Type": "Parallel", "Branches": [{"StartAt": "B", "States": {
  "B": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:getObject", "TimeoutSeconds": 5, "Parameters": {"Bucket": "BUCKET_NAME", "Key": "k"}, "End": true}}}], "End": true}}}`,
			want: []string{"/States/M/ItemProcessor/States/Get/Parameters/TableName 3:125", "/States/P/Branches/0/States/B/Parameters/Bucket 5:124"},
		},
		{
			name: "filled in",
			def:  task(`"Resource": "arn:aws:states:::sns:publish", "Parameters": {"TopicArn": "arn:aws:sns:eu-west-1:123456789012:orders"}`),
		},
		{
			name: "a name someone chose that contains a blank",
			def:  task(`"Resource": "arn:aws:states:::dynamodb:getItem", "Parameters": {"TableName": "MY_TABLE_NAME", "Key": {"pk": {"S": "TABLE_NAMES"}}}`),
		},
		{
			name: "comments, paths, JSONata and the names of states",
			def: `{"Comment": "Set TABLE_NAME first", "StartAt": "TABLE_NAME", "States": {
  "TABLE_NAME": {"Type": "Task", "Comment": "the TABLE_NAME", "Resource": "arn:aws:states:::dynamodb:getItem", "TimeoutSeconds": 5,
    "Parameters": {"TableName.$": "$.TABLE_NAME", "Key": {}}, "Next": "J"},
  "J": {"Type": "Task", "QueryLanguage": "JSONata", "Resource": "arn:aws:states:::dynamodb:getItem", "TimeoutSeconds": 5,
    "Arguments": {"TableName": "{% $states.input.TABLE_NAME %}", "Key": {}}, "End": true}}}`,
		},
		{
			name:         "IaC substitutions are filled in at deploy time (--placeholders)",
			def:          task(`"Resource": "${FUNCTION_NAME}", "Parameters": {"TopicArn": "arn:aws:sns:${AWS::Region}:${ACCOUNT_ID}:${TOPIC_NAME}"}`),
			placeholders: true,
			others:       []string{},
		},
		{
			name:   "an IaC substitution without --placeholders is reported as one, not as a blank",
			def:    task(`"Resource": "${FUNCTION_NAME}"`),
			others: []string{schema.CodeInvalidResource},
		},
		{
			name:         "a blank beside IaC substitutions is still a blank",
			def:          task(`"Resource": "arn:aws:states:::sns:publish", "Parameters": {"TopicArn": "arn:aws:sns:${AWS::Region}:${AWS::AccountId}:TOPIC_NAME"}`),
			placeholders: true,
			want:         []string{"/States/A/Parameters/TopicArn 1:144"},
			words:        []string{"TOPIC_NAME"},
		},
		{
			name: "YAML",
			def: `StartAt: A
States:
  A:
    Type: Task
    Resource: arn:aws:states:::glue:startJobRun.sync
    TimeoutSeconds: 60
    Parameters:
      JobName: JOB_NAME
    End: true
`,
			want: []string{"/States/A/Parameters/JobName 8:16"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			name := "def.asl.json"
			if !strings.HasPrefix(strings.TrimSpace(tc.def), "{") {
				name = "def.asl.yaml"
			}
			res := schema.Validate(name, []byte(tc.def), schema.Options{Placeholders: tc.placeholders})
			var got []string
			var others []string
			var first *schema.Diagnostic
			for i, d := range res.Diagnostics {
				if d.Code != schema.CodePlaceholder {
					others = append(others, d.Code)
					continue
				}
				if d.Severity != schema.Warning {
					t.Errorf("%s is %s, want a warning", d.Location, d.Severity)
				}
				if first == nil {
					first = &res.Diagnostics[i]
				}
				got = append(got, fmt.Sprintf("%s %d:%d", d.Location, d.Range.Start.Line, d.Range.Start.Column))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("placeholders reported at\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			for _, w := range tc.words {
				if first == nil || !strings.Contains(first.Message, w) {
					t.Errorf("the message does not name %s: %+v", w, first)
				}
			}
			if first != nil && len(tc.words) > 0 {
				for _, b := range schema.PaletteBlanks() {
					if !contains(tc.words, b.Word) && strings.Contains(first.Message, b.Word+" (") {
						t.Errorf("the message names %s, which the value does not hold: %s", b.Word, first.Message)
					}
				}
			}
			if tc.others != nil && strings.Join(others, " ") != strings.Join(tc.others, " ") {
				t.Errorf("other diagnostics %v, want %v", others, tc.others)
			}
		})
	}
}

// TestEveryPaletteBlankIsReported: each word of the generated list is
// found on its own, with what belongs there in the message.
func TestEveryPaletteBlankIsReported(t *testing.T) {
	if len(schema.PaletteBlanks()) < 10 {
		t.Fatalf("only %d palette blanks: is palette_placeholders.json generated?", len(schema.PaletteBlanks()))
	}
	for _, b := range schema.PaletteBlanks() {
		def := task(`"Resource": "arn:aws:states:::aws-sdk:s3:getObject", "Parameters": {"Value": "x/` + b.Word + `:1"}`)
		res := schema.Validate("", []byte(def), schema.Options{})
		if len(res.Diagnostics) != 1 || res.Diagnostics[0].Code != schema.CodePlaceholder || !strings.Contains(res.Diagnostics[0].Message, b.Meaning) {
			t.Errorf("%s: got %+v", b.Word, res.Diagnostics)
		}
		if !res.Valid() {
			t.Errorf("%s: a blank makes the definition invalid; it is a warning", b.Word)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
