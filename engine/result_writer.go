package engine

import (
	"bytes"
	"context"
	"strings"
	"time"
)

// resultWriter gives a distributed Map with ResultWriter what AWS gives
// it. With Resource and Parameters it exports the children's results
// (to the local S3 folder when the run has one: <Prefix>/<mapRunId>/
// manifest.json, SUCCEEDED_0.json, FAILED_0.json) and the Map's result is
// the Map Run's ARN and the manifest's place. With WriterConfig alone the
// results are only transformed (NONE, COMPACT, FLATTEN).
func (st *stepCtx) resultWriter(ctx context.Context, in any, mapRunArn string, results []any) (any, error) {
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
	var children []ChildExecution
	if st.mapRun != nil {
		children = st.mapRun.snapshot().Children
	}
	if w.resource == "" {
		// WriterConfig alone: the state's output, transformed.
		return transformResults(children, results, w.transformation, "COMPACT", st.sc.ex), nil
	}
	p, _ := params.(map[string]any)
	bucket, _ := p["Bucket"].(string)
	prefix, _ := p["Prefix"].(string)
	runID := mapRunArn[strings.LastIndex(mapRunArn, ":")+1:]
	dir := runID
	if prefix = strings.TrimSuffix(prefix, "/"); prefix != "" {
		dir = prefix + "/" + runID
	}
	key := dir + "/manifest.json"
	if root := st.sc.ex.cfg.s3Root; root != nil {
		written, err := writeResults(root, bucket, dir, mapRunArn, children, results, w, st.sc.ex)
		if err != nil {
			return nil, st.runtimeErr(nil, errResultWriterFailed, "%v", err)
		}
		st.mapRun.setWritten(written)
	}
	return map[string]any{
		"MapRunArn":           mapRunArn,
		"ResultWriterDetails": map[string]any{"Bucket": bucket, "Key": key},
	}, nil
}

// transformResults applies WriterConfig.Transformation to the children's
// results: NONE keeps each child's metadata, COMPACT its output, FLATTEN
// its output with arrays spread. Failed children stay as NONE has them.
func transformResults(children []ChildExecution, results []any, transformation, dflt string, ex *Execution) []any {
	if transformation == "" {
		transformation = dflt
	}
	out := []any{}
	for i, c := range children {
		if c.Status != StatusSucceeded || transformation == "NONE" {
			out = append(out, childEntry(c, ex))
			continue
		}
		v := results[i]
		if arr, ok := v.([]any); ok && transformation == "FLATTEN" {
			out = append(out, arr...)
		} else {
			out = append(out, v)
		}
	}
	return out
}

// childEntry is a child execution as AWS writes it into a result file.
func childEntry(c ChildExecution, ex *Execution) map[string]any {
	e := map[string]any{
		"ExecutionArn":    c.Arn,
		"Name":            c.Name,
		"StateMachineArn": strings.Replace(c.Arn[:strings.LastIndex(c.Arn, ":")], ":execution:", ":stateMachine:", 1),
		"Status":          c.Status,
		"Input":           EncodeJSON(c.Input),
		"InputDetails":    map[string]any{"Included": true},
		"RedriveCount":    int64(0),
		"RedriveStatus":   "NOT_REDRIVABLE",
	}
	if c.StartDate != nil {
		e["StartDate"] = c.StartDate.UTC().Format(time.RFC3339Nano)
	}
	if c.StopDate != nil {
		e["StopDate"] = c.StopDate.UTC().Format(time.RFC3339Nano)
	}
	if c.Status == StatusSucceeded {
		e["Output"], e["OutputDetails"] = EncodeJSON(c.Output), map[string]any{"Included": true}
	}
	if c.Error != nil {
		e["Error"] = *c.Error
	}
	if c.Cause != nil {
		e["Cause"] = *c.Cause
	}
	return e
}

// resultFileStatuses are the result files AWS writes, in its order.
var resultFileStatuses = []string{StatusSucceeded, StatusFailed, "PENDING"}

// writeResults writes the result files and the manifest (manifest last,
// so a manifest names only files already written); it returns how many
// results it wrote.
func writeResults(root interface {
	Write(bucket, key string, data []byte) error
}, bucket, dir, mapRunArn string, children []ChildExecution, results []any, w *resultWriter, ex *Execution) (int64, error) {
	files := map[string]any{}
	var written int64
	for _, status := range resultFileStatuses {
		var group []ChildExecution
		var groupResults []any
		for i, c := range children {
			s := c.Status
			if s == StatusTimedOut || s == StatusAborted {
				s = StatusFailed
			}
			if s == status {
				group = append(group, c)
				groupResults = append(groupResults, results[i])
			}
		}
		list := []any{}
		if len(group) > 0 {
			data := encodeResults(transformResults(group, groupResults, w.transformation, "NONE", ex), w.outputType)
			key := dir + "/" + status + "_0.json"
			if err := root.Write(bucket, key, data); err != nil {
				return written, err
			}
			list = append(list, map[string]any{"Key": key, "Size": int64(len(data))})
			written += int64(len(group))
		}
		files[status] = list
	}
	manifest := map[string]any{"DestinationBucket": bucket, "MapRunArn": mapRunArn, "ResultFiles": files}
	if err := root.Write(bucket, dir+"/manifest.json", []byte(EncodeJSON(manifest))); err != nil {
		return written, err
	}
	return written, nil
}

// encodeResults writes a JSON array, or JSON Lines for OutputType JSONL.
func encodeResults(vs []any, outputType string) []byte {
	if outputType != "JSONL" {
		return []byte(EncodeJSON(vs))
	}
	var b bytes.Buffer
	for _, v := range vs {
		b.WriteString(EncodeJSON(v))
		b.WriteByte('\n')
	}
	return b.Bytes()
}
