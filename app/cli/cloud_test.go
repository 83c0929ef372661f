package cli_test

import (
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/app/cli"
	"github.com/stepstudio/stepstudio/app/endpoint"
)

// cloudEnv points the AWS SDK at dummy credentials and a fresh
// `stepstudio serve` (through AWS_ENDPOINT_URL_SFN, as a script would),
// with nothing read from the real ~/.aws and no metadata probe.
func cloudEnv(t *testing.T) string {
	t.Helper()
	s, err := endpoint.New(endpoint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	t.Cleanup(func() { srv.Close(); _ = s.Close() })
	empty := filepath.Join(t.TempDir(), "empty")
	writeTest(t, empty, "")
	for k, v := range map[string]string{"AWS_ACCESS_KEY_ID": "local", "AWS_SECRET_ACCESS_KEY": "local", "AWS_REGION": "us-east-1",
		"AWS_CONFIG_FILE": empty, "AWS_SHARED_CREDENTIALS_FILE": empty, "AWS_EC2_METADATA_DISABLED": "true", "AWS_PROFILE": "",
		"AWS_ENDPOINT_URL_SFN": srv.URL} {
		t.Setenv(k, v)
	}
	return srv.URL
}

const cliFlow = `{
  "StartAt": "Check",
  "States": {
    "Check": {"Type": "Choice", "Choices": [{"Variable": "$.ok", "BooleanEquals": true, "Next": "Done"}], "Default": "Reject"},
    "Reject": {"Type": "Fail", "Error": "Rejected", "Cause": "not ok"},
    "Done": {"Type": "Pass", "End": true}
  }
}`

// TestDeployAndExecutionsCLI: deploy creates and records, --dry-run
// shows the diff, a console edit is refused then pulled, executions
// start/list/show/redrive with exit codes for scripts.
func TestDeployAndExecutionsCLI(t *testing.T) {
	cloudEnv(t)
	dir := t.TempDir()
	flow := filepath.Join(dir, "orders.asl.json")
	writeTest(t, flow, cliFlow)
	const role = "arn:aws:iam::123456789012:role/r"

	code, out, errs := runCLI("deploy", flow, "--role", role, "--alias", "live")
	if code != cli.ExitOK || !strings.Contains(out, "Created orders") || !strings.Contains(out, "Alias live") {
		t.Fatalf("create: exit %d\n%s%s", code, out, errs)
	}
	var side struct {
		Deploy struct {
			Name, RoleArn, StateMachineArn string
			Pulled                         struct{ Hash string }
		}
	}
	if err := json.Unmarshal([]byte(readTest(t, filepath.Join(dir, "orders.studio.json"))), &side); err != nil ||
		side.Deploy.Name != "orders" || side.Deploy.RoleArn != role || !strings.HasSuffix(side.Deploy.StateMachineArn, ":stateMachine:orders") ||
		!strings.HasPrefix(side.Deploy.Pulled.Hash, "sha256:") {
		t.Fatalf("sidecar: %v %+v", err, side)
	}

	writeTest(t, flow, strings.Replace(cliFlow, `"not ok"`, `"ok was false"`, 1))
	code, out, _ = runCLI("deploy", flow, "--dry-run")
	if code != cli.ExitOK || !strings.Contains(out, `Cause: "not ok" → "ok was false"`) {
		t.Fatalf("dry run: exit %d\n%s", code, out)
	}
	if code, out, errs = runCLI("deploy", flow, "--format", "json"); code != cli.ExitOK {
		t.Fatalf("update: exit %d\n%s%s", code, out, errs)
	}
	var r struct {
		Updated bool
		Plan    struct{ Diff struct{ Summary string } }
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil || !r.Updated || r.Plan.Diff.Summary == "" {
		t.Fatalf("update json: %v %s", err, out)
	}

	// A change made elsewhere (here: another folder's copy deployed with
	// --force) is not overwritten from this folder without --force.
	other := filepath.Join(t.TempDir(), "orders.asl.json")
	writeTest(t, other, strings.Replace(cliFlow, `"not ok"`, `"changed elsewhere"`, 1))
	if code, out, errs = runCLI("deploy", other, "--force"); code != cli.ExitOK {
		t.Fatalf("deploy elsewhere: exit %d\n%s%s", code, out, errs)
	}
	writeTest(t, flow, strings.Replace(cliFlow, `"not ok"`, `"mine"`, 1))
	code, out, errs = runCLI("deploy", flow, "--format", "json")
	if code != cli.ExitFail || !strings.Contains(out, `"code": "DEPLOYED_CHANGED"`) || !strings.Contains(errs, "Someone changed") {
		t.Fatalf("overwrite refused: exit %d\n%s%s", code, out, errs)
	}
	if code, out, errs = runCLI("deploy", flow, "--pull"); code != cli.ExitOK || !strings.Contains(readTest(t, flow), "changed elsewhere") {
		t.Fatalf("pull: exit %d\n%s%s", code, out, errs)
	}
	if code, out, errs = runCLI("deploy", flow); code != cli.ExitOK || !strings.Contains(out, "nothing changed") {
		t.Fatalf("after pull: exit %d\n%s%s", code, out, errs)
	}

	// Executions: a failing one (exit 1 with --wait), a passing one.
	code, out, _ = runCLI("executions", "start", "--flow", flow, "--name", "o1", "--wait")
	if code != cli.ExitFail || !strings.Contains(out, "o1 FAILED") {
		t.Fatalf("failing execution: exit %d\n%s", code, out)
	}
	in := filepath.Join(dir, "in.json")
	writeTest(t, in, `{"ok":true}`)
	if code, out, _ = runCLI("executions", "start", "--state-machine", "orders", "--name", "o2", "--input", in, "--wait"); code != cli.ExitOK {
		t.Fatalf("passing execution: exit %d\n%s", code, out)
	}
	code, out, _ = runCLI("executions", "list", "--flow", flow, "--status", "FAILED", "--format", "json")
	var page struct {
		Executions []struct{ ExecutionArn, Name string }
	}
	if err := json.Unmarshal([]byte(out), &page); err != nil || code != cli.ExitOK || len(page.Executions) != 1 || page.Executions[0].Name != "o1" {
		t.Fatalf("list: exit %d %v\n%s", code, err, out)
	}
	arn := page.Executions[0].ExecutionArn
	code, out, _ = runCLI("executions", "show", arn, "--history", "--format", "json")
	var shown struct {
		Status string
		Events []struct {
			ID   int64
			Type string
		}
	}
	if err := json.Unmarshal([]byte(out), &shown); err != nil || code != cli.ExitOK || shown.Status != "FAILED" ||
		len(shown.Events) != 3 || shown.Events[0].Type != "ExecutionStarted" || shown.Events[2].Type != "ExecutionFailed" {
		t.Fatalf("show --history: exit %d %v\n%s", code, err, out)
	}
	if code, out, _ = runCLI("executions", "redrive", arn, "--wait"); code != cli.ExitFail || !strings.Contains(out, "redriven 1 time") {
		t.Fatalf("redrive: exit %d\n%s", code, out)
	}
}

func TestExecutionsUsage(t *testing.T) {
	cloudEnv(t)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"executions"}, cli.ExitUsage, "give a subcommand"},
		{[]string{"executions", "fly"}, cli.ExitUsage, "unknown subcommand"},
		{[]string{"executions", "list"}, cli.ExitUsage, "--state-machine"},
		{[]string{"executions", "list", "--flow", "a", "--map-run", "arn:x"}, cli.ExitUsage, "--map-run"},
		{[]string{"executions", "show"}, cli.ExitUsage, "one execution ARN"},
		{[]string{"executions", "list", "--state-machine", "x", "--format", "xml"}, cli.ExitUsage, "--format"},
		{[]string{"executions", "list", "--state-machine", "missing"}, cli.ExitFail, "no state machine named"},
		{[]string{"deploy"}, cli.ExitUsage, "one workflow file"},
		{[]string{"deploy", "nope.asl.json"}, cli.ExitUsage, "nope.asl.json"},
		{[]string{"deploy", "x.asl.json", "--type", "big"}, cli.ExitUsage, "--type"},
		{[]string{"deploy", "x.asl.json", "--endpoint-url", "ftp://x"}, cli.ExitFail, "not an endpoint address"},
	} {
		code, _, errs := runCLI(tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, want %d with %q\n%s", tc.args, code, tc.code, tc.want, errs)
		}
	}
	for _, args := range [][]string{{"executions", "--help"}, {"executions", "start", "--help"}, {"deploy", "--help"}} {
		if code, out, _ := runCLI(args...); code != cli.ExitOK || !strings.Contains(out, "Usage:") {
			t.Errorf("%v: exit %d\n%s", args, code, out)
		}
	}
	// A template is deployed by its own tool.
	tpl := filepath.Join(t.TempDir(), "template.yaml")
	if err := os.WriteFile(tpl, []byte("AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := runCLI("deploy", tpl, "--role", "arn:aws:iam::1:role/r"); code != cli.ExitUsage || !strings.Contains(errs, "own tool") {
		t.Errorf("template: exit %d %s", code, errs)
	}
}
