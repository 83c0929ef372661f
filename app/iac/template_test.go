package iac

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// Each case opens one machine of a template in testdata/import, checks
// what was found, makes one edit and compares the whole saved file with
// its golden copy: only the definition's changed lines may differ.
func TestOpenEditSave(t *testing.T) {
	cases := []struct {
		file, id   string
		origin     string
		format     string
		subs       string // name=value;… as listed
		problem    string // part of Problem when it cannot be opened
		readOnly   bool
		old, new   string // the edit
		editedFile string // file the edit lands in, relative to testdata/import
	}{
		{file: "sam.yaml", id: "Inline", origin: "Definition", format: "yaml", old: "StartAt: Hello", new: "StartAt: Hello\nTimeoutSeconds: 30"},
		{file: "sam.yaml", id: "FromFile", origin: "DefinitionUri", format: "json", subs: "OrderTableName=!Ref OrderTable;FunctionArn=!GetAtt OrderFunction.Arn;Region=eu-west-1;QueueUrl=!Ref Queue",
			old: `"Item": {}`, new: `"Item": {"id": {"S.$": "$.id"}}`, editedFile: "statemachine/order.asl.json"},
		{file: "sam.yaml", id: "Missing", origin: "DefinitionUri", problem: "statemachine/missing.asl.json, which does not exist"},
		{file: "sam.yaml", id: "InS3", origin: "DefinitionS3Location", problem: "in S3"},
		{file: "cfn-sub.yaml", id: "Machine", origin: "DefinitionString", format: "json", subs: "Fn=!GetAtt Function.Arn",
			old: `"StartAt": "Call",`, new: `"Comment": "edited",` + "\n  " + `"StartAt": "Call",`},
		{file: "cfn-sub.yaml", id: "Joined", origin: "DefinitionString", problem: "Fn::Join"},
		{file: "cfn.json", id: "AsString", origin: "DefinitionString", format: "json", old: `"Pass"`, new: `"Pass","Result":"say \"hi\""`},
		{file: "cfn.json", id: "AsObject", origin: "Definition", format: "json", subs: "Table=!GetAtt T.Arn", old: `"End": true}`, new: `"End": true, "Comment": "x"}`},
		{file: "main.tf", id: "aws_sfn_state_machine.heredoc", origin: "heredoc", format: "json", old: `"StartAt": "A",`, new: `"Comment": "tf",` + "\n  " + `"StartAt": "A",`},
		{file: "main.tf", id: "aws_sfn_state_machine.indented", origin: "heredoc", format: "json", old: `"Pass"`, new: `"Succeed"`},
		{file: "main.tf", id: "aws_sfn_state_machine.file", origin: "templatefile", format: "json", subs: "OrderTableName=aws_dynamodb_table.orders.name;Region=eu-west-1",
			old: `"Save"`, new: `"Store"`, editedFile: "statemachine/order.asl.json"},
		{file: "main.tf", id: "aws_sfn_state_machine.data", origin: "template_file", format: "json", subs: "OrderTableName=orders"},
		{file: "main.tf", id: "aws_sfn_state_machine.hcl", origin: "jsonencode", format: "json", readOnly: true},
		{file: "main.tf", id: "aws_sfn_state_machine.module", problem: "variable var.definition"},
		{file: "main.tf", id: "aws_sfn_state_machine.local", origin: "templatefile", format: "json", subs: "OrderTableName=orders"},
		{file: "main.tf", id: "aws_sfn_state_machine.quoted", origin: "string", format: "json", old: `"Pass"`, new: `"Succeed"`},
		{file: "main.tf", id: "aws_sfn_state_machine.dangling", problem: "data.template_file.nope.rendered, which this file does not define"},
		{file: "serverless.yml", id: "fromFile", origin: "${file()}", format: "json"},
		{file: "serverless.yml", id: "inline", origin: "definition", format: "yaml", old: "Type: Pass", new: "Type: Succeed"},
		{file: "strings.yaml", id: "SubBlock", origin: "DefinitionString", format: "json", old: `"Type": "Task"`, new: `"Type": "Task", "TimeoutSeconds": 5`},
		{file: "strings.yaml", id: "Quoted", origin: "DefinitionString", format: "json", old: `"Pass"`, new: `"Pass", "Comment": "two\nlines"`},
		{file: "crlf.yaml", id: "M", origin: "Definition", format: "yaml", old: "StartAt: A", new: "Comment: crlf\nStartAt: A"},
	}
	for _, c := range cases {
		t.Run(c.file+"#"+c.id, func(t *testing.T) {
			dir := t.TempDir()
			copyDir(t, filepath.Join("testdata", "import"), dir)
			tpl := filepath.Join(dir, c.file)
			tp, err := Scan(tpl)
			if err != nil {
				t.Fatal(err)
			}
			m, err := tp.Find(c.id)
			if err != nil {
				t.Fatal(err)
			}
			if c.origin != "" && m.Origin != c.origin {
				t.Errorf("origin %q, want %q", m.Origin, c.origin)
			}
			if got := subsString(m.Substitutions); got != c.subs {
				t.Errorf("substitutions %q, want %q", got, c.subs)
			}
			if c.problem != "" {
				if !strings.Contains(m.Problem, c.problem) {
					t.Errorf("problem %q, want it to mention %q", m.Problem, c.problem)
				}
				if _, err := Open(tpl, c.id); err == nil {
					t.Error("Open succeeded on a machine that cannot be opened")
				}
				return
			}
			if m.Problem != "" {
				t.Fatalf("unexpected problem: %s", m.Problem)
			}
			if string(m.Format) != c.format {
				t.Errorf("format %q, want %q", m.Format, c.format)
			}
			o, err := Open(tpl, c.id)
			if err != nil {
				t.Fatal(err)
			}
			if (o.ReadOnly != "") != c.readOnly {
				t.Errorf("read-only %q, want %v", o.ReadOnly, c.readOnly)
			}
			if c.readOnly {
				before := readString(t, tpl)
				if _, err := Save(tpl, c.id, o.Hash, o.Text+" "); !errors.Is(err, ErrNotEditable) {
					t.Errorf("editing a read-only definition: %v", err)
				}
				if readString(t, tpl) != before {
					t.Error("a read-only definition was written")
				}
			}
			if c.old == "" {
				return
			}
			if !strings.Contains(o.Text, c.old) {
				t.Fatalf("opened text lacks %q:\n%s", c.old, o.Text)
			}
			if _, err := Save(tpl, c.id, o.Hash, strings.Replace(o.Text, c.old, c.new, 1)); err != nil {
				t.Fatal(err)
			}
			edited := c.file
			if c.editedFile != "" {
				edited = c.editedFile
			}
			got, err := os.ReadFile(filepath.Join(dir, edited))
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "golden", strings.NewReplacer("/", "_", "#", "_").Replace(c.file+"#"+c.id)+".golden")
			if *update {
				os.MkdirAll(filepath.Dir(golden), 0o755)
				os.WriteFile(golden, got, 0o644)
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != string(want) {
				t.Errorf("saved file differs from %s:\n%s", golden, got)
			}
			again, err := Open(tpl, c.id)
			if err != nil || !strings.Contains(again.Text, c.new) {
				t.Errorf("reopened: %v\n%s", err, again.Text)
			}
		})
	}
}

