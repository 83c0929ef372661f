package handbook

import "strings"

// A Phrase is generated text kept as spans, so each renderer escapes the
// words and marks up code and step names in its own syntax: a state name
// such as "Pay *now*" must stay literal in Markdown and HTML alike.
type Phrase []Span

// Span is one piece of a Phrase.
type Span struct {
	Kind SpanKind
	Text string
}

// SpanKind says how a span is shown.
type SpanKind uint8

// The span kinds.
const (
	Words   SpanKind = iota // plain words
	Code                    // exact text from the definition: an ARN, a path, an expression
	StepRef                 // a state name, linked to its section
)

// phraser builds a Phrase left to right.
type phraser struct{ p Phrase }

func (b *phraser) w(s string) *phraser {
	if s != "" {
		b.p = append(b.p, Span{Words, s})
	}
	return b
}

func (b *phraser) c(s string) *phraser {
	b.p = append(b.p, Span{Code, s})
	return b
}

func (b *phraser) s(name string) *phraser {
	b.p = append(b.p, Span{StepRef, name})
	return b
}

// add appends another phrase's spans.
func (b *phraser) add(p Phrase) *phraser {
	b.p = append(b.p, p...)
	return b
}

func (b *phraser) phrase() Phrase { return b.p }

func words(s string) Phrase { return Phrase{{Words, s}} }

// Plain is the phrase as plain text (code and step names as written), for
// tests and for places that cannot mark anything up (SVG labels).
func (p Phrase) Plain() string {
	var b strings.Builder
	for _, s := range p {
		b.WriteString(s.Text)
	}
	return b.String()
}

// sentence makes p a sentence: a capital first letter and a full stop,
// unless it already ends with one.
func sentence(p Phrase) Phrase {
	if len(p) == 0 {
		return p
	}
	out := append(Phrase(nil), p...)
	if out[0].Kind == Words && out[0].Text != "" {
		out[0].Text = strings.ToUpper(out[0].Text[:1]) + out[0].Text[1:]
	}
	last := &out[len(out)-1]
	if last.Kind != Words {
		return append(out, Span{Words, "."})
	}
	if !strings.HasSuffix(strings.TrimRight(last.Text, "”)"), ".") && !strings.HasSuffix(last.Text, "?") && !strings.HasSuffix(last.Text, "!") {
		last.Text += "."
	}
	return out
}

// joinPhrases joins items as "a, b and c" (or "or").
func joinPhrases(items []Phrase, conj string) Phrase {
	var b phraser
	for i, it := range items {
		switch {
		case i == 0:
		case i == len(items)-1:
			b.w(" " + conj + " ")
		default:
			b.w(", ")
		}
		b.add(it)
	}
	return b.phrase()
}

// codeList is "`a`, `b` and `c`".
func codeList(xs []string, conj string) Phrase {
	items := make([]Phrase, len(xs))
	for i, x := range xs {
		items[i] = Phrase{{Code, x}}
	}
	return joinPhrases(items, conj)
}
