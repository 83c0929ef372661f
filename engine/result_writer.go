package engine

import "context"

// resultWriter gives a distributed Map with ResultWriter the output AWS
// gives it: the Map Run's ARN and where the results were written
// (ResultWriterDetails.Bucket and Key of the manifest). Locally nothing is
// written; the results stay in the history of the items.
func (st *stepCtx) resultWriter(ctx context.Context, in any, mapRunArn string) (any, error) {
	w := st.n.resultWriter
	var (
		params any
		err    error
	)
	if st.n.jsonata {
		if w.arguments.set {
			params, err = st.jsonataValue(ctx, w.arguments, "ResultWriter.Arguments", st.statesVar(nil, nil))
		}
	} else if w.parameters.set {
		params, err = st.template(ctx, w.parameters, in, "ResultWriter.Parameters")
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
