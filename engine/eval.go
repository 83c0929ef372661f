package engine

import (
	"context"
	"errors"
	"strings"
	"sync"

	"github.com/stepstudio/stepstudio/engine/fault"
	"github.com/stepstudio/stepstudio/engine/jsonpath"
)

// pathCache compiles each path of a machine once, whichever run asks.
type pathCache struct{ m sync.Map }

func (c *pathCache) get(src string) (*jsonpath.Path, error) {
	if p, ok := c.m.Load(src); ok {
		return p.(*jsonpath.Path), nil
	}
	p, err := jsonpath.Compile(src)
	if err != nil {
		return nil, err
	}
	c.m.Store(src, p)
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

// path reads a path ("$…", "$$…" or "$var…"); a missing value is a
// *jsonpath.NotFoundError.
func (st *stepCtx) path(src string, input any) (any, error) {
	p, err := st.sc.ex.m.paths.get(src)
	if err != nil {
		return nil, st.runtimeErr(errRuntime, "%s", err.Error())
	}
	return p.Eval(st.pathScope(p, input))
}

// pathField reads InputPath, OutputPath, ItemsPath and other path fields:
// a missing value fails the state with States.Runtime, as AWS does.
func (st *stepCtx) pathField(_ context.Context, src string, input any) (any, error) {
	v, err := st.path(src, input)
	if err != nil {
		var nf *jsonpath.NotFoundError
		if errors.As(err, &nf) {
			return nil, st.runtimeErr(errRuntime, "%s", nf.InvalidPathCause())
		}
		return nil, st.wrapRuntime(err)
	}
	return v, nil
}

// setResult applies ResultPath.
func (st *stepCtx) setResult(_ context.Context, src string, input, result any) (any, error) {
	p, err := st.sc.ex.m.paths.get(src)
	if err != nil {
		return nil, st.runtimeErr(errRuntime, "%s", err.Error())
	}
	out, err := p.Set(input, result)
	if err != nil {
		if _, ok := fault.As(err); ok {
			return nil, err
		}
		return nil, st.runtimeErr(errRuntime, "%s", err.Error())
	}
	return out, nil
}

// pathOrIntrinsic reads ErrorPath/CausePath, which take a path or an
// intrinsic function.
func (st *stepCtx) pathOrIntrinsic(ctx context.Context, src string, input any, field string) (any, error) {
	if strings.HasPrefix(src, "States.") {
		v, err := st.template(ctx, map[string]any{"v.$": src}, input, field)
		if err != nil {
			return nil, err
		}
		return v.(map[string]any)["v"], nil
	}
	v, err := st.path(src, input)
	if err != nil {
		var nf *jsonpath.NotFoundError
		if errors.As(err, &nf) {
			return nil, st.runtimeErr(errRuntime, "The JSONPath '%s' specified for the field '%s' could not be found in the input '%s'", src, field, EncodeJSON(input))
		}
		return nil, st.wrapRuntime(err)
	}
	return v, nil
}

// template evaluates a payload template (Parameters, ItemSelector,
// ResultSelector, JSONPath Assign).
func (st *stepCtx) template(_ context.Context, tpl any, input any, field string) (any, error) {
	return st.tmpl(tpl, input, field)
}

func (st *stepCtx) tmpl(tpl any, input any, field string) (any, error) {
	switch t := tpl.(type) {
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, v := range t {
			if name, ok := strings.CutSuffix(k, ".$"); ok {
				s, _ := v.(string)
				got, err := st.path(s, input)
				if err != nil {
					var nf *jsonpath.NotFoundError
					if errors.As(err, &nf) {
						return nil, st.runtimeErr(errRuntime, "The JSONPath '%s' specified for the field '%s' could not be found in the input '%s'", s, k, EncodeJSON(input))
					}
					return nil, err
				}
				out[name] = got
				continue
			}
			got, err := st.tmpl(v, input, field)
			if err != nil {
				return nil, err
			}
			out[k] = got
		}
		return out, nil
	case []any:
		out := make([]any, len(t))
		for i, v := range t {
			got, err := st.tmpl(v, input, field)
			if err != nil {
				return nil, err
			}
			out[i] = got
		}
		return out, nil
	}
	return tpl, nil
}

// jsonataValue evaluates a JSONata field value: "{% … %}" strings at any
// depth are expressions against $states and the variables.
func (st *stepCtx) jsonataValue(_ context.Context, v any, field string, states map[string]any) (any, error) {
	return nil, st.runtimeErr(errQueryEvaluation, "JSONata is not available yet (field %s)", field)
}

// jsonataBody strips the {% %} delimiters of an expression.
func jsonataBody(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "{%")
	s = strings.TrimSuffix(s, "%}")
	return strings.TrimSpace(s)
}
