package intrinsic

import (
	"errors"
	"fmt"
	"sync"

	"github.com/stepstudio/stepstudio/engine/fault"
	"github.com/stepstudio/stepstudio/engine/jsonpath"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// Expr is a compiled intrinsic call. It is immutable and safe for
// concurrent use.
type Expr struct {
	src  string // as written, for error texts
	root *call
}

// Compile parses an intrinsic call such as "States.Format('{}', $.x)".
func Compile(src string) (*Expr, error) {
	p := &parser{src: src}
	p.skipSpace()
	c, err := p.call()
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.pos != len(src) {
		return nil, p.fail("unexpected text after the call")
	}
	return &Expr{src: src, root: c}, nil
}

// String returns the call as written.
func (e *Expr) String() string { return e.src }

// Env is what an evaluation reads: paths resolve in Scope, randomness comes
// from Source (RandomSource when nil).
type Env struct {
	Scope  jsonpath.Scope
	Source Source
}

// Eval runs the call. Its errors carry AWS's wording: "The function
// 'States.Format('{}', $.x)' had the following error: ..." naming the
// whole expression as written, whichever nested call failed.
func (e *Expr) Eval(env *Env) (any, error) {
	v, err := e.root.eval(env)
	if err != nil {
		if fe, ok := fault.As(err); ok {
			return nil, fault.Newf(fe.Name, "The function '%s' had the following error: %s", e.src, fe.Cause)
		}
		return nil, err
	}
	return v, nil
}

type node interface {
	eval(env *Env) (any, error)
}

type literal struct {
	v        any
	raw      string // a string literal as written, escapes kept
	isString bool
}

func (l *literal) eval(*Env) (any, error) { return l.v, nil }

type pathArg struct {
	p *jsonpath.Path
}

func (a *pathArg) eval(env *Env) (any, error) {
	v, err := a.p.Eval(env.Scope)
	if err != nil {
		var nf *jsonpath.NotFoundError
		if errors.As(err, &nf) {
			if !nf.Missing {
				// AWS lets its JSONPath library's text through here.
				return nil, fault.New(fault.Runtime, nf.Detail)
			}
			doc := env.Scope.Input
			if a.p.Root() == jsonpath.Context {
				doc = env.Scope.Context
			}
			return nil, fault.Newf(fault.Runtime, "The JsonPath argument for the field '%s' could not be found in the input '%s'", a.p, jsonvalue.String(doc))
		}
		return nil, err
	}
	return v, nil
}

type call struct {
	fn   *function
	name string
	args []node
	src  string
}

func (c *call) eval(env *Env) (any, error) {
	// A pooled invocation holds the call and, for the usual few arguments,
	// their values: no function keeps it or its args (States.Array copies
	// them), so it goes back once the result is in.
	in := invocations.Get().(*invocation)
	defer in.release()
	in.call, in.env = c, env
	if len(c.args) <= len(in.buf) {
		in.args = in.buf[:len(c.args)]
	} else {
		in.args = make([]any, len(c.args))
	}
	for i, a := range c.args {
		v, err := a.eval(env)
		if err != nil {
			return nil, err
		}
		in.args[i] = v
	}
	v, err := c.fn.run(in)
	if err != nil {
		var fe *fault.Error
		if errors.As(err, &fe) {
			return nil, err
		}
		return nil, fault.New(fault.IntrinsicFailure, fmt.Sprintf("Function %s failed: %v", c.name, err))
	}
	return v, nil
}

// invocation is one call of a function with its evaluated arguments.
type invocation struct {
	call *call
	env  *Env
	args []any
	buf  [3]any
}

var invocations = sync.Pool{New: func() any { return new(invocation) }}

// release clears in, so that the pool keeps no values alive, and returns it.
func (in *invocation) release() {
	*in = invocation{}
	invocations.Put(in)
}

func (in *invocation) source() Source {
	if in.env.Source == nil {
		return RandomSource()
	}
	return in.env.Source
}

// function describes one States.* function.
type function struct {
	minArgs, maxArgs int    // maxArgs < 0: variadic
	params           string // argument kinds, see Signature.Params
	run              func(in *invocation) (any, error)
}

func (f *function) arity() string {
	switch {
	case f.maxArgs < 0:
		return fmt.Sprintf("at least %d arguments", f.minArgs)
	case f.minArgs == f.maxArgs:
		return fmt.Sprintf("%d arguments", f.minArgs)
	}
	return fmt.Sprintf("%d to %d arguments", f.minArgs, f.maxArgs)
}

// MustCompile is Compile for calls known to be valid (tests, constants).
func MustCompile(src string) *Expr {
	e, err := Compile(src)
	if err != nil {
		panic(err)
	}
	return e
}

// Call runs the function States.<name> on already evaluated arguments; the
// JSONata functions AWS adds ($partition, $range, $hash) share its rules.
func Call(name string, args []any, src Source) (any, error) {
	fn, ok := functions[name]
	if !ok {
		return nil, fmt.Errorf("intrinsic: unknown function States.%s", name)
	}
	c := &call{fn: fn, name: "States." + name}
	if len(args) < fn.minArgs || fn.maxArgs >= 0 && len(args) > fn.maxArgs {
		return nil, fault.Newf(fault.IntrinsicFailure, "%s takes %s, got %d", c.name, fn.arity(), len(args))
	}
	return c.fn.run(&invocation{call: c, env: &Env{Source: src}, args: args})
}
