package asl

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// jsonParser is a recursive-descent JSON parser that records the range of
// every key and value. Depth is bounded by MaxDepth.
type jsonParser struct {
	src   []byte
	text  string // src as one string: strings without escapes are slices of it
	i     int
	cur   *cursor
	name  string
	depth int
	err   *SyntaxError

	// Nodes and fields are carved from slabs, and children collected on
	// shared stacks then copied out at their exact size into slabs of
	// their own: a definition has tens of thousands of values, and one
	// allocation each dominated the parse.
	nodes  []Node
	fields []Field
	fstack []*Field
	istack []*Node
	flists []*Field // the objects' Fields
	ilists []*Node  // the arrays' Items
}

const slabSize = 256

// nodeSlab nodes fill the largest small-object size class, 32 KiB: a
// larger slab is rounded up to whole pages, which wasted a tenth of it.
const nodeSlab = 32 << 10 / unsafe.Sizeof(Node{})

func (p *jsonParser) newNode() *Node {
	if len(p.nodes) == 0 {
		p.nodes = make([]Node, nodeSlab)
	}
	n := &p.nodes[0]
	p.nodes = p.nodes[1:]
	return n
}

func (p *jsonParser) newField() *Field {
	if len(p.fields) == 0 {
		p.fields = make([]Field, slabSize)
	}
	f := &p.fields[0]
	p.fields = p.fields[1:]
	return f
}

// carve copies list into a slice of *slab (refilled with slabSize*4
// entries when short) whose capacity is its length, so that appending to
// one object's Fields reallocates rather than overwriting the next one's.
func carve[T any](slab *[]T, list []T) []T {
	n := len(list)
	if n == 0 {
		return nil
	}
	if n > len(*slab) {
		if n > slabSize {
			return append([]T(nil), list...)
		}
		*slab = make([]T, slabSize*4)
	}
	out := (*slab)[:n:n]
	copy(out, list)
	*slab = (*slab)[n:]
	return out
}

func parseJSON(name string, src []byte) (*Node, error) {
	p := &jsonParser{src: src, text: string(src), cur: newCursor(src), name: name}
	// A UTF-8 byte order mark is tolerated, as editors write it.
	p.i = textStart(src).Offset
	p.skipSpace()
	if p.i >= len(src) {
		return nil, p.fail("The definition is empty. Write a JSON object with StartAt and States.")
	}
	n := p.value()
	if p.err != nil {
		return nil, p.err
	}
	p.skipSpace()
	if p.i < len(src) {
		return nil, p.afterEnd()
	}
	return n, nil
}

// fail reports a syntax error at p.i; failAt where the fix belongs.
func (p *jsonParser) fail(msg string) *SyntaxError { return p.failAt(p.i, msg) }

func (p *jsonParser) failAt(off int, msg string) *SyntaxError {
	if p.err == nil {
		p.err = &SyntaxError{Name: p.name, Pos: p.cur.at(off), Msg: msg}
	}
	return p.err
}

