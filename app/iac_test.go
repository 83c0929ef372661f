package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/app/files"
	"github.com/stepstudio/stepstudio/app/iac"
	"github.com/stepstudio/stepstudio/app/iac/exporter"
)

// The bound IaC service end to end: open a template, edit a machine,
// save it back; export with a renamed substitution and write it, asking
// before replacing anything.
func TestIaCOpenEditSave(t *testing.T) {
	dir := t.TempDir()
	tpl := filepath.Join(dir, "template.yaml")
	src := "Resources:\n  # keep me\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      Definition:\n        StartAt: A\n        States:\n          A:\n            Type: Pass\n            End: true\n      RoleArn: r\n"
	os.WriteFile(tpl, []byte(src), 0o644)
	desk := &fakeDesktop{answers: []string{tpl}}
	x := &IaC{ctx: t.Context(), desk: desk}
	path, err := x.ChooseTemplate()
	if err != nil || path != tpl {
		t.Fatalf("ChooseTemplate: %q %v", path, err)
	}
	list, err := x.ScanTemplate(path)
	if err != nil || len(list.Machines) != 1 || list.Machines[0].ID != "M" {
		t.Fatalf("ScanTemplate: %+v %v", list, err)
	}
	o, err := x.OpenMachine(path, "M")
	if err != nil {
		t.Fatal(err)
	}
	saved, err := x.SaveMachine(path, "M", o.Hash, strings.Replace(o.Text, "Type: Pass", "Type: Succeed", 1))
	if err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(tpl)
	if want := strings.Replace(src, "Type: Pass", "Type: Succeed", 1); string(got) != want {
		t.Errorf("saved template:\n%s\nwant\n%s", got, want)
	}
	if _, err := x.SaveMachine(path, "M", o.Hash, o.Text); err == nil {
		t.Error("a save with the hash from before the last save was accepted")
	}
	if saved.Hash == o.Hash {
		t.Error("the hash did not change with the file")
	}
}

func TestIaCExport(t *testing.T) {
	dir := t.TempDir()
	main := filepath.Join(dir, "template.yaml")
	desk := &fakeDesktop{answers: []string{main}}
	x := &IaC{ctx: t.Context(), desk: desk}
	text := `{"StartAt":"Put","States":{"Put":{"Type":"Task","Resource":"arn:aws:states:::sns:publish","Parameters":{"TopicArn":"arn:aws:sns:us-east-1:123456789012:alerts","Message":"hi"},"End":true}}}`
	cands, err := x.ExportCandidates(text)
	if err != nil || len(cands) != 1 || cands[0].Name != "AlertsTopicArn" {
		t.Fatalf("candidates %+v %v", cands, err)
	}
	cands[0].Name = "AlarmTopic"
	res, err := x.Export(text, exporter.Options{Target: exporter.SAM, Name: "alerts", Substitutions: cands})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Files[0].Content, "AlarmTopic: !Ref AlarmTopic") || !strings.Contains(res.Files[1].Content, "${AlarmTopic}") {
		t.Errorf("renamed substitution not in both files:\n%s\n%s", res.Files[0].Content, res.Files[1].Content)
	}
	path, err := x.ChooseExportPath(res.Files[0].Path)
	if err != nil || path != main {
		t.Fatal(path, err)
	}
	w, err := x.WriteExport(path, res.Files, false)
	if err != nil || len(w.Written) != 2 || len(w.Existing) != 0 {
		t.Fatalf("%+v %v", w, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "statemachine", "alerts.asl.json")); err != nil {
		t.Error(err)
	}
	os.WriteFile(main, []byte("mine"), 0o644)
	w, err = x.WriteExport(path, res.Files, false)
	if err != nil || len(w.Existing) != 2 || len(w.Written) != 0 {
		t.Fatalf("second write: %+v %v", w, err)
	}
	if b, _ := os.ReadFile(main); string(b) != "mine" {
		t.Error("an existing file was replaced without asking")
	}
	// CDK: the main file is lib/x-stack.ts; the definition goes to the
	// export root, above lib/.
	cdk, _ := x.Export(text, exporter.Options{Target: exporter.CDK, Name: "alerts"})
	stack := filepath.Join(dir, "cdk", "lib", "alerts-stack.ts")
	if _, err := x.WriteExport(stack, cdk.Files, false); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "cdk", "statemachine", "alerts.asl.json")); err != nil {
		t.Error(err)
	}
	// Saved outside a lib/ folder, the stack's folder is the export's root.
	flat := filepath.Join(dir, "flat", "alerts-stack.ts")
	os.MkdirAll(filepath.Dir(flat), 0o755)
	if _, err := x.WriteExport(flat, cdk.Files, false); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "flat", "statemachine", "alerts.asl.json")); err != nil {
		t.Error(err)
	}
}

