package handbook

import (
	"bytes"
	"fmt"
	"strings"
)

// Markdown renders the handbook for wikis and READMEs. The diagrams are
// separate SVG files referenced by relative name (diagram, deps; "" leaves
// a picture out); everything from the definition is escaped.
func Markdown(h *Handbook, diagram, deps string) []byte {
	r := &mdWriter{a: anchorsOf(h)}
	r.f("# %s — process handbook\n\n", mdText(h.Name))
	if h.Purpose != "" {
		r.f("%s\n\n", mdBlock(h.Purpose))
	} else {
		r.f("*No description of this workflow yet.*\n\n")
	}
	r.f("Steps: %d · Query language: %s\n\n", len(allSteps(h.Steps)), h.QueryLanguage)
	if len(h.Timeout) > 0 {
		r.f("%s\n\n", r.phrase(h.Timeout))
	}
	if diagram != "" && h.Diagram != nil {
		r.f("![Diagram of %s](%s)\n\n", mdText(h.Name), mdURL(diagram))
	}
	r.f("## Steps\n\n")
	r.steps(h.Steps, 3)
	r.problems(h)
	if len(h.People) > 0 {
		r.f("## Waits for people or other systems\n\n")
		for _, s := range h.People {
			r.f("- %s: %s\n", r.link(s.Name), r.phrase(s.Says[0]))
		}
		r.f("\n")
	}
	r.resources(h, deps)
	if len(h.Threads) > 0 {
		r.f("## Open comments\n\n")
		for _, t := range h.Threads {
			where := "the whole workflow"
			if t.State != "" {
				where = r.link(t.State)
			}
			r.f("On %s:\n\n", where)
			r.comments(t)
		}
	}
	r.scenarios(h)
	return r.b.Bytes()
}

type mdWriter struct {
	b bytes.Buffer
	a anchors
}

func (r *mdWriter) f(format string, args ...any) { fmt.Fprintf(&r.b, format, args...) }

func (r *mdWriter) steps(steps []*Step, level int) {
	hashes := strings.Repeat("#", min(level, 6))
	for _, s := range steps {
		r.f("%s <a id=\"%s\"></a>%s\n\n", hashes, r.a[s.Name], mdText(s.Name))
		r.f("*%s · %s*\n\n", typeLabel(s.Type), s.QueryLanguage)
		if s.Description != "" {
			r.f("%s\n\n", mdBlock(s.Description))
		}
		parts := make([]string, len(s.Says))
		for i, p := range s.Says {
			parts[i] = r.phrase(p)
		}
		r.f("%s\n\n", strings.Join(parts, " "))
		for _, rule := range s.Rules {
			r.f("- %s\n", r.phrase(rule))
		}
		if len(s.Rules) > 0 {
			r.f("\n")
		}
		for _, t := range s.Threads {
			r.f("Open comments:\n\n")
			r.comments(t)
		}
		for _, br := range s.Branches {
			r.f("%s %s of %s\n\n", strings.Repeat("#", min(level+1, 6)), br.Title, mdText(s.Name))
			r.steps(br.Steps, level+2)
		}
	}
}

func (r *mdWriter) comments(t Thread) {
	for _, c := range t.Comments {
		who := c.Author
		if who == "" {
			who = "someone"
		}
		when := ""
		if !c.Time.IsZero() {
			when = " (" + c.Time.UTC().Format("2006-01-02 15:04 UTC") + ")"
		}
		r.f("> **%s**%s: %s\n>\n", mdText(who), when, strings.ReplaceAll(mdText(c.Text), "\n", "\n> "))
	}
	r.b.Truncate(r.b.Len() - 2) // the last "\n>\n" ends the quote
	r.f("\n")
}

func (r *mdWriter) problems(h *Handbook) {
	if len(h.Problems) == 0 {
		return
	}
	r.f("## What can go wrong\n\n")
	for _, p := range h.Problems {
		r.f("- %s: %s\n", r.link(p.Step), r.phrase(p.Says))
	}
	r.f("\n")
}

func (r *mdWriter) resources(h *Handbook, deps string) {
	if len(h.Resources) == 0 {
		return
	}
	r.f("## AWS resources it uses\n\n")
	if deps != "" && h.Dependencies != nil {
		r.f("![AWS resources used by %s](%s)\n\n", mdText(h.Name), mdURL(deps))
	}
	for _, g := range h.Resources {
		r.f("### %s\n\n", mdText(g.Title))
		for _, res := range g.Resources {
			name := mdCode(res.Name)
			if res.Runtime {
				name = "decided at run time: " + name
			}
			links := make([]string, len(res.Steps))
			for i, s := range res.Steps {
				links[i] = r.link(s)
			}
			r.f("- %s — used by %s\n", name, strings.Join(links, ", "))
		}
		r.f("\n")
	}
}

func (r *mdWriter) scenarios(h *Handbook) {
	if len(h.Scenarios) == 0 && h.ScenarioNote == "" {
		return
	}
	r.f("## Test scenarios\n\n")
	if len(h.Scenarios) > 0 {
		r.f("%s\n\n", mdText(ScenarioIntro))
	}
	if h.ScenarioNote != "" {
		r.f("%s\n\n", mdText(h.ScenarioNote))
	}
	for _, sc := range h.Scenarios {
		r.f("### %s — %s\n\n", mdText(sc.Name), statusWords(sc))
		if sc.Problem != "" {
			r.f("%s\n\n", mdText(sc.Problem))
			continue
		}
		path := make([]string, len(sc.Path))
		for i, p := range sc.Path {
			path[i] = r.link(p)
		}
		if len(path) > 0 {
			r.f("Path: %s", strings.Join(path, " → "))
			if sc.More > 0 {
				r.f(" → … (%d more)", sc.More)
			}
			r.f("\n\n")
		}
		if sc.Error != "" {
			r.f("Error: %s", mdCode(sc.Error))
			if sc.Cause != "" {
				r.f(" — %s", mdText(sc.Cause))
			}
			r.f("\n\n")
		}
	}
}

// link is a step name linked to its section.
func (r *mdWriter) link(name string) string {
	if id, ok := r.a[name]; ok {
		return "[" + mdText(name) + "](#" + id + ")"
	}
	return mdText(name)
}

func (r *mdWriter) phrase(p Phrase) string {
	var b strings.Builder
	for _, s := range p {
		switch s.Kind {
		case Code:
			b.WriteString(mdCode(s.Text))
		case StepRef:
			b.WriteString(r.link(s.Text))
		default:
			b.WriteString(mdText(s.Text))
		}
	}
	return b.String()
}

// mdText escapes the characters Markdown (CommonMark and GitHub's) would
// read as markup, and keeps raw HTML out.
func mdText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~', '!', '&':
			b.WriteByte('\\')
		case '\r':
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdBlock is free text (a description) as Markdown: escaped, its
// paragraphs kept.
func mdBlock(s string) string {
	s = strings.ReplaceAll(strings.TrimSpace(s), "\r\n", "\n")
	return mdText(s)
}

// mdCode is s as a code span, fenced with more backticks than it holds.
func mdCode(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r", " "), "\n", " ")
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || s == "" {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}

// mdURL keeps a relative file name a link target.
func mdURL(name string) string {
	return strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E").Replace(name)
}
