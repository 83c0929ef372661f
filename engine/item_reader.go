package engine

import (
	"context"
	"errors"
	"math"
)

// readItems stands in for a distributed Map's ItemReader, which reads S3
// in AWS. Locally the Map state's mock (a MockConfigFile response for the
// Map state's name) or a handler bound to the reader's resource returns
// the items, as a JSON array; ReaderConfig.MaxItems still applies.
func (st *stepCtx) readItems(ctx context.Context, in any) ([]any, error) {
	n := st.n
	cfg, _ := n.itemReader.v.(map[string]any)
	resource, _ := cfg["Resource"].(string)
	var (
		params any = map[string]any{}
		err    error
	)
	if n.jsonata {
		if a, ok := cfg["Arguments"]; ok {
			params, err = st.jsonataValue(ctx, a, "ItemReader.Arguments", st.statesVar(nil, nil))
		}
	} else if p, ok := cfg["Parameters"]; ok {
		params, err = st.template(ctx, p, in, "ItemReader.Parameters")
	}
	if err != nil {
		return nil, err
	}
	inv := st.sc.ex.invoker
	if inv == nil {
		return nil, st.noItemReader(resource)
	}
	out, err := inv.Invoke(ctx, TaskRequest{State: n.name, Resource: resource, Input: params})
	switch {
	case errors.Is(err, ErrNoHandler):
		return nil, st.noItemReader(resource)
	case err != nil:
		if fe, ok := asFaultStrict(err); ok {
			return nil, st.runtimeErr(errItemReaderFailed, "%s: %s", fe.Name, fe.Cause)
		}
		return nil, err
	}
	items, ok := out.([]any)
	if !ok {
		return nil, st.runtimeErr(errItemReaderFailed, "the mock or handler standing in for the ItemReader of state %q returned %s, not a JSON array of items", n.name, jsonType(out))
	}
	if rc, ok := cfg["ReaderConfig"].(map[string]any); ok {
		if max, ok := number(rc["MaxItems"]); ok && max > 0 && max < float64(len(items)) && max == math.Trunc(max) {
			items = items[:int(max)]
		}
	}
	return items, nil
}

func (st *stepCtx) noItemReader(resource string) error {
	return st.runtimeErr(errItemReaderFailed, "the ItemReader of state %q reads %q, which a local run cannot reach: mock the state %q (its mocked Return is the list of items) or bind a handler to the resource", st.n.name, resource, st.n.name)
}
