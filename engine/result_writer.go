package engine

import "context"

// resultWriter gives a distributed Map with ResultWriter the output AWS
// gives it: the Map Run's ARN and where the results were written
// (ResultWriterDetails.Bucket and Key of the manifest). Locally nothing is
// written; the results stay in the history of the items.
func (st *stepCtx) resultWriter(ctx context.Context, in any, mapRunArn string) (any, error) {
	cfg, _ := st.n.resultWriter.v.(map[string]any)
	var (
		params any
		err    error
	)
	if st.n.jsonata {
		if a, ok := cfg["Arguments"]; ok {
			params, err = st.jsonataValue(ctx, a, "ResultWriter.Arguments", st.statesVar(nil, nil))
		}
	} else if p, ok := cfg["Parameters"]; ok {
		params, err = st.template(ctx, p, in, "ResultWriter.Parameters")
	}
	if err != nil {
		return nil, err
	}
	p, _ := params.(map[string]any)
	bucket, _ := p["Bucket"].(string)
	key := ""
	if prefix, _ := p["Prefix"].(string); prefix != "" {
		key = prefix + "/"
	}
	key += st.sc.ex.UUID() + "/manifest.json"
	return map[string]any{
		"MapRunArn":           mapRunArn,
		"ResultWriterDetails": map[string]any{"Bucket": bucket, "Key": key},
	}, nil
}
