package engine

import (
	"context"
)

// mapItems resolves the items: ItemsPath (JSONPath) or Items (JSONata),
// defaulting to the input, which must then be an array.
func (st *stepCtx) mapItems(ctx context.Context, in any) ([]any, error) {
	n := st.n
	if n.itemReader.set {
		return st.readItems(ctx, in)
	}
	if n.jsonata {
		if !n.items.set {
			arr, ok := in.([]any)
			if !ok {
				return nil, st.runtimeErr(errQueryEvaluation, "Map state input must be an array but was: %s", EncodeJSON(in))
			}
			return arr, nil
		}
		if arr, ok := n.items.v.([]any); ok {
			return st.jsonataArray(ctx, arr)
		}
		v, err := st.jsonataAs(ctx, n.items.v, "Items", st.statesVar(nil, nil), "array")
		if err != nil {
			return nil, err
		}
		arr, _ := v.([]any)
		return arr, nil
	}
	v := in
	if p, ok := n.itemsPath.str(); ok {
		var err error
		if v, err = st.pathField(ctx, p, in); err != nil {
			return nil, err
		}
	}
	arr, ok := v.([]any)
	if !ok {
		return nil, st.runtimeErr(errRuntime, "Map state input must be an array but was: %s", EncodeJSON(v))
	}
	return arr, nil
}

// jsonataArray evaluates an Items array literal whose elements may be
// JSONata expressions.
func (st *stepCtx) jsonataArray(ctx context.Context, arr []any) ([]any, error) {
	v, err := st.jsonataValue(ctx, arr, "Items", st.statesVar(nil, nil))
	if err != nil {
		return nil, err
	}
	out, _ := v.([]any)
	return out, nil
}
