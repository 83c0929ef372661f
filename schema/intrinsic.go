package schema

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/stepstudio/stepstudio/engine/intrinsic"
)

// maxIntrinsicDepth bounds nested calls so hostile input stays cheap.
const maxIntrinsicDepth = 64

// looksIntrinsic reports whether s is meant as an intrinsic call. AWS
// allows no leading blank: " States.Array(…)" is neither path nor call.
func looksIntrinsic(s string) bool { return strings.HasPrefix(s, "States.") }

// checkIntrinsic parses an intrinsic function call and checks its name,
// arity, string escapes and path arguments. A well-formed call that can
// only fail at run time gives an *alwaysFails, a warning.
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
	if p.failure != nil {
		return p.failure
	}
	return nil
}

type intrinsicParser struct {
	src     string
	i       int
	failure *alwaysFails // the first call that cannot succeed
}

// alwaysFails is a well-formed call that fails with States.IntrinsicFailure
// whenever it runs: a States.Format template with more or fewer {} than
// values, a literal argument of the wrong kind, an unknown hash algorithm.
// AWS accepts the definition, so it is a warning.
type alwaysFails struct{ problem, fix string }

func (e *alwaysFails) Error() string {
	msg := e.problem + ", so the call fails with States.IntrinsicFailure whenever it runs"
	if e.fix != "" {
		msg += "; " + e.fix
	}
	return msg
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

// kindNames name the argument kinds of intrinsic.Signature.Params.
var kindNames = map[byte]string{'s': "a string", 'n': "a number", 'i': "an integer", 'a': "an array", 'o': "an object", 'b': "a boolean"}

// literalKind is the kind of a literal argument as written ('s', 'n', 'i',
// 'b', or 0 for null), and whether arg is a literal at all.
func literalKind(arg string) (byte, bool) {
	switch {
	case strings.HasPrefix(arg, "'"):
		return 's', true
	case arg == "true" || arg == "false":
		return 'b', true
	case arg == "null":
		return 0, true
	case arg != "" && (arg[0] == '-' || arg[0] >= '0' && arg[0] <= '9'):
		if f, err := strconv.ParseFloat(arg, 64); err == nil && f != math.Trunc(f) {
			return 'n', true
		}
		return 'i', true // 2.0 counts as an integer, as at run time
	}
	return 0, false // a path or a nested call: known at run time only
}

// fits reports whether a literal of kind lit is accepted where want is.
func fits(lit, want byte) bool {
	return want == '*' || lit == want || lit == 'i' && want == 'n'
}

// checkLiterals finds the first literal argument a call can never accept.
func checkLiterals(name string, sig intrinsic.Signature, args []string) *alwaysFails {
	for i, a := range args {
		lit, ok := literalKind(a)
		if !ok || fits(lit, sig.Param(i)) {
			continue
		}
		got := "null"
		if lit != 0 {
			got = a
		}
		return &alwaysFails{problem: fmt.Sprintf("argument %d of %s must be %s, not %s", i+1, name, kindNames[sig.Param(i)], got)}
	}
	switch {
	case name == "States.Format" && len(args) > 0 && strings.HasPrefix(args[0], "'"):
		if k := placeholders(args[0]); k != len(args)-1 {
			return &alwaysFails{
				problem: fmt.Sprintf("the States.Format template has %d {} placeholder(s) but %d value(s) follow it", k, len(args)-1),
				fix:     "give one value per {} (write \\{ for a literal brace)",
			}
		}
	case name == "States.Hash" && len(args) == 2 && strings.HasPrefix(args[1], "'"):
		if alg := strings.Trim(args[1], "'"); !slices.Contains(intrinsic.HashAlgorithms(), alg) {
			return &alwaysFails{
				problem: fmt.Sprintf("States.Hash has no algorithm %q", alg),
				fix:     "use one of " + strings.Join(intrinsic.HashAlgorithms(), ", "),
			}
		}
	}
	return nil
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
	sig, ok := intrinsic.Lookup(name)
	if !ok {
		return fmt.Errorf("%q is not an intrinsic function; known ones are States.Format, States.Array, States.JsonMerge, States.MathAdd, States.UUID and the like", name)
	}
	p.space()
	if p.i >= len(p.src) || p.src[p.i] != '(' {
		return fmt.Errorf("%s must be followed by \"(\"", name)
	}
	p.i++
	var args []string // as written, for the literal checks
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
			args = append(args, p.src[argStart:p.i])
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
	if n := len(args); n < sig.Min || sig.Max >= 0 && n > sig.Max {
		return fmt.Errorf("%s takes %s, not %d", name, arityText(sig), n)
	}
	if p.failure == nil {
		p.failure = checkLiterals(name, sig, args)
	}
	return nil
}

func arityText(s intrinsic.Signature) string {
	switch {
	case s.Max < 0:
		return fmt.Sprintf("at least %d argument(s)", s.Min)
	case s.Min == s.Max:
		return fmt.Sprintf("%d argument(s)", s.Min)
	}
	return fmt.Sprintf("%d to %d arguments", s.Min, s.Max)
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
