package endpoint

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/fault"
)

// startExecutionResource is the optimized integration that starts a
// workflow from a workflow, with .sync, .sync:2 and .waitForTaskToken.
const startExecutionResource = "arn:aws:states:::states:startExecution"

// nestedInvoker runs arn:aws:states:::states:startExecution tasks on this
// server: the child is an execution like any other (listed, described),
// the parent gets AWS's answer (.sync: the child's description once it
// ended; .sync:2 with its input and output as JSON; a failed child fails
// the task with States.TaskFailed and the description as the cause).
func (s *Server) nestedInvoker() engine.Invoker {
	return engine.InvokerFunc(func(ctx context.Context, req engine.TaskRequest) (any, error) {
		pattern, ok := strings.CutPrefix(req.Resource, startExecutionResource)
		if !ok || (pattern != "" && pattern != ".sync" && pattern != ".sync:2" && pattern != ".waitForTaskToken") {
			return nil, engine.ErrNoHandler
		}
		params, _ := req.Input.(map[string]any)
		in := startIn{}
		in.StateMachineArn, _ = params["StateMachineArn"].(string)
		in.Name, _ = params["Name"].(string)
		text := "{}"
		switch v := params["Input"].(type) {
		case nil:
		case string:
			text = v
		default:
			text = engine.EncodeJSON(v)
		}
		in.Input = &text
		child, err := s.startExecution(in, false)
		if err != nil {
			var ae *apiError
			if errors.As(err, &ae) {
				return nil, fault.New("StepFunctions."+ae.Type+"Exception", ae.Message)
			}
			return nil, err
		}
		started := startAnswer(child)
		switch pattern {
		case "":
			return started, nil
		case ".waitForTaskToken":
			return nil, engine.ErrAwaitCallback
		}
		if req.Submitted != nil {
			req.Submitted(started)
		}
		if ex := child.running(); ex != nil {
			select {
			case <-ex.Done():
				child.finish(ex.Wait(), ex, s.now())
			case <-ctx.Done():
				// The parent stopped or timed out: so does the child.
				ex.Stop()
				child.finish(ex.Wait(), ex, s.now())
				return nil, context.Cause(ctx)
			}
		}
		desc := childDescription(child, pattern == ".sync:2")
		if desc["Status"] != engine.StatusSucceeded {
			return nil, fault.New("States.TaskFailed", engine.EncodeJSON(desc))
		}
		return desc, nil
	})
}

// The maps below hold only the types the engine's JSON values use
// (map[string]any, []any, string, int64, bool).

// startAnswer is StartExecution's answer as the Java SDK behind the
// integration shows it, HTTP metadata included.
func startAnswer(e *execution) map[string]any {
	id := uuid.NewString()
	date := e.Started.UTC().Format(time.RFC1123)
	return map[string]any{
		"ExecutionArn": e.Arn,
		"StartDate":    e.Started.UnixMilli(),
		"SdkHttpMetadata": map[string]any{
			"AllHttpHeaders": map[string]any{"x-amzn-RequestId": []any{id}, "connection": []any{"keep-alive"},
				"Content-Length": []any{"161"}, "Date": []any{date}, "Content-Type": []any{contentType}},
			"HttpHeaders": map[string]any{"connection": "keep-alive", "Content-Length": "161", "Content-Type": contentType,
				"Date": date, "x-amzn-RequestId": id},
			"HttpStatusCode": int64(200),
		},
		"SdkResponseMetadata": map[string]any{"RequestId": id},
	}
}

// childDescription is DescribeExecution of the ended child in the
// integration's PascalCase; asJSON (.sync:2) gives Input and Output as
// JSON values rather than text.
func childDescription(e *execution, asJSON bool) map[string]any {
	status, stopped, output, errName, cause := e.snapshot()
	value := func(text string) any {
		if !asJSON {
			return text
		}
		var v any
		if json.Unmarshal([]byte(text), &v) != nil {
			return text
		}
		return v
	}
	d := map[string]any{
		"ExecutionArn": e.Arn, "Input": value(e.Input), "InputDetails": map[string]any{"Included": true},
		"Name": e.Name, "StartDate": e.Started.UnixMilli(), "StateMachineArn": e.Machine,
		"Status": status, "StopDate": stopped.UnixMilli(),
	}
	if output != nil {
		d["Output"] = value(*output)
		d["OutputDetails"] = map[string]any{"Included": true}
	}
	if errName != nil {
		d["Error"] = *errName
	}
	if cause != nil {
		d["Cause"] = *cause
	}
	return d
}
