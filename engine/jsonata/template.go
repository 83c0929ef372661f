package jsonata

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/stepstudio/stepstudio/engine/fault"
	"github.com/stepstudio/stepstudio/engine/jsonpath"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// Env is what a template reads.
type Env struct {
	// States is $states: "input" and "context", plus "result" and
	// "errorOutput" where the state has them.
	States map[string]any
	// Vars holds the ASL variables in scope (may be nil).
	Vars jsonpath.Vars
	// Runtime supplies AWS's functions; nil uses a shared one with true
	// randomness.
	Runtime *Runtime
}

// Template is a compiled JSONata-mode field value (Arguments, Output,
// Assign, Items, Condition, ...): any JSON value whose strings may be
// "{% %}" expressions. It is safe for concurrent use.
type Template struct {
	field string
	root  node
	vars  []string // variable names any expression mentions
	heavy bool     // an expression uses the range operator (see heavySlot)
}

// CompileTemplate compiles the value of a field; field names it in error
// texts ("Output", "Assign", "Choices[1]/Condition"). Inner fields are
// named as AWS names them: "Output/a/b[0]".
func CompileTemplate(field string, v any) (*Template, error) {
	t := &Template{field: field}
	root, err := t.compile(v, field)
	if err != nil {
		return nil, err
	}
	t.root = root
	return t, nil
}

// Static reports whether the template holds no expression.
func (t *Template) Static() bool {
	_, ok := t.root.(constant)
	return ok
}

// Eval evaluates the template, within the runtime's Limits: an
// evaluation past them fails with States.QueryEvaluationError naming the
// limit. Cancelling ctx stops it too.
func (t *Template) Eval(ctx context.Context, env *Env) (any, error) {
	if c, ok := t.root.(constant); ok {
		return c.v, nil
	}
	rt := env.Runtime
	if rt == nil {
		rt = defaultRT()
	}
	if t.heavy {
		select {
		case heavySlot <- struct{}{}:
			defer func() { <-heavySlot }()
		case <-ctx.Done():
			return nil, fmt.Errorf("jsonata: %w", ctx.Err())
		}
	}
	// A limit hit reaches the leaf being evaluated as its context's
	// error, which names the limit in the leaf's fault.
	return t.root.eval(newBudget(ctx, rt.limits, t.heavy), t.bindings(env, rt))
}

// EvalAs evaluates the template and checks the result's JSON type: one of
// "array", "object", "string", "number", "integer", "boolean", "null".
// A mismatch is States.QueryEvaluationError as AWS words it ("... returned
// an unexpected result type. Expected 'array', but was 'number' for value: 1").
func (t *Template) EvalAs(ctx context.Context, env *Env, want string) (any, error) {
	v, err := t.Eval(ctx, env)
	if err != nil {
		return nil, err
	}
	got := typeName(v)
	if got == want || want == "number" && got == "integer" {
		return v, nil
	}
	if got == "integer" {
		got = "number" // AWS names JSON types; "integer" is only asked for
	}
	src := jsonvalue.String(v)
	if e, ok := t.root.(*leaf); ok {
		src = e.x.src
	}
	return nil, fault.Newf(fault.QueryEvaluationError,
		"The JSONata expression '%s' specified for the field '%s' returned an unexpected result type. Expected '%s', but was '%s' for value: %s",
		src, t.field, want, got, jsonvalue.String(v))
}

func typeName(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case int64:
		return "integer"
	case float64:
		return "number"
	case []any:
		return "array"
	}
	return "object"
}

// bindings are the gnata variables of one evaluation.
func (t *Template) bindings(env *Env, rt *Runtime) map[string]any {
	b := make(map[string]any, len(rt.funcs)+len(t.vars)+1)
	for name, fn := range rt.funcs {
		b[name] = fn
	}
	if env.Vars != nil {
		for _, name := range t.vars {
			if v, ok := env.Vars.Lookup(name); ok {
				b[name] = toGnata(v)
			}
		}
	}
	states := make(map[string]any, len(env.States))
	for k, v := range env.States {
		states[k] = toGnata(v)
	}
	b["states"] = states
	return b
}

