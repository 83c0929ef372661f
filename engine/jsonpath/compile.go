package jsonpath

import (
	"strings"

	"github.com/ohler55/ojg/jp"
)

// Root says which document a path reads.
type Root int

const (
	Input    Root = iota // "$"
	Context              // "$$"
	Variable             // "$name"
)

// Path is a compiled path. It is immutable and safe for concurrent use.
type Path struct {
	src      string
	root     Root
	varName  string
	steps    []step    // set when definite
	frags    []jp.Frag // set when indefinite
	definite bool
	length   bool // ends in Jayway's .length() function
}

// step is one name or index of a definite path, or (last only) a list of
// names whose values Jayway merges into one object: $['a','b'].
type step struct {
	key     string
	index   int
	isIndex bool
	merge   []string
}

// Compile parses a path such as "$.a[0].b", "$$.Map.Item.Value", "$v.x" or
// "$.items[?(@.price > 10)]".
func Compile(src string) (*Path, error) {
	p := &Path{src: src}
	rest, err := p.parseRoot()
	if err != nil {
		return nil, err
	}
	body := src
	if strings.HasSuffix(rest, lengthCall) && len(rest) > len(lengthCall) {
		body, rest, p.length = strings.TrimSuffix(src, lengthCall), strings.TrimSuffix(rest, lengthCall), true
	}
	frags, err := parseFrags(body, len(body)-len(rest))
	if err != nil {
		return nil, err
	}
	p.definite = true
	for i, f := range frags {
		switch f := f.(type) {
		case jp.Child:
			p.steps = append(p.steps, step{key: string(f)})
		case jp.Nth:
			p.steps = append(p.steps, step{index: int(f), isIndex: true})
		case jp.Union:
			// Names at the leaf are merged into one object, which Jayway
			// counts as definite.
			if keys, ok := unionKeys(f); ok && i == len(frags)-1 {
				p.steps = append(p.steps, step{merge: keys})
				continue
			}
			p.definite = false
		default:
			p.definite = false
		}
	}
	if !p.definite {
		p.steps = nil
		p.frags = frags
	}
	return p, nil
}

// MustCompile is Compile for paths known to be valid (tests, constants).
func MustCompile(src string) *Path {
	p, err := Compile(src)
	if err != nil {
		panic(err)
	}
	return p
}

func (p *Path) parseRoot() (string, error) {
	s := p.src
	switch {
	case strings.HasPrefix(s, "$$"):
		p.root = Context
		return s[2:], nil
	case s == "$" || strings.HasPrefix(s, "$.") || strings.HasPrefix(s, "$["):
		p.root = Input
		return s[1:], nil
	case strings.HasPrefix(s, "$"):
		n := 1
		for n < len(s) && isVarChar(s[n]) {
			n++
		}
		if n == 1 || s[1] >= '0' && s[1] <= '9' {
			return "", &SyntaxError{Path: s, Offset: 1, Msg: "expected '.', '[' or a variable name after '$'"}
		}
		p.root = Variable
		p.varName = s[1:n]
		return s[n:], nil
	}
	return "", &SyntaxError{Path: s, Offset: 0, Msg: "a path starts with '$'"}
}

func isVarChar(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// String returns the path as written.
func (p *Path) String() string { return p.src }

// Root returns which document the path reads.
func (p *Path) Root() Root { return p.root }

// VarName returns the variable a Variable path reads.
func (p *Path) VarName() string { return p.varName }

// Definite reports whether the path names at most one value (a reference
// path in ASL terms).
func (p *Path) Definite() bool { return p.definite || p.length }

// unionKeys returns the names of a union made only of names.
func unionKeys(u jp.Union) ([]string, bool) {
	keys := make([]string, 0, len(u))
	for _, k := range u {
		s, ok := k.(string)
		if !ok {
			return nil, false
		}
		keys = append(keys, s)
	}
	return keys, true
}
