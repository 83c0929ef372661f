package engine

import (
	"context"

	"github.com/stepstudio/stepstudio/engine/fault"
	"github.com/stepstudio/stepstudio/engine/jsonata"
)

// jsonataValue evaluates a JSONata field f: "{% … %}" strings at any
// depth are expressions against $states and the variables. name names
// the field in messages; errors are placed at f.
func (st *stepCtx) jsonataValue(ctx context.Context, f field, name string, states map[string]any) (any, error) {
	return st.jsonataAs(ctx, f, name, states, "")
}

// jsonataAs is jsonataValue with a check of the result's JSON type (want
// "" accepts any).
func (st *stepCtx) jsonataAs(ctx context.Context, f field, name string, states map[string]any, want string) (any, error) {
	ex := st.sc.ex
	t, err := compiledJSONata(f, name)
	if err != nil {
		return nil, st.runtimeErr(f.src, errQueryEvaluation, "%s", err.Error())
	}
	env := &jsonata.Env{States: states, Vars: st.sc.vars, Runtime: ex.jsonataRuntime()}
	var v any
	if want != "" {
		v, err = t.EvalAs(ctx, env, want)
	} else {
		v, err = t.Eval(ctx, env)
	}
	if err != nil {
		err = st.wrapRuntime(err, f.src)
		if fe, ok := fault.As(err); ok && fe.Name == errQueryEvaluation {
			st.evaluationFailed(fe)
		}
		return nil, err
	}
	return v, nil
}

// compiledJSONata returns the JSONata template f holds, compiled on first
// use; name names the field in its messages, and is the same at every use
// of a field.
func compiledJSONata(f field, name string) (*jsonata.Template, error) {
	if f.src == nil {
		return jsonata.CompileTemplate(name, f.v)
	}
	if t := f.src.jsonata.Load(); t != nil {
		return t, nil
	}
	t, err := jsonata.CompileTemplate(name, f.v)
	if err != nil {
		return nil, err
	}
	f.src.jsonata.Store(t)
	return t, nil
}

// jsonataRuntime is the run's JSONata runtime: AWS's functions drawing
// randomness from the run's (possibly seeded) source.
func (ex *Execution) jsonataRuntime() *jsonata.Runtime {
	ex.jsonataOnce.Do(func() { ex.jsonataRT = jsonata.NewRuntime(ex) })
	return ex.jsonataRT
}
