package asl

import "unicode/utf8"

// cursor turns byte offsets into line and column. Offsets asked for are
// mostly increasing, so it walks forward from the last answer and the whole
// parse stays linear even on a single-line (minified) file.
type cursor struct {
	src  []byte
	pos  Pos
	line int // start offset of the current line
}

func newCursor(src []byte) *cursor { return &cursor{src: src, pos: Pos{Line: 1, Column: 1}} }

func (c *cursor) at(off int) Pos {
	if off > len(c.src) {
		off = len(c.src)
	}
	if off < c.pos.Offset {
		c.pos, c.line = Pos{Line: 1, Column: 1}, 0
	}
	p := c.pos
	for i := p.Offset; i < off; {
		b := c.src[i]
		switch {
		case b == '\n':
			p.Line++
			p.Column = 1
			i++
		case b < utf8.RuneSelf:
			p.Column++
			i++
		default:
			_, n := utf8.DecodeRune(c.src[i:])
			p.Column++
			i += n
		}
	}
	p.Offset = off
	c.pos = p
	return p
}

func countRunes(b []byte) int { return utf8.RuneCount(b) }

func decodeRune(b []byte) (rune, int) {
	if b[0] < utf8.RuneSelf {
		return rune(b[0]), 1
	}
	return utf8.DecodeRune(b)
}
