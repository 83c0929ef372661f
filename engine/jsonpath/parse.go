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
			} else if i < len(src) && src[i] == '[' {
				// Jayway reads "$.[0]" and "$.a.[0]" as "$[0]" and "$.a[0]".
				continue
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
			if names, ok := quotedNames(src[i+1 : end-1]); ok {
				if len(names) == 1 {
					frags = append(frags, jp.Child(names[0]))
				} else {
					u := make(jp.Union, len(names))
					for k, n := range names {
						u[k] = n
					}
					frags = append(frags, u)
				}
				i = end
				continue
			}
			x, err := jp.ParseString("$" + quoteBareWords(src[i:end]))
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

// quotedNames reads bracket content made of quoted names ('a' or 'a', "b")
// as the Jayway version AWS runs does: the text between the quotes is the
// name, backslashes included; a backslash only stops the next character
// from ending the name. ok is false for anything else (indexes, filters).
func quotedNames(s string) (names []string, ok bool) {
	i := 0
	skip := func() {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
	}
	for {
		skip()
		if i >= len(s) || s[i] != '\'' && s[i] != '"' {
			return nil, false
		}
		q := s[i]
		start := i + 1
		for i = start; i < len(s) && s[i] != q; i++ {
			if s[i] == '\\' {
				i++
			}
		}
		if i >= len(s) {
			return nil, false
		}
		names = append(names, s[start:i])
		i++
		skip()
		if i == len(s) {
			return names, true
		}
		if s[i] != ',' {
			return nil, false
		}
		i++
	}
}

// filterWords are the words Jayway's filters know; any other bare word is
// read as a string, so [?(@.Name==Receipt)] compares with "Receipt".
var filterWords = map[string]bool{
	"true": true, "false": true, "null": true,
	"in": true, "nin": true, "subsetof": true, "anyof": true, "noneof": true,
	"size": true, "empty": true, "contains": true,
}

// quoteBareWords quotes bare words in a filter ([?(...)]) for ojg, leaving
// quoted strings, paths (@.a, $.b) and numbers as they are.
func quoteBareWords(b string) string {
	if !strings.HasPrefix(b, "[?") {
		return b
	}
	var out tokens
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c == '\'' || c == '"':
			j := i + 1
			for j < len(b) && b[j] != c {
				if b[j] == '\\' {
					j++
				}
				j++
			}
			j = min(j+1, len(b))
			out.WriteString(b[i:j])
			i = j
		case c == '/':
			// A regex literal: Jayway matches it against the whole string
			// (Java's matches()), and takes flags after the closing slash.
			j := i + 1
			for j < len(b) && b[j] != '/' {
				if b[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(b) {
				out.WriteString(b[i:])
				return out.join()
			}
			re := b[i+1 : j]
			j++
			flags := ""
			for j < len(b) && b[j] >= 'a' && b[j] <= 'z' {
				if b[j] == 'i' || b[j] == 's' || b[j] == 'm' {
					flags += string(b[j])
				}
				j++
			}
			if flags != "" {
				flags = "(?" + flags + ")"
			}
			out.WriteString("/" + flags + "^(?:" + re + ")$/")
			i = j
		case c == '@' || c == '$':
			// A path runs until an operator, a space or a closing bracket.
			j := i + 1
			for j < len(b) && (isWordChar(b[j]) || strings.IndexByte(".[]*'\"", b[j]) >= 0 && !(b[j] == ']' && j == len(b)-1)) {
				if b[j] == '[' {
					end, err := bracketEnd(b, j)
					if err != nil {
						break
					}
					j = end
					continue
				}
				j++
			}
			if path := b[i:j]; strings.HasSuffix(path, ".length") && strings.HasPrefix(b[j:], "()") {
				// Jayway's length() function: ojg spells it length(path).
				out.WriteString("length(" + strings.TrimSuffix(path, ".length") + ")")
				j += 2
			} else {
				out.WriteString(path)
			}
			i = j
		case isWordChar(c) && !(c >= '0' && c <= '9') && c != '-':
			j := i
			for j < len(b) && isWordChar(b[j]) {
				j++
			}
			if w := b[i:j]; filterWords[w] {
				out.WriteString(w)
			} else {
				out.WriteString("'" + w + "'")
			}
			i = j
		case c >= '0' && c <= '9' || c == '-':
			j := i + 1
			for j < len(b) && (isWordChar(b[j]) || b[j] == '.') {
				j++
			}
			out.WriteString(b[i:j])
			i = j
		case c == ' ' || c == '\t':
			i++ // ojg needs no spaces: dropping them keeps operands adjacent to operators
			out.WriteString(" ")
		default:
			out.writeByte(c)
			i++
		}
	}
	return out.join()
}

func isWordChar(c byte) bool {
	return c == '_' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
