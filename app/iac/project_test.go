package iac

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stepstudio/stepstudio/app/files"
	"github.com/stepstudio/stepstudio/schema"
)

const definition = `{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}`

// project lays out a project folder with a template (rel path to it)
// and a definition inside, and a secret outside it; it returns the
// template's path and the secret's.
func project(t *testing.T, rel, template string) (string, string) {
	t.Helper()
	base := t.TempDir()
	outside := filepath.Join(base, "outside")
	proj := filepath.Join(base, "proj")
	os.MkdirAll(outside, 0o755)
	os.MkdirAll(filepath.Join(proj, "statemachine"), 0o755)
	secret := filepath.Join(outside, "secret.json")
	os.WriteFile(secret, []byte(definition), 0o644)
	os.WriteFile(filepath.Join(proj, "statemachine", "order.asl.json"), []byte(definition), 0o644)
	tpl := filepath.Join(proj, rel)
	os.MkdirAll(filepath.Dir(tpl), 0o755)
	os.WriteFile(tpl, []byte(strings.ReplaceAll(template, "SECRET", secret)), 0o644)
	return tpl, secret
}

func link(t *testing.T, to, at string) {
	t.Helper()
	if err := os.Symlink(to, at); err != nil {
		t.Skip("no symlinks here:", err)
	}
}

// Every way a template names a file, pointed outside the project folder
// (by "..", an absolute path, a link): refused with the reference, where
// it leads and where it is written; read with AllowOutside.
func TestReferencesOutsideTheProject(t *testing.T) {
	sam := "Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: %s\n"
	s3loc := "Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionS3Location: %s\n"
	tf := "resource \"aws_sfn_state_machine\" \"m\" {\n  name = \"m\"\n  definition = %s\n}\n"
	tfData := "data \"template_file\" \"d\" {\n  template = %s\n}\nresource \"aws_sfn_state_machine\" \"m\" {\n  definition = data.template_file.d.rendered\n}\n"
	sls := "service: s\nstepFunctions:\n  stateMachines:\n    m:\n      definition: ${file(%s)}\n"
	cases := []struct {
		name, file, format, ref string
		line, col               int
		setup                   func(proj string)
	}{
		{"sam dot-dot", "template.yaml", sam, "../outside/secret.json", 5, 22, nil},
		{"sam deep dot-dot", "template.yaml", sam, "statemachine/../../outside/secret.json", 5, 22, nil},
		{"sam absolute", "template.yaml", sam, "SECRET", 5, 22, nil},
		{"sam linked folder", "template.yaml", sam, "shared/secret.json", 5, 22, func(proj string) {
			link(t, filepath.Join(proj, "..", "outside"), filepath.Join(proj, "shared"))
		}},
		{"sam linked file", "template.yaml", sam, "statemachine/linked.asl.json", 5, 22, func(proj string) {
			link(t, filepath.Join(proj, "..", "outside", "secret.json"), filepath.Join(proj, "statemachine", "linked.asl.json"))
		}},
		{"cfn DefinitionS3Location", "template.yaml", s3loc, "../outside/secret.json", 5, 29, nil},
		{"terraform file()", "main.tf", tf, `file("SECRET")`, 3, 21, nil},
		{"terraform templatefile()", "main.tf", tf, `templatefile("${path.module}/../outside/secret.json", {})`, 3, 29, nil},
		{"terraform template_file", "main.tf", tfData, `file("${path.root}/../outside/secret.json")`, 2, 19, nil},
		{"serverless", "serverless.yml", sls, "../outside/secret.json", 5, 19, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tpl, secret := project(t, c.file, fmt.Sprintf(c.format, c.ref))
			proj := filepath.Dir(tpl)
			if c.setup != nil {
				c.setup(proj)
			}
			tp, err := Scan(tpl)
			if err != nil {
				t.Fatal(err)
			}
			m := tp.Machines[0]
			if !m.outside || !m.Broken || !strings.Contains(m.Problem, "outside the project folder "+proj) || !strings.Contains(m.Problem, "secret.json") {
				t.Fatalf("problem %q (outside %v), want a refusal naming the project and where it leads", m.Problem, m.outside)
			}
			if m.File != tpl || m.Line != c.line || m.column != c.col {
				t.Errorf("located at %s:%d:%d, want %s:%d:%d", m.File, m.Line, m.column, tpl, c.line, c.col)
			}
			_, err = Open(tpl, m.ID)
			var pe *PosError
			if !errors.As(err, &pe) || !errors.Is(err, ErrOutsideProject) || pe.Line != c.line || pe.Column != c.col {
				t.Errorf("Open: %v, want a located ErrOutsideProject", err)
			} else if want := fmt.Sprintf("%s:%d:%d: %s: ", tpl, c.line, c.col, m.ID); !strings.HasPrefix(err.Error(), want) {
				t.Errorf("Open: %q, want it to start %q", err, want)
			}
			checked, err := ValidateTemplate(tpl)
			if err != nil {
				t.Fatal(err)
			}
			d := checked[0].Result.Diagnostics
			if len(d) != 1 || d[0].Code != CodeOutsideProject || d[0].Severity != schema.Error || d[0].Range.Start.Line != c.line || d[0].Range.Start.Column != c.col {
				t.Errorf("validate: %+v", d)
			}
			// Allowed: read and validated where it is.
			allowed := Project{AllowOutside: true}
			o, err := allowed.Open(tpl, m.ID)
			if err != nil {
				t.Fatalf("allowed: %v", err)
			}
			if o.Text != definition {
				t.Errorf("allowed: %q", o.Text)
			}
			if real, _ := filepath.EvalSymlinks(o.File); real != secret {
				t.Errorf("allowed: read %s, want %s", o.File, secret)
			}
			if checked, err := allowed.ValidateTemplate(tpl); err != nil || !checked[0].Result.Valid() {
				t.Errorf("allowed validate: %+v %v", checked, err)
			}
		})
	}
}

