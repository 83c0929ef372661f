package engine

import (
	"context"
	"sort"
)

// The JSONPath data flow: InputPath -> Parameters -> (work) ->
// ResultSelector -> Assign -> ResultPath -> OutputPath.

// inputPath applies InputPath (absent: "$"; null: {}).
func (st *stepCtx) inputPath(ctx context.Context) (any, error) {
	f := st.n.inputPath
	if !f.set {
		return st.input, nil
	}
	if f.v == nil {
		st.stage("InputPath", map[string]any{})
		return map[string]any{}, nil
	}
	p, _ := f.v.(string)
	v, err := st.pathField(ctx, f.src, p, st.input)
	if err == nil {
		st.stage("InputPath", v)
	}
	return v, err
}

// effectiveInput applies InputPath and Parameters.
func (st *stepCtx) effectiveInput(ctx context.Context) (any, error) {
	in, err := st.inputPath(ctx)
	if err != nil {
		return nil, err
	}
	if !st.n.parameters.set {
		return in, nil
	}
	v, err := st.template(ctx, st.n.parameters, in, "Parameters")
	if err == nil && st.n.typ != "Task" { // a Task's is in its TaskScheduled event
		st.stage("Parameters", v)
	}
	return v, err
}

// finishJSONPath turns a state's result into its output. selector says
// whether the state type supports ResultSelector.
func (st *stepCtx) finishJSONPath(ctx context.Context, result any, selector bool) (any, error) {
	n := st.n
	var err error
	if selector && n.resultSelector.set {
		if result, err = st.template(ctx, n.resultSelector, result, "ResultSelector"); err != nil {
			return nil, err
		}
		st.stage("ResultSelector", result)
	}
	if err := st.assignJSONPath(ctx, n.assign, result, ""); err != nil {
		return nil, err
	}
	out, err := st.resultPath(ctx, n.resultPath, result)
	if err != nil {
		return nil, err
	}
	if n.resultPath.set {
		st.stage("ResultPath", out)
	}
	return st.outputPath(ctx, out)
}

// resultPath places result into the raw input (absent: "$" replaces it;
// null: the input passes through).
func (st *stepCtx) resultPath(ctx context.Context, f field, result any) (any, error) {
	if !f.set {
		return result, nil
	}
	if f.v == nil {
		return st.input, nil
	}
	p, _ := f.v.(string)
	return st.setResult(ctx, f.src, p, st.input, result)
}

// outputPath applies OutputPath (absent: "$"; null: {}).
func (st *stepCtx) outputPath(ctx context.Context, v any) (any, error) {
	f := st.n.outputPath
	if !f.set {
		return v, nil
	}
	if f.v == nil {
		return map[string]any{}, nil
	}
	p, _ := f.v.(string)
	return st.pathField(ctx, f.src, p, v)
}

// assignJSONPath evaluates Assign against value ("$" is the state result)
// and assigns the variables; prefix names a Catch's Assign in its stage.
func (st *stepCtx) assignJSONPath(ctx context.Context, f field, value any, prefix string) error {
	if !f.set {
		return nil
	}
	v, err := st.template(ctx, f, value, "Assign")
	if err != nil {
		return err
	}
	st.stage(prefix+"Assign", v)
	m, _ := v.(map[string]any)
	return st.applyAssign(f.src, m)
}

// applyAssign sets the variables of this scope and remembers them for the
// StateExited event; none is set when they pass AWS's size limits.
func (st *stepCtx) applyAssign(at *source, m map[string]any) error {
	if len(m) == 0 {
		return nil
	}
	sizes, err := checkAssign(st.sc.vars, m)
	if err != nil {
		return locate(err, at, "")
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	active := st.sc.rec.active()
	if active && st.assigned == nil {
		st.assigned = make(map[string]string, len(m))
	}
	for _, k := range keys {
		st.sc.vars.setSized(k, m[k], sizes[k])
		if active {
			st.assigned[k] = EncodeJSON(m[k])
		}
	}
	return nil
}

// The JSONata data flow: Arguments -> (work) -> Assign and Output, both
// evaluated against the same $states, variables assigned afterwards.

// statesVar builds $states; result and errorOutput are added when given.
// The first one of a visit reports $states.context as the "Context" stage
// when the state reads it (a record per visit of every JSONata state
// would weigh on a large Map).
func (st *stepCtx) statesVar(result, errorOutput *any) map[string]any {
	s := map[string]any{"input": st.input, "context": st.contextObject()}
	if !st.contextStaged && st.n.readsContext {
		st.contextStaged = true
		st.stage("Context", s["context"])
	}
	if result != nil {
		s["result"] = *result
	}
	if errorOutput != nil {
		s["errorOutput"] = *errorOutput
	}
	return s
}

// arguments evaluates JSONata Arguments (absent: the state input).
func (st *stepCtx) arguments(ctx context.Context) (any, error) {
	if !st.n.arguments.set {
		return st.input, nil
	}
	v, err := st.jsonataValue(ctx, st.n.arguments, "Arguments", st.statesVar(nil, nil))
	if err == nil && st.n.typ != "Task" { // a Task's is in its TaskScheduled event
		st.stage("Arguments", v)
	}
	return v, err
}

// finishJSONata evaluates Assign and Output; def is the output when Output
// is absent. hasResult adds $states.result.
func (st *stepCtx) finishJSONata(ctx context.Context, def any, result any, hasResult bool) (any, error) {
	var states map[string]any
	if hasResult {
		states = st.statesVar(&result, nil)
	} else {
		states = st.statesVar(nil, nil)
	}
	return st.outputAndAssign(ctx, st.n.output, st.n.assign, def, states, "")
}

// outputAndAssign evaluates Assign and Output against the same $states;
// prefix names a Catch's fields in their stages.
func (st *stepCtx) outputAndAssign(ctx context.Context, output, assign field, def any, states map[string]any, prefix string) (any, error) {
	var assigned map[string]any
	if assign.set {
		v, err := st.jsonataValue(ctx, assign, "Assign", states)
		if err != nil {
			return nil, err
		}
		st.stage(prefix+"Assign", v)
		assigned, _ = v.(map[string]any)
	}
	out := def
	if output.set {
		v, err := st.jsonataValue(ctx, output, "Output", states)
		if err != nil {
			return nil, err
		}
		st.stage(prefix+"Output", v)
		out = v
	}
	if err := st.applyAssign(assign.src, assigned); err != nil {
		return nil, err
	}
	return out, nil
}