// A machine opened from a template keeps its intrinsics; exporting it
// turns them into substitutions the target declares.
func TestIaCExportTemplateMachine(t *testing.T) {
	x := &IaC{ctx: t.Context(), desk: &fakeDesktop{}}
	text := "StartAt: Call\nStates:\n  Call:\n    Type: Task\n    Resource: !GetAtt ReserveFunction.Arn\n    End: true\n"
	res, err := x.Export(text, exporter.Options{Target: exporter.SAM, Name: "checkout"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Files[0].Content, "ReserveFunctionArn: !Ref ReserveFunctionArn") ||
		!strings.Contains(res.Files[1].Content, `Resource: "${ReserveFunctionArn}"`) ||
		!strings.Contains(res.Files[0].Content, "lambda:InvokeFunction") {
		t.Errorf("intrinsic not exported as a substitution:\n%s\n%s", res.Files[0].Content, res.Files[1].Content)
	}
}

// The frontend hands WriteExport the file list: a path in it that climbs
// out of the export's folder, or a chosen file that is a link, is refused
// and nothing is written.
func TestIaCWriteExportStaysInItsFolder(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	x := &IaC{ctx: t.Context(), desk: &fakeDesktop{}}
	main := filepath.Join(dir, "template.yaml")
	bad := []exporter.File{{Path: "template.yaml", Content: "T"}, {Path: "../" + filepath.Base(outside) + "/x.json", Content: "{}"}}
	if _, err := x.WriteExport(main, bad, true); !errors.Is(err, files.ErrOutside) {
		t.Errorf("a .. path: %v", err)
	}
	victim := filepath.Join(outside, "victim")
	os.WriteFile(victim, []byte("keep"), 0o644)
	if err := os.Symlink(victim, main); err != nil {
		t.Skip("no symlinks here:", err)
	}
	ok := []exporter.File{{Path: "template.yaml", Content: "T"}, {Path: "statemachine/m.asl.json", Content: "{}"}}
	if _, err := x.WriteExport(main, ok, true); !errors.Is(err, files.ErrSymlink) {
		t.Errorf("a linked main file: %v", err)
	}
	if b, _ := os.ReadFile(victim); string(b) != "keep" {
		t.Errorf("victim = %q", b)
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 1 {
		t.Errorf("written outside: %d entries", len(entries))
	}
	if _, err := os.Stat(filepath.Join(dir, "statemachine")); err == nil {
		t.Error("a file was written before the refusal")
	}
}

// The studio follows a template's file references inside its folder only:
// one leading out is listed with the refusal, and opening it says where
// the template names it.
func TestIaCRefusesReferencesOutsideTheTemplateFolder(t *testing.T) {
	dir := t.TempDir()
	tpl := filepath.Join(dir, "template.yaml")
	os.WriteFile(tpl, []byte("Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: ../../../../../../etc/passwd\n"), 0o644)
	x := &IaC{ctx: t.Context(), desk: &fakeDesktop{}}
	list, err := x.ScanTemplate(tpl)
	if err != nil || len(list.Machines) != 1 || !list.Machines[0].Broken || !strings.Contains(list.Machines[0].Problem, "leads to /etc/passwd, outside the project folder") {
		t.Fatalf("ScanTemplate: %+v %v", list, err)
	}
	if _, err := x.OpenMachine(tpl, "M"); !errors.Is(err, iac.ErrOutsideProject) || !strings.HasPrefix(err.Error(), tpl+":5:22: M: DefinitionUri ../../../../../../etc/passwd leads to /etc/passwd") {
		t.Errorf("OpenMachine: %v", err)
	}
}
