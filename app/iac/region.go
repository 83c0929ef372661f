package iac

import (
	"errors"
	"strings"
)

// A region is the span of a file that holds one definition's text, and how
// that text is written there. Saving rewrites only the region's lines that
// changed, so every other byte of the file (comments, formatting, key
// order, unchanged lines of the definition itself) stays as it was.
type region struct {
	Start, End int   // byte range in the file
	Codec      codec // how the text is encoded in the range
	// Indent is what each line after the first carries in the file and not
	// in the text (the indentation of a YAML block, a block scalar or an
	// indented heredoc); "" for a whole file.
	Indent string
	// Embedded is true for a definition inside a larger file: trailing
	// newlines of an edit are dropped there, since the file's own layout
	// decides what follows the definition.
	Embedded bool
}

// codec names the ways a definition is written inside a file.
type codec string

const (
	// codecLines: the text is the file's lines, less Indent after the
	// first (a whole file, a YAML block mapping or flow object, a literal
	// block scalar, a Terraform heredoc, a JSON object in a JSON template).
	codecLines codec = "lines"
	// codecJSONString: the text is a JSON string literal's decoded value
	// (DefinitionString in a JSON template).
	codecJSONString codec = "json-string"
	// codecHCL: the range is an HCL expression (the argument of
	// jsonencode()); the text is the JSON it encodes. Read-only.
	codecHCL codec = "hcl"
)

// decode returns the definition text held by src[r.Start:r.End].
func (r region) decode(src []byte) (string, error) {
	raw := string(src[r.Start:r.End])
	switch r.Codec {
	case codecLines:
		lines := strings.Split(raw, "\n")
		for i := range lines {
			if i > 0 {
				lines[i] = dedent(lines[i], r.Indent)
			}
			// CRLF files: the text has bare newlines, a save puts \r back.
			lines[i] = strings.TrimSuffix(lines[i], "\r")
		}
		return strings.Join(lines, "\n"), nil
	case codecJSONString:
		text, _, err := decodeJSONString(raw)
		return text, err
	case codecHCL:
		return hclToJSON([]byte(raw))
	}
	return "", errors.New("unknown codec " + string(r.Codec))
}

// dedent removes indent from line, or as much leading white space as the
// line has when it is shorter (a blank line inside a block).
func dedent(line, indent string) string {
	if strings.HasPrefix(line, indent) {
		return line[len(indent):]
	}
	return strings.TrimLeft(line, " \t")
}

// splice returns src with the region's text changed from old to text,
// touching only what differs: whole lines for codecLines, the changed
// characters for codecJSONString. It returns the new file and the new end
// of the region.
func (r region) splice(src []byte, old, text string) ([]byte, int, error) {
	if r.Embedded {
		text = strings.TrimRight(text, "\r\n")
		if strings.TrimSpace(text) == "" {
			return nil, 0, errors.New("the definition is empty; write a JSON or YAML object with StartAt and States")
		}
		// The blank lines that end the region (before a heredoc's
		// marker) are the file's layout too: keep them.
		text += old[len(strings.TrimRight(old, "\n")):]
	}
	if text == old {
		return src, r.End, nil
	}
	var repl string
	var from, to int
	switch r.Codec {
	case codecLines:
		from, to, repl = r.spliceLines(src, old, text)
	case codecJSONString:
		var err error
		from, to, repl, err = r.spliceJSONString(src, old, text)
		if err != nil {
			return nil, 0, err
		}
	default:
		return nil, 0, errors.New("unknown codec " + string(r.Codec))
	}
	out := make([]byte, 0, len(src)-(to-from)+len(repl))
	out = append(out, src[:from]...)
	out = append(out, repl...)
	out = append(out, src[to:]...)
	return out, r.End + len(repl) - (to - from), nil
}

// spliceLines replaces the lines of the region that differ between old and
// text, re-indenting the new ones as the region is indented.
func (r region) spliceLines(src []byte, old, text string) (from, to int, repl string) {
	oldLines := strings.Split(old, "\n")
	newLines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	p := 0
	for p < len(oldLines) && p < len(newLines) && oldLines[p] == newLines[p] {
		p++
	}
	s := 0
	for s < len(oldLines)-p && s < len(newLines)-p && oldLines[len(oldLines)-1-s] == newLines[len(newLines)-1-s] {
		s++
	}
	// The first line starts mid-line (after the file's own indentation), so
	// a pure insertion or deletion there is done as a replacement of it.
	if p == 0 && s > 0 && (len(oldLines)-s-1 < 0 || len(newLines)-s == 0) {
		s--
	}
	// Byte offsets of each region line in the file.
	starts := []int{r.Start}
	for i := r.Start; i < r.End; i++ {
		if src[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	crlf := strings.Contains(string(src[r.Start:r.End]), "\r\n")
	eol := "\n"
	if crlf {
		eol = "\r\n"
	}
	lineEnd := func(i int) int { // end of region line i, before its line ending
		if i+1 < len(starts) {
			end := starts[i+1] - 1
			if crlf && end > 0 && src[end-1] == '\r' {
				end--
			}
			return end
		}
		return r.End
	}
	changedNew := newLines[p : len(newLines)-s]
	var b strings.Builder
	for i, line := range changedNew {
		if i > 0 {
			b.WriteString(eol)
		}
		if p+i > 0 && strings.TrimSpace(line) != "" {
			b.WriteString(r.Indent)
		}
		b.WriteString(line)
	}
	lastOld := len(oldLines) - s - 1 // last replaced old line
	switch {
	case len(changedNew) == 0: // pure deletion of lines p..lastOld (p > 0)
		return lineEnd(p - 1), lineEnd(lastOld), ""
	case lastOld >= p: // replace lines p..lastOld
		return starts[p], lineEnd(lastOld), b.String()
	case p < len(starts): // pure insertion before old line p
		return starts[p], starts[p], b.String() + eol
	default: // pure insertion after the last line
		return r.End, r.End, eol + b.String()
	}
}
