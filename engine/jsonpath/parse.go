package jsonpath

import (
	"strings"

	"github.com/ohler55/ojg/jp"
)

// parseFrags parses what follows the root. Dot names are read here because
// Jayway, unlike ojg, accepts any character but '.' and '[' in them
// ("$.a-b"); brackets are handed to ojg, which knows filters and slices.
func parseFrags(src string, off int) ([]jp.Frag, error) {
	var frags []jp.Frag
	i := off
	for i < len(src) {
		switch src[i] {
		case '.':
			i++
			if i < len(src) && src[i] == '.' {
				frags = append(frags, jp.Descent('.'))
				i++
				if i < len(src) && src[i] == '[' {
					continue
				}
			}
			if i < len(src) && src[i] == '*' {
				frags = append(frags, jp.Wildcard('*'))
				i++
				continue
			}
			start := i
			for i < len(src) && src[i] != '.' && src[i] != '[' {
				i++
			}
			if i == start {
				return nil, &SyntaxError{Path: src, Offset: i, Msg: "expected a name after '.'"}
			}
			if k := strings.IndexAny(src[start:i], "]()', \t\n\""); k >= 0 {
				return nil, &SyntaxError{Path: src, Offset: start + k, Msg: "unexpected character in a name"}
			}
			frags = append(frags, jp.Child(src[start:i]))
		case '[':
			end, err := bracketEnd(src, i)
			if err != nil {
				return nil, err
			}
			x, err := jp.ParseString("$" + src[i:end])
			if err != nil {
				return nil, &SyntaxError{Path: src, Offset: i, Msg: err.Error()}
			}
			frags = append(frags, x[1:]...)
			i = end
		default:
			return nil, &SyntaxError{Path: src, Offset: i, Msg: "expected '.' or '['"}
		}
	}
	return frags, nil
}

// bracketEnd returns the offset just past the ']' closing the '[' at i,
// skipping quoted strings and nested brackets and parentheses.
func bracketEnd(src string, i int) (int, error) {
	depth := 0
	for j := i; j < len(src); j++ {
		switch c := src[j]; c {
		case '\'', '"':
			for j++; j < len(src) && src[j] != c; j++ {
				if src[j] == '\\' {
					j++
				}
			}
			if j >= len(src) {
				return 0, &SyntaxError{Path: src, Offset: i, Msg: "unterminated string"}
			}
		case '[', '(':
			depth++
		case ']', ')':
			depth--
			if depth == 0 {
				if c != ']' {
					return 0, &SyntaxError{Path: src, Offset: j, Msg: "unbalanced ')'"}
				}
				return j + 1, nil
			}
		}
	}
	return 0, &SyntaxError{Path: src, Offset: i, Msg: "unterminated '['"}
}
