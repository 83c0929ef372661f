package schema

import (
	"errors"
	"fmt"
	"strings"
)

// pathRules say which forms a path field accepts.
type pathRules struct {
	reference bool // a Reference Path: definite, no wildcards, filters or slices
	context   bool // may start with $$ (the context object)
	variables bool // may start with $name (a variable)
}

var (
	anyPath       = pathRules{context: true, variables: true}
	referencePath = pathRules{reference: true}
)

var errEmptyPath = errors.New("the path is empty; a path starts with $")

// checkPath reports why s is not a path of the given form, or nil.
func checkPath(s string, r pathRules) error {
	if s == "" {
		return errEmptyPath
	}
	if s[0] != '$' {
		return fmt.Errorf("%q does not start with $; a path looks like \"$.field\"", s)
	}
	i := 1
	switch {
	case strings.HasPrefix(s, "$$"):
		if !r.context {
			return fmt.Errorf("%q refers to the context object ($$), which is not allowed here", s)
		}
		i = 2
	case i < len(s) && isIdentStart(s[i]):
		if !r.variables {
			return fmt.Errorf("%q refers to a variable, which is not allowed here; use a path starting with \"$.\"", s)
		}
		for i < len(s) && isIdentPart(s[i]) {
			i++
		}
	}
	return checkSegments(s, i, r.reference)
}

func isIdentStart(b byte) bool { return b == '_' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }
func isIdentPart(b byte) bool  { return isIdentStart(b) || b >= '0' && b <= '9' }

func checkSegments(s string, i int, reference bool) error {
	for i < len(s) {
		switch s[i] {
		case '.':
			i++
			if i < len(s) && s[i] == '.' {
				if reference {
					return fmt.Errorf("%q uses \"..\" (deep scan); only definite paths such as \"$.a.b\" are allowed here", s)
				}
				i++
			}
			if i >= len(s) {
				return fmt.Errorf("%q ends with \".\"; a field name must follow", s)
			}
			if s[i] == '[' {
				continue
			}
			if s[i] == '*' {
				if reference {
					return fmt.Errorf("%q uses the wildcard \"*\"; only definite paths such as \"$.a.b\" are allowed here", s)
				}
				i++
				continue
			}
			start := i
			for i < len(s) && s[i] != '.' && s[i] != '[' {
				if s[i] == '(' && !reference { // a function such as .length()
					end := strings.IndexByte(s[i:], ')')
					if end < 0 {
						return fmt.Errorf("%q has an unclosed \"(\"", s)
					}
					i += end + 1
					continue
				}
				if s[i] == ']' || s[i] == ')' {
					return fmt.Errorf("%q has an unexpected %q", s, s[i])
				}
				i++
			}
			if i == start {
				return fmt.Errorf("%q has an empty field name", s)
			}
		case '[':
			end, err := bracketEnd(s, i)
			if err != nil {
				return err
			}
			if err := checkBracket(s, s[i+1:end], reference); err != nil {
				return err
			}
			i = end + 1
		default:
			return fmt.Errorf("%q has %q where \".\" or \"[\" should be", s, s[i])
		}
	}
	return nil
}

// bracketEnd finds the "]" closing the "[" at i, skipping quoted text and
// nested brackets and parentheses of filters.
func bracketEnd(s string, i int) (int, error) {
	depth := 0
	var quote byte
	for j := i; j < len(s); j++ {
		c := s[j]
		switch {
		case quote != 0:
			if c == '\\' {
				j++
			} else if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '[' || c == '(':
			depth++
		case c == ')':
			depth--
		case c == ']':
			depth--
			if depth == 0 {
				return j, nil
			}
		}
	}
	return 0, fmt.Errorf("%q has an unclosed \"[\"", s)
}

func checkBracket(path, inner string, reference bool) error {
	t := strings.TrimSpace(inner)
	switch {
	case t == "":
		return fmt.Errorf("%q has empty brackets \"[]\"", path)
	case isQuoted(t):
		return nil
	case isInt(t):
		return nil
	}
	if reference {
		return fmt.Errorf("%q uses %q; only field names and array indexes are allowed in this path", path, "["+inner+"]")
	}
	switch {
	case t == "*":
		return nil
	case strings.HasPrefix(t, "?(") && strings.HasSuffix(t, ")"), strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")"):
		return nil
	case strings.Contains(t, ":"):
		parts := strings.Split(t, ":")
		if len(parts) > 3 {
			return fmt.Errorf("%q has a malformed slice %q", path, "["+inner+"]")
		}
		for _, p := range parts {
			if p = strings.TrimSpace(p); p != "" && !isInt(p) {
				return fmt.Errorf("%q has a malformed slice %q", path, "["+inner+"]")
			}
		}
		return nil
	case strings.Contains(t, ","):
		for _, p := range strings.Split(t, ",") {
			if p = strings.TrimSpace(p); !isInt(p) && !isQuoted(p) {
				return fmt.Errorf("%q has a malformed union %q", path, "["+inner+"]")
			}
		}
		return nil
	}
	return fmt.Errorf("%q has %q, which is not an index, a quoted name, a slice, a wildcard or a filter", path, "["+inner+"]")
}

func isQuoted(t string) bool {
	return len(t) >= 2 && (t[0] == '\'' && t[len(t)-1] == '\'' || t[0] == '"' && t[len(t)-1] == '"')
}

func isInt(t string) bool {
	t = strings.TrimPrefix(t, "-")
	if t == "" {
		return false
	}
	for i := 0; i < len(t); i++ {
		if t[i] < '0' || t[i] > '9' {
			return false
		}
	}
	return true
}

// variableOf returns the variable a path reads ("x" for "$x.a"), or "".
func variableOf(s string) string {
	if len(s) < 2 || s[0] != '$' || !isIdentStart(s[1]) {
		return ""
	}
	i := 1
	for i < len(s) && isIdentPart(s[i]) {
		i++
	}
	return s[1:i]
}
