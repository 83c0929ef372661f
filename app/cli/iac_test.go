package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/app/cli"
)

func runIaCCLI(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := cli.Main(context.Background(), args, cli.Streams{In: strings.NewReader(""), Out: &out, Err: &errb})
	return code, out.String(), errb.String()
}

func TestValidateTemplate(t *testing.T) {
	const dir = "testdata/iac/"
	code, out, _ := runIaCCLI("validate", dir+"template.yaml")
	if code != cli.ExitFail {
		t.Errorf("exit %d, want 1:\n%s", code, out)
	}
	for _, want := range []string{
		// Located in the referenced file, after applying NextState: Nowhere.
		"testdata/iac/statemachine/next.asl.json:4:39: error MISSING_TRANSITION_TARGET",
		"testdata/iac/statemachine/next.asl.json (Broken): invalid",
		"testdata/iac/template.yaml (Fine): valid",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = runIaCCLI("validate", "--format", "json", dir+"template.yaml")
	var rep struct {
		Files []struct {
			Path, Machine string
			Valid         bool
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || len(rep.Files) != 2 || rep.Files[1].Machine != "Fine" || !rep.Files[1].Valid {
		t.Errorf("json report %v: %s", err, out)
	}
	code, out, _ = runIaCCLI("validate", dir+"none.yaml")
	if code != cli.ExitFail || !strings.Contains(out, "NO_STATE_MACHINE") || !strings.Contains(out, "defines no state machine") {
		t.Errorf("template without a machine: exit %d\n%s", code, out)
	}
}

func TestExportCommand(t *testing.T) {
	def := "../iac/exporter/testdata/order.asl.json"
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout []string
		stderr []string
	}{
		{"sam to stdout", []string{"--to", "sam", def}, cli.ExitOK,
			[]string{"# ==> template.yaml <==", "AWS::Serverless::StateMachine", "DefinitionUri: statemachine/order.asl.json", "# ==> statemachine/order.asl.json <==", `"${OrdersTableName}"`},
			[]string{"substitution ${OrdersTableName} = Orders"}},
		{"terraform", []string{def, "--to", "terraform"}, cli.ExitOK, []string{`resource "aws_sfn_state_machine" "order"`, "templatefile("}, nil},
		{"cdk", []string{"--to", "cdk", def}, cli.ExitOK, []string{"sfn.DefinitionBody.fromFile(\"statemachine/order.asl.json\")"}, nil},
		{"cfn inline, no substitutions", []string{"--to", "cfn", "--inline", "--no-substitutions", def}, cli.ExitOK,
			[]string{"Definition:", "TableName: Orders"}, nil},
		{"asl-yaml", []string{"--to", "asl-yaml", def}, cli.ExitOK, []string{"StartAt: Validate"}, nil},
		{"unknown target", []string{"--to", "pulumi", def}, cli.ExitUsage, nil, []string{"--to must be one of asl-json, asl-yaml, sam, cfn, cdk, terraform"}},
		{"no file", []string{"--to", "sam"}, cli.ExitUsage, nil, []string{"exactly one FILE"}},
		{"not a definition", []string{"--to", "sam", "testdata/validate/broken.json"}, cli.ExitFail, nil, []string{"parse definition"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runIaCCLI(append([]string{"export"}, tc.args...)...)
			if code != tc.code {
				t.Errorf("exit %d, want %d\n%s\n%s", code, tc.code, out, errs)
			}
			for _, w := range tc.stdout {
				if !strings.Contains(out, w) {
					t.Errorf("stdout lacks %q:\n%s", w, out)
				}
			}
			for _, w := range tc.stderr {
				if !strings.Contains(errs, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errs)
				}
			}
		})
	}
}

// --out writes the files, and refuses to replace existing ones without --force.
func TestExportOut(t *testing.T) {
	dir := t.TempDir()
	def := "../iac/exporter/testdata/order.asl.json"
	if code, out, errs := runIaCCLI("export", "--to", "sam", "--out", dir, def); code != cli.ExitOK {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	tpl := filepath.Join(dir, "template.yaml")
	if _, err := os.Stat(filepath.Join(dir, "statemachine", "order.asl.json")); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(tpl, []byte("# mine\n"), 0o644)
	code, _, errs := runIaCCLI("export", "--to", "sam", "--out", dir, def)
	if code != cli.ExitFail || !strings.Contains(errs, "nothing was written") {
		t.Errorf("exit %d: %s", code, errs)
	}
	if b, _ := os.ReadFile(tpl); string(b) != "# mine\n" {
		t.Error("an existing file was overwritten")
	}
	if code, _, errs := runIaCCLI("export", "--to", "sam", "--out", dir, "--force", def); code != cli.ExitOK {
		t.Errorf("--force: exit %d %s", code, errs)
	}
}

// A machine of a template exports like a definition: intrinsics become
// substitutions, and the template's literal values their defaults.
func TestExportFromTemplate(t *testing.T) {
	code, out, errs := runIaCCLI("export", "--to", "terraform", "testdata/iac/template.yaml", "--machine", "Fine")
	if code != cli.ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{`variable "function_arn"`, `FunctionArn = var.function_arn`, `"Resource": "${FunctionArn}"`, `resource "aws_sfn_state_machine" "fine"`} {
		if !strings.Contains(out, want) {
			t.Errorf("lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = runIaCCLI("export", "--to", "sam", "testdata/iac/template.yaml", "--machine", "Broken")
	if code != cli.ExitOK || !strings.Contains(out, "Default: Nowhere") {
		t.Errorf("literal substitution not kept as the default: exit %d\n%s", code, out)
	}
	code, _, errs = runIaCCLI("export", "--to", "sam", "testdata/iac/template.yaml")
	if code != cli.ExitUsage || !strings.Contains(errs, "choose one with --machine") || !strings.Contains(errs, "Broken, Fine") {
		t.Errorf("two machines, none chosen: exit %d %s", code, errs)
	}
}

// A directory contributes its Terraform files too, and skips the templates
// that hold no state machine and the JSON that is no definition (named on
// their own, they are an error).
func TestValidateDirectoryWithTemplates(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"flow.asl.json": `{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}`,
		"main.tf": `resource "aws_sfn_state_machine" "orders" {
  name     = "orders"
  role_arn = "arn:aws:iam::123456789012:role/sfn"
  definition = <<EOF
{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Nowhere"}}}
EOF
}
`,
		"network.tf":   `resource "aws_vpc" "main" { cidr_block = "10.0.0.0/16" }` + "\n",
		"bucket.yaml":  "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B:\n    Type: AWS::S3::Bucket\n",
		"package.json": `{"name": "infra", "version": "1.0.0"}`,
		"broken.json":  `{"StartAt": "A", "States": {`,
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errs := runIaCCLI("validate", dir)
	if code != cli.ExitFail {
		t.Errorf("exit %d, want 1 (main.tf's machine is broken):\n%s%s", code, out, errs)
	}
	for _, want := range []string{"flow.asl.json: valid", "MISSING_TRANSITION_TARGET", "main.tf (aws_sfn_state_machine.orders): invalid", "broken.json: invalid"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	for _, skipped := range []string{"network.tf", "bucket.yaml", "package.json"} {
		if strings.Contains(out, skipped) {
			t.Errorf("%s holds no state machine and should be skipped:\n%s", skipped, out)
		}
	}
}
