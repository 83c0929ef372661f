package engine

import (
	"context"
)

// mapItems resolves the items: ItemsPath (JSONPath) or Items (JSONata),
// defaulting to the input, which must then be an array.
func (st *stepCtx) mapItems(ctx context.Context, in any) ([]any, error) {
	n := st.n
	if n.itemReader != nil {
		return st.readItems(ctx, in)
	}
	if n.jsonata {
		if !n.items.set {
			arr, ok := in.([]any)
			if !ok {
				return nil, st.runtimeErr(nil, errQueryEvaluation, "Map state input must be an array but was: %s", EncodeJSON(in))
			}
			return arr, nil
		}
		want := "array"
		if _, ok := n.items.v.([]any); ok {
			want = "" // an array literal whose elements may be expressions
		}
		v, err := st.jsonataAs(ctx, n.items, "Items", st.statesVar(nil, nil), want)
		if err != nil {
			return nil, err
		}
		arr, _ := v.([]any)
		st.stage("Items", arr)
		return arr, nil
	}
	v := in
	if p, ok := n.itemsPath.str(); ok {
		var err error
		if v, err = st.pathField(ctx, n.itemsPath.src, p, in); err != nil {
			return nil, err
		}
		st.stage("Items", v)
	}
	arr, ok := v.([]any)
	if !ok {
		return nil, st.runtimeErr(n.itemsPath.src, errRuntime, "Map state input must be an array but was: %s", EncodeJSON(v))
	}
	return arr, nil
}
