package asl

import (
	"fmt"
	"strconv"
	"unicode/utf8"
)

// The JSON parser's syntax errors, in plain words and placed where the fix
// belongs rather than where the parser noticed: a missing comma is reported
// at the end of the value it should follow (the parser only notices at the
// next key, often on the next line), a trailing comma at the comma, an
// unclosed { or [ at the bracket that is never closed (found from the
// indentation when the parser only notices at the end of the file), an
// unterminated string at the end of its line, where the closing quote goes.
// These run only once parsing has failed.

// line is the line of the byte offset off.
func (p *jsonParser) line(off int) int { return p.cur.at(off).Line }

// what names the character at p.i for a message: `}`, `the end of the file`.
func (p *jsonParser) what() string {
	if p.i >= len(p.src) {
		return "the end of the file"
	}
	r, _ := utf8.DecodeRune(p.src[p.i:])
	if r == utf8.RuneError || r < 0x20 {
		return fmt.Sprintf("the byte 0x%02X", p.src[p.i])
	}
	return string(r)
}

// word is the run of letters, digits and _$.- at off: an unquoted key or
// value such as StartAt or Pass ("" when off starts none).
func (p *jsonParser) word(off int) string {
	end := off
	for end < len(p.src) {
		c := p.src[end]
		if c == '_' || c == '$' || c == '.' || c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			end++
			continue
		}
		break
	}
	return string(p.src[off:end])
}

// afterEnd reports text after the end of the definition (p.i is at it).
func (p *jsonParser) afterEnd() *SyntaxError {
	c := p.src[p.i]
	if c == '}' || c == ']' {
		return p.fail(fmt.Sprintf("There is an extra %c on line %d, after the end of the definition; remove it.", c, p.line(p.i)))
	}
	return p.fail(fmt.Sprintf("Line %d has more after the end of the definition (from %s); a definition is one JSON object.", p.line(p.i), p.what()))
}

// badValue reports what stands where a value should be (p.i is at it).
func (p *jsonParser) badValue() {
	c := p.src[p.i]
	line := p.line(p.i)
	switch {
	case c == '\'':
		p.fail(fmt.Sprintf("Line %d uses single quotes; JSON writes text in double quotes (\").", line))
	case c == '}' || c == ']' || c == ',':
		p.fail(fmt.Sprintf("A value is missing on line %d.", line))
	case c == '/' && p.i+1 < len(p.src) && (p.src[p.i+1] == '/' || p.src[p.i+1] == '*'):
		p.fail(fmt.Sprintf("JSON has no comments: remove the comment on line %d.", line))
	default:
		w := p.word(p.i)
		switch w {
		case "":
			p.fail(fmt.Sprintf("A value cannot start with %s (line %d).", p.what(), line))
		case "True", "TRUE", "False", "FALSE", "Null", "NULL", "None", "nil":
			lower := map[string]string{"True": "true", "TRUE": "true", "False": "false", "FALSE": "false", "Null": "null", "NULL": "null", "None": "null", "nil": "null"}[w]
			p.fail(fmt.Sprintf("Write %s on line %d as %s: JSON writes true, false and null in lowercase.", w, line, lower))
		default:
			p.fail(fmt.Sprintf("The value %s on line %d needs double quotes: %s.", w, line, strconv.Quote(w)))
		}
	}
}

// badKey reports what stands where a quoted key should be in the object
// opened at open; comma is the offset of the comma before it, or -1.
func (p *jsonParser) badKey(open, comma int) {
	if p.i >= len(p.src) {
		p.unclosed(open)
		return
	}
	line := p.line(p.i)
	switch c := p.src[p.i]; {
	case c == '}' && comma >= 0:
		p.trailingComma(comma, '}')
	case c == ',' && comma < 0:
		p.fail(fmt.Sprintf("There is a comma with nothing before it on line %d; remove it.", line))
	case c == ',':
		p.fail(fmt.Sprintf("There are two commas in a row on line %d; remove one.", line))
	case c == '\'':
		p.fail(fmt.Sprintf("Line %d uses single quotes; JSON writes keys and text in double quotes (\").", line))
	case c == ']':
		p.unclosed(open)
	default:
		if w := p.word(p.i); w != "" {
			p.fail(fmt.Sprintf("The key %s on line %d needs double quotes: %s.", w, line, strconv.Quote(w)))
			return
		}
		p.fail(fmt.Sprintf("A key in double quotes should come here on line %d, not %s.", line, p.what()))
	}
}

// badColon reports a key (ending at keyEnd) not followed by a colon, in the
// object opened at open.
func (p *jsonParser) badColon(open int, key string, keyEnd int) {
	if p.i >= len(p.src) {
		p.unclosed(open)
		return
	}
	if c := p.src[p.i]; c == '"' || c == '{' || c == '[' || c == '-' || c >= '0' && c <= '9' || p.word(p.i) != "" {
		p.failAt(keyEnd, fmt.Sprintf("A colon (:) is missing after the key %s on line %d.", strconv.Quote(key), p.line(keyEnd)))
		return
	}
	p.fail(fmt.Sprintf("The key %s on line %d must be followed by a colon (:), not %s.", strconv.Quote(key), p.line(keyEnd), p.what()))
}

