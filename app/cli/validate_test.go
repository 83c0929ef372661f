package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/app/cli"
)

func TestValidateCommand(t *testing.T) {
	const dir = "testdata/validate/"
	tests := []struct {
		name     string
		args     []string
		stdin    string
		code     int
		stdout   []string // substrings expected on stdout
		stderr   []string // substrings expected on stderr
		noStdout []string
	}{
		{name: "valid JSON and YAML", args: []string{dir + "good.asl.json", dir + "good.asl.yaml"}, code: cli.ExitOK,
			stdout: []string{"good.asl.json: valid", "good.asl.yaml: valid", "2 file(s), 0 error(s)"}},
		{name: "missing target is located", args: []string{dir + "missing-target.asl.json"}, code: cli.ExitFail,
			stdout: []string{"missing-target.asl.json:4:39: error MISSING_TRANSITION_TARGET", "[/States/Hello/Next]", "invalid"}},
		{name: "one bad file fails the run", args: []string{dir + "good.asl.json", dir + "broken.json"}, code: cli.ExitFail,
			stdout: []string{"broken.json:1:28: error INVALID_JSON_DESCRIPTION: The { on line 1 is never closed"}},
		{name: "placeholders refused by default", args: []string{dir + "placeholder.asl.json"}, code: cli.ExitFail,
			stdout: []string{"INVALID_RESOURCE", "TimeoutSeconds"}},
		{name: "placeholders flag after the path", args: []string{dir + "placeholder.asl.json", "--placeholders"}, code: cli.ExitOK,
			stdout: []string{"placeholder.asl.json: valid"}},
		{name: "warnings keep exit 0", args: []string{dir + "warning.yml"}, code: cli.ExitOK,
			stdout: []string{"warning NO_PATH", "0 error(s), 1 warning(s)"}},
		{name: "a placeholder left from the palette is a warning", args: []string{"-"}, code: cli.ExitOK,
			stdin: `{"StartAt":"Send notification","States":{"Send notification":{"Type":"Task","Resource":"arn:aws:states:::sns:publish",
"Parameters":{"TopicArn":"arn:aws:sns:REGION:ACCOUNT_ID:TOPIC_NAME","Message.$":"$"},"TimeoutSeconds":30,"End":true}}}`,
			stdout: []string{"-:2:26: warning PLACEHOLDER_NOT_FILLED", "TOPIC_NAME (the name of the SNS topic)", "[/States/Send notification/Parameters/TopicArn]", "0 error(s), 1 warning(s)"}},
		{name: "stdin", args: []string{"-"}, stdin: `{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}`, code: cli.ExitOK,
			stdout: []string{"-: valid"}},
		{name: "a directory", args: []string{dir}, code: cli.ExitFail,
			stdout: []string{"good.asl.json: valid", "good.asl.yaml: valid", "warning.yml: valid", "broken.json: invalid", "6 file(s)"}},
		{name: "no paths", args: nil, code: cli.ExitUsage, stderr: []string{"at least one PATH"}},
		{name: "bad format", args: []string{"--format", "xml", dir + "good.asl.json"}, code: cli.ExitUsage, stderr: []string{"text or json"}},
		{name: "unknown flag", args: []string{"--strict", dir + "good.asl.json"}, code: cli.ExitUsage, stderr: []string{"-strict"}},
		{name: "missing file", args: []string{dir + "nope.json"}, code: cli.ExitFail,
			stdout: []string{"nope.json:0:0: error FILE_UNREADABLE: cannot read " + dir + "nope.json: no such file or directory", "nope.json: invalid"}},
		{name: "help", args: []string{"-h"}, code: cli.ExitOK, stdout: []string{"Usage: stepstudio validate"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := cli.Main(context.Background(), append([]string{"validate"}, tc.args...),
				cli.Streams{In: strings.NewReader(tc.stdin), Out: &out, Err: &errb})
			if code != tc.code {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.code, out.String(), errb.String())
			}
			for _, want := range tc.stdout {
				if !strings.Contains(out.String(), want) {
					t.Errorf("stdout lacks %q:\n%s", want, out.String())
				}
			}
			for _, want := range tc.stderr {
				if !strings.Contains(errb.String(), want) {
					t.Errorf("stderr lacks %q:\n%s", want, errb.String())
				}
			}
		})
	}
}

func TestValidateJSONOutput(t *testing.T) {
	var out bytes.Buffer
	code := cli.Main(context.Background(),
		[]string{"validate", "--format", "json", "testdata/validate/good.asl.json", "testdata/validate/missing-target.asl.json"},
		cli.Streams{Out: &out, Err: &bytes.Buffer{}})
	if code != cli.ExitFail {
		t.Fatalf("exit %d, want %d", code, cli.ExitFail)
	}
	var got struct {
		Files []struct {
			Path        string `json:"path"`
			Valid       bool   `json:"valid"`
			Diagnostics []struct {
				Severity, Code, Message, Location string
				Line, Column                      int
			} `json:"diagnostics"`
		} `json:"files"`
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out.String())
	}
	if len(got.Files) != 2 || !got.Files[0].Valid || got.Files[1].Valid {
		t.Fatalf("files = %+v", got.Files)
	}
	if got.Files[0].Diagnostics == nil {
		t.Error("a valid file must have an empty diagnostics list, not null")
	}
	var found bool
	for _, d := range got.Files[1].Diagnostics {
		if d.Code == "MISSING_TRANSITION_TARGET" {
			found = true
			if d.Severity != "ERROR" || d.Location != "/States/Hello/Next" || d.Line != 4 || d.Column != 39 {
				t.Errorf("diagnostic %+v, want ERROR at /States/Hello/Next 4:39", d)
			}
		}
	}
	if !found {
		t.Errorf("no MISSING_TRANSITION_TARGET in %+v", got.Files[1].Diagnostics)
	}
}
