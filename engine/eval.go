package engine

import (
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/stepstudio/stepstudio/engine/fault"
	"github.com/stepstudio/stepstudio/engine/intrinsic"
	"github.com/stepstudio/stepstudio/engine/jsonpath"
	"github.com/stepstudio/stepstudio/engine/payload"
)

// compiledPath returns the path src held by the field at, compiled on
// first use. A path that does not compile is compiled (and fails) again at
// each use, as AWS fails the state each time.
func compiledPath(at *source, src string) (*jsonpath.Path, error) {
	if at == nil {
		return jsonpath.Compile(src)
	}
	if p := at.path.Load(); p != nil {
		return p, nil
	}
	p, err := jsonpath.Compile(src)
	if err != nil {
		return nil, err
	}
	at.path.Store(p)
	return p, nil
}

// scope of a path: the input, $$ (built only when the path reads it) and
// the variables.
func (st *stepCtx) pathScope(p *jsonpath.Path, input any) jsonpath.Scope {
	s := jsonpath.Scope{Input: input, Vars: st.sc.vars}
	if p.Root() == jsonpath.Context {
		s.Context = st.contextObject()
	}
	return s
}

// path reads a path ("$…", "$$…" or "$var…") held by the field at; a
// missing value is a *jsonpath.NotFoundError.
func (st *stepCtx) path(at *source, src string, input any) (any, error) {
	p, err := compiledPath(at, src)
	if err != nil {
		return nil, st.runtimeErr(at, errRuntime, "%s", err.Error())
	}
	return p.Eval(st.pathScope(p, input))
}

// pathField reads InputPath, OutputPath, ItemsPath and other path fields
// (at places the field): a missing value fails the state with
// States.Runtime, as AWS does.
func (st *stepCtx) pathField(_ context.Context, at *source, src string, input any) (any, error) {
	v, err := st.path(at, src, input)
	if err != nil {
		var nf *jsonpath.NotFoundError
		if errors.As(err, &nf) {
			return nil, st.runtimeErr(at, errRuntime, "%s", nf.InvalidPathCause())
		}
		return nil, st.wrapRuntime(err, at)
	}
	return v, nil
}

// setResult applies ResultPath (at places the field).
func (st *stepCtx) setResult(_ context.Context, at *source, src string, input, result any) (any, error) {
	p, err := compiledPath(at, src)
	if err != nil {
		return nil, st.runtimeErr(at, errRuntime, "%s", err.Error())
	}
	out, err := p.Set(input, result)
	if err != nil {
		if _, ok := fault.As(err); ok {
			return nil, locate(err, at, "")
		}
		return nil, st.runtimeErr(at, errRuntime, "%s", err.Error())
	}
	return out, nil
}

// pathOrIntrinsic reads ErrorPath/CausePath, which take a path or an
// intrinsic function.
func (st *stepCtx) pathOrIntrinsic(_ context.Context, at *source, src string, input any, field string) (any, error) {
	if intrinsic.IsCall(src) {
		e, err := compiledCall(at, src)
		if err != nil {
			return nil, st.runtimeErr(at, errRuntime, "%s", err.Error())
		}
		v, err := e.Eval(st.intrinsicEnv(strings.Contains(src, "$$"), input))
		if err != nil {
			return nil, st.wrapRuntime(err, at)
		}
		return v, nil
	}
	v, err := st.path(at, src, input)
	if err != nil {
		var nf *jsonpath.NotFoundError
		if errors.As(err, &nf) {
			return nil, st.runtimeErr(at, errRuntime, "The JSONPath '%s' specified for the field '%s' could not be found in the input '%s'", src, field, EncodeJSON(input))
		}
		return nil, st.wrapRuntime(err, at)
	}
	return v, nil
}

// intrinsicEnv is the scope of templates and intrinsic calls; $$ is built
// only for those that read it.
func (st *stepCtx) intrinsicEnv(needsContext bool, input any) *intrinsic.Env {
	// The Env lives in the stepCtx: one state evaluates one template at a
	// time, and this saves an allocation per evaluation.
	st.env = intrinsic.Env{Scope: jsonpath.Scope{Input: input, Vars: st.sc.vars}, Source: st.sc.ex}
	if needsContext {
		st.env.Scope.Context = st.contextObject()
	}
	return &st.env
}

