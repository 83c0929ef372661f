package schema

import (
	"fmt"
	"strings"
)

// intrinsicArity gives the minimum and maximum argument counts of every
// intrinsic function (-1: no maximum).
var intrinsicArity = map[string][2]int{
	"States.Format":         {1, -1},
	"States.StringToJson":   {1, 1},
	"States.JsonToString":   {1, 1},
	"States.Array":          {0, -1},
	"States.ArrayPartition": {2, 2},
	"States.ArrayContains":  {2, 2},
	"States.ArrayRange":     {3, 3},
	"States.ArrayGetItem":   {2, 2},
	"States.ArrayLength":    {1, 1},
	"States.ArrayUnique":    {1, 1},
	"States.Base64Encode":   {1, 1},
	"States.Base64Decode":   {1, 1},
	"States.Hash":           {2, 2},
	"States.JsonMerge":      {3, 3},
	"States.MathRandom":     {2, 3},
	"States.MathAdd":        {2, 2},
	"States.StringSplit":    {2, 2},
	"States.UUID":           {0, 0},
}

// maxIntrinsicDepth bounds nested calls so hostile input stays cheap.
const maxIntrinsicDepth = 64

// looksIntrinsic reports whether s is meant as an intrinsic call. AWS
// allows no leading blank: " States.Array(…)" is neither path nor call.
func looksIntrinsic(s string) bool { return strings.HasPrefix(s, "States.") }

// checkIntrinsic parses an intrinsic function call and checks its name,
// arity, string escapes and path arguments. A well-formed call that can
// only fail at run time gives a *formatMismatch, a warning.
func checkIntrinsic(s string) error {
	p := &intrinsicParser{src: s}
	p.space()
	if err := p.call(0); err != nil {
		return err
	}
	p.space()
	if p.i < len(p.src) {
		return fmt.Errorf("unexpected %q after the call", p.src[p.i:])
	}
	if p.mismatch != nil {
		return p.mismatch
	}
	return nil
}

type intrinsicParser struct {
	src      string
	i        int
	mismatch *formatMismatch // the first States.Format call that cannot succeed
}

// formatMismatch is a States.Format call whose literal template has more
// or fewer {} than values after it. AWS accepts the definition, and every
// run of the call fails with States.IntrinsicFailure.
type formatMismatch struct{ placeholders, values int }

func (e *formatMismatch) Error() string {
	return fmt.Sprintf("the States.Format template has %d {} placeholder(s) but %d value(s) follow it, so the call fails with States.IntrinsicFailure whenever it runs; give one value per {} (write \\{ for a literal brace)", e.placeholders, e.values)
}

// placeholders counts the {} of a string literal as written, quotes
// included: \{ and \} are braces, not placeholders.
func placeholders(lit string) int {
	n := 0
	for i := 1; i < len(lit)-1; i++ {
		switch {
		case lit[i] == '\\':
			i++
		case lit[i] == '{' && lit[i+1] == '}':
			n++
			i++
		}
	}
	return n
}

func (p *intrinsicParser) space() {
	for p.i < len(p.src) && (p.src[p.i] == ' ' || p.src[p.i] == '\t' || p.src[p.i] == '\n' || p.src[p.i] == '\r') {
		p.i++
	}
}

