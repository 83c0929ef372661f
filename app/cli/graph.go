package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/stepstudio/stepstudio/app/files"
	"github.com/stepstudio/stepstudio/app/render"
	"github.com/stepstudio/stepstudio/schema"
)

// runGraph draws a definition the way the studio does, for CI and docs.
// It draws whatever parses (as the studio does), so a definition with
// validation errors still gets its picture; those errors are noted on
// stderr. Exit 1 only when there is nothing to draw.
func runGraph(ctx context.Context, args []string, s Streams) error {
	fs := newFlagSet("graph", `
Usage: stepstudio graph [--format json|svg|png] [--out PATH] [--scale N] FILE
Lays out an ASL definition (JSON or YAML; - reads stdin) as the studio draws it.
json: nodes (id, kind, name, type, parent, branch, x, y, width, height) and edges (source, target, sourceId, targetId, kind, label).
Exit 0 when drawn, 1 when the file does not parse or cannot be laid out, 2 on a usage error.`)
	format := fs.String("format", "json", "output format: json, svg or png")
	out := fs.String("out", "-", "where to write; - is standard output")
	scale := fs.Float64("scale", 2, "png only: pixels per diagram pixel, above 0 and at most 8 (1 to 4 are sensible)")
	paths, err := parseArgs(fs, args, s.Out)
	if err != nil {
		return err
	}
	if *format != "json" && *format != "svg" && *format != "png" {
		return usagef("--format must be json, svg or png, not %q", *format)
	}
	if len(paths) != 1 {
		return usagef("give exactly one FILE")
	}
	if !(*scale > 0 && *scale <= 8) { // NaN fails too
		return usagef("--scale must be above 0 and at most 8, not %v", *scale)
	}
	src, err := readPath(paths[0], s.In)
	if err != nil {
		return badInput(err)
	}
	res := schema.Validate(paths[0], src, schema.Options{Placeholders: true})
	if res.Document == nil || res.Document.Machine == nil {
		printText(s.Err, validateReport{Files: []validateFile{toFile(paths[0], res)}})
		return fmt.Errorf("%s does not parse as a state machine; nothing to draw", paths[0])
	}
	if n := countErrors(res); n > 0 {
		fmt.Fprintf(s.Err, "stepstudio graph: note: %s has %d validation error(s); drawn anyway (see stepstudio validate)\n", paths[0], n)
	}
	pic, err := render.Picture(ctx, res.Document.Machine, *format, *scale)
	if err != nil {
		return err
	}
	return writeOut(*out, s.Out, pic)
}

func countErrors(r schema.Result) int {
	n := 0
	for _, d := range r.Diagnostics {
		if d.Severity == schema.Error {
			n++
		}
	}
	return n
}

// writeOut writes data to path, or to w for "-". The picture is built in
// memory first, and files.Write replaces the file atomically and never
// through a symbolic link, so neither a failed render nor a kill leaves a
// half-written (or empty) file in place of the old one.
func writeOut(path string, w io.Writer, data []byte) error {
	if path == "-" {
		_, err := w.Write(data)
		return err
	}
	if err := files.Write(path, data); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return nil
}