// template evaluates a payload template (Parameters, ItemSelector,
// ResultSelector, JSONPath Assign, BatchInput); name names the field in
// messages. Errors are placed at the template's key that failed.
func (st *stepCtx) template(_ context.Context, f field, input any, name string) (any, error) {
	t, err := compiledTemplateOf(f)
	if err != nil {
		rel := ""
		var ce *payload.CompileError
		if errors.As(err, &ce) {
			rel = ce.Pointer
		}
		return nil, st.raise(st.place(f.src, rel), errRuntime, name+": "+err.Error())
	}
	var env *intrinsic.Env
	if st.itemOf != nil && t.readsContextParts {
		// A Map item's ItemSelector: $$ from the pool (see itemContexts).
		env = st.intrinsicEnv(false, input)
		ic := st.itemContext(t.readsItemParts)
		defer ic.release()
		env.Scope.Context = ic.c
	} else {
		env = st.intrinsicEnv(t.needsContext, input)
	}
	v, err := t.tpl.Eval(env)
	if err != nil {
		return nil, st.wrapRuntime(err, f.src)
	}
	return v, nil
}

type compiledTemplate struct {
	tpl          *payload.Template
	needsContext bool
	// readsContextParts: every $$ path starts below $$ and $$.Map, so the
	// result never holds those two objects and they can be reused.
	readsContextParts bool
	// readsItemParts: moreover no $$ path selects $$.Map.Item itself, so
	// it can be reused too.
	readsItemParts bool
}

// compiledTemplateOf returns the template f holds, compiled on first use
// (every set field has a source to keep it in).
func compiledTemplateOf(f field) (*compiledTemplate, error) {
	if f.src != nil {
		if t := f.src.tpl.Load(); t != nil {
			return t, nil
		}
	}
	t, err := payload.Compile(f.v)
	if err != nil {
		return nil, err
	}
	ct := &compiledTemplate{tpl: t, needsContext: mentionsContext(f.v),
		readsContextParts: readsContextParts(f.v, contextParts), readsItemParts: readsContextParts(f.v, itemParts)}
	if f.src != nil {
		f.src.tpl.Store(ct)
	}
	return ct, nil
}

// mentionsContext reports whether any string in v reads $$.
func mentionsContext(v any) bool {
	switch x := v.(type) {
	case string:
		return strings.Contains(x, "$$")
	case map[string]any:
		for _, e := range x {
			if mentionsContext(e) {
				return true
			}
		}
	case []any:
		for _, e := range x {
			if mentionsContext(e) {
				return true
			}
		}
	}
	return false
}

// contextParts are the starts of $$ paths that select neither $$ itself
// nor $$.Map: what they select is never one of the pooled objects.
var contextParts = []string{".Execution", ".StateMachine", ".State", ".Map.Item"}

// itemParts are the starts of $$ paths that moreover select below
// $$.Map.Item, never the item object itself.
var itemParts = []string{".Execution", ".StateMachine", ".State", ".Map.Item.", ".Map.Item["}

// readsContextParts reports whether every $$ in v's strings starts one of
// parts (with contextParts: a bare $$, $$.Map, $$.*, $$..x or $$['Map']
// do not).
func readsContextParts(v any, parts []string) bool {
	switch x := v.(type) {
	case string:
		for rest := x; ; {
			i := strings.Index(rest, "$$")
			if i < 0 {
				return true
			}
			rest = rest[i+2:]
			if !slices.ContainsFunc(parts, func(p string) bool { return strings.HasPrefix(rest, p) }) {
				return false
			}
		}
	case map[string]any:
		for _, e := range x {
			if !readsContextParts(e, parts) {
				return false
			}
		}
	case []any:
		for _, e := range x {
			if !readsContextParts(e, parts) {
				return false
			}
		}
	}
	return true
}

// compiledCall returns the intrinsic call src held by the field at,
// compiled on first use.
func compiledCall(at *source, src string) (*intrinsic.Expr, error) {
	if at == nil {
		return intrinsic.Compile(src)
	}
	if e := at.call.Load(); e != nil {
		return e, nil
	}
	e, err := intrinsic.Compile(src)
	if err != nil {
		return nil, err
	}
	at.call.Store(e)
	return e, nil
}
