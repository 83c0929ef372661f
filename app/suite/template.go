package suite

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/stepstudio/stepstudio/app/files"
	"github.com/stepstudio/stepstudio/app/iac"
)

// templateExts are the names a template T of T.<LogicalId>.tests.yaml may
// have: SAM/CloudFormation, Serverless and Terraform files.
var templateExts = []string{".yaml", ".yml", ".json", ".template", ".tf"}

// templateMachine finds the state machine a test file named
// T.<LogicalId>.tests.yaml (name is T.<LogicalId>) is for: the machine
// LogicalId inside the template T.yaml (or .yml, .json, .template, .tf)
// beside it, as STUDIO.md's "Project files" name them. A Terraform
// address holds a dot itself (aws_sfn_state_machine.orders), so every
// split of the name is tried, the shortest template name first. ok is
// false when no template beside the file has such a machine.
func templateMachine(dir, name string) (o *iac.Opened, ok bool, err error) {
	for i := strings.IndexByte(name, '.'); i > 0; {
		base, id := name[:i], name[i+1:]
		for _, ext := range templateExts {
			path := filepath.Join(dir, base+ext)
			info, statErr := os.Stat(path)
			if statErr != nil || !info.Mode().IsRegular() {
				continue
			}
			src, readErr := files.ReadFile(path, files.Definitions)
			if readErr != nil || !iac.IsTemplate(path, src) {
				continue
			}
			t, scanErr := iac.Scan(path)
			if scanErr != nil {
				continue
			}
			if _, findErr := t.Find(id); findErr != nil {
				continue
			}
			o, err := iac.Open(path, id)
			if err != nil {
				return nil, true, fmt.Errorf("state machine %s in %s: %w", id, path, err)
			}
			return o, true, nil
		}
		j := strings.IndexByte(name[i+1:], '.')
		if j < 0 {
			break
		}
		i += j + 1
	}
	return nil, false, nil
}

// errNoWorkflow says where a test file's workflow was looked for.
func errNoWorkflow(name string) error {
	return errors.New("no workflow " + name + ".asl.json or " + name + ".asl.yaml beside the test file, and no template T beside it with a state machine <LogicalId> for a name T.<LogicalId>; name it with workflow: FILE")
}

// templateMachineName is T.<LogicalId>, the name the project files of
// machine id inside template T.yaml start with (STUDIO.md, "Project
// files").
func templateMachineName(template, id string) string {
	base := filepath.Base(template)
	return strings.TrimSuffix(base, filepath.Ext(base)) + "." + id
}
