package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/stepstudio/stepstudio/app/handbook"
	"github.com/stepstudio/stepstudio/schema"
)

// runDoc writes a workflow's process handbook: the diagram, each step in
// plain words, what can go wrong, the AWS resources and the test
// scenarios, for people who read the process rather than run it.
func runDoc(ctx context.Context, args []string, s Streams) error {
	fs := newFlagSet("doc", `
Usage: stepstudio doc FLOW [--format html|md] [--out DIR|FILE] [--mock-config FILE]
Writes FLOW's process handbook: the diagram, the workflow's purpose, each step in plain words,
what can go wrong and where it goes, the people and systems it waits for, the AWS resources it
touches, the open comments (from NAME.studio.json) and each test case's path (from
NAME.mocks.json beside FLOW, or --mock-config).
html: one self-contained NAME.html (no script, nothing fetched); --out is a folder or a file,
or - for standard output. md: NAME.md with NAME.svg and NAME.resources.svg beside it, into
the folder --out (made if missing).
Exit 0 when written, 1 when FLOW does not parse as a state machine, 2 on a usage error or a
file that cannot be read.`)
	format := fs.String("format", "html", "html or md")
	out := fs.String("out", ".", "folder to write into (html: or a file name ending in .html, or -)")
	mocks := fs.String("mock-config", "", "AWS MockConfigFile whose test cases become the scenarios (default: NAME.mocks.json beside FLOW, when there is one)")
	paths, err := parseArgs(fs, args, s.Out)
	if err != nil {
		return err
	}
	if *format != "html" && *format != "md" {
		return usagef("--format must be html or md, not %q", *format)
	}
	if len(paths) != 1 {
		return usagef("give exactly one FLOW")
	}
	if paths[0] == "-" {
		return usagef("doc reads FLOW from a file: its notes and test cases are found beside it")
	}
	if *format == "md" && *out == "-" {
		return usagef("--format md writes several files: give --out a folder")
	}
	flow := paths[0]
	src, err := readPath(flow, s.In)
	if err != nil {
		return badInput(err)
	}
	notes, cfg, err := handbook.Beside(flow, *mocks)
	if err != nil {
		return badInput(err)
	}
	res := schema.Validate(flow, src, schema.Options{Placeholders: true})
	if res.Document == nil || res.Document.Machine == nil {
		printText(s.Err, validateReport{Files: []validateFile{toFile(flow, res)}})
		return fmt.Errorf("%s does not parse as a state machine; there is no handbook to write", flow)
	}
	in := handbook.Input{Name: handbook.Name(flow), Doc: res.Document, Notes: notes, Mocks: cfg, MockMachine: handbook.Name(flow), Draw: true}
	if n := countErrors(res); n > 0 {
		fmt.Fprintf(s.Err, "stepstudio doc: note: %s has %d validation error(s); the handbook describes it as written (see stepstudio validate)\n", flow, n)
		if cfg != nil {
			fmt.Fprintf(s.Err, "stepstudio doc: note: test cases are run only on a valid definition\n")
			in.NotRun = handbook.InvalidNotRun
		}
	}
	h, err := handbook.Build(ctx, in)
	if err != nil {
		return err
	}
	list, err := handbook.Render(h, *format, "")
	if err != nil {
		return err
	}
	return writeHandbook(*out, list, s)
}

// writeHandbook writes the files atomically: html to a file or into a
// folder, md into a folder. Every file is rendered, and every target
// checked, before the first is written.
func writeHandbook(out string, list []handbook.File, s Streams) error {
	if out == "-" {
		_, err := s.Out.Write(list[0].Data)
		return err
	}
	dir := out
	if len(list) == 1 && strings.EqualFold(filepath.Ext(out), filepath.Ext(list[0].Name)) {
		dir, list[0].Name = filepath.Dir(out), filepath.Base(out)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return badInput(fmt.Errorf("cannot make the folder %s: %w", dir, err))
	}
	written, err := handbook.WriteAll(dir, list)
	for _, p := range written {
		fmt.Fprintf(s.Out, "wrote %s\n", p)
	}
	if err != nil {
		return fmt.Errorf("cannot write the handbook: %w", err)
	}
	return nil
}
