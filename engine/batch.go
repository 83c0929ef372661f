package engine

import "context"

// batch groups items per ItemBatcher: MaxItemsPerBatch and
// MaxInputBytesPerBatch (or their paths), each batch {"Items": [...]} plus
// BatchInput when given.
func (st *stepCtx) batch(ctx context.Context, items []any, in any) ([]any, error) {
	b := st.n.itemBatcher
	maxItems, err := st.mapInt(ctx, b.maxItems, b.maxItemsPath, "MaxItemsPerBatch", in)
	if err != nil {
		return nil, err
	}
	maxBytes, err := st.mapInt(ctx, b.maxBytes, b.maxBytesPath, "MaxInputBytesPerBatch", in)
	if err != nil {
		return nil, err
	}
	if maxBytes <= 0 || maxBytes > maxPayload {
		maxBytes = maxPayload
	}
	var batchInput any
	if b.batchInput.set {
		if st.n.jsonata {
			batchInput, err = st.jsonataValue(ctx, b.batchInput, "ItemBatcher.BatchInput", st.statesVar(nil, nil))
		} else {
			batchInput, err = st.template(ctx, b.batchInput, in, "BatchInput")
		}
		if err != nil {
			return nil, err
		}
	}
	var (
		out   []any
		cur   []any
		bytes int
	)
	flush := func() {
		if len(cur) == 0 {
			return
		}
		b := map[string]any{"Items": cur}
		if batchInput != nil {
			b["BatchInput"] = deepCopy(batchInput)
		}
		out = append(out, b)
		cur, bytes = nil, 0
	}
	for _, it := range items {
		size := jsonSize(it, maxPayload+1) + 1
		if len(cur) > 0 && ((maxItems > 0 && int64(len(cur)) >= maxItems) || int64(bytes+size) > maxBytes) {
			flush()
		}
		cur = append(cur, it)
		bytes += size
	}
	flush()
	return out, nil
}
