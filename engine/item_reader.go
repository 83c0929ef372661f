package engine

import (
	"context"
	"errors"
)

// readItems stands in for a distributed Map's ItemReader, which reads S3
// in AWS. Locally the Map state's mock (a MockConfigFile response for the
// Map state's name) or a handler bound to the reader's resource returns
// the items, as a JSON array; ReaderConfig.MaxItems still applies.
func (st *stepCtx) readItems(ctx context.Context, in any) ([]any, error) {
	n := st.n
	r := n.itemReader
	var (
		params any = map[string]any{}
		err    error
	)
	if n.jsonata {
		if r.arguments.set {
			params, err = st.jsonataValue(ctx, r.arguments, "ItemReader.Arguments", st.statesVar(nil, nil))
		}
	} else if r.parameters.set {
		params, err = st.template(ctx, r.parameters, in, "ItemReader.Parameters")
	}
	if err != nil {
		return nil, err
	}
	if root := st.sc.ex.cfg.s3Root; root != nil && isS3Reader(r.resource) {
		max := r.maxItems
		if c := r.config; c != nil && c.MaxItemsPath != "" {
			v, err := st.pathField(ctx, r.src, c.MaxItemsPath, in)
			if err != nil {
				return nil, err
			}
			n, ok := v.(int64)
			if !ok || n < 0 {
				return nil, st.runtimeErr(r.src, errRuntime, "The MaxItemsPath field refers to value %s which is not a valid non-negative integer: %s", quoted(v), c.MaxItemsPath)
			}
			max = &n
		}
		items, err := readS3Items(root, r, params)
		if err != nil {
			return nil, st.runtimeErr(r.src, errItemReaderFailed, "%v", err)
		}
		return limitItems(items, max), nil
	}
	inv := st.sc.ex.invoker
	if inv == nil {
		return nil, st.noItemReader()
	}
	out, err := inv.Invoke(ctx, TaskRequest{State: n.name, Resource: r.resource, Input: params})
	switch {
	case errors.Is(err, ErrNoHandler):
		return nil, st.noItemReader()
	case err != nil:
		if fe, ok := asFaultStrict(err); ok {
			return nil, st.runtimeErr(r.src, errItemReaderFailed, "%s: %s", fe.Name, fe.Cause)
		}
		return nil, err
	}
	items, ok := out.([]any)
	if !ok {
		return nil, st.runtimeErr(r.src, errItemReaderFailed, "the mock or handler standing in for the ItemReader of state %q returned %s, not a JSON array of items", n.name, jsonType(out))
	}
	return limitItems(items, r.maxItems), nil
}

// limitItems applies ReaderConfig.MaxItems.
func limitItems(items []any, max *int64) []any {
	if max != nil && *max > 0 && *max < int64(len(items)) {
		return items[:*max]
	}
	return items
}

func (st *stepCtx) noItemReader() error {
	r := st.n.itemReader
	return st.runtimeErr(r.src, errItemReaderFailed, "the ItemReader of state %q reads %q, which a local run cannot reach: mock the state %q (its mocked Return is the list of items) or bind a handler to the resource", st.n.name, r.resource, st.n.name)
}
