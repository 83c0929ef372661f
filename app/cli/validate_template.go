package cli

import (
	"errors"
	"path/filepath"
	"strings"

	"github.com/stepstudio/stepstudio/app/iac"
	"github.com/stepstudio/stepstudio/schema"
)

// codeNoMachine reports a template without a state machine.
const codeNoMachine = "NO_STATE_MACHINE"

// validateTemplate validates every state machine of a SAM, CloudFormation,
// Terraform or Serverless template, one report entry per machine, located
// in the file that holds its definition (the template or the file it
// references), shown relative to how the template was named. Referenced
// files are read inside project's folder only, unless it allows others.
func validateTemplate(p string, project iac.Project) []validateFile {
	checked, err := project.ValidateTemplate(p)
	if err != nil {
		code := "INVALID_TEMPLATE"
		if errors.Is(err, iac.ErrNoMachines) {
			code = codeNoMachine
		}
		d := validateDiagnostic{Severity: string(schema.Error), Code: code, Message: strings.TrimPrefix(err.Error(), p+": ")}
		var pe *iac.PosError
		if errors.As(err, &pe) {
			d.Message, d.Line, d.Column = pe.Msg, pe.Line, pe.Column
		}
		return []validateFile{{Path: p, Valid: false, Diagnostics: []validateDiagnostic{d}}}
	}
	abs, _ := filepath.Abs(p)
	out := make([]validateFile, 0, len(checked))
	for _, c := range checked {
		shown := p
		if c.Machine.File != abs {
			if rel, err := filepath.Rel(filepath.Dir(abs), c.Machine.File); err == nil {
				shown = filepath.Join(filepath.Dir(p), rel)
			}
		}
		f := toFile(shown, c.Result)
		f.Machine = c.Machine.ID
		for i, d := range f.Diagnostics {
			if d.Code == iac.CodeOutsideProject {
				f.Diagnostics[i].Message = strings.TrimSuffix(d.Message, ".") + outsideHint + "."
			}
		}
		out = append(out, f)
	}
	return out
}
