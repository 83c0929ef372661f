//go:build linux

package hostile

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// templateCases: IaC templates whose state machine points at a file
// outside the project (or at /dev/zero, a FIFO, a huge file). Files a
// template references resolve inside the template's folder; anything else
// is refused, located, unless the user allows it.
func templateCases() []hostileCase {
	const class = "template: file references"
	sam := func(uri string) string {
		return fmt.Sprintf("AWSTemplateFormatVersion: \"2010-09-09\"\nTransform: AWS::Serverless-2016-10-31\nResources:\n  Flow:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: %s\n", uri)
	}
	tf := func(call string) string {
		return fmt.Sprintf("resource \"aws_sfn_state_machine\" \"flow\" {\n  name = \"flow\"\n  role_arn = \"arn:aws:iam::123456789012:role/r\"\n  definition = %s\n}\n", call)
	}
	sls := func(ref string) string {
		return fmt.Sprintf("service: demo\nstepFunctions:\n  stateMachines:\n    flow:\n      definition: ${file(%s)}\n", ref)
	}
	// secret is a definition outside the project: reading it is the leak.
	secret := func(t *testing.T, dir string) {
		os.MkdirAll(filepath.Join(dir, "project"), 0o755)
		writeFile(t, dir, "secret.asl.json", machine("Leaked", `{"Leaked": {"Type": "Pass", "End": true}}`))
	}
	inProject := func(name, text string) func(*testing.T, string) {
		return func(t *testing.T, dir string) {
			secret(t, dir)
			writeFile(t, filepath.Join(dir, "project"), name, text)
			writeFile(t, filepath.Join(dir, "project"), "flow.asl.json", pass)
		}
	}
	refused := func(name, file, text string, cmd ...string) hostileCase {
		args := append(cmd, "project/"+file)
		return hostileCase{class: class, name: name, setup: inProject(file, text), args: args, exit: fail, want: "outside|project", maxSeconds: 5,
			post: func(dir string) error { return absent("project/flow.sam.yaml")(dir) }}
	}
	var out []hostileCase
	for _, cmd := range [][]string{{"validate"}, {"export", "--to", "asl-json"}} {
		verb := cmd[0]
		out = append(out,
			refused(verb+" SAM DefinitionUri with ..", "template.yaml", sam("../secret.asl.json"), cmd...),
			refused(verb+" SAM DefinitionUri to /etc/passwd", "template.yaml", sam("/etc/passwd"), cmd...),
			refused(verb+" Terraform file() absolute", "main.tf", tf(`file("/etc/passwd")`), cmd...),
			refused(verb+" Terraform templatefile() with ..", "main.tf", tf(`templatefile("${path.module}/../secret.asl.json", {})`), cmd...),
			refused(verb+" Serverless file() with ..", "serverless.yml", sls("../secret.asl.json"), cmd...),
		)
	}
	for i := range out { // export cannot even start: a usage error
		if out[i].args[0] == "export" {
			out[i].exit = usage
		}
	}
	special := func(name, file, text string, setup func(*testing.T, string), want string) hostileCase {
		return hostileCase{class: class, name: name, setup: steps(inProject(file, text), setup),
			args: []string{"validate", "project/" + file}, exit: fail, want: want, maxSeconds: 5}
	}
	out = append(out,
		special("SAM DefinitionUri through a symlink out", "template.yaml", sam("link.asl.json"), symlink("{dir}/secret.asl.json", "project/link.asl.json"), "outside|project"),
		special("SAM DefinitionUri to /dev/zero", "template.yaml", sam("/dev/zero"), nil, "outside|regular"),
		special("SAM DefinitionUri to a FIFO in the project", "template.yaml", sam("fifo.asl.json"), mkfifo("project/fifo.asl.json"), "regular file"),
		special("SAM DefinitionUri to a 11 MB file", "template.yaml", sam("huge.asl.json"),
			bigFile("project/huge.asl.json", `{"Comment": "`, "x", `", "StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}`, 11<<20), "10 MiB"),
		special("Terraform file() of /dev/zero", "main.tf", tf(`file("/dev/zero")`), nil, "outside|regular"),
		special("Serverless file() of a FIFO", "serverless.yml", sls("./fifo.asl.json"), mkfifo("project/fifo.asl.json"), "regular file"),
		special("Serverless file() absolute", "serverless.yml", sls("/etc/hostname"), nil, "outside|project"),
		special("template of 11 MB", "template.yaml", "", bigFile("project/template.yaml", "AWSTemplateFormatVersion: \"2010-09-09\"\n# ", "x", "\n", 11<<20), "10 MiB"),
		special("template YAML bomb", "template.yaml", "Resources:\n"+indent(yamlBomb), nil, "alias|INVALID|large|expan|template"),
		hostileCase{class: class, name: "allowed when the user says so", setup: inProject("template.yaml", sam("../secret.asl.json")),
			args: []string{"validate", "--allow-outside-project", "project/template.yaml"}, exit: ok, want: "valid"},
		hostileCase{class: class, name: "inside the project is fine", setup: inProject("template.yaml", sam("flow.asl.json")),
			args: []string{"validate", "project/template.yaml"}, exit: ok, want: "valid"},
		hostileCase{class: class, name: "a named project root widens it", setup: inProject("template.yaml", sam("../secret.asl.json")),
			args: []string{"validate", "--project-root", ".", "project/template.yaml"}, exit: ok, want: "valid"},
	)
	return out
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\n", "\n  ") + "\n"
}
