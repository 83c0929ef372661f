package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	const dir = "testdata/run/"
	tests := []struct {
		name     string
		args     []string
		stdin    string
		wantCode int
		wantOut  []string // substrings of stdout
		wantErr  []string // substrings of stderr
	}{
		{"success text", []string{"run", dir + "pass.asl.json", "--input", dir + "name.json"}, "", ExitOK,
			[]string{"status: SUCCEEDED", `output: {"greeting":"Hello, Ada!"}`}, nil},
		{"flags before the definition", []string{"run", "--format", "json", "--input", "-", dir + "pass.asl.json"}, `{"name":"Bo"}`, ExitOK,
			[]string{`{"status":"SUCCEEDED","output":{"greeting":"Hello, Bo!"}}`}, nil},
		{"history json", []string{"run", dir + "pass.asl.json", "--history", "--format", "json", "--input", dir + "name.json"}, "", ExitOK,
			[]string{`"type":"ExecutionStarted"`, `"type":"WaitStateExited"`, `"previousEventId"`}, nil},
		{"history text keeps skipped wait times", []string{"run", dir + "pass.asl.json", "--history", "--input", dir + "name.json"}, "", ExitOK,
			[]string{"WaitStateEntered Wait", "ExecutionSucceeded"}, nil},
		{"yaml failure", []string{"run", dir + "fail.asl.yaml", "--format", "json"}, "", ExitFail,
			[]string{`"status":"FAILED"`, `"error":"Kaput"`, `"cause":"it broke"`}, nil},
		{"distributed map over a local S3 folder", []string{"run", dir + "distributed.asl.json", "--s3-root", dir + "s3"}, "", ExitOK,
			[]string{"map run Rows: SUCCEEDED, 4 of 5 items succeeded, 1 failed, 0 aborted", `{"id":"5","name":"eve"}`}, nil},
		{"distributed map history json has the map run", []string{"run", dir + "distributed.asl.json", "--s3-root", dir + "s3", "--history", "--format", "json"}, "", ExitOK,
			[]string{`"type":"MapRunStarted"`, `"mapRuns":[{"mapRunArn":`, `"failed":1`, `"type":"ExecutionFailed"`}, nil},
		{"distributed map without a local S3 folder", []string{"run", dir + "distributed.asl.json"}, "", ExitFail,
			[]string{"States.ItemReaderFailed"}, nil},
		{"s3 root that is not a folder", []string{"run", dir + "distributed.asl.json", "--s3-root", dir + "nowhere"}, "", ExitUsage,
			nil, []string{"--s3-root testdata/run/nowhere is not a folder"}},
		{"task without mock or handler", []string{"run", dir + "task.asl.json"}, "", ExitFail,
			[]string{"error: States.Runtime", `Task state "Charge" has no result`, "MockConfigFile"}, []string{"--mock-config FILE --test-case NAME", "--handlers FILE"}},
		{"task answered by a handler", []string{"run", dir + "task.asl.json", "--handlers", dir + "handlers.json", "--format", "json"}, "", ExitOK,
			[]string{`"output":{"Payload":{"charged":true}}`}, nil},
		{"bad handler config", []string{"run", dir + "task.asl.json", "--handlers", dir + "broken.json"}, "", ExitUsage, nil, []string{"handler config"}},
		{"mocked task", []string{"run", dir + "task.asl.json", "--mock-config", dir + "mocks.json", "--test-case", "HappyPath", "--format", "json"}, "", ExitOK,
			[]string{`"output":{"charged":42}`}, nil},
		{"mock retried until it returns", []string{"run", dir + "retry.asl.json", "--mock-config", dir + "mocks.json", "--test-case", "Flaky", "--history"}, "", ExitOK,
			[]string{`output: {"charged":7}`, "TaskFailed", "TaskSucceeded"}, nil},
		{"mock runs out of responses", []string{"run", dir + "task.asl.json", "--mock-config", dir + "mocks.json", "--test-case", "Flaky", "--format", "json"}, "", ExitFail,
			[]string{`"error":"Lambda.ServiceException"`}, nil},
		{"unknown test case", []string{"run", dir + "task.asl.json", "--mock-config", dir + "mocks.json", "--test-case", "Nope"}, "", ExitUsage,
			nil, []string{"Nope", "task/HappyPath"}},
		{"malformed mock file", []string{"run", dir + "task.asl.json", "--mock-config", dir + "mocks_bad.json", "--test-case", "T"}, "", ExitUsage,
			nil, []string{"mocks_bad.json"}},
		{"invalid definition is refused", []string{"run", dir + "invalid.asl.json"}, "", ExitUsage,
			nil, []string{"not a valid state machine definition", "invalid.asl.json:1:"}},
		{"input not JSON", []string{"run", dir + "pass.asl.json", "--input", dir + "broken.json"}, "", ExitUsage,
			nil, []string{"broken.json is not JSON"}},
		{"missing definition", []string{"run", dir + "nope.json"}, "", ExitUsage, nil, []string{"nope.json"}},
		{"no definition", []string{"run"}, "", ExitUsage, nil, []string{"exactly one DEFINITION"}},
		{"bad wait", []string{"run", dir + "pass.asl.json", "--wait", "fast"}, "", ExitUsage, nil, []string{"--wait must be"}},
		{"bad scale", []string{"run", dir + "pass.asl.json", "--wait", "scale=-1"}, "", ExitUsage, nil, []string{"a number from 1e-06 to 1e+06"}},
		{"bad format", []string{"run", dir + "pass.asl.json", "--format", "xml"}, "", ExitUsage, nil, []string{"--format"}},
		{"mock config without test case", []string{"run", dir + "task.asl.json", "--mock-config", "x.json"}, "", ExitUsage, nil, []string{"go together"}},
		{"unknown flag", []string{"run", dir + "pass.asl.json", "--nope"}, "", ExitUsage, nil, []string{"-nope"}},
		{"input over the cap", []string{"run", dir + "pass.asl.json", "--input", "-"}, `{"name":"` + strings.Repeat("x", 300<<10) + `"}`, ExitUsage,
			nil, []string{"standard input is over 256 KiB; Stepstudio opens execution inputs up to 256 KiB"}},
		{"definition is a folder", []string{"run", dir}, "", ExitUsage, nil, []string{"is a folder, not a regular file"}},
		{"scale NaN", []string{"run", dir + "pass.asl.json", "--wait", "scale=NaN"}, "", ExitUsage, nil, []string{`not "scale=NaN"`}},
		{"scale Inf", []string{"run", dir + "pass.asl.json", "--wait", "scale=Inf"}, "", ExitUsage, nil, []string{`not "scale=Inf"`}},
		{"scale 1e300", []string{"run", dir + "pass.asl.json", "--wait", "scale=1e300"}, "", ExitUsage, nil, []string{`not "scale=1e300"`}},
		{"scale 1e400 (out of float range)", []string{"run", dir + "pass.asl.json", "--wait", "scale=1e400"}, "", ExitUsage, nil, []string{`not "scale=1e400"`}},
		{"scale too small", []string{"run", dir + "pass.asl.json", "--wait", "scale=1e-9"}, "", ExitUsage, nil, []string{`not "scale=1e-9"`}},
		{"scale in range", []string{"run", dir + "pass.asl.json", "--input", dir + "name.json", "--wait", "scale=1e-5"}, "", ExitOK, []string{"status: SUCCEEDED"}, nil},
		{"no cap", []string{"run", dir + "pass.asl.json", "--max-transitions", "0"}, "", ExitUsage, nil, []string{"--max-transitions must be a positive number, not 0"}},
		{"negative cap", []string{"run", dir + "pass.asl.json", "--max-transitions", "-1"}, "", ExitUsage, nil, []string{"--max-transitions must be a positive number, not -1"}},
		{"bad type", []string{"run", dir + "pass.asl.json", "--type", "sync"}, "", ExitUsage, nil, []string{`--type must be standard or express, not "sync"`}},
		{"STANDARD history stops at 25,000 events", []string{"run", dir + "spin.asl.json", "--format", "json"}, "", ExitFail,
			[]string{`"error":"States.Runtime"`, `"cause":"The execution reached the maximum number of history events (25000)."`}, nil},
		{"EXPRESS has no history limit", []string{"run", dir + "spin.asl.json", "--type", "express", "--max-transitions", "30000"}, "", ExitFail,
			[]string{"error: States.Runtime", "cap of 30000 state transitions"}, nil},
		{"mock of a state the definition lacks", []string{"run", dir + "task.asl.json", "--mock-config", dir + "mocks.json", "--test-case", "Typo"}, "", ExitUsage,
			nil, []string{"mocks.json:7:", `test case "Typo" mocks state "Chrage", which the state machine does not have; did you mean "Charge"?`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := Main(context.Background(), tt.args, Streams{In: strings.NewReader(tt.stdin), Out: &out, Err: &errOut})
			if code != tt.wantCode {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.wantCode, out.String(), errOut.String())
			}
			for _, s := range tt.wantOut {
				if !strings.Contains(out.String(), s) {
					t.Errorf("stdout lacks %q:\n%s", s, out.String())
				}
			}
			for _, s := range tt.wantErr {
				if !strings.Contains(errOut.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, errOut.String())
				}
			}
		})
	}
}

