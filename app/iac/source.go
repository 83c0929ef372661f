package iac

import (
	"strings"
	"unicode/utf8"
)

// lines indexes a file's line starts, to turn the 1-based line and
// code-point column that YAML and HCL report into byte offsets and back.
type lines struct {
	src    []byte
	starts []int
}

func newLines(src []byte) lines {
	l := lines{src: src, starts: []int{0}}
	for i, b := range src {
		if b == '\n' {
			l.starts = append(l.starts, i+1)
		}
	}
	return l
}

// offset returns the byte offset of 1-based line and code-point column.
func (l lines) offset(line, col int) int {
	if line < 1 || line > len(l.starts) {
		return len(l.src)
	}
	off := l.starts[line-1]
	for c := 1; c < col && off < len(l.src) && l.src[off] != '\n'; c++ {
		_, size := utf8.DecodeRune(l.src[off:])
		off += size
	}
	return off
}

// lineOf returns the 0-based line holding byte offset off.
func (l lines) lineOf(off int) int {
	lo, hi := 0, len(l.starts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if l.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// text returns 0-based line i without its newline (nor a trailing \r).
func (l lines) text(i int) string {
	end := len(l.src)
	if i+1 < len(l.starts) {
		end = l.starts[i+1] - 1
	}
	return strings.TrimSuffix(string(l.src[l.starts[i]:end]), "\r")
}

// end returns the byte offset of the end of 0-based line i, before its
// newline (and before a \r of a CRLF ending).
func (l lines) end(i int) int {
	end := len(l.src)
	if i+1 < len(l.starts) {
		end = l.starts[i+1] - 1
		if end > 0 && l.src[end-1] == '\r' {
			end--
		}
	}
	return end
}

func leading(s string) string { return s[:len(s)-len(strings.TrimLeft(s, " \t"))] }

// linesRegion builds a codecLines region over [start, end). The indent
// taken off the lines after the first is the white space before start
// when nothing else precedes it on its line, else the common indentation
// of the following lines.
func linesRegion(l lines, start, end int) region {
	first := l.lineOf(start)
	before := string(l.src[l.starts[first]:start])
	r := region{Start: start, End: end, Codec: codecLines, Embedded: true}
	if strings.TrimLeft(before, " \t") == "" {
		r.Indent = before
		return r
	}
	last := l.lineOf(end)
	common := ""
	set := false
	for i := first + 1; i <= last; i++ {
		t := l.text(i)
		if strings.TrimSpace(t) == "" {
			continue
		}
		ind := leading(t)
		if !set || len(ind) < len(common) {
			common, set = ind, true
		}
	}
	r.Indent = common
	return r
}

// blockEnd returns the end of the YAML block value that starts on line
// first under a key indented keyIndent columns: the end of its last
// content line before a line indented no more than the key. Comment
// lines neither end the block nor extend it.
func blockEnd(l lines, first, keyIndent int) int {
	lastContent := first
	for i := first + 1; i < len(l.starts); i++ {
		t := l.text(i)
		trimmed := strings.TrimSpace(t)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if len(leading(t)) <= keyIndent {
			break
		}
		lastContent = i
	}
	return l.end(lastContent)
}

// scalarBlockRegion is the region of a literal or folded block scalar
// whose header (| or >) is on line header: its content lines, indented at
// least as much as the first of them.
func scalarBlockRegion(l lines, header int) (region, bool) {
	first := -1
	for i := header + 1; i < len(l.starts); i++ {
		if strings.TrimSpace(l.text(i)) != "" {
			first = i
			break
		}
	}
	if first < 0 {
		return region{}, false
	}
	indent := leading(l.text(first))
	last := first
	for i := first + 1; i < len(l.starts); i++ {
		t := l.text(i)
		if strings.TrimSpace(t) == "" {
			continue
		}
		if !strings.HasPrefix(t, indent) {
			break
		}
		last = i
	}
	return region{Start: l.starts[first] + len(indent), End: l.end(last), Codec: codecLines, Indent: indent, Embedded: true}, true
}

// matchClose returns the offset just after the bracket that closes the
// one at src[open], skipping quoted strings and YAML comments, or -1.
func matchClose(src []byte, open int) int {
	depth := 0
	for i := open; i < len(src); i++ {
		switch c := src[i]; c {
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				return i + 1
			}
		case '"':
			for i++; i < len(src) && src[i] != '"'; i++ {
				if src[i] == '\\' {
					i++
				}
			}
		case '\'':
			for i++; i < len(src); i++ {
				if src[i] == '\'' {
					if i+1 < len(src) && src[i+1] == '\'' {
						i++
						continue
					}
					break
				}
			}
		case '#':
			if i > 0 && (src[i-1] == ' ' || src[i-1] == '\t' || src[i-1] == '\n') {
				for i < len(src) && src[i] != '\n' {
					i++
				}
			}
		}
	}
	return -1
}

// quotedEnd returns the offset of the closing double quote of the string
// opened at src[open], or -1.
func quotedEnd(src []byte, open int) int {
	for i := open + 1; i < len(src); i++ {
		switch src[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}
	return -1
}
