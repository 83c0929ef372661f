package asl

import "unicode/utf8"

// cursor turns byte offsets into line and column. Offsets asked for are
// mostly increasing, so it walks forward from the last answer and the whole
// parse stays linear even on a single-line (minified) file. A byte order
// mark takes no column: editors do not show it, so the first character of
// the file is at column 1 with or without one.
type cursor struct {
	src  []byte
	pos  Pos
	line int // start offset of the current line
}

func newCursor(src []byte) *cursor { return &cursor{src: src, pos: textStart(src)} }

// bom is the UTF-8 byte order mark.
var bom = []byte{0xEF, 0xBB, 0xBF}

// textStart is line 1, column 1: just after the byte order mark, if any.
func textStart(src []byte) Pos {
	if len(src) >= len(bom) && string(src[:len(bom)]) == string(bom) {
		return Pos{Line: 1, Column: 1, Offset: len(bom)}
	}
	return Pos{Line: 1, Column: 1}
}

func (c *cursor) at(off int) Pos {
	if off > len(c.src) {
		off = len(c.src)
	}
	if off < c.pos.Offset {
		c.pos, c.line = textStart(c.src), 0
		if off < c.pos.Offset {
			return Pos{Line: 1, Column: 1, Offset: off}
		}
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
