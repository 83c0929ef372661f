package app

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"github.com/stepstudio/stepstudio/app/iac"
	"github.com/stepstudio/stepstudio/app/iac/exporter"
)

var templateFilters = []runtime.FileFilter{
	{DisplayName: "IaC templates (template.yaml, *.json, *.tf, serverless.yml)", Pattern: "*.yaml;*.yml;*.json;*.tf;*.template"},
	{DisplayName: "All files", Pattern: "*"},
}

// IaC is the bound service for infrastructure-as-code: list the state
// machines of a SAM, CloudFormation, Terraform or Serverless template,
// open one, save it back in place, and export a definition. The work is
// done by app/iac and app/iac/export; this layer adds the dialogs.
type IaC struct {
	ctx  context.Context
	desk desktop
}

// NewIaC returns the IaC service with the real dialogs.
func NewIaC() *IaC { return &IaC{ctx: context.Background(), desk: wailsDesktop{}} }

func (x *IaC) startup(ctx context.Context) { x.ctx = ctx }

// ChooseTemplate shows the open dialog for a template; "" means cancelled.
func (x *IaC) ChooseTemplate() (string, error) {
	return x.desk.OpenFile(x.ctx, "Open a state machine from a template", "", templateFilters)
}

// ScanTemplate lists the state machines of the template at path.
func (x *IaC) ScanTemplate(path string) (iac.Template, error) {
	t, err := iac.Scan(path)
	if err != nil {
		return iac.Template{}, err
	}
	return *t, nil
}

// OpenMachine reads the definition of machine id of the template at path.
func (x *IaC) OpenMachine(path, id string) (iac.Opened, error) {
	o, err := iac.Open(path, id)
	if err != nil {
		return iac.Opened{}, err
	}
	return *o, nil
}

// SaveMachine writes text back where the machine's definition came from,
// changing only what differs; hash is the one OpenMachine returned, and a
// file changed on disk since is refused (nothing is written).
func (x *IaC) SaveMachine(path, id, hash, text string) (iac.Opened, error) {
	o, err := iac.Save(path, id, hash, text)
	if err != nil {
		return iac.Opened{}, err
	}
	return *o, nil
}

// ExportCandidates lists the hard-coded values of text worth making
// substitutions, with proposed names, and the placeholders it has.
func (x *IaC) ExportCandidates(text string) ([]exporter.Substitution, error) {
	doc, err := exporter.ParseDefinition(exportable(text))
	if err != nil {
		return nil, fmt.Errorf("the definition does not parse, so it cannot be exported: %w", err)
	}
	return exporter.Candidates(doc), nil
}

// Export converts text to opts.Target; the result is a preview until
// WriteExport saves it.
func (x *IaC) Export(text string, opts exporter.Options) (exporter.Result, error) {
	r, err := exporter.Export(exportable(text), opts)
	if err != nil {
		return exporter.Result{}, err
	}
	return *r, nil
}

// exportable is text with the intrinsics of a template's inline YAML
// definition (!GetAtt Fn.Arn) as the placeholders every target takes
// (${FnArn}); other text is unchanged.
func exportable(text string) []byte {
	return exporter.IdentifierPlaceholders([]byte(iac.IntrinsicsAsPlaceholders(text)))
}

// ChooseExportPath asks where to save an export's main file; the other
// files go beside it. "" means cancelled.
func (x *IaC) ChooseExportPath(mainFile string) (string, error) {
	return x.desk.SaveFile(x.ctx, "Export: choose where to save "+mainFile, "", filepath.Base(mainFile), []runtime.FileFilter{{DisplayName: "All files", Pattern: "*"}})
}

// ExportWritten says what WriteExport did.
type ExportWritten struct {
	Folder  string   `json:"folder"`
	Written []string `json:"written"`
	// Existing lists files that are already there when overwrite was not
	// given; then nothing was written.
	Existing []string `json:"existing"`
}

// WriteExport writes files, the first at mainPath and the others beside
// it at their relative paths, with exporter.Write (the CLI's writer too):
// atomically, never through a symbolic link nor outside the export's
// folder. Unless overwrite, it writes nothing when any of them exists and
// says which.
func (x *IaC) WriteExport(mainPath string, list []exporter.File, overwrite bool) (ExportWritten, error) {
	if len(list) == 0 {
		return ExportWritten{}, errors.New("export: nothing to write")
	}
	mainPath, err := filepath.Abs(mainPath)
	if err != nil {
		return ExportWritten{}, fmt.Errorf("export: %w", err)
	}
	dir := filepath.Dir(mainPath)
	if rel := filepath.Dir(filepath.FromSlash(list[0].Path)); rel != "." && strings.HasSuffix(dir, string(filepath.Separator)+rel) {
		// The main file was put in its sub-folder of the export
		// (.../lib/x-stack.ts): the export's root is above it.
		dir = filepath.Clean(filepath.Join(dir, relUp(rel)))
	}
	// The main file goes where the user chose, under the name they gave.
	rel, err := filepath.Rel(dir, mainPath)
	if err != nil {
		return ExportWritten{}, fmt.Errorf("export: %w", err)
	}
	list = append([]exporter.File{{Path: filepath.ToSlash(rel), Content: list[0].Content}}, list[1:]...)
	w, err := exporter.Write(dir, list, overwrite)
	if err != nil {
		return ExportWritten(w), fmt.Errorf("export: %w", err)
	}
	return ExportWritten(w), nil
}

// relUp turns "lib/sub" into "../..".
func relUp(rel string) string {
	up := ".."
	for d := filepath.Dir(rel); d != "."; d = filepath.Dir(d) {
		up = filepath.Join(up, "..")
	}
	return up
}