// afterMember reports what follows a key's value or a list's item (ending
// at end) that is neither a comma nor the closer of the object or list
// opened at open, whose first key or item is at first.
func (p *jsonParser) afterMember(open, first, end int, closer byte) {
	if p.i >= len(p.src) {
		p.unclosed(open)
		return
	}
	c := p.src[p.i]
	// The other closer, or a key's colon inside a list: this one was never closed.
	if c == '}' || c == ']' || closer == ']' && c == ':' {
		p.unclosed(open)
		return
	}
	if c == '/' && p.i+1 < len(p.src) && (p.src[p.i+1] == '/' || p.src[p.i+1] == '*') {
		p.fail(fmt.Sprintf("JSON has no comments: remove the comment on line %d.", p.line(p.i)))
		return
	}
	startsValue := c == '"' || c == '{' || c == '[' || c == '-' || c >= '0' && c <= '9' || c == '\'' || p.word(p.i) != ""
	if !startsValue {
		p.fail(fmt.Sprintf("A comma or %c should come after the value on line %d, not %s.", closer, p.line(end), p.what()))
		return
	}
	// What follows starts a new entry: a comma is missing, unless it sits
	// to the left of this object's entries, at or left of its opening
	// line, or is a key inside a list: then this one was never closed.
	if next, own := p.indent(p.i), p.indent(first); next.first && own.first && next.n < own.n && next.n <= p.indent(open).n {
		p.unclosed(open)
		return
	}
	if closer == ']' && c == '"' && p.keyAhead() {
		p.unclosed(open)
		return
	}
	p.failAt(end, fmt.Sprintf("A comma is missing after the value on line %d.", p.line(end)))
}

// keyAhead reports whether p.i starts a quoted string followed by a colon.
func (p *jsonParser) keyAhead() bool {
	i := p.i + 1
	for i < len(p.src) && p.src[i] != '"' && p.src[i] != '\n' {
		if p.src[i] == '\\' {
			i++
		}
		i++
	}
	for i++; i < len(p.src) && (p.src[i] == ' ' || p.src[i] == '\t'); i++ {
	}
	return i < len(p.src) && p.src[i] == ':'
}

// trailingComma reports the comma at comma, followed by closer.
func (p *jsonParser) trailingComma(comma int, closer byte) {
	p.failAt(comma, fmt.Sprintf("There is a comma after the last value on line %d; remove it (JSON allows no comma before %c).", p.line(comma), closer))
}

// unclosed reports an object or list that is never closed. The parser
// notices at the end of the file, or at a closer of the other kind, inside
// the innermost one still open (opened at innermost); the one whose closer
// is really missing is found from the indentation when it tells, else it
// is the innermost.
func (p *jsonParser) unclosed(innermost int) {
	open := innermost
	if p.i >= len(p.src) {
		if o := unclosedByIndent(p.src); o >= 0 {
			open = o
		}
	}
	c, closer, what := p.src[open], byte('}'), "object"
	if c == '[' {
		closer, what = ']', "list"
	}
	p.failAt(open, fmt.Sprintf("The %c on line %d is never closed; add a %c where this %s ends.", c, p.line(open), closer, what))
}

// controlInString reports a raw control character in the string opened at
// open (p.i is at it): a line break means its closing quote is missing.
func (p *jsonParser) controlInString(open int) {
	switch c := p.src[p.i]; c {
	case '\n', '\r':
		p.unterminated(open)
	case '\t':
		p.fail(fmt.Sprintf("The text on line %d holds a tab; write it as \\t.", p.line(p.i)))
	default:
		p.fail(fmt.Sprintf("The text on line %d holds the control character U+%04X; write it as \\u%04x.", p.line(p.i), c, c))
	}
}

// unterminated reports the string opened at open that has no closing
// quote, at the end of its line: where the quote goes.
func (p *jsonParser) unterminated(open int) {
	end := open + 1
	for end < len(p.src) && p.src[end] != '\n' && p.src[end] != '\r' {
		end++
	}
	p.failAt(end, fmt.Sprintf("A closing quote (\") is missing at the end of line %d.", p.line(open)))
}

// lineIndent is the indentation of the line holding an offset, and whether
// the offset is the first thing on its line.
type lineIndent struct {
	n     int
	first bool
}

func (p *jsonParser) indent(off int) lineIndent { return indentAt(p.src, off) }

func indentAt(src []byte, off int) lineIndent {
	start := off
	for start > 0 && src[start-1] != '\n' {
		start--
	}
	n := 0
	for start+n < off && (src[start+n] == ' ' || src[start+n] == '\t') {
		n++
	}
	return lineIndent{n: n, first: start+n == off}
}

// unclosedByIndent finds the { or [ whose closer is missing in a document
// laid out one entry a line: a closer first on its line and indented left
// of the line that opened the innermost open bracket belongs to an outer
// one, so that innermost one was never closed. -1 when the indentation
// does not tell. One pass, whatever the length of the lines.
func unclosedByIndent(src []byte) int {
	type opener struct{ off, indent int }
	var open []opener
	indent, first := 0, 0 // of the current line: its indentation, the offset of its first character
	for i := 0; i < len(src); i++ {
		c := src[i]
		if i == 0 || src[i-1] == '\n' {
			indent = 0
			for i+indent < len(src) && (src[i+indent] == ' ' || src[i+indent] == '\t') {
				indent++
			}
			first = i + indent
		}
		switch c {
		case '"':
			for i++; i < len(src) && src[i] != '"' && src[i] != '\n'; i++ {
				if src[i] == '\\' {
					i++
				}
			}
			if i < len(src) && src[i] == '\n' {
				i-- // the next round starts the new line
			}
		case '{', '[':
			open = append(open, opener{i, indent})
		case '}', ']':
			if len(open) == 0 {
				return -1
			}
			top := open[len(open)-1]
			if i == first && indent < top.indent {
				return top.off
			}
			open = open[:len(open)-1]
		}
	}
	return -1
}