func subsString(subs []Substitution) string {
	parts := make([]string, len(subs))
	for i, s := range subs {
		parts[i] = s.Name + "=" + s.Value
	}
	return strings.Join(parts, ";")
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, filepath.Join("testdata", "import"), dir)
	if _, err := Scan(filepath.Join(dir, "none.yaml")); !errors.Is(err, ErrNoMachines) {
		t.Errorf("template with no state machine: %v, want ErrNoMachines", err)
	}
	if _, err := Scan(filepath.Join(dir, "statemachine", "order.asl.json")); !errors.Is(err, ErrUnsupported) {
		t.Errorf("plain ASL file: %v, want ErrUnsupported", err)
	}
	if _, err := Open(filepath.Join(dir, "sam.yaml"), "Nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown machine: %v, want ErrNotFound", err)
	}
	// Substitutions naming something the template does not declare.
	tp, err := Scan(filepath.Join(dir, "sam.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	m, _ := tp.Find("FromFile")
	var broken []string
	for _, s := range m.Substitutions {
		if s.Problem != "" {
			broken = append(broken, s.Name+": "+s.Problem)
		}
	}
	want := []string{
		"OrderTableName: refers to OrderTable, which the template does not declare (broken reference)",
		"FunctionArn: refers to OrderFunction, which the template does not declare (broken reference)",
	}
	if strings.Join(broken, "|") != strings.Join(want, "|") {
		t.Errorf("broken substitutions %q, want %q", broken, want)
	}
	// A file changed after it was opened is refused and left alone.
	tpl := filepath.Join(dir, "sam.yaml")
	o, err := Open(tpl, "Inline")
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(readString(t, tpl), "# kept", "# someone else's edit", 1)
	os.WriteFile(tpl, []byte(changed), 0o644)
	_, err = Save(tpl, "Inline", o.Hash, strings.Replace(o.Text, "Hello", "Bye", -1))
	if !errors.Is(err, ErrChanged) {
		t.Fatalf("save over a changed file: %v, want ErrChanged", err)
	}
	if readString(t, tpl) != changed {
		t.Error("the changed file was overwritten")
	}
	// An empty definition is refused.
	o, _ = Open(tpl, "Inline")
	if _, err := Save(tpl, "Inline", o.Hash, "  \n"); err == nil {
		t.Error("an empty definition was saved")
	}
}

func readString(t *testing.T, p string) string {
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// An edit that would break the rest of the template is refused and
// nothing is written; one that only adds a trailing comment is fine.
func TestSaveKeepsTemplateReadable(t *testing.T) {
	cases := []struct {
		file, id string
		edit     func(string) string
		ok       bool
	}{
		{"main.tf", "aws_sfn_state_machine.heredoc", func(s string) string { return s + "\nEOF\nresource \"x\" \"y\" {" }, false},
		{"sam.yaml", "Inline", func(s string) string { return strings.Replace(s, "StartAt: Hello", "StartAt: [Hello", 1) }, false},
		{"sam.yaml", "Inline", func(s string) string { return s + "\n# reviewed" }, true},
		{"cfn.json", "AsObject", func(s string) string { return strings.Replace(s, `"StartAt": "A",`, `"StartAt": "A"}, "Oops": {`, 1) }, false},
	}
	for _, c := range cases {
		dir := t.TempDir()
		copyDir(t, filepath.Join("testdata", "import"), dir)
		tpl := filepath.Join(dir, c.file)
		before := readString(t, tpl)
		o, err := Open(tpl, c.id)
		if err != nil {
			t.Fatal(err)
		}
		_, err = Save(tpl, c.id, o.Hash, c.edit(o.Text))
		if c.ok {
			if err != nil {
				t.Errorf("%s#%s: %v", c.file, c.id, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), "nothing was written") {
			t.Errorf("%s#%s: breaking edit gave %v", c.file, c.id, err)
		}
		if readString(t, tpl) != before {
			t.Errorf("%s#%s: the template was written", c.file, c.id)
		}
	}
}

func TestJSONEncodeShownAsJSON(t *testing.T) {
	o, err := Open(filepath.Join("testdata", "import", "main.tf"), "aws_sfn_state_machine.hcl")
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "StartAt": "A",
  "States": {
    "A": {
      "Type": "Pass",
      "End": true
    }
  }
}`
	if o.Text != want {
		t.Errorf("got\n%s\nwant\n%s", o.Text, want)
	}
}
