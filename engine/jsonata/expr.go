package jsonata

import (
	"fmt"
	"strings"

	"github.com/recolabs/gnata"
)

// IsExpr reports whether s is a JSONata expression string "{% ... %}".
func IsExpr(s string) bool {
	return len(s) >= 4 && strings.HasPrefix(s, "{%") && strings.HasSuffix(s, "%}")
}

// Expr is one compiled "{% ... %}" expression, safe for concurrent use.
type Expr struct {
	src    string // the expression between the delimiters, trimmed, as AWS quotes it
	e      *gnata.Expression
	vars   []string // names after '$' that may be ASL variables
	ranges bool     // it uses the range operator (..)
}

// SyntaxError says an expression does not compile.
type SyntaxError struct {
	Expr string
	Err  error
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("invalid JSONata expression %q: %v", e.Expr, e.Err)
}

func (e *SyntaxError) Unwrap() error { return e.Err }

// Compile compiles "{% expr %}".
func Compile(s string) (*Expr, error) {
	if !IsExpr(s) {
		return nil, &SyntaxError{Expr: s, Err: fmt.Errorf("a JSONata expression is written {%% ... %%}")}
	}
	src := strings.TrimSpace(s[2 : len(s)-2])
	if src == "" {
		return nil, &SyntaxError{Expr: s, Err: fmt.Errorf("empty expression")}
	}
	e, err := gnata.Compile(src)
	if err != nil {
		return nil, &SyntaxError{Expr: src, Err: err}
	}
	vars, ranges := scan(src)
	return &Expr{src: src, e: e, vars: vars, ranges: ranges}, nil
}

// String returns the expression without its delimiters.
func (x *Expr) String() string { return x.src }

// scan lists the distinct names written after '$' outside string
// literals, and says whether the range operator (..) is used. Which of the
// names are ASL variables is decided at evaluation, by looking them up;
// local bindings (:=, function parameters) shadow them in gnata's own
// scopes.
func scan(src string) (names []string, ranges bool) {
	seen := map[string]bool{"states": true, "": true}
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '"', '\'', '`':
			for i++; i < len(src) && src[i] != c; i++ {
				if src[i] == '\\' {
					i++
				}
			}
		case '/':
			// Comments: /* ... */.
			if i+1 < len(src) && src[i+1] == '*' {
				if end := strings.Index(src[i+2:], "*/"); end >= 0 {
					i += end + 3
				}
			}
		case '.':
			if i+1 < len(src) && src[i+1] == '.' {
				ranges = true
			}
		case '$':
			j := i + 1
			for j < len(src) && (src[j] == '_' || src[j] >= 'a' && src[j] <= 'z' || src[j] >= 'A' && src[j] <= 'Z' || src[j] >= '0' && src[j] <= '9' || src[j] >= 0x80) {
				j++
			}
			if name := src[i+1 : j]; !seen[name] {
				seen[name] = true
				names = append(names, name)
			}
			i = j - 1
		}
	}
	return names, ranges
}