func (p *jsonParser) skipSpace() {
	for p.i < len(p.src) {
		switch p.src[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *jsonParser) value() *Node {
	if p.err != nil {
		return nil
	}
	if p.i >= len(p.src) {
		p.fail("The definition ends where a value should be: it is cut short.")
		return nil
	}
	start := p.cur.at(p.i)
	n := p.newNode()
	switch c := p.src[p.i]; {
	case c == '{':
		p.object(n)
	case c == '[':
		p.array(n)
	case c == '"':
		n.Kind = KindString
		n.Str = p.string()
	case c == '-' || c >= '0' && c <= '9':
		n.Kind = KindNumber
		n.Num = p.number()
	case p.literal("true"):
		n.Kind, n.Bool = KindBool, true
	case p.literal("false"):
		n.Kind = KindBool
	case p.literal("null"):
		n.Kind = KindNull
	default:
		p.badValue()
		return nil
	}
	n.Range = Range{Start: start, End: p.cur.at(p.i)}
	return n
}

func (p *jsonParser) literal(word string) bool {
	if !strings.HasPrefix(string(p.src[p.i:min(len(p.src), p.i+len(word))]), word) {
		return false
	}
	p.i += len(word)
	return true
}

func (p *jsonParser) enter() bool {
	p.depth++
	if p.depth > MaxDepth {
		p.fail("The definition nests objects and lists deeper than " + strconv.Itoa(MaxDepth) + " levels.")
		return false
	}
	return true
}

func (p *jsonParser) object(n *Node) {
	n.Kind = KindObject
	if !p.enter() {
		return
	}
	defer func() { p.depth-- }()
	open := p.i
	p.i++ // {
	p.skipSpace()
	if p.i < len(p.src) && p.src[p.i] == '}' {
		p.i++
		return
	}
	base := len(p.fstack)
	defer func() {
		n.Fields = carve(&p.flists, p.fstack[base:])
		n.buildIndex()
		clear(p.fstack[base:])
		p.fstack = p.fstack[:base]
	}()
	firstKey, comma := -1, -1
	for p.err == nil {
		p.skipSpace()
		if p.i >= len(p.src) || p.src[p.i] != '"' {
			p.badKey(open, comma)
			return
		}
		if firstKey < 0 {
			firstKey = p.i
		}
		kStart := p.cur.at(p.i)
		key := p.string()
		if p.err != nil {
			return
		}
		f := p.newField()
		f.Key, f.KeyRange = key, Range{Start: kStart, End: p.cur.at(p.i)}
		keyEnd := p.i
		p.skipSpace()
		if p.i >= len(p.src) || p.src[p.i] != ':' {
			p.badColon(open, key, keyEnd)
			return
		}
		p.i++
		p.skipSpace()
		if p.i >= len(p.src) {
			p.unclosed(open)
			return
		}
		if c := p.src[p.i]; c == ',' || c == '}' {
			p.fail(fmt.Sprintf("The key %s on line %d has no value; write one after its colon.", strconv.Quote(key), p.line(keyEnd)))
			return
		}
		f.Value = p.value()
		if p.err != nil {
			return
		}
		p.fstack = append(p.fstack, f)
		end := p.i
		p.skipSpace()
		if p.i < len(p.src) && p.src[p.i] == ',' {
			comma = p.i
			p.i++
			continue
		}
		if p.i < len(p.src) && p.src[p.i] == '}' {
			p.i++
			return
		}
		p.afterMember(open, firstKey, end, '}')
	}
}

func (p *jsonParser) array(n *Node) {
	n.Kind = KindArray
	if !p.enter() {
		return
	}
	defer func() { p.depth-- }()
	open := p.i
	p.i++ // [
	p.skipSpace()
	if p.i < len(p.src) && p.src[p.i] == ']' {
		p.i++
		return
	}
	base := len(p.istack)
	defer func() {
		n.Items = carve(&p.ilists, p.istack[base:])
		clear(p.istack[base:])
		p.istack = p.istack[:base]
	}()
	first, comma := -1, -1
	for p.err == nil {
		p.skipSpace()
		if first < 0 {
			first = p.i
		}
		if comma >= 0 && p.i < len(p.src) && p.src[p.i] == ']' {
			p.trailingComma(comma, ']')
			return
		}
		if p.i >= len(p.src) {
			p.unclosed(open)
			return
		}
		it := p.value()
		if p.err != nil {
			return
		}
		p.istack = append(p.istack, it)
		end := p.i
		p.skipSpace()
		if p.i < len(p.src) && p.src[p.i] == ',' {
			comma = p.i
			p.i++
			continue
		}
		if p.i < len(p.src) && p.src[p.i] == ']' {
			p.i++
			return
		}
		p.afterMember(open, first, end, ']')
	}
}

func (p *jsonParser) number() string {
	start := p.i
	digits := func() int {
		s := p.i
		for p.i < len(p.src) && p.src[p.i] >= '0' && p.src[p.i] <= '9' {
			p.i++
		}
		return p.i - s
	}
	if p.src[p.i] == '-' {
		p.i++
	}
	intStart := p.i
	if n := digits(); n == 0 {
		p.fail(fmt.Sprintf("A minus sign on line %d has no digits after it.", p.line(p.i)))
		return ""
	} else if n > 1 && p.src[intStart] == '0' {
		p.failAt(intStart, fmt.Sprintf("The number on line %d starts with 0: JSON numbers have no leading zeros.", p.line(intStart)))
		return ""
	}
	if p.i < len(p.src) && p.src[p.i] == '.' {
		p.i++
		if digits() == 0 {
			p.fail(fmt.Sprintf("The decimal point of the number on line %d needs digits after it.", p.line(p.i)))
			return ""
		}
	}
	if p.i < len(p.src) && (p.src[p.i] == 'e' || p.src[p.i] == 'E') {
		p.i++
		if p.i < len(p.src) && (p.src[p.i] == '+' || p.src[p.i] == '-') {
			p.i++
		}
		if digits() == 0 {
			p.fail(fmt.Sprintf("The exponent of the number on line %d needs digits.", p.line(p.i)))
			return ""
		}
	}
	lit := p.text[start:p.i]
	// Only an exponent or hundreds of digits can overflow a float64.
	if strings.ContainsAny(lit, "eE") || len(lit) > 300 {
		if _, err := strconv.ParseFloat(lit, 64); err != nil {
			p.i = start
			p.fail(fmt.Sprintf("The number %s on line %d is too large.", shorten(lit), p.line(start)))
			return ""
		}
	}
	return lit
}

func shorten(s string) string {
	if len(s) > 24 {
		return s[:21] + "..."
	}
	return s
}

// string reads a quoted string at p.i and returns it decoded. Invalid UTF-8
// and lone surrogates become U+FFFD, as encoding/json does.
func (p *jsonParser) string() string {
	open := p.i
	p.i++ // opening quote
	start := p.i
	// Fast path: no escapes, ASCII or valid UTF-8. The result shares the
	// source text, so the tens of thousands of strings of a large
	// definition cost no allocation.
	// The source is valid UTF-8 (checkUTF8 runs before the parser), and
	// escapes are written with WriteRune, so a string needs no check.
	for p.i < len(p.src) {
		c := p.src[p.i]
		if c == '"' {
			s := p.text[start:p.i]
			p.i++
			return s
		}
		if c == '\\' {
			break
		}
		if c < 0x20 {
			p.controlInString(open)
			return ""
		}
		p.i++
	}
	var b strings.Builder
	b.Write(p.src[start:p.i])
	for p.i < len(p.src) {
		c := p.src[p.i]
		switch {
		case c == '"':
			p.i++
			return b.String()
		case c < 0x20:
			p.controlInString(open)
			return ""
		case c != '\\':
			b.WriteByte(c)
			p.i++
			continue
		}
		p.i++
		if p.i >= len(p.src) {
			break
		}
		switch e := p.src[p.i]; e {
		case '"', '\\', '/':
			b.WriteByte(e)
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r, ok := p.hex4(p.i + 1)
			if !ok {
				p.failAt(p.i-1, fmt.Sprintf(`The escape \u on line %d needs four hex digits after it, as in \u00e9.`, p.line(p.i)))
				return ""
			}
			p.i += 4
			if utf16.IsSurrogate(r) {
				if r2, ok := p.hex4(p.i + 3); ok && p.src[p.i+1] == '\\' && p.src[p.i+2] == 'u' {
					if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
						p.i += 6
						r = d
					} else {
						r = utf8.RuneError
					}
				} else {
					r = utf8.RuneError
				}
			}
			b.WriteRune(r)
		default:
			p.failAt(p.i-1, fmt.Sprintf(`The text on line %d has \%c, which JSON does not know; write \\ for a backslash.`, p.line(p.i), e))
			return ""
		}
		p.i++
	}
	p.unterminated(open)
	return ""
}

func (p *jsonParser) hex4(at int) (rune, bool) {
	if at+4 > len(p.src) {
		return 0, false
	}
	var r rune
	for _, c := range p.src[at : at+4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}
