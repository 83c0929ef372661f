package asl

import (
	"bytes"
	"fmt"
	"strings"
)

// When yaml.v3 refuses a document it often names the line where the
// enclosing mapping starts ("line 2: did not find expected key"), not the
// line at fault. Most such documents are off in their indentation, so the
// lines are read again here for the two common mistakes, in plain words
// and at the line to fix: a tab in the indentation, and a line indented to
// no level of the lines above it. This runs only once yaml.v3 has failed.

// yamlIndentProblem finds the first indentation mistake of src: its
// position and a sentence saying what to fix. ok is false when the
// indentation looks right (the mistake is something else).
func yamlIndentProblem(src []byte) (pos Pos, msg string, ok bool) {
	lines := bytes.Split(src[textStart(src).Offset:], []byte("\n"))
	var (
		levels   []int // indentation of the open block collections, outermost first
		prev     int   // the last content line (1-based), 0 before any
		opens    bool  // it ends with "key:" or "-", so the next line may go deeper
		block    = -1  // inside a block scalar (| or >) of a key indented this much
		flow     int   // depth of an unclosed [ or { spanning lines
		starts   = lineStarts(src)
		posOfCol = func(line, col int) Pos { return Pos{Line: line, Column: col, Offset: starts[line-1] + col - 1} }
	)
	for i, raw := range lines {
		n := i + 1
		text := strings.TrimSuffix(string(raw), "\r")
		body := strings.TrimLeft(text, " \t")
		ws := text[:len(text)-len(body)]
		if body == "" || body[0] == '#' {
			continue
		}
		if block >= 0 {
			if strings.IndexByte(ws, '\t') < 0 && len(ws) > block {
				continue // a line of the block scalar's text
			}
			block = -1
		}
		if flow > 0 {
			flow = max(flow+flowDepth(body), 0)
			continue
		}
		if t := strings.IndexByte(ws, '\t'); t >= 0 {
			return posOfCol(n, t+1), fmt.Sprintf("Line %d is indented with a tab; YAML indents with spaces only: replace the tab with spaces.", n), true
		}
		if body == "---" || body == "..." || strings.HasPrefix(body, "--- ") {
			continue
		}
		ind := len(ws)
		isKey := looksLikeKey(body)
		switch top := last(levels); {
		case len(levels) == 0:
			levels = append(levels, ind)
		case ind > top && !opens:
			if !isKey && !strings.HasPrefix(body, "- ") {
				continue // the continuation of a long plain value
			}
			return posOfCol(n, ind+1), fmt.Sprintf("Line %d is indented more than line %d, which already has its value: indent it by %d %s to line up with line %d.", n, prev, top, spaces(top), prev), true
		case ind > top:
			levels = append(levels, ind)
		case ind < top:
			above := top
			for len(levels) > 0 && last(levels) > ind {
				above = last(levels)
				levels = levels[:len(levels)-1]
			}
			if len(levels) == 0 || last(levels) != ind {
				below := 0
				if len(levels) > 0 {
					below = last(levels)
				}
				return posOfCol(n, ind+1), fmt.Sprintf("Line %d is indented by %d %s, which lines up with nothing above it: indent it by %d or %d spaces, like the lines it belongs with.", n, ind, spaces(ind), above, below), true
			}
		}
		// A list item "- key: value" opens a mapping at the column of its key.
		item := body
		col := ind
		for strings.HasPrefix(item, "- ") || item == "-" {
			rest := strings.TrimLeft(strings.TrimPrefix(item, "-"), " ")
			col += len(item) - len(rest)
			item = rest
			if item != "" && last(levels) < col {
				levels = append(levels, col)
			}
		}
		value := valueOf(item)
		// "key:", "key: &anchor" and "key: !Tag" take their value from the lines below.
		bare := value == "" || (value[0] == '&' || value[0] == '!') && !strings.ContainsAny(value, " \t")
		opens = item == "" || (looksLikeKey(item) && bare)
		if looksLikeKey(item) && (strings.HasPrefix(value, "|") || strings.HasPrefix(value, ">")) {
			block = col
			opens = false
		}
		if looksLikeKey(item) {
			flow = max(flowDepth(value), 0)
		} else {
			flow = max(flowDepth(item), 0)
		}
		prev = n
	}
	return Pos{}, "", false
}

func last(xs []int) int {
	if len(xs) == 0 {
		return -1
	}
	return xs[len(xs)-1]
}

func spaces(n int) string {
	if n == 1 {
		return "space"
	}
	return "spaces"
}

// looksLikeKey reports whether a line's text starts with "key:" (a colon
// followed by a space or the end of the line, outside quotes).
func looksLikeKey(s string) bool {
	return keyColon(s) >= 0
}

// keyColon is the offset of the colon ending a key at the start of s, or -1.
func keyColon(s string) int {
	i := 0
	if s != "" && (s[0] == '"' || s[0] == '\'') {
		q := s[0]
		for i = 1; i < len(s) && s[i] != q; i++ {
			if q == '"' && s[i] == '\\' {
				i++
			}
		}
		i++
	}
	for ; i < len(s); i++ {
		switch s[i] {
		case ':':
			if i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\t' {
				return i
			}
		case '#':
			if i > 0 && (s[i-1] == ' ' || s[i-1] == '\t') {
				return -1
			}
		case '[', '{':
			if i == 0 {
				return -1
			}
		}
	}
	return -1
}

// valueOf is what follows "key:" on the line, without a trailing comment.
func valueOf(s string) string {
	c := keyColon(s)
	if c < 0 {
		return ""
	}
	v := strings.TrimSpace(s[c+1:])
	if strings.HasPrefix(v, "#") {
		return ""
	}
	if h := strings.Index(v, " #"); h >= 0 && !strings.ContainsAny(v[:h], `"'`) {
		v = strings.TrimSpace(v[:h])
	}
	return v
}

// flowDepth is how many [ and { the text opens less how many it closes
// (outside quotes and comments).
func flowDepth(s string) int {
	d := 0
	var q byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case q != 0:
			if c == q {
				q = 0
			} else if c == '\\' && q == '"' {
				i++
			}
		case c == '"' || c == '\'':
			q = c
		case c == '#' && (i == 0 || s[i-1] == ' '):
			return d
		case c == '[' || c == '{':
			d++
		case c == ']' || c == '}':
			d--
		}
	}
	return d
}