// TestRunJSONShape checks the JSON contract of STUDIO.md: status, output,
// and events in the GetExecutionHistory shape.
func TestRunJSONShape(t *testing.T) {
	var out bytes.Buffer
	code := Main(context.Background(), []string{"run", "testdata/run/pass.asl.json", "--input", "-", "--history", "--format", "json"},
		Streams{In: strings.NewReader(`{"name":"Cy"}`), Out: &out, Err: &out})
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, out.String())
	}
	var rep struct {
		Status string         `json:"status"`
		Output map[string]any `json:"output"`
		Events []struct {
			ID        int64  `json:"id"`
			Prev      int64  `json:"previousEventId"`
			Type      string `json:"type"`
			Timestamp string `json:"timestamp"`
		} `json:"events"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Status != "SUCCEEDED" || rep.Output["greeting"] != "Hello, Cy!" {
		t.Fatalf("got %+v", rep)
	}
	var types []string
	for i, e := range rep.Events {
		if e.ID != int64(i+1) || e.Timestamp == "" {
			t.Fatalf("event %d: %+v", i, e)
		}
		types = append(types, e.Type)
	}
	want := "ExecutionStarted PassStateEntered PassStateExited WaitStateEntered WaitStateExited ExecutionSucceeded"
	if got := strings.Join(types, " "); got != want {
		t.Fatalf("events %s, want %s", got, want)
	}
	first, last := rep.Events[0].Timestamp, rep.Events[len(rep.Events)-1].Timestamp
	if first == last {
		t.Fatalf("the skipped one-hour wait should still show in timestamps: %s .. %s", first, last)
	}
}
