package diffview

import (
	"bytes"
	"context"
	"html/template"
	"regexp"
	"sync"

	"github.com/stepstudio/stepstudio/app/flowdiff"
	"github.com/stepstudio/stepstudio/engine/asl"
)

// HTML is one self-contained page: the summary, the coloured diagram and
// the change list. Everything from the definitions is escaped by
// html/template; the page loads nothing (no scripts, fonts, styles or
// images from anywhere), so it can be attached to a review as it is.
func HTML(ctx context.Context, b *asl.StateMachine, r *flowdiff.Result, pins flowdiff.Layout, nameA, nameB string) ([]byte, error) {
	svg, err := SVG(ctx, b, r, pins)
	if err != nil {
		return nil, err
	}
	// The SVG's text comes from our own renderer, which escapes every
	// string it writes; only its XML declaration must go inside HTML.
	svg = xmlDecl().ReplaceAll(svg, nil)
	var buf bytes.Buffer
	err = page().Execute(&buf, pageData{
		A: nameA, B: nameB, R: r, SVG: template.HTML(svg), //nolint:gosec // produced by app/render, escaped there
		Colours: map[string]string{
			"added": hex(ColourAdded), "removed": hex(ColourRemoved), "changed": hex(ColourChanged),
			"renamed": hex(ColourRenamed), "moved": hex(ColourMoved),
		},
	})
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

var xmlDecl = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^<\?xml[^>]*\?>\s*`) })

type pageData struct {
	A, B    string
	R       *flowdiff.Result
	SVG     template.HTML
	Colours map[string]string
}

func hex(c interface{ RGBA() (r, g, b, a uint32) }) string {
	r, g, b, _ := c.RGBA()
	const digits = "0123456789abcdef"
	out := []byte{'#', 0, 0, 0, 0, 0, 0}
	for i, v := range []uint32{r >> 8, g >> 8, b >> 8} {
		out[1+2*i], out[2+2*i] = digits[v>>4], digits[v&15]
	}
	return string(out)
}

// page is parsed on first use: every command starts faster for it.
var page = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("page").Funcs(template.FuncMap{
		"colour": func(m map[string]string, s flowdiff.Status) template.CSS {
			return template.CSS("border-left-color:" + m[string(s)])
		},
	}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Changes: {{.A}} → {{.B}}</title>
<style>
body { font: 14px/1.45 system-ui, "Segoe UI", sans-serif; color: #1d2330; background: #f6f7f9; margin: 24px; }
h1 { font-size: 20px; margin: 0 0 4px; }
.files { color: #5d6677; margin-bottom: 16px; font-family: ui-monospace, monospace; font-size: 12px; }
.summary { font-size: 16px; margin: 8px 0 16px; }
.diagram { background: #fff; border: 1px solid #dde1e7; border-radius: 8px; overflow: auto; padding: 8px; }
.diagram svg { max-width: none; }
section { margin-top: 20px; }
.state { background: #fff; border: 1px solid #dde1e7; border-left: 6px solid #999; border-radius: 6px; padding: 8px 12px; margin: 8px 0; }
.state h3 { font-size: 14px; margin: 0; }
.status { text-transform: uppercase; font-size: 11px; letter-spacing: .04em; color: #5d6677; margin-right: 6px; }
table { border-collapse: collapse; margin-top: 6px; width: 100%; }
td, th { text-align: left; vertical-align: top; padding: 3px 8px; border-top: 1px solid #eef1f5; font-size: 13px; }
td.v { font-family: ui-monospace, monospace; white-space: pre-wrap; word-break: break-word; }
td.old { color: #a40e26; } td.new { color: #116329; }
.id { color: #5d6677; font-size: 12px; font-family: ui-monospace, monospace; }
</style>
</head>
<body>
<h1>Workflow changes</h1>
<div class="files">{{.A}} → {{.B}}</div>
<p class="summary">{{.R.Summary}}{{if .R.LayoutOnly}} Only pinned positions differ; the workflow itself is the same.{{end}}</p>
<div class="diagram">{{.SVG}}</div>
{{if .R.Machine}}<section><h2>Workflow settings</h2>
<table><tr><th>Field</th><th>Before</th><th>After</th></tr>
{{range .R.Machine}}<tr><td>{{.Path}}</td><td class="v old">{{.Old}}</td><td class="v new">{{.New}}</td></tr>
{{end}}</table></section>{{end}}
{{if .R.States}}<section><h2>Steps</h2>
{{range .R.States}}<div class="state" style="{{colour $.Colours .Status}}">
<h3><span class="status">{{.Status}}{{if .Edited}} + edited{{end}}</span>{{.Name}} <span class="id">({{.Type}}){{if .OldName}} was {{.OldName}}{{end}}{{if .ParentName}} in {{.ParentName}}{{end}}</span></h3>
{{if .Changes}}<table><tr><th>Field</th><th>Before</th><th>After</th></tr>
{{range .Changes}}<tr><td>{{.Path}}</td><td class="v old">{{.Old}}</td><td class="v new">{{.New}}</td></tr>
{{end}}</table>{{end}}
{{if .PositionMoved}}<div class="id">position {{with .From}}({{.X}}, {{.Y}}){{else}}not pinned{{end}} → {{with .To}}({{.X}}, {{.Y}}){{else}}not pinned{{end}}</div>{{end}}
</div>
{{end}}</section>{{end}}
{{if .R.Transitions}}<section><h2>Connections</h2>
<table><tr><th></th><th>From</th><th>To</th><th>Via</th></tr>
{{range .R.Transitions}}<tr><td>{{.Op}}</td><td>{{if .From}}{{.From}}{{else}}(start){{end}}</td><td>{{.To}}</td><td>{{.Kind}} {{.Label}}</td></tr>
{{end}}</table></section>{{end}}
</body>
</html>
`))
})
