package payload

import (
	"errors"
	"fmt"
	"strings"

	"github.com/stepstudio/stepstudio/engine/fault"
	"github.com/stepstudio/stepstudio/engine/intrinsic"
	"github.com/stepstudio/stepstudio/engine/jsonpath"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// Template is a compiled payload template, safe for concurrent use.
type Template struct {
	root node
}

// CompileError says a template field is not a valid path or intrinsic
// call; Pointer locates the field (JSON Pointer, e.g. "/a/b.$").
type CompileError struct {
	Pointer string
	Err     error
}

func (e *CompileError) Error() string {
	return fmt.Sprintf("payload template field %s: %v", e.Pointer, e.Err)
}

func (e *CompileError) Unwrap() error { return e.Err }

// FieldError says which field of a template failed to evaluate: Pointer
// locates it (JSON Pointer from the template's root, e.g. "/a/b.$"). It
// wraps the field's error, an ASL error (*fault.Error) as a rule, and reads
// as it.
type FieldError struct {
	Pointer string
	Err     error
}

func (e *FieldError) Error() string { return e.Err.Error() }

func (e *FieldError) Unwrap() error { return e.Err }

// ErrNotDynamic is wrapped by a CompileError when a ".$" field's value is
// neither a path nor an intrinsic call.
var ErrNotDynamic = errors.New("the value of a field ending in .$ must be a JSONPath or an intrinsic function")

// Compile compiles a template from its plain JSON value.
func Compile(v any) (*Template, error) {
	n, err := compile(v, "")
	if err != nil {
		return nil, err
	}
	return &Template{root: n}, nil
}

// Eval builds the payload.
func (t *Template) Eval(env *intrinsic.Env) (any, error) {
	return t.root.eval(env)
}

// Static reports whether the template has no dynamic field, so that Eval
// always returns the same value.
func (t *Template) Static() bool {
	_, ok := t.root.(constant)
	return ok
}

type node interface {
	eval(env *intrinsic.Env) (any, error)
}

type constant struct{ v any }

func (c constant) eval(*intrinsic.Env) (any, error) { return c.v, nil }

type field struct {
	key string // output key (without ".$")
	val node
}

type object struct {
	fields []field  // in the template's key order
	order  []string // output keys in that order
}

func (o *object) eval(env *intrinsic.Env) (any, error) {
	out := make(map[string]any, len(o.fields))
	for _, f := range o.fields {
		v, err := f.val.eval(env)
		if err != nil {
			return nil, err
		}
		out[f.key] = v
	}
	return out, nil
}

type array struct {
	elems []node
}

func (a *array) eval(env *intrinsic.Env) (any, error) {
	out := make([]any, len(a.elems))
	for i, e := range a.elems {
		v, err := e.eval(env)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

type pathField struct {
	name string // the template key, with ".$", for error texts
	ptr  string // its pointer, for FieldError
	p    *jsonpath.Path
}

func (f *pathField) eval(env *intrinsic.Env) (any, error) {
	v, err := f.p.Eval(env.Scope)
	if err != nil {
		if errors.Is(err, jsonpath.ErrNotFound) {
			err = fault.Newf(fault.Runtime, "The JSONPath '%s' specified for the field '%s' could not be found in the input '%s'", f.p, f.name, jsonvalue.String(document(f.p, env.Scope)))
		}
		return nil, &FieldError{Pointer: f.ptr, Err: err}
	}
	return v, nil
}

// document is the value a path reads, for error texts.
func document(p *jsonpath.Path, s jsonpath.Scope) any {
	switch p.Root() {
	case jsonpath.Context:
		return s.Context
	case jsonpath.Variable:
		if s.Vars != nil {
			v, _ := s.Vars.Lookup(p.VarName())
			return v
		}
		return nil
	}
	return s.Input
}

type callField struct {
	ptr string // its pointer, for FieldError
	e   *intrinsic.Expr
}

func (f *callField) eval(env *intrinsic.Env) (any, error) {
	v, err := f.e.Eval(env)
	if err != nil {
		return nil, &FieldError{Pointer: f.ptr, Err: err}
	}
	return v, nil
}

func compile(v any, ptr string) (node, error) {
	switch v := v.(type) {
	case map[string]any:
		o := &object{fields: make([]field, 0, len(v))}
		order := make([]string, 0, len(v))
		static := true
		for _, k := range jsonvalue.Keys(v) {
			e := v[k]
			fptr := ptr + "/" + escapePointer(k)
			var n node
			if name, ok := strings.CutSuffix(k, ".$"); ok {
				dn, err := compileDynamic(k, e, fptr)
				if err != nil {
					return nil, err
				}
				n, k, static = dn, name, false
			} else {
				var err error
				if n, err = compile(e, fptr); err != nil {
					return nil, err
				}
				if _, ok := n.(constant); !ok {
					static = false
				}
			}
			o.fields = append(o.fields, field{key: k, val: n})
			order = append(order, k)
		}
		// AWS prints outputs in the template's key order; registering the
		// shape once keeps that free on every evaluation.
		jsonvalue.RegisterShape(order)
		if static {
			return constant{v}, nil
		}
		return o, nil
	case []any:
		a := &array{elems: make([]node, len(v))}
		static := true
		for i, e := range v {
			n, err := compile(e, fmt.Sprintf("%s/%d", ptr, i))
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

func compileDynamic(key string, v any, ptr string) (node, error) {
	s, ok := v.(string)
	if !ok {
		return nil, &CompileError{Pointer: ptr, Err: ErrNotDynamic}
	}
	switch {
	case intrinsic.IsCall(s):
		e, err := intrinsic.Compile(s)
		if err != nil {
			return nil, &CompileError{Pointer: ptr, Err: err}
		}
		return &callField{ptr: ptr, e: e}, nil
	case strings.HasPrefix(s, "$"):
		p, err := jsonpath.Compile(s)
		if err != nil {
			return nil, &CompileError{Pointer: ptr, Err: err}
		}
		return &pathField{name: key, ptr: ptr, p: p}, nil
	}
	return nil, &CompileError{Pointer: ptr, Err: ErrNotDynamic}
}

func escapePointer(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// MustCompile is Compile for templates known to be valid (tests).
func MustCompile(v any) *Template {
	t, err := Compile(v)
	if err != nil {
		panic(err)
	}
	return t
}
