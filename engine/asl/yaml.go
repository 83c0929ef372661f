package asl

import (
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// yamlConverter turns a yaml.v3 node tree into Nodes. yaml.v3 gives start
// line and column only; ends are estimated: a plain scalar ends after its
// text on the same line, a quoted or block one at the next sibling, a
// collection at the end of its last child.
type yamlConverter struct {
	src    []byte
	lines  []int // start offset of each line
	budget int   // nodes left; bounds alias expansion ("billion laughs")
	// last is the last position computed. Positions come mostly in
	// document order, so columns are counted on from it rather than from
	// the start of the line: a long single-line (flow) document would
	// otherwise cost quadratic time.
	last Pos
}

var yamlLineRE = regexp.MustCompile(`(?:yaml: )?line (\d+): (.*)`)

func parseYAML(name string, src []byte) (*Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, yamlError(name, src, err)
	}
	c := &yamlConverter{src: src, lines: lineStarts(src), budget: 4*len(src) + 1024}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, &SyntaxError{Name: name, Pos: Pos{Line: 1, Column: 1}, Msg: "the document is empty; a definition is a YAML mapping"}
	}
	n, err := c.node(doc.Content[0], 0)
	if err != nil {
		return nil, &SyntaxError{Name: name, Pos: err.pos, Msg: err.msg}
	}
	end := c.pos(len(src))
	c.last = Pos{} // fixEnds visits closing brackets in increasing order
	c.fixEnds(n, end)
	return n, nil
}

func yamlError(name string, src []byte, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	pos := Pos{Line: 1, Column: 1}
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		msg = m[2]
		ls := lineStarts(src)
		if line >= 1 && line <= len(ls) {
			pos = Pos{Line: line, Column: 1, Offset: ls[line-1]}
		}
	}
	return &SyntaxError{Name: name, Pos: pos, Msg: "invalid YAML: " + msg}
}

type convError struct {
	pos Pos
	msg string
}

func lineStarts(src []byte) []int {
	ls := []int{0}
	for i, b := range src {
		if b == '\n' {
			ls = append(ls, i+1)
		}
	}
	return ls
}

