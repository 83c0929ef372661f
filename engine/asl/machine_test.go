package asl_test

import (
	"reflect"
	"testing"

	"github.com/stepstudio/stepstudio/engine/asl"
)

func TestDecodeMachine(t *testing.T) {
	m := mustParse(t, "testdata/machine.asl.json").Machine
	if m.StartAt != "Check" || m.TimeoutSeconds == nil || *m.TimeoutSeconds != 300 {
		t.Fatalf("machine header: StartAt %q TimeoutSeconds %v", m.StartAt, m.TimeoutSeconds)
	}
	var names []string
	for _, s := range m.States {
		names = append(names, s.Name+":"+s.Type)
	}
	want := []string{"Check:Choice", "Run:Task", "Pause:Wait", "Fanout:Parallel", "Each:Map", "Done:Pass", "Failed:Fail"}
	if !reflect.DeepEqual(names, want) {
		t.Fatalf("states %v, want %v (source order)", names, want)
	}

	run := m.State("Run")
	switch {
	case run.Integration != asl.Integration{Service: "lambda", Action: "invoke", Pattern: asl.WaitForTaskToken}:
		t.Errorf("Run integration %+v", run.Integration)
	case run.ResultPath == nil || !run.ResultPath.Null:
		t.Errorf("ResultPath null must be kept distinct from absent: %+v", run.ResultPath)
	case run.InputPath != nil:
		t.Errorf("absent InputPath decoded as %+v", run.InputPath)
	case run.OutputPath == nil || run.OutputPath.Path != "$.out":
		t.Errorf("OutputPath %+v", run.OutputPath)
	case *run.TimeoutSeconds != 60 || run.HeartbeatSecondsPath != "$.hb" || run.HeartbeatSeconds != nil:
		t.Errorf("timeouts %v %q %v", *run.TimeoutSeconds, run.HeartbeatSecondsPath, run.HeartbeatSeconds)
	case len(run.Retry) != 1 || *run.Retry[0].BackoffRate != 1.5 || *run.Retry[0].MaxAttempts != 0 || run.Retry[0].JitterStrategy != "FULL":
		t.Errorf("retry %+v", run.Retry)
	case len(run.Catch) != 1 || run.Catch[0].Next != "Failed" || run.Catch[0].ResultPath.Path != "$.error":
		t.Errorf("catch %+v", run.Catch)
	case run.Parameters.Get("Token.$").Str != "$$.Task.Token":
		t.Errorf("parameters %v", run.Parameters.Value())
	}

	check := m.State("Check")
	if r := check.Choices[0]; r.Operator != "NumericGreaterThanPath" || r.Operand.Str != "$.limit" || r.Variable != "$.n" {
		t.Errorf("choice 0: %+v", r)
	}
	if r := check.Choices[1]; len(r.And) != 2 || r.And[1].Not == nil || r.And[1].Not.Operator != "IsNull" || r.And[0].Operator != "StringMatches" {
		t.Errorf("choice 1 nesting: %+v", r)
	}

	fan := m.State("Fanout")
	if len(fan.Branches) != 2 || fan.Branches[0].State("B1").Result.Get("ok").Bool != true || fan.Branches[1].Start().Type != "Succeed" {
		t.Errorf("branches %+v", fan.Branches)
	}

	each := m.State("Each")
	switch {
	case !each.Distributed() || each.ItemProcessor.ProcessorConfig.ExecutionType != "EXPRESS":
		t.Errorf("Each is not a distributed express Map: %+v", each.ItemProcessor)
	case each.ItemProcessor.State("Work").Integration.Pattern != asl.Sync2:
		t.Errorf("Work pattern %v", each.ItemProcessor.State("Work").Integration)
	case each.ItemReader.ReaderConfig.InputType != "CSV" || *each.ItemReader.ReaderConfig.MaxItems != 10:
		t.Errorf("reader %+v", each.ItemReader.ReaderConfig)
	case *each.ItemBatcher.MaxItemsPerBatch != 3 || each.ResultWriter.Integration.Action != "putObject":
		t.Errorf("batcher/writer %+v %+v", each.ItemBatcher, each.ResultWriter)
	case *each.ToleratedFailurePercentage != 12.5 || *each.MaxConcurrency != 5 || each.Label != "each" || each.ItemsPath.Path != "$.items":
		t.Errorf("map fields %+v", each)
	}

	done := m.State("Done")
	if asl.EffectiveQueryLanguage(done, m, m) != asl.JSONata || done.Output.Str != "{% $states.input %}" || done.Assign.Get("total") == nil {
		t.Errorf("JSONata Pass %+v", done)
	}
	failed := m.State("Failed")
	if failed.Error != "Oops" || failed.CausePath != "$.cause" || failed.Field("X-Unknown").Index(1).Num != "2.50" {
		t.Errorf("Fail and unknown field kept: %+v", failed)
	}
}

