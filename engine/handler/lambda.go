package handler

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/fault"
)

// invokeLambda calls a Lambda-compatible endpoint (POST
// /2015-03-31/functions/NAME/invocations) as Step Functions does. For the
// optimised integration (arn:aws:states:::lambda:invoke) the function and
// payload come from the task's FunctionName and Payload, and the result is
// wrapped as AWS wraps it ({"Payload": …, "StatusCode": 200, …}); for a
// function ARN as resource the input is the payload and the result is the
// function's answer. A function error fails the task with its errorType
// as the error name, as AWS reports it.
func invokeLambda(ctx context.Context, endpoint string, req engine.TaskRequest) (any, error) {
	fn, payload, wrap := lambdaTarget(req)
	if fn == "" {
		return nil, fault.Newf(fault.TaskFailed, "task %q: no FunctionName to invoke", req.State)
	}
	u := strings.TrimRight(endpoint, "/") + "/2015-03-31/functions/" + url.PathEscape(functionName(fn)) + "/invocations"
	hr, err := http.NewRequestWithContext(ctx, http.MethodPost, u, strings.NewReader(engine.EncodeJSON(payload)))
	if err != nil {
		return nil, fault.Newf(fault.TaskFailed, "lambda endpoint %s: %v", endpoint, err)
	}
	hr.Header.Set("Content-Type", "application/json")
	body, status, header, err := do(hr)
	if err != nil {
		return nil, err
	}
	if status < 200 || status > 299 {
		return nil, fault.Newf("Lambda.ServiceException", "lambda endpoint %s answered %d: %s", endpoint, status, string(body))
	}
	if header.Get("X-Amz-Function-Error") != "" {
		var fe struct {
			ErrorType    string `json:"errorType"`
			ErrorMessage string `json:"errorMessage"`
		}
		_ = json.Unmarshal(body, &fe)
		name := fe.ErrorType
		if name == "" {
			name = "Lambda.Unknown"
		}
		return nil, fault.New(name, string(body))
	}
	out, err := decodeResult("lambda function "+fn, body)
	if err != nil || !wrap {
		return out, err
	}
	return map[string]any{"ExecutedVersion": "$LATEST", "Payload": out, "StatusCode": int64(200)}, nil
}

func lambdaTarget(req engine.TaskRequest) (fn string, payload any, wrap bool) {
	if strings.HasPrefix(req.Resource, "arn:aws:states:::lambda:invoke") {
		in, _ := req.Input.(map[string]any)
		fn, _ = in["FunctionName"].(string)
		return fn, in["Payload"], true
	}
	return req.Resource, req.Input, false
}

// functionName takes the name out of a function ARN (…:function:NAME[:alias]).
func functionName(fn string) string {
	parts := strings.Split(fn, ":")
	for i, p := range parts {
		if p == "function" && i+1 < len(parts) {
			return parts[i+1]
		}
	}
	return fn
}
