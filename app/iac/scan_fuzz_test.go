package iac

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// The template readers take files from anywhere (a cloned repository, a
// pull request): whatever the bytes, a scan must not panic, must not read
// a file outside the project folder, and every machine it can open must
// have its definition inside the bytes read, decodable, and unchanged by
// saving it unedited. One target per reader, seeded from testdata/import
// and a few hostile shapes; run each with
//
//	go test ./app/iac -run '^$' -fuzz '^FuzzScanTerraform$' -fuzztime 10m

func FuzzScanCloudFormation(f *testing.F) {
	fuzzScan(f, "template.yaml", []string{"sam.yaml", "cfn-sub.yaml", "cfn.json", "crlf.yaml", "strings.yaml", "none.yaml"},
		"Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: ../../../../../../etc/passwd\n",
		"Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionS3Location: /dev/zero\n",
		"Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: statemachine/leak.asl.json\n",
		"Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      Definition: {StartAt: A}\n---\nResources: {}\n",
		"Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionString: !Sub\n        - |\n          {\"StartAt\": \"${X}\"}\n        - X: a\n",
	)
}

func FuzzScanTerraform(f *testing.F) {
	fuzzScan(f, "main.tf", []string{"main.tf"},
		"resource \"aws_sfn_state_machine\" \"m\" {\n  definition = file(\"/etc/passwd\")\n}\n",
		"resource \"aws_sfn_state_machine\" \"m\" {\n  definition = templatefile(\"${path.module}/../../x.json\", {a = \"b\"})\n}\n",
		"resource \"aws_sfn_state_machine\" \"m\" {\n  definition = <<-EOF\n    {\"StartAt\": \"A\"}\n  EOF\n}\n",
	)
}

func FuzzScanServerless(f *testing.F) {
	fuzzScan(f, "serverless.yml", []string{"serverless.yml"},
		"service: s\nstepFunctions:\n  stateMachines:\n    m:\n      definition: ${file(../../etc/passwd)}\n",
		"service: s\nstepFunctions:\n  stateMachines:\n    m:\n      definition: ${file(/dev/zero)}\n",
	)
}

// secret is in a file beside the project folder, which a link inside it
// (statemachine/leak.asl.json) points at.
const secret = "SecretOutsideTheProject"

func fuzzScan(f *testing.F, name string, seeds []string, extra ...string) {
	for _, s := range seeds {
		src, err := os.ReadFile(filepath.Join("testdata", "import", s))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	for _, s := range extra {
		f.Add([]byte(s))
	}
	// The project: testdata/import copied once (the files its templates
	// refer to), inside a folder holding a file the templates must not
	// reach.
	base := f.TempDir()
	root := filepath.Join(base, "project")
	copyDir(f, filepath.Join("testdata", "import"), root)
	os.WriteFile(filepath.Join(base, "secret.asl.json"), []byte(`{"StartAt":"`+secret+`"}`), 0o644)
	os.Symlink("../../secret.asl.json", filepath.Join(root, "statemachine", "leak.asl.json"))
	tpl := filepath.Join(root, name)
	rs := resolver{root: root}
	f.Fuzz(func(t *testing.T, src []byte) {
		tp, err := scanSource(tpl, tpl, src, rs)
		if err != nil {
			return
		}
		for i := range tp.Machines {
			m := &tp.Machines[i]
			if m.File != tpl {
				if rel, err := filepath.Rel(root, m.File); err != nil || !filepath.IsLocal(rel) {
					t.Fatalf("%s: read %s, outside the project %s", m.ID, m.File, root)
				}
				if bytes.Contains(m.src, []byte(secret)) {
					t.Fatalf("%s: read the file outside the project through %s", m.ID, m.File)
				}
			}
			if m.Problem != "" {
				continue
			}
			if m.region.Start < 0 || m.region.Start > m.region.End || m.region.End > len(m.src) {
				t.Fatalf("%s: region %d-%d outside the %d bytes read", m.ID, m.region.Start, m.region.End, len(m.src))
			}
			o, err := open(tp, m)
			if err != nil {
				continue // a definition the codec cannot decode
			}
			out, _, err := o.region.splice(o.src, o.Text, o.Text)
			if err == nil && !bytes.Equal(out, o.src) {
				t.Fatalf("%s: saving the definition unedited changes the file:\n%q\nbecame\n%q", m.ID, o.src, out)
			}
		}
	})
}
