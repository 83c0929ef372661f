package handbook

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"strings"
	"sync"
)

// HTML renders the handbook as one self-contained page: inline CSS and
// SVG, no script, nothing fetched from anywhere, every text from the
// definition or the notes escaped. It prints well (A4 or Letter).
func HTML(h *Handbook) []byte {
	r := &htmlWriter{a: anchorsOf(h)}
	name := html.EscapeString(h.Name)
	r.f("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	r.f("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	r.f("<title>%s — process handbook</title>\n<style>%s</style>\n</head>\n<body>\n<main>\n", name, css)
	r.f("<h1>%s <span class=\"sub\">process handbook</span></h1>\n", name)
	if h.Purpose != "" {
		r.f("<div class=\"purpose\">%s</div>\n", paragraphs(h.Purpose))
	} else {
		r.f("<p class=\"muted\">No description of this workflow yet.</p>\n")
	}
	r.f("<p class=\"meta\">Steps: %d · Query language: %s</p>\n", len(allSteps(h.Steps)), html.EscapeString(h.QueryLanguage))
	if len(h.Timeout) > 0 {
		r.f("<p>%s</p>\n", r.phrase(h.Timeout))
	}
	if h.Diagram != nil {
		r.f("<figure class=\"diagram\">%s<figcaption>The workflow</figcaption></figure>\n", inlineSVG(h.Diagram))
	}
	r.f("<h2>Steps</h2>\n")
	r.steps(h.Steps, 3)
	if len(h.Problems) > 0 {
		r.f("<h2>What can go wrong</h2>\n<ul>\n")
		for _, p := range h.Problems {
			r.f("<li>%s: %s</li>\n", r.link(p.Step), r.phrase(p.Says))
		}
		r.f("</ul>\n")
	}
	if len(h.People) > 0 {
		r.f("<h2>Waits for people or other systems</h2>\n<ul>\n")
		for _, s := range h.People {
			r.f("<li>%s: %s</li>\n", r.link(s.Name), r.phrase(s.Says[0]))
		}
		r.f("</ul>\n")
	}
	r.resources(h)
	if len(h.Threads) > 0 {
		r.f("<h2>Open comments</h2>\n")
		for _, t := range h.Threads {
			where := "the whole workflow"
			if t.State != "" {
				where = r.link(t.State)
			}
			r.f("<p>On %s:</p>\n", where)
			r.comments(t)
		}
	}
	r.scenarios(h)
	r.f("</main>\n</body>\n</html>\n")
	return r.b.Bytes()
}

const css = `
:root{color-scheme:light}
body{font:15px/1.55 Inter,"Segoe UI",Cantarell,"Noto Sans","DejaVu Sans",sans-serif;color:#1f2328;background:#fff;margin:0}
main{max-width:960px;margin:0 auto;padding:24px 28px 48px}
h1{font-size:28px;margin:0 0 8px}h1 .sub{font-weight:400;color:#57606a;font-size:18px}
h2{font-size:21px;border-bottom:1px solid #d0d7de;padding-bottom:4px;margin-top:36px}
h3,h4,h5,h6{margin:22px 0 4px}
code{font:13px/1.4 "DejaVu Sans Mono",Menlo,Consolas,monospace;background:#f6f8fa;border-radius:4px;padding:1px 4px;overflow-wrap:anywhere}
a{color:#0969da}
.meta,.muted,.type{color:#57606a}.type{font-size:13px;margin:0 0 6px}
.purpose{font-size:16px}
.step{border-left:3px solid #d0d7de;padding-left:12px;margin:10px 0}
.branch{margin-left:14px;padding-left:10px;border-left:2px dashed #d0d7de}
.branch>h4,.branch>h5,.branch>h6{color:#57606a}
.description{font-style:italic}
blockquote{margin:8px 0;padding:4px 12px;border-left:3px solid #bf8700;background:#fff8c5}
figure{margin:16px 0;overflow-x:auto}figure svg{max-width:100%;height:auto}
figcaption{color:#57606a;font-size:13px}
.unreachable{color:#cf222e}
@media print{
 body{font-size:11pt}main{max-width:none;padding:0}
 a{color:inherit;text-decoration:none}
 h2,h3,h4{break-after:avoid}.step,figure,blockquote{break-inside:avoid}
 figure{overflow:visible}
}
`

type htmlWriter struct {
	b bytes.Buffer
	a anchors
}

func (r *htmlWriter) f(format string, args ...any) { fmt.Fprintf(&r.b, format, args...) }

func (r *htmlWriter) steps(steps []*Step, level int) {
	for _, s := range steps {
		hl := min(level, 6)
		r.f("<section class=\"step\" id=\"%s\">\n<h%d>%s</h%d>\n", r.a[s.Name], hl, html.EscapeString(s.Name), hl)
		r.f("<p class=\"type\">%s · %s</p>\n", html.EscapeString(typeLabel(s.Type)), html.EscapeString(s.QueryLanguage))
		if s.Description != "" {
			r.f("<div class=\"description\">%s</div>\n", paragraphs(s.Description))
		}
		parts := make([]string, len(s.Says))
		for i, p := range s.Says {
			parts[i] = r.phrase(p)
		}
		r.f("<p>%s</p>\n", strings.Join(parts, " "))
		if len(s.Rules) > 0 {
			r.f("<ul>\n")
			for _, rule := range s.Rules {
				r.f("<li>%s</li>\n", r.phrase(rule))
			}
			r.f("</ul>\n")
		}
		for _, t := range s.Threads {
			r.comments(t)
		}
		for _, br := range s.Branches {
			bl := min(level+1, 6)
			r.f("<div class=\"branch\">\n<h%d>%s of %s</h%d>\n", bl, html.EscapeString(br.Title), html.EscapeString(s.Name), bl)
			r.steps(br.Steps, level+2)
			r.f("</div>\n")
		}
		r.f("</section>\n")
	}
}

func (r *htmlWriter) comments(t Thread) {
	r.f("<blockquote>\n")
	for _, c := range t.Comments {
		who := c.Author
		if who == "" {
			who = "someone"
		}
		when := ""
		if !c.Time.IsZero() {
			when = " <span class=\"muted\">" + c.Time.UTC().Format("2006-01-02 15:04 UTC") + "</span>"
		}
		r.f("<p><strong>%s</strong>%s: %s</p>\n", html.EscapeString(who), when, html.EscapeString(c.Text))
	}
	r.f("</blockquote>\n")
}

func (r *htmlWriter) resources(h *Handbook) {
	if len(h.Resources) == 0 {
		return
	}
	r.f("<h2>AWS resources it uses</h2>\n")
	if h.Dependencies != nil {
		r.f("<figure class=\"deps\">%s<figcaption>The workflow and the AWS resources it touches; each line names the steps that use the resource.</figcaption></figure>\n", inlineSVG(h.Dependencies))
	}
	for _, g := range h.Resources {
		r.f("<h3>%s</h3>\n<ul>\n", html.EscapeString(g.Title))
		for _, res := range g.Resources {
			name := "<code>" + html.EscapeString(res.Name) + "</code>"
			if res.Runtime {
				name = "decided at run time: " + name
			}
			links := make([]string, len(res.Steps))
			for i, s := range res.Steps {
				links[i] = r.link(s)
			}
			r.f("<li>%s — used by %s</li>\n", name, strings.Join(links, ", "))
		}
		r.f("</ul>\n")
	}
}

func (r *htmlWriter) scenarios(h *Handbook) {
	if len(h.Scenarios) == 0 && h.ScenarioNote == "" {
		return
	}
	r.f("<h2>Test scenarios</h2>\n")
	if len(h.Scenarios) > 0 {
		r.f("<p class=\"muted\">%s</p>\n", html.EscapeString(ScenarioIntro))
	}
	if h.ScenarioNote != "" {
		r.f("<p>%s</p>\n", html.EscapeString(h.ScenarioNote))
	}
	for _, sc := range h.Scenarios {
		r.f("<h3>%s — %s</h3>\n", html.EscapeString(sc.Name), statusWords(sc))
		if sc.Problem != "" {
			r.f("<p>%s</p>\n", html.EscapeString(sc.Problem))
			continue
		}
		if len(sc.Path) > 0 {
			path := make([]string, len(sc.Path))
			for i, p := range sc.Path {
				path[i] = r.link(p)
			}
			more := ""
			if sc.More > 0 {
				more = fmt.Sprintf(" → … (%d more)", sc.More)
			}
			r.f("<p>Path: %s%s</p>\n", strings.Join(path, " → "), more)
		}
		if sc.Error != "" {
			r.f("<p>Error: <code>%s</code>", html.EscapeString(sc.Error))
			if sc.Cause != "" {
				r.f(" — %s", html.EscapeString(sc.Cause))
			}
			r.f("</p>\n")
		}
	}
}

func (r *htmlWriter) link(name string) string {
	if id, ok := r.a[name]; ok {
		return "<a href=\"#" + id + "\">" + html.EscapeString(name) + "</a>"
	}
	return html.EscapeString(name)
}

func (r *htmlWriter) phrase(p Phrase) string {
	var b strings.Builder
	for _, s := range p {
		switch s.Kind {
		case Code:
			b.WriteString("<code>" + html.EscapeString(s.Text) + "</code>")
		case StepRef:
			b.WriteString(r.link(s.Text))
		default:
			b.WriteString(html.EscapeString(s.Text))
		}
	}
	return b.String()
}

// paragraphs is free text as escaped HTML paragraphs.
func paragraphs(s string) string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(strings.TrimSpace(s), "\r\n", "\n"), "\n\n") {
		out = append(out, "<p>"+strings.ReplaceAll(html.EscapeString(strings.TrimSpace(p)), "\n", "<br>")+"</p>")
	}
	return strings.Join(out, "\n")
}

var xmlProlog = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*<\?xml[^>]*\?>\s*`) })

// inlineSVG is an SVG document ready to sit inside HTML: without its XML
// declaration. The SVG is ours (app/render or dependencySVG), which
// escape every text they draw.
func inlineSVG(svg []byte) string { return xmlProlog().ReplaceAllString(string(svg), "") }