// References that stay inside still work, including through a link that
// stays inside and from a template in a sub-folder of a named root.
func TestReferencesInsideTheProject(t *testing.T) {
	tpl, _ := project(t, "template.yaml", "Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionS3Location: statemachine/alias.json\n")
	link(t, "order.asl.json", filepath.Join(filepath.Dir(tpl), "statemachine", "alias.json"))
	if o, err := Open(tpl, "M"); err != nil || o.Text != definition {
		t.Errorf("a link inside: %v", err)
	}
	// infra/template.yaml refers to ../statemachine: outside infra/, the
	// default root; inside the project named as the root.
	tpl, _ = project(t, "infra/template.yaml", "Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: ../statemachine/order.asl.json\n")
	if _, err := Open(tpl, "M"); !errors.Is(err, ErrOutsideProject) {
		t.Errorf("default root: %v", err)
	}
	root := filepath.Dir(filepath.Dir(tpl))
	o, err := Project{Root: root}.Open(tpl, "M")
	if err != nil || o.Text != definition {
		t.Fatalf("named root: %v", err)
	}
	saved, err := Project{Root: root}.Save(tpl, "M", o.Hash, strings.Replace(definition, "Pass", "Succeed", 1))
	if err != nil || !strings.Contains(saved.Text, "Succeed") {
		t.Fatalf("save under a named root: %v", err)
	}
}

// A definition file that is a link (inside the project) is read, but
// never written through.
func TestSaveRefusesLinkedDefinition(t *testing.T) {
	tpl, _ := project(t, "template.yaml", "Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: statemachine/alias.json\n")
	alias := filepath.Join(filepath.Dir(tpl), "statemachine", "alias.json")
	link(t, "order.asl.json", alias)
	o, err := Open(tpl, "M")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Save(tpl, "M", o.Hash, strings.Replace(o.Text, "Pass", "Succeed", 1)); !errors.Is(err, files.ErrSymlink) {
		t.Errorf("save through a link: %v", err)
	}
	if b, _ := os.ReadFile(alias); string(b) != definition {
		t.Errorf("written through the link: %s", b)
	}
}

// A referenced FIFO fails at once and a referenced device is refused:
// nothing hangs, nothing fills the memory.
func TestReferencedSpecialFiles(t *testing.T) {
	tpl, _ := project(t, "template.yaml", "Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: statemachine/pipe.asl.json\n  Z:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: /dev/zero\n")
	if err := syscall.Mkfifo(filepath.Join(filepath.Dir(tpl), "statemachine", "pipe.asl.json"), 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	done := make(chan []Checked, 1)
	go func() {
		c, _ := Project{AllowOutside: true}.ValidateTemplate(tpl)
		done <- c
	}()
	select {
	case checked := <-done:
		for _, c := range checked {
			d := c.Result.Diagnostics
			if len(d) != 1 || d[0].Code != "IAC_BROKEN_REFERENCE" || !strings.Contains(d[0].Message, "not a regular file") {
				t.Errorf("%s: %+v", c.Machine.ID, d)
			}
		}
	case <-time.After(5 * time.Second):
		t.Fatal("validating a template that refers to a FIFO hangs")
	}
}

// A second YAML document in a template is not ignored: it is an error
// located at its start.
func TestTemplateSecondDocument(t *testing.T) {
	for name, src := range map[string]string{
		"template.yaml":  "Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      Definition: {StartAt: A, States: {A: {Type: Pass, End: true}}}\n---\nResources: {}\n",
		"serverless.yml": "service: s\nstepFunctions:\n  stateMachines:\n    m:\n      definition: {StartAt: A, States: {A: {Type: Pass, End: true}}}\n---\nx: 1\n",
	} {
		p := filepath.Join(t.TempDir(), name)
		os.WriteFile(p, []byte(src), 0o644)
		_, err := Scan(p)
		var pe *PosError
		if !errors.As(err, &pe) || pe.Line != 6 || pe.Column != 1 || pe.File != p || !strings.Contains(err.Error(), "second YAML document") {
			t.Errorf("%s: %v, want an error at %s:6:1", name, err, p)
		}
	}
}
