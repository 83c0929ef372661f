package intrinsic

import (
	"fmt"
	"strings"

	"github.com/stepstudio/stepstudio/engine/jsonpath"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// SyntaxError says an intrinsic call could not be parsed, or calls an
// unknown function, or with the wrong number of arguments.
type SyntaxError struct {
	Expr   string
	Offset int
	Msg    string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("invalid intrinsic function %q at offset %d: %s", e.Expr, e.Offset, e.Msg)
}

// IsCall reports whether s looks like an intrinsic call rather than a path;
// it does not check the syntax.
func IsCall(s string) bool {
	return strings.HasPrefix(strings.TrimSpace(s), "States.")
}

type parser struct {
	src string
	pos int
}

func (p *parser) fail(format string, args ...any) error {
	return &SyntaxError{Expr: p.src, Offset: p.pos, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) skipSpace() {
	for p.pos < len(p.src) && (p.src[p.pos] == ' ' || p.src[p.pos] == '\t' || p.src[p.pos] == '\n' || p.src[p.pos] == '\r') {
		p.pos++
	}
}

func (p *parser) call() (*call, error) {
	start := p.pos
	if !strings.HasPrefix(p.src[p.pos:], "States.") {
		return nil, p.fail("expected States.<Function>(")
	}
	p.pos += len("States.")
	nameStart := p.pos
	for p.pos < len(p.src) && isNameChar(p.src[p.pos]) {
		p.pos++
	}
	name := p.src[nameStart:p.pos]
	fn, ok := functions[name]
	if !ok {
		p.pos = nameStart
		return nil, p.fail("unknown function States.%s", name)
	}
	if p.pos >= len(p.src) || p.src[p.pos] != '(' {
		return nil, p.fail("expected '(' after States.%s", name)
	}
	p.pos++
	c := &call{fn: fn, name: "States." + name}
	p.skipSpace()
	if p.pos < len(p.src) && p.src[p.pos] == ')' {
		p.pos++
	} else {
		for {
			a, err := p.arg()
			if err != nil {
				return nil, err
			}
			c.args = append(c.args, a)
			p.skipSpace()
			if p.pos >= len(p.src) {
				return nil, p.fail("missing ')'")
			}
			if p.src[p.pos] == ')' {
				p.pos++
				break
			}
			if p.src[p.pos] != ',' {
				return nil, p.fail("expected ',' or ')'")
			}
			p.pos++
		}
	}
	if len(c.args) < fn.minArgs || fn.maxArgs >= 0 && len(c.args) > fn.maxArgs {
		p.pos = start
		return nil, p.fail("%s takes %s, got %d", c.name, fn.arity(), len(c.args))
	}
	c.src = p.src[start:p.pos]
	return c, nil
}

func isNameChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func (p *parser) arg() (node, error) {
	p.skipSpace()
	if p.pos >= len(p.src) {
		return nil, p.fail("missing argument")
	}
	switch c := p.src[p.pos]; {
	case c == '\'':
		return p.str()
	case c == '$':
		return p.path()
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	case strings.HasPrefix(p.src[p.pos:], "States."):
		return p.call()
	}
	for _, kw := range []struct {
		word string
		val  any
	}{{"true", true}, {"false", false}, {"null", nil}} {
		if strings.HasPrefix(p.src[p.pos:], kw.word) {
			p.pos += len(kw.word)
			return &literal{v: kw.val}, nil
		}
	}
	return nil, p.fail("unexpected %q", p.src[p.pos])
}

// str reads a quoted literal. The value unescapes \' \{ \} \\; raw keeps the
// escapes, since States.Format must tell "\{" from a placeholder "{".
func (p *parser) str() (node, error) {
	start := p.pos
	p.pos++
	var b strings.Builder
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		switch c {
		case '\\':
			if p.pos+1 >= len(p.src) {
				return nil, p.fail("unterminated escape")
			}
			// AWS rejects any other escape, \" included.
			if e := p.src[p.pos+1]; e != '\'' && e != '{' && e != '}' && e != '\\' {
				return nil, p.fail("illegal escape \\%c in a string literal (only \\' \\{ \\} \\\\ are allowed)", e)
			}
			b.WriteByte(p.src[p.pos+1])
			p.pos += 2
			continue
		case '\'':
			p.pos++
			raw := p.src[start+1 : p.pos-1]
			return &literal{v: b.String(), raw: raw, isString: true}, nil
		}
		b.WriteByte(c)
		p.pos++
	}
	p.pos = start
	return nil, p.fail("unterminated string")
}

// path reads up to the ',' or ')' that ends the argument, minding brackets,
// parentheses and quotes inside filters.
func (p *parser) path() (node, error) {
	start := p.pos
	depth := 0
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		switch c {
		case '\'', '"':
			for p.pos++; p.pos < len(p.src) && p.src[p.pos] != c; p.pos++ {
				if p.src[p.pos] == '\\' {
					p.pos++
				}
			}
		case '[', '(':
			depth++
		case ']':
			depth--
		case ')':
			if depth == 0 {
				goto done
			}
			depth--
		case ',':
			if depth == 0 {
				goto done
			}
		}
		p.pos++
	}
done:
	src := strings.TrimRight(p.src[start:min(p.pos, len(p.src))], " \t\r\n")
	jp, err := jsonpath.Compile(src)
	if err != nil {
		p.pos = start
		return nil, p.fail("bad path %q: %v", src, err)
	}
	return &pathArg{p: jp}, nil
}

func (p *parser) number() (node, error) {
	start := p.pos
	if p.src[p.pos] == '-' {
		p.pos++
	}
	for p.pos < len(p.src) && strings.IndexByte("0123456789.eE+-", p.src[p.pos]) >= 0 {
		p.pos++
	}
	v, err := jsonvalue.Number(p.src[start:p.pos])
	if err != nil {
		p.pos = start
		return nil, p.fail("bad number %q", p.src[start:p.pos])
	}
	return &literal{v: v}, nil
}
