package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/stepstudio/stepstudio/app/diffview"
	"github.com/stepstudio/stepstudio/app/files"
	"github.com/stepstudio/stepstudio/app/flowdiff"
	"github.com/stepstudio/stepstudio/app/gitrev"
	"github.com/stepstudio/stepstudio/app/sidecar"
	"github.com/stepstudio/stepstudio/engine/asl"
)

// runDiff compares two versions of a workflow for a review: files, or a
// file at a git revision (REV:path). Exit 0 same, 1 different, 2 when a
// side cannot be read or parsed: every failure is an input error here, so
// a CI step can tell "changed" from "broken".
func runDiff(ctx context.Context, args []string, s Streams) error {
	fs := newFlagSet("diff", `
Usage: stepstudio diff [--format text|json|svg|html] [--out PATH] A B
Compares two versions of a workflow (ASL JSON or YAML): steps added, removed,
changed (field by field, old → new), renamed, or only moved on the diagram
(pinned positions in NAME.studio.json), and connections added or removed.
A or B may be REV:path, the file as a git revision holds it (HEAD, HEAD~1, a
branch, a tag, a short hash) in the git work tree holding the current folder;
no git program is needed. An existing file always wins over REV:path. - reads
standard input (for one side).
text: a summary for a pull-request comment, then each step's changes.
json: the whole comparison, as the studio's diff view reads it.
svg: B's diagram with each step coloured by what happened to it, and a legend.
html: one self-contained page with the diagram and the change list.
Exit 0 when the versions are the same, 1 when they differ, 2 on an error.`)
	format := fs.String("format", "text", "output format: text, json, svg or html")
	out := fs.String("out", "-", "where to write; - is standard output")
	paths, err := parseArgs(fs, args, s.Out)
	if err != nil {
		return err
	}
	switch *format {
	case "text", "json", "svg", "html":
	default:
		return usagef("--format must be text, json, svg or html, not %q", *format)
	}
	if len(paths) != 2 {
		return usagef("give two versions to compare: A B")
	}
	if paths[0] == "-" && paths[1] == "-" {
		return usagef("only one side can be standard input")
	}
	a, err := loadVersion(paths[0], s)
	if err != nil {
		return badInput(err)
	}
	b, err := loadVersion(paths[1], s)
	if err != nil {
		return badInput(err)
	}
	r := flowdiff.Compare(a.machine, b.machine, flowdiff.Options{LayoutA: a.layout, LayoutB: b.layout})
	var buf bytes.Buffer
	switch *format {
	case "text":
		err = flowdiff.WriteText(&buf, r)
	case "json":
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		err = enc.Encode(r)
	case "svg":
		var pic []byte
		pic, err = diffview.SVG(ctx, b.machine, r, b.layout)
		buf.Write(pic)
	case "html":
		var page []byte
		page, err = diffview.HTML(ctx, b.machine, r, b.layout, paths[0], paths[1])
		buf.Write(page)
	}
	if err == nil {
		err = writeOut(*out, s.Out, buf.Bytes())
	}
	if err != nil {
		return badInput(err)
	}
	if !r.Same {
		return errProblems
	}
	return nil
}

// version is one side of a diff: the parsed machine and its sidecar's
// pinned positions.
type version struct {
	machine *asl.StateMachine
	layout  flowdiff.Layout
}

// loadVersion reads a side: a file (with its sidecar beside it), standard
// input (no sidecar), or REV:path (with the sidecar at that revision).
func loadVersion(arg string, s Streams) (*version, error) {
	var src, notes []byte
	name := arg
	switch {
	case arg == "-":
		data, err := readPath(arg, s.In)
		if err != nil {
			return nil, err
		}
		src = data
	default:
		cwd, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		spec, err := gitrev.ParseArg(arg, cwd)
		if err != nil {
			return nil, err
		}
		if spec == nil {
			if src, err = files.ReadFile(arg, files.Definitions); err != nil {
				return nil, err
			}
			notes, err = files.ReadFile(sidecar.PathFor(arg), files.Definitions)
			if errors.Is(err, os.ErrNotExist) {
				notes, err = nil, nil
			}
		} else {
			if src, err = spec.Read(files.Definitions); err != nil {
				return nil, err
			}
			name = spec.Path
			notes, _, err = spec.ReadSibling(filepath.ToSlash(sidecar.PathFor(spec.Path)), files.Definitions)
		}
		if err != nil {
			fmt.Fprintf(s.Err, "stepstudio diff: note: %s: pinned positions not compared: %v\n", arg, err)
			notes = nil
		}
	}
	doc, err := asl.Parse(name, src)
	if err != nil {
		return nil, err
	}
	if doc.Machine == nil {
		return nil, fmt.Errorf("%s: %w", arg, flowdiff.ErrNotAMachine)
	}
	v := &version{machine: doc.Machine}
	if notes != nil {
		f, err := sidecar.Parse(notes)
		if err != nil {
			fmt.Fprintf(s.Err, "stepstudio diff: note: %s: pinned positions not compared: %v\n", sidecar.PathFor(arg), err)
		} else {
			v.layout = flowdiff.LayoutOf(f)
		}
	}
	return v, nil
}
