package schema

import (
	"strings"
	"testing"

	"github.com/xeipuuv/gojsonschema"
)

// TestFullFormAgrees validates whole documents from the root of
// asl.schema.json with plain gojsonschema, as an editor outside the studio
// would (definitions/state: an if/then per Type), and checks that it finds
// the same documents invalid as the studio. Each bad document has one
// fault a JSON Schema can express, most of them in a nested state, where
// only the if/then form reaches.
func TestFullFormAgrees(t *testing.T) {
	root, err := gojsonschema.NewSchema(gojsonschema.NewBytesLoader(aslSchema))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		doc   string
		valid bool
	}{
		{"task with retry and catch", `{"StartAt": "A", "States": {
			"A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f"}, "TimeoutSeconds": 30,
			      "Retry": [{"ErrorEquals": ["States.ALL"], "BackoffRate": 1.5}], "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "F"}], "Next": "B"},
			"B": {"Type": "Succeed"}, "F": {"Type": "Fail", "Error": "E", "Cause": "c"}}}`, true},
		{"parallel branches", `{"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
			{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 1, "Next": "X"}, "X": {"Type": "Pass", "Result": 1, "End": true}}}]}}}`, true},
		{"distributed map", `{"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "MaxConcurrency": 10,
			"ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "Parameters": {"Bucket": "b", "Key": "k"}, "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW", "MaxItems": 5}},
			"ItemBatcher": {"MaxItemsPerBatch": 2}, "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "b", "Prefix": "p"}},
			"ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}, "StartAt": "C", "States": {
				"C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "NumericGreaterThan": 1, "Next": "D"}], "Default": "D"}, "D": {"Type": "Succeed"}}}}}}`, true},
		{"jsonata", `{"QueryLanguage": "JSONata", "StartAt": "C", "States": {
			"C": {"Type": "Choice", "Choices": [{"Condition": "{% $states.input.n > 1 %}", "Next": "T"}], "Default": "T"},
			"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": {"FunctionName": "f"}, "Output": "{% $states.result %}", "TimeoutSeconds": "{% 5 %}", "End": true}}}`, true},

		{"task without resource in a branch", `{"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
			{"StartAt": "T", "States": {"T": {"Type": "Task", "End": true}}}]}}}`, false},
		{"unknown field in a map's processor", `{"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemProcessor": {"StartAt": "X", "States": {
			"X": {"Type": "Pass", "Foo": 1, "End": true}}}}}}`, false},
		{"unknown type", `{"StartAt": "A", "States": {"A": {"Type": "Tsk", "End": true}}}`, false},
		{"retry backoff below 1", `{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
			"Retry": [{"ErrorEquals": ["States.ALL"], "BackoffRate": 0.5}]}}}`, false},
		{"choice rule without next", `{"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsNull": true}], "Default": "D"}, "D": {"Type": "Succeed"}}}`, false},
		{"zero task timeout", `{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "r", "TimeoutSeconds": 0, "End": true}}}`, false},
		{"seconds and seconds path", `{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 1, "SecondsPath": "$.s", "End": true}}}`, false},
		{"next and end", `{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B", "End": true}, "B": {"Type": "Succeed"}}}`, false},
		{"error and error path", `{"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "E", "ErrorPath": "$.e"}}}`, false},
		{"max items and its path, nested", `{"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [{"StartAt": "M", "States": {
			"M": {"Type": "Map", "End": true, "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "Parameters": {"Bucket": "b", "Key": "k"}, "ReaderConfig": {"InputType": "JSON", "MaxItems": 1, "MaxItemsPath": "$.n"}},
			"ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"}, "StartAt": "S", "States": {"S": {"Type": "Succeed"}}}}}}]}}}`, false},
		{"bad enum deep in a map in a map", `{"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemProcessor": {"StartAt": "N", "States": {
			"N": {"Type": "Map", "End": true, "ItemProcessor": {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "r", "End": true,
				"Retry": [{"ErrorEquals": ["States.ALL"], "JitterStrategy": "SOME"}]}}}}}}}}}`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			studio := Validate("doc.asl.json", []byte(tc.doc), Options{})
			if studio.Valid() != tc.valid {
				t.Fatalf("the studio says valid=%v, the case %v:\n%s", studio.Valid(), tc.valid, describeDiags(studio.Diagnostics))
			}
			res, err := root.Validate(gojsonschema.NewStringLoader(tc.doc))
			if err != nil {
				t.Fatal(err)
			}
			if res.Valid() != tc.valid {
				var errs []string
				for _, e := range res.Errors() {
					errs = append(errs, e.String())
				}
				t.Errorf("the schema's root says valid=%v, the studio %v:\n%s", res.Valid(), tc.valid, strings.Join(errs, "\n"))
			}
		})
	}
}

func describeDiags(ds []Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(string(d.Severity) + " " + d.Code + " " + d.Location + ": " + d.Message + "\n")
	}
	return b.String()
}