func (p *intrinsicParser) call(depth int) error {
	if depth > maxIntrinsicDepth {
		return fmt.Errorf("calls are nested more than %d deep", maxIntrinsicDepth)
	}
	start := p.i
	for p.i < len(p.src) && (isIdentPart(p.src[p.i]) || p.src[p.i] == '.') {
		p.i++
	}
	name := p.src[start:p.i]
	arity, ok := intrinsicArity[name]
	if !ok {
		return fmt.Errorf("%q is not an intrinsic function; known ones are States.Format, States.Array, States.JsonMerge, States.MathAdd, States.UUID and the like", name)
	}
	p.space()
	if p.i >= len(p.src) || p.src[p.i] != '(' {
		return fmt.Errorf("%s must be followed by \"(\"", name)
	}
	p.i++
	n := 0
	template := "" // States.Format's literal template, quotes included
	p.space()
	if p.i < len(p.src) && p.src[p.i] == ')' {
		p.i++
	} else {
		for {
			p.space()
			argStart := p.i
			if err := p.arg(depth); err != nil {
				return err
			}
			if n == 0 && name == "States.Format" && p.src[argStart] == '\'' {
				template = p.src[argStart:p.i]
			}
			n++
			p.space()
			if p.i >= len(p.src) {
				return fmt.Errorf("%s( is never closed with \")\"", name)
			}
			if p.src[p.i] == ',' {
				p.i++
				continue
			}
			if p.src[p.i] == ')' {
				p.i++
				break
			}
			return fmt.Errorf("unexpected %q in the arguments of %s; separate arguments with commas", p.src[p.i], name)
		}
	}
	if n < arity[0] || arity[1] >= 0 && n > arity[1] {
		return fmt.Errorf("%s takes %s, not %d", name, arityText(arity), n)
	}
	if template != "" && p.mismatch == nil {
		if k := placeholders(template); k != n-1 {
			p.mismatch = &formatMismatch{placeholders: k, values: n - 1}
		}
	}
	return nil
}

func arityText(a [2]int) string {
	switch {
	case a[1] < 0:
		return fmt.Sprintf("at least %d argument(s)", a[0])
	case a[0] == a[1]:
		return fmt.Sprintf("%d argument(s)", a[0])
	}
	return fmt.Sprintf("%d to %d arguments", a[0], a[1])
}

func (p *intrinsicParser) arg(depth int) error {
	if p.i >= len(p.src) {
		return fmt.Errorf("an argument is missing")
	}
	switch c := p.src[p.i]; {
	case c == '\'':
		return p.stringLit()
	case c == '$':
		return p.pathArg()
	case c == '-' || c >= '0' && c <= '9':
		start := p.i
		p.i++
		for p.i < len(p.src) && (p.src[p.i] >= '0' && p.src[p.i] <= '9' || p.src[p.i] == '.') {
			p.i++
		}
		if p.src[start:p.i] == "-" {
			return fmt.Errorf("\"-\" is not a number")
		}
		return nil
	case strings.HasPrefix(p.src[p.i:], "States."):
		return p.call(depth + 1)
	}
	for _, lit := range []string{"null", "true", "false"} {
		if strings.HasPrefix(p.src[p.i:], lit) {
			p.i += len(lit)
			return nil
		}
	}
	return fmt.Errorf("unexpected %q; an argument is a 'string', a number, a path or another States. call", p.src[p.i:min(len(p.src), p.i+10)])
}

// stringLit reads a single-quoted string; only \' \{ \} and \\ are escapes.
func (p *intrinsicParser) stringLit() error {
	p.i++
	for p.i < len(p.src) {
		switch p.src[p.i] {
		case '\\':
			if p.i+1 >= len(p.src) || !strings.ContainsRune(`'{}\`, rune(p.src[p.i+1])) {
				return fmt.Errorf("string argument has the escape %q; only \\', \\{, \\} and \\\\ are allowed", p.src[p.i:min(len(p.src), p.i+2)])
			}
			p.i += 2
		case '\'':
			p.i++
			return nil
		default:
			p.i++
		}
	}
	return fmt.Errorf("a string argument is not closed with '")
}

func (p *intrinsicParser) pathArg() error {
	start := p.i
	depth := 0
	for p.i < len(p.src) {
		c := p.src[p.i]
		if depth == 0 && (c == ',' || c == ')' || c == ' ' || c == '\t') {
			break // a blank ends a path argument outside brackets
		}
		switch c {
		case '[', '(':
			depth++
		case ']':
			depth--
		case '\'', '"':
			if end := strings.IndexByte(p.src[p.i+1:], c); end >= 0 {
				p.i += end + 1
			}
		}
		if c == ')' {
			depth--
		}
		p.i++
	}
	return checkPath(strings.TrimSpace(p.src[start:p.i]), anyPath)
}
