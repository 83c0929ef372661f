package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/stepstudio/stepstudio/app/iac"
	"github.com/stepstudio/stepstudio/app/iac/exporter"
)

func runExport(_ context.Context, args []string, s Streams) error {
	fs := newFlagSet("export", `
Usage: stepstudio export --to asl-json|asl-yaml|sam|cfn|cdk|terraform FILE [--machine ID] [--out PATH] [--project-root DIR] [--allow-outside-project]
Exports an ASL definition (- reads stdin), or a state machine of a template. Hard-coded ARNs, queue URLs, table and bucket names,
account ids and regions become substitutions (${OrderTableArn}); the IAM policy is drafted from the tasks.`)
	to := fs.String("to", "", "target: asl-json, asl-yaml, sam, cfn, cdk or terraform")
	out := fs.String("out", "", "folder to write the files into (default: print them)")
	name := fs.String("name", "", "state machine name (default: the file name)")
	inline := fs.Bool("inline", false, "sam, cfn: put the definition in the template")
	express := fs.Bool("express", false, "make an EXPRESS state machine")
	keep := fs.Bool("no-substitutions", false, "keep hard-coded ARNs, names, accounts and regions as they are")
	force := fs.Bool("force", false, "overwrite files that already exist in --out")
	machine := fs.String("machine", "", "when FILE is a SAM/CloudFormation/Terraform/Serverless template: the state machine to export")
	project := projectFlags(fs)
	paths, err := parseArgs(fs, args, s.Out)
	if err != nil {
		return err
	}
	if len(paths) != 1 {
		return usagef("give exactly one FILE")
	}
	target := exporter.Target(*to)
	if !validTarget(target) {
		return usagef("--to must be one of %s, not %q", targetList(), *to)
	}
	src, err := readPath(paths[0], s.In)
	if err != nil {
		return badInput(err)
	}
	opts := exporter.Options{Target: target, Name: *name, Inline: *inline, Express: *express}
	if opts.Name == "" {
		opts.Name = machineName(paths[0])
	}
	if *keep {
		opts.Substitutions = []exporter.Substitution{}
	}
	if paths[0] != "-" && iac.IsTemplate(paths[0], src) {
		o, err := templateMachine(*project, paths[0], *machine)
		if err != nil {
			return badInput(withOutsideHint(err))
		}
		src = exporter.IdentifierPlaceholders([]byte(o.PlaceholderText()))
		if *name == "" {
			opts.Name = o.ID
		}
		if opts.Substitutions, err = withTemplateValues(src, o, *keep); err != nil {
			return fmt.Errorf("%s: %w", o.ID, err)
		}
	} else if *machine != "" {
		return usagef("--machine is for templates; %s is a definition", paths[0])
	}
	res, err := exporter.Export(src, opts)
	if err != nil {
		return fmt.Errorf("%s: %w", paths[0], err)
	}
	if *out == "" {
		for i, f := range res.Files {
			if len(res.Files) > 1 {
				if i > 0 {
					fmt.Fprintln(s.Out)
				}
				fmt.Fprintf(s.Out, "# ==> %s <==\n", f.Path)
			}
			fmt.Fprint(s.Out, f.Content)
		}
	} else if err := writeExport(*out, res.Files, *force, s.Out); err != nil {
		return err
	}
	for _, sub := range res.Substitutions {
		if sub.Value != "" {
			fmt.Fprintf(s.Err, "substitution ${%s} = %s\n", sub.Name, sub.Value)
		} else {
			fmt.Fprintf(s.Err, "substitution ${%s} has no value in the definition: the template asks for it\n", sub.Name)
		}
	}
	for _, n := range res.Policy.Notes {
		fmt.Fprintf(s.Err, "policy: %s\n", n)
	}
	return nil
}

// templateMachine opens the machine to export from a template: the one
// named, or the only one that can be opened (or the only one there is,
// to say why it cannot).
func templateMachine(project iac.Project, path, id string) (*iac.Opened, error) {
	if id != "" {
		return project.Open(path, id)
	}
	t, err := project.Scan(path)
	if err != nil {
		return nil, err
	}
	if len(t.Machines) == 1 {
		return project.Open(path, t.Machines[0].ID)
	}
	var ids []string
	for _, m := range t.Machines {
		if m.Problem == "" {
			ids = append(ids, m.ID)
		}
	}
	if len(ids) != 1 {
		return nil, fmt.Errorf("%s defines %d state machines that can be opened (%s): choose one with --machine", path, len(ids), strings.Join(ids, ", "))
	}
	return project.Open(path, ids[0])
}

// withTemplateValues offers the definition's hard-coded values as usual,
// and gives its existing placeholders the template's literal values as
// defaults.
func withTemplateValues(src []byte, o *iac.Opened, keep bool) ([]exporter.Substitution, error) {
	doc, err := exporter.ParseDefinition(src)
	if err != nil {
		return nil, err
	}
	literal := map[string]string{}
	for _, s := range o.Substitutions {
		if s.Literal {
			literal[s.Name] = s.Value
		}
	}
	subs := exporter.Candidates(doc)
	out := subs[:0]
	for _, s := range subs {
		if s.Kind == "placeholder" {
			s.Value = literal[s.Name]
		} else if keep {
			continue
		}
		out = append(out, s)
	}
	return out, nil
}

// writeExport writes the files under dir with exporter.Write (the
// studio's writer too): every path checked before one is written,
// atomically, never through a symbolic link nor outside dir; an existing
// file is replaced only when forced.
func writeExport(dir string, list []exporter.File, force bool, out io.Writer) error {
	w, err := exporter.Write(dir, list, force)
	if err != nil {
		return err
	}
	if len(w.Existing) > 0 {
		return fmt.Errorf("%s exists; nothing was written (use --force to replace it)", strings.Join(w.Existing, ", "))
	}
	for _, p := range w.Written {
		fmt.Fprintf(out, "wrote %s\n", p)
	}
	return nil
}

func validTarget(t exporter.Target) bool {
	for _, x := range exporter.Targets {
		if x == t {
			return true
		}
	}
	return false
}

func targetList() string {
	names := make([]string, len(exporter.Targets))
	for i, t := range exporter.Targets {
		names[i] = string(t)
	}
	return strings.Join(names, ", ")
}
