package asl

import "gopkg.in/yaml.v3"

// Positions of the YAML reader. yaml.v3 gives each node's start line and
// column only; offsets are derived from them and ends are estimated.

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