// pos converts a byte offset to a Pos.
func (c *yamlConverter) pos(off int) Pos {
	off = min(off, len(c.src))
	lo, hi := 0, len(c.lines)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if c.lines[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	from := Pos{Line: lo + 1, Column: 1, Offset: c.lines[lo]}
	if c.last.Line == from.Line && c.last.Offset <= off {
		from = c.last
	}
	c.last = Pos{Line: from.Line, Column: from.Column + countRunes(c.src[from.Offset:off]), Offset: off}
	return c.last
}

// lineCol converts yaml.v3's 1-based line and column (in code points) to a Pos.
func (c *yamlConverter) lineCol(line, col int) Pos {
	if line < 1 || line > len(c.lines) {
		return c.pos(len(c.src))
	}
	p := Pos{Line: line, Column: 1, Offset: c.lines[line-1]}
	if c.last.Line == line && c.last.Column <= col {
		p = c.last
	}
	for ; p.Column < col && p.Offset < len(c.src) && c.src[p.Offset] != '\n'; p.Column++ {
		_, n := decodeRune(c.src[p.Offset:])
		p.Offset += n
	}
	p.Column = col
	c.last = p
	return p
}

func (c *yamlConverter) node(y *yaml.Node, depth int) (*Node, *convError) {
	start := c.lineCol(y.Line, y.Column)
	if depth >= MaxDepth { // depth counts from 0; JSON's from 1
		return nil, &convError{start, "nesting is deeper than " + strconv.Itoa(MaxDepth) + " levels"}
	}
	if c.budget--; c.budget < 0 {
		return nil, &convError{start, "the document expands to too many values (alias loop or bomb)"}
	}
	n := &Node{Range: Range{Start: start}}
	switch y.Kind {
	case yaml.AliasNode:
		if y.Alias == nil {
			return nil, &convError{start, "unknown alias"}
		}
		a, err := c.node(y.Alias, depth+1)
		if err != nil {
			return nil, err
		}
		cp := *a
		cp.Range = Range{Start: start, End: c.scalarEnd(y, start)}
		return &cp, nil
	case yaml.DocumentNode:
		if len(y.Content) == 0 {
			n.Kind = KindNull
			return n, nil
		}
		return c.node(y.Content[0], depth)
	case yaml.SequenceNode:
		n.Kind = KindArray
		for _, it := range y.Content {
			v, err := c.node(it, depth+1)
			if err != nil {
				return nil, err
			}
			n.Items = append(n.Items, v)
		}
	case yaml.MappingNode:
		n.Kind = KindObject
		for i := 0; i+1 < len(y.Content); i += 2 {
			k, v := y.Content[i], y.Content[i+1]
			if k.Kind == yaml.ScalarNode && k.Value == "<<" && k.Tag == "!!merge" {
				if err := c.merge(n, v, depth); err != nil {
					return nil, err
				}
				continue
			}
			if k.Kind != yaml.ScalarNode {
				return nil, &convError{c.lineCol(k.Line, k.Column), "a mapping key must be a plain value such as a name, not a list or a mapping"}
			}
			kn, err := c.node(k, depth+1)
			if err != nil {
				return nil, err
			}
			vn, err := c.node(v, depth+1)
			if err != nil {
				return nil, err
			}
			key := kn.Str
			if kn.Kind != KindString {
				key = k.Value
			}
			n.Fields = append(n.Fields, &Field{Key: key, KeyRange: kn.Range, Value: vn})
		}
	case yaml.ScalarNode:
		c.scalar(n, y)
		n.Range.End = c.scalarEnd(y, start)
	default:
		n.Kind = KindNull
	}
	n.buildIndex()
	return n, nil
}

// merge applies a "<<" merge key: fields of the merged mapping(s) that the
// mapping does not define itself.
func (c *yamlConverter) merge(n *Node, v *yaml.Node, depth int) *convError {
	m, err := c.node(v, depth+1)
	if err != nil {
		return err
	}
	srcs := []*Node{m}
	if m.Kind == KindArray {
		srcs = m.Items
	}
	for _, s := range srcs {
		for _, f := range s.Fields {
			if !n.Has(f.Key) {
				n.Fields = append(n.Fields, f)
			}
		}
	}
	return nil
}

func (c *yamlConverter) scalar(n *Node, y *yaml.Node) {
	switch y.ShortTag() {
	case "!!null":
		n.Kind = KindNull
	case "!!bool":
		var b bool
		if y.Decode(&b) == nil {
			n.Kind, n.Bool = KindBool, b
			return
		}
		n.Kind, n.Str = KindString, y.Value
	case "!!int":
		var i int64
		if y.Decode(&i) == nil {
			n.Kind, n.Num = KindNumber, strconv.FormatInt(i, 10)
			return
		}
		var f float64
		if y.Decode(&f) == nil {
			n.Kind, n.Num = KindNumber, strconv.FormatFloat(f, 'g', -1, 64)
			return
		}
		n.Kind, n.Str = KindString, y.Value
	case "!!float":
		var f float64
		if err := y.Decode(&f); err == nil && !isInfOrNaN(f) {
			n.Kind, n.Num = KindNumber, jsonFloatText(y.Value, f)
			return
		}
		n.Kind, n.Str = KindString, y.Value
	default: // !!str, !!binary, !!timestamp and custom tags such as !Sub
		n.Kind, n.Str = KindString, y.Value
	}
}

func isInfOrNaN(f float64) bool {
	return f != f || f > 1.7976931348623157e308 || f < -1.7976931348623157e308
}

// jsonFloatText keeps the literal when it is already valid JSON ("1.5").
func jsonFloatText(lit string, f float64) string {
	if _, err := strconv.ParseFloat(lit, 64); err == nil && jsonNumberRE.MatchString(lit) {
		return lit
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

var jsonNumberRE = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$`)

// scalarEnd estimates where a scalar ends: plain and quoted one-line
// scalars end after their text; others at the end of their start line.
func (c *yamlConverter) scalarEnd(y *yaml.Node, start Pos) Pos {
	lineEnd := len(c.src)
	if start.Line < len(c.lines) {
		lineEnd = c.lines[start.Line] - 1
	}
	off := start.Offset
	switch y.Style {
	case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
		q := c.src[off:min(off+1, len(c.src))]
		if len(q) == 1 {
			end := closingQuote(c.src, off+1, q[0])
			if end > 0 {
				return c.pos(end + 1)
			}
		}
		return c.pos(lineEnd)
	case yaml.LiteralStyle, yaml.FoldedStyle:
		return c.pos(lineEnd)
	}
	if y.Kind == yaml.AliasNode {
		return c.pos(min(off+1+len(y.Value), lineEnd))
	}
	// Plain: the text up to a comment or the end of the line, trimmed.
	end := off
	for end < lineEnd && !(c.src[end] == '#' && end > off && (c.src[end-1] == ' ' || c.src[end-1] == '\t')) {
		if c.src[end] == ',' || c.src[end] == ']' || c.src[end] == '}' {
			break // flow collection delimiter
		}
		if c.src[end] == ':' && (end+1 >= len(c.src) || c.src[end+1] == ' ' || c.src[end+1] == '\n') {
			break // a key's colon
		}
		end++
	}
	for end > off && (c.src[end-1] == ' ' || c.src[end-1] == '\t' || c.src[end-1] == '\r') {
		end--
	}
	return c.pos(end)
}

func closingQuote(src []byte, from int, q byte) int {
	for i := from; i < len(src); i++ {
		switch {
		case q == '"' && src[i] == '\\':
			i++
		case src[i] == q:
			if q == '\'' && i+1 < len(src) && src[i+1] == '\'' {
				i++
				continue
			}
			return i
		}
	}
	return -1
}

// fixEnds sets collection ends to the end of their last child.
func (c *yamlConverter) fixEnds(n *Node, fallback Pos) {
	switch n.Kind {
	case KindArray:
		for _, it := range n.Items {
			c.fixEnds(it, fallback)
		}
		if k := len(n.Items); k > 0 {
			n.Range.End = n.Items[k-1].Range.End
		}
	case KindObject:
		for _, f := range n.Fields {
			c.fixEnds(f.Value, fallback)
		}
		if k := len(n.Fields); k > 0 {
			n.Range.End = n.Fields[k-1].Value.Range.End
		}
	}
	if n.Range.End.Line == 0 || n.Range.End.Offset < n.Range.Start.Offset {
		n.Range.End = n.Range.Start
	}
	// Flow collections "{}" / "[]" end at their closing bracket.
	if (n.Kind == KindArray || n.Kind == KindObject) && n.Range.Start.Offset < len(c.src) {
		if open := c.src[n.Range.Start.Offset]; open == '[' || open == '{' {
			closeB := byte(']')
			if open == '{' {
				closeB = '}'
			}
			from := n.Range.End.Offset
			if from == n.Range.Start.Offset {
				from++
			}
			for i := from; i < len(c.src); i++ {
				if c.src[i] == closeB {
					n.Range.End = c.pos(i + 1)
					break
				}
				if c.src[i] != ' ' && c.src[i] != '\n' && c.src[i] != '\r' && c.src[i] != '\t' {
					break
				}
			}
		}
	}
}
