package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/stepstudio/stepstudio/app/files"
	"github.com/stepstudio/stepstudio/app/iac"
	"github.com/stepstudio/stepstudio/schema"
)

// validateReport is the JSON shape of `stepstudio validate --format json`.
type validateReport struct {
	Files []validateFile `json:"files"`
}

type validateFile struct {
	Path        string               `json:"path"`
	Machine     string               `json:"machine,omitempty"` // the state machine's id when Path is an IaC template
	Valid       bool                 `json:"valid"`
	Diagnostics []validateDiagnostic `json:"diagnostics"`
}

type validateDiagnostic struct {
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
	Location string `json:"location"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
}

func runValidate(_ context.Context, args []string, s Streams) error {
	fs := newFlagSet("validate", `
Usage: stepstudio validate [--format text|json] [--placeholders] [--project-root DIR] [--allow-outside-project] PATH...
Validates ASL definitions (.json, .yaml, .yml; a directory means the definitions under it (*.asl.* or holding a StartAt) and its templates with state machines, .tf included; - reads stdin).
Exit 0 when all are valid (warnings allowed), 1 when any has an error, 2 on a usage error.
A file that cannot be read (missing, not a regular file, over 10 MiB) is reported invalid with FILE_UNREADABLE; the others are still checked.
A SAM/CloudFormation template, Terraform file or serverless.yml is checked machine by machine, its literal substitutions applied and other placeholders allowed.
The files a template references are read only inside its folder (or --project-root): one outside is IAC_REFERENCE_OUTSIDE_PROJECT.`)
	format := fs.String("format", "text", "output format: text or json")
	placeholders := fs.Bool("placeholders", false, "accept IaC substitutions such as ${Table} where a value will be substituted")
	project := projectFlags(fs)
	paths, err := parseArgs(fs, args, s.Out)
	if err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return usagef("--format must be text or json, not %q", *format)
	}
	if len(paths) == 0 {
		return usagef("give at least one PATH")
	}
	inputs, err := expandDirs(paths)
	if err != nil {
		return badInput(err)
	}
	opts := schema.Options{Placeholders: *placeholders}
	report := validateReport{Files: make([]validateFile, 0, len(inputs))}
	for _, in := range inputs {
		p := in.path
		var src []byte
		err := in.err
		if err == nil {
			src, err = readPath(p, s.In)
		}
		if err != nil {
			// Reported like an invalid file, so every other file is
			// still checked and the report stays whole.
			report.Files = append(report.Files, unreadable(p, err))
			continue
		}
		if p != "-" && iac.IsTemplate(p, src) {
			checked := validateTemplate(p, *project)
			// A directory holds infrastructure of every kind: only the
			// templates with a state machine are the user's concern there.
			if in.walked && len(checked) == 1 && len(checked[0].Diagnostics) == 1 && checked[0].Diagnostics[0].Code == codeNoMachine {
				continue
			}
			report.Files = append(report.Files, checked...)
			continue
		}
		if in.walked && !mayBeDefinition(p, src) {
			continue // package.json, tsconfig.json, CI files, …
		}
		report.Files = append(report.Files, toFile(p, schema.Validate(p, src, opts)))
	}
	if *format == "json" {
		enc := json.NewEncoder(s.Out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(report); err != nil {
			return err
		}
	} else {
		printText(s.Out, report)
	}
	for _, f := range report.Files {
		if !f.Valid {
			return errProblems
		}
	}
	return nil
}

// definitionExts are the files a directory argument contributes: ASL
// definitions and the templates that may hold them.
var definitionExts = map[string]bool{".json": true, ".yaml": true, ".yml": true, ".asl": true, ".tf": true}

// mayBeDefinition tells, for a file found in a directory, whether it is
// meant as an ASL definition: an .asl.* name, or a StartAt anywhere in it
// (so a broken definition is still reported, not skipped).
func mayBeDefinition(p string, src []byte) bool {
	name := strings.ToLower(filepath.Base(p))
	return strings.Contains(name, ".asl.") || strings.HasSuffix(name, ".asl") || bytes.Contains(src, []byte("StartAt"))
}

// input is a path to validate; walked when a directory argument gave it;
// err when the directory walk could not read it.
type input struct {
	path   string
	walked bool
	err    error
}

// codeUnreadable is the one diagnostic of a file validate cannot read.
const codeUnreadable = "FILE_UNREADABLE"

// unreadable is the report of a file that cannot be read (missing, not
// permitted, not a regular file, over the size cap, a folder that cannot
// be listed): invalid, with one plain error.
func unreadable(p string, err error) validateFile {
	msg := err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		msg = fmt.Sprintf("cannot read %s: %v", pe.Path, pe.Err)
	}
	return validateFile{Path: p, Valid: false, Diagnostics: []validateDiagnostic{{
		Severity: string(schema.Error), Code: codeUnreadable, Message: msg,
	}}}
}

// expandDirs replaces each directory by the definition files under it, in
// lexical order, skipping hidden folders and node_modules.
func expandDirs(paths []string) ([]input, error) {
	var out []input
	for _, p := range paths {
		info, err := os.Stat(p)
		if p == "-" || err != nil || !info.IsDir() {
			out = append(out, input{path: p}) // reading reports a missing file
			continue
		}
		err = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
			if err != nil { // a folder that cannot be listed: reported, the rest walked
				out = append(out, input{path: q, walked: true, err: err})
				if d != nil && d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() && q != p && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules") {
				return filepath.SkipDir
			}
			if !d.IsDir() && definitionExts[strings.ToLower(filepath.Ext(q))] {
				out = append(out, input{path: q, walked: true})
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// readPath reads a definition or template: standard input for "-", else
// a regular file; either at most files.MaxDefinitionSize.
func readPath(p string, stdin io.Reader) ([]byte, error) {
	if p == "-" {
		if stdin == nil {
			return nil, errors.New("no standard input to read")
		}
		return files.ReadAll(stdin, "standard input", files.Definitions)
	}
	return files.ReadFile(p, files.Definitions)
}

func toFile(path string, r schema.Result) validateFile {
	f := validateFile{Path: path, Valid: r.Valid(), Diagnostics: make([]validateDiagnostic, 0, len(r.Diagnostics))}
	for _, d := range r.Diagnostics {
		f.Diagnostics = append(f.Diagnostics, validateDiagnostic{
			Severity: string(d.Severity), Code: d.Code, Message: d.Message, Location: d.Location,
			Line: d.Range.Start.Line, Column: d.Range.Start.Column,
		})
	}
	return f
}

// printText writes one line per diagnostic, compiler style, so editors and
// CI logs can jump to it, then a summary.
func printText(w io.Writer, r validateReport) {
	errs, warns := 0, 0
	for _, f := range r.Files {
		for _, d := range f.Diagnostics {
			fmt.Fprintf(w, "%s:%d:%d: %s %s: %s", f.Path, d.Line, d.Column, strings.ToLower(d.Severity), d.Code, d.Message)
			if d.Location != "" {
				fmt.Fprintf(w, " [%s]", d.Location)
			}
			fmt.Fprintln(w)
			if d.Severity == string(schema.Error) {
				errs++
			} else {
				warns++
			}
		}
		name := f.Path
		if f.Machine != "" {
			name += " (" + f.Machine + ")"
		}
		if f.Valid {
			fmt.Fprintf(w, "%s: valid\n", name)
		} else {
			fmt.Fprintf(w, "%s: invalid\n", name)
		}
	}
	fmt.Fprintf(w, "%d file(s), %d error(s), %d warning(s)\n", len(r.Files), errs, warns)
}
