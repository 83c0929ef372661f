package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/app/cli"
)

// A template that names a file outside its folder: validate reports it
// located where the template names it, export refuses it; both read it
// with --allow-outside-project, or with --project-root naming a folder
// that holds it.
func TestTemplateReferencesOutsideTheProject(t *testing.T) {
	base := t.TempDir()
	os.MkdirAll(filepath.Join(base, "shared"), 0o755)
	os.MkdirAll(filepath.Join(base, "infra"), 0o755)
	secret := filepath.Join(base, "shared", "order.asl.json")
	os.WriteFile(secret, []byte(`{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}`), 0o644)
	tpl := filepath.Join(base, "infra", "template.yaml")
	os.WriteFile(tpl, []byte("Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: ../shared/order.asl.json\n"), 0o644)

	code, out, errs := runIaCCLI("validate", tpl)
	for _, want := range []string{
		tpl + ":5:22: error IAC_REFERENCE_OUTSIDE_PROJECT: M: DefinitionUri ../shared/order.asl.json leads to " + secret + ", outside the project folder " + filepath.Join(base, "infra"),
		"--allow-outside-project", tpl + " (M): invalid",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("validate lacks %q:\n%s", want, out)
		}
	}
	if code != cli.ExitFail || errs != "" {
		t.Errorf("validate: exit %d, stderr %q", code, errs)
	}
	for _, flags := range [][]string{{"--allow-outside-project"}, {"--project-root", base}} {
		if code, out, errs := runIaCCLI(append([]string{"validate", tpl}, flags...)...); code != cli.ExitOK || !strings.Contains(out, "order.asl.json (M): valid") {
			t.Errorf("validate %v: exit %d\n%s%s", flags, code, out, errs)
		}
	}

	code, out, errs = runIaCCLI("export", "--to", "asl-json", tpl)
	if code != cli.ExitUsage || out != "" || !strings.Contains(errs, tpl+":5:22: M: DefinitionUri ../shared/order.asl.json leads to "+secret) || !strings.Contains(errs, "--project-root DIR") {
		t.Errorf("export: exit %d\nstdout %q\nstderr %q", code, out, errs)
	}
	for _, flags := range [][]string{{"--allow-outside-project"}, {"--project-root", base}} {
		code, out, errs := runIaCCLI(append([]string{"export", "--to", "asl-json", tpl}, flags...)...)
		if code != cli.ExitOK || !strings.Contains(out, `"StartAt"`) {
			t.Errorf("export %v: exit %d\n%s%s", flags, code, out, errs)
		}
	}
}

// A template with a second YAML document is an invalid template, located
// where the second document starts.
func TestValidateTemplateSecondDocument(t *testing.T) {
	tpl := filepath.Join(t.TempDir(), "template.yaml")
	os.WriteFile(tpl, []byte("Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      Definition: {StartAt: A, States: {A: {Type: Succeed}}}\n---\nResources: {}\n"), 0o644)
	code, out, _ := runIaCCLI("validate", "--format", "json", tpl)
	var rep struct {
		Files []struct {
			Valid       bool
			Diagnostics []struct {
				Code         string
				Message      string
				Line, Column int
			}
		}
	}
	json.Unmarshal([]byte(out), &rep)
	if code != cli.ExitFail || len(rep.Files) != 1 || len(rep.Files[0].Diagnostics) != 1 {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	d := rep.Files[0].Diagnostics[0]
	if d.Code != "INVALID_TEMPLATE" || d.Line != 6 || d.Column != 1 || !strings.HasPrefix(d.Message, "a second YAML document starts here") {
		t.Errorf("%+v", d)
	}
}
