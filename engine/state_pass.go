package engine

import "context"

// pass: Result (or the effective input) becomes the result.
func (st *stepCtx) pass(ctx context.Context) (any, error) {
	n := st.n
	if n.jsonata {
		return st.finishJSONata(ctx, st.input, nil, false)
	}
	in, err := st.effectiveInput(ctx)
	if err != nil {
		return nil, err
	}
	result := in
	if n.result.set {
		result = deepCopy(n.result.v)
		st.stage("Result", result)
	}
	return st.finishJSONPath(ctx, result, false)
}

// succeed ends the graph with the (filtered) input.
func (st *stepCtx) succeed(ctx context.Context) (any, error) {
	if st.n.jsonata {
		return st.finishJSONata(ctx, st.input, nil, false)
	}
	in, err := st.inputPath(ctx)
	if err != nil {
		return nil, err
	}
	return st.outputPath(ctx, in)
}