func TestDecodeIsLenient(t *testing.T) {
	doc, err := asl.Parse("x.json", []byte(`{"StartAt": 3, "States": {"A": {"Type": "Task", "TimeoutSeconds": "soon",
	  "Retry": {"no": 1}, "Choices": [7], "ResultPath": 4}, "B": 5, "A": {"Type": "Pass"}}}`))
	if err != nil {
		t.Fatal(err)
	}
	m := doc.Machine
	if m.StartAt != "" || len(m.States) != 3 {
		t.Fatalf("StartAt %q, %d states", m.StartAt, len(m.States))
	}
	a := m.State("A")
	if a.Type != "Task" || a.TimeoutSeconds != nil || a.Retry != nil || a.ResultPath != nil || len(a.Choices) != 1 {
		t.Errorf("wrong types must decode to zero values: %+v", a)
	}
	if m.States[1].Type != "" || m.States[2].Type != "Pass" {
		t.Errorf("non-object state and duplicate must be kept: %+v %+v", m.States[1], m.States[2])
	}
}

func TestTransitions(t *testing.T) {
	m := mustParse(t, "testdata/machine.asl.json").Machine
	tests := []struct {
		state string
		want  []string
	}{
		{"Check", []string{"Choice/Choices/0/Next>Run", "Choice/Choices/1/Next>Pause", "Default/Default>Fanout"}},
		{"Run", []string{"Catch/Catch/0/Next>Failed"}},
		{"Done", []string{"Next/Next>Failed"}},
		{"Failed", nil},
	}
	for _, tc := range tests {
		var got []string
		for _, tr := range m.State(tc.state).Transitions() {
			got = append(got, string(tr.Kind)+tr.Pointer+">"+tr.Target)
			if tr.Node.Str != tr.Target {
				t.Errorf("%s: edge node %q does not hold target %q", tc.state, tr.Node.Str, tr.Target)
			}
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s transitions %v, want %v", tc.state, got, tc.want)
		}
	}
}

func TestParseResource(t *testing.T) {
	tests := []struct {
		arn  string
		want asl.Integration
	}{
		{"arn:aws:states:::lambda:invoke", asl.Integration{Service: "lambda", Action: "invoke", Pattern: asl.RequestResponse}},
		{"arn:aws:states:::ecs:runTask.sync", asl.Integration{Service: "ecs", Action: "runTask", Pattern: asl.Sync}},
		{"arn:aws:states:::states:startExecution.sync:2", asl.Integration{Service: "states", Action: "startExecution", Pattern: asl.Sync2}},
		{"arn:aws:states:::sqs:sendMessage.waitForTaskToken", asl.Integration{Service: "sqs", Action: "sendMessage", Pattern: asl.WaitForTaskToken}},
		{"arn:aws:states:::aws-sdk:s3:listObjectsV2", asl.Integration{Service: "aws-sdk:s3", Action: "listObjectsV2", Pattern: asl.RequestResponse}},
		{"arn:aws:states:us-east-1:123456789012:activity:Approve", asl.Integration{Activity: true, Pattern: asl.RequestResponse}},
		{"arn:aws:lambda:us-east-1:123456789012:function:F", asl.Integration{Service: "lambda", Lambda: true, Pattern: asl.RequestResponse}},
		{"${FunctionArn}", asl.Integration{Pattern: asl.RequestResponse}},
	}
	for _, tc := range tests {
		if got := asl.ParseResource(tc.arn); got != tc.want {
			t.Errorf("ParseResource(%q) = %+v, want %+v", tc.arn, got, tc.want)
		}
	}
}

func TestPointer(t *testing.T) {
	p := asl.Pointer("States", "A/B~C", "Next")
	if p != "/States/A~1B~0C/Next" {
		t.Fatalf("Pointer = %q", p)
	}
	doc, err := asl.Parse("x.json", []byte(`{"States": {"A/B~C": {"Next": "Z", "L": [1, {"k": 2}]}}}`))
	if err != nil {
		t.Fatal(err)
	}
	if n, f, ok := doc.Root.Lookup(p); !ok || n.Str != "Z" || f.Key != "Next" {
		t.Errorf("Lookup(%s) = %v %v %v", p, n, f, ok)
	}
	if n, _, ok := doc.Root.Lookup("/States/A~1B~0C/L/1/k"); !ok || n.Num != "2" {
		t.Errorf("array lookup failed: %v", n)
	}
	if n := doc.Root.Nearest("/States/A~1B~0C/Missing/x"); n != doc.Root.Get("States").Get("A/B~C") {
		t.Errorf("Nearest did not stop at the deepest existing node: %+v", n)
	}
	if _, _, ok := doc.Root.Lookup("/States/nope"); ok {
		t.Error("Lookup of a missing key succeeded")
	}
}