type node interface {
	eval(ctx context.Context, vars map[string]any) (any, error)
}

type constant struct{ v any }

func (c constant) eval(context.Context, map[string]any) (any, error) { return c.v, nil }

type leaf struct {
	x     *Expr
	field string // e.g. "Output/result"
}

func (l *leaf) eval(ctx context.Context, vars map[string]any) (any, error) {
	r, err := l.x.e.EvalWithVars(ctx, nil, vars)
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			var hit *limitError
			if errors.As(ctxErr, &hit) {
				return nil, fault.Newf(fault.QueryEvaluationError,
					"The JSONata expression '%s' specified for the field '%s' threw an error during evaluation. %s", l.x.src, l.field, hit.msg)
			}
			return nil, fmt.Errorf("jsonata: %w", ctxErr)
		}
		return nil, fault.Newf(fault.QueryEvaluationError,
			"The JSONata expression '%s' specified for the field '%s' threw an error during evaluation. %s", l.x.src, l.field, jsText(err))
	}
	if r == nil {
		return nil, fault.Newf(fault.QueryEvaluationError,
			"The JSONata expression '%s' specified for the field '%s' returned nothing (undefined).", l.x.src, l.field)
	}
	v, err := fromGnata(r)
	if err != nil {
		if errors.Is(err, errUnsupported) {
			return nil, fault.Newf(fault.QueryEvaluationError,
				"The JSONata expression '%s' specified for the field '%s' returned an unsupported result type.", l.x.src, l.field)
		}
		return nil, fault.Newf(fault.QueryEvaluationError,
			"The JSONata expression '%s' specified for the field '%s' threw an error during evaluation. %v", l.x.src, l.field, err)
	}
	return v, nil
}

type object struct {
	keys []string
	vals []node
}

func (o *object) eval(ctx context.Context, vars map[string]any) (any, error) {
	out := make(map[string]any, len(o.keys))
	for i, k := range o.keys {
		v, err := o.vals[i].eval(ctx, vars)
		if err != nil {
			return nil, err
		}
		out[k] = v
	}
	return out, nil
}

type array struct{ elems []node }

func (a *array) eval(ctx context.Context, vars map[string]any) (any, error) {
	out := make([]any, len(a.elems))
	for i, e := range a.elems {
		v, err := e.eval(ctx, vars)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

func (t *Template) compile(v any, field string) (node, error) {
	switch v := v.(type) {
	case string:
		if !IsExpr(v) {
			return constant{v}, nil
		}
		x, err := Compile(v)
		if err != nil {
			return nil, fmt.Errorf("field %s: %w", field, err)
		}
		for _, n := range x.vars {
			if !slices.Contains(t.vars, n) {
				t.vars = append(t.vars, n)
			}
		}
		t.heavy = t.heavy || x.ranges
		return &leaf{x: x, field: field}, nil
	case map[string]any:
		o := &object{}
		static := true
		for k, e := range v {
			n, err := t.compile(e, field+"/"+k)
			if err != nil {
				return nil, err
			}
			if _, ok := n.(constant); !ok {
				static = false
			}
			o.keys = append(o.keys, k)
			o.vals = append(o.vals, n)
		}
		if static {
			return constant{v}, nil
		}
		return o, nil
	case []any:
		a := &array{elems: make([]node, len(v))}
		static := true
		for i, e := range v {
			n, err := t.compile(e, field+"["+strconv.Itoa(i)+"]")
			if err != nil {
				return nil, err
			}
			if _, ok := n.(constant); !ok {
				static = false
			}
			a.elems[i] = n
		}
		if static {
			return constant{v}, nil
		}
		return a, nil
	}
	return constant{v}, nil
}
