package engine

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"

	"github.com/stepstudio/stepstudio/engine/asl"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// defaultTaskTimeout is AWS's default TimeoutSeconds for a Task.
const defaultTaskTimeout = 99999999

// task runs one attempt of a Task state through the invoker.
func (st *stepCtx) task(ctx context.Context) (any, string, error) {
	n := st.n
	ex := st.sc.ex
	callback := n.integration.Pattern == asl.WaitForTaskToken || n.integration.Activity
	if callback {
		st.token = ex.UUID()
		if task, ok := ex.cfg.contextObject["Task"].(map[string]any); ok {
			if t, ok := task["Token"].(string); ok {
				st.token = t // the token WithContextObject gives
			}
		}
	}
	var (
		in  any
		err error
	)
	if n.jsonata {
		in, err = st.arguments(ctx)
	} else {
		in, err = st.effectiveInput(ctx)
	}
	if err != nil {
		return nil, "", err
	}
	timeout, err := st.seconds(ctx, n.timeoutSeconds, n.timeoutSecondsPath, "TimeoutSeconds", defaultTaskTimeout)
	if err != nil {
		return nil, "", err
	}
	heartbeat, err := st.seconds(ctx, n.heartbeatSeconds, n.heartbeatSecondsPath, "HeartbeatSeconds", 0)
	if err != nil {
		return nil, "", err
	}
	if n.integration.Activity {
		result, err := st.activity(ctx, in, wholeSeconds(timeout), wholeSeconds(heartbeat))
		if err != nil {
			return nil, "", err
		}
		return st.taskResult(ctx, result)
	}
	te := newTaskEvents(st)
	te.scheduled(in, timeoutField(n, timeout), heartbeat)
	result, err := st.invoke(ctx, in, wholeSeconds(timeout), wholeSeconds(heartbeat), te)
	if err != nil {
		if ex.alive(ctx) == nil {
			te.failed(err)
		}
		return nil, "", err
	}
	te.succeeded(result)
	return st.taskResult(ctx, result)
}

// taskResult turns a task's result into the state output.
func (st *stepCtx) taskResult(ctx context.Context, result any) (any, string, error) {
	if err := checkSize(result); err != nil {
		return nil, "", err
	}
	if st.n.jsonata {
		out, err := st.finishJSONata(ctx, result, result, true)
		return out, "", err
	}
	out, err := st.finishJSONPath(ctx, result, true)
	return out, "", err
}

// invoke calls the invoker under the task's timeout and, for callback
// tasks, waits for the token to come back, watching heartbeats.
func (st *stepCtx) invoke(ctx context.Context, in any, timeout, heartbeat time.Duration, te taskEvents) (any, error) {
	n := st.n
	ex := st.sc.ex
	inv := ex.invoker
	if inv == nil {
		return nil, st.noHandler()
	}
	var pending *pendingTask
	if st.token != "" {
		pending = ex.tokens.open(st.token)
		defer ex.tokens.close(st.token)
	}
	tctx, cancel := context.WithTimeoutCause(ctx, realDuration(ex.clock, timeout), errTaskTimeout)
	defer cancel()
	req := TaskRequest{State: n.name, Resource: n.resource, Input: in, RetryCount: st.retryCount,
		TaskToken: st.token, Timeout: timeout, Heartbeat: heartbeat}
	if p := n.integration.Pattern; p == asl.Sync || p == asl.Sync2 {
		var once sync.Once
		req.Submitted = func(out any) { once.Do(func() { te.submittedOutput(out) }) }
	}
	out, err := inv.Invoke(tctx, req)
	switch {
	case errors.Is(err, ErrNoHandler):
		return nil, st.noHandler()
	case errors.Is(err, ErrAwaitCallback) && pending != nil:
		te.submitted()
		return st.awaitCallback(tctx, pending, timeout, heartbeat)
	case err != nil:
		if errors.Is(context.Cause(tctx), errTaskTimeout) {
			st.deadlinePassed(timeout)
			return nil, newFault(errTimeout, "")
		}
		if ctx.Err() != nil {
			return nil, ex.alive(ctx)
		}
		return nil, err
	}
	return out, nil
}

var errTaskTimeout = errors.New("task timed out")

func (st *stepCtx) noHandler() error {
	return locate(newFaultf(errRuntime, "Task state %q has no result for resource %q: give it a mock (a test case of an AWS MockConfigFile) or bind a handler to the resource (a local command, an HTTP or a Lambda endpoint)", st.n.name, st.n.resource), st.n.resourceSrc, "")
}

// seconds resolves TimeoutSeconds/HeartbeatSeconds or their paths.
func (st *stepCtx) seconds(ctx context.Context, lit, path field, name string, def int64) (int64, error) {
	switch {
	case lit.set:
		v := lit.v
		if _, ok := v.(string); ok && st.n.jsonata {
			var err error
			if v, err = st.jsonataValue(ctx, lit, name, st.statesVar(nil, nil)); err != nil {
				return 0, err
			}
		}
		f, ok := jsonvalue.Float(v)
		if !ok || f <= 0 {
			return 0, st.runtimeErr(lit.src, errRuntime, "The %s field must be a positive integer, but was %s", name, EncodeJSON(v))
		}
		return int64(f), nil
	case path.set:
		p, _ := path.v.(string)
		v, err := st.pathField(ctx, path.src, p, st.input)
		if err != nil {
			return 0, err
		}
		i, ok := v.(int64)
		if !ok || i <= 0 {
			return 0, st.runtimeErr(path.src, errRuntime, "The %sPath field refers to value %s which is not a valid positive integer: %s", name, EncodeJSON(v), p)
		}
		return i, nil
	}
	return def, nil
}

func timeoutField(n *node, t int64) int64 {
	if n.timeoutSeconds.set || n.timeoutSecondsPath.set {
		return t
	}
	return 0
}

// taskResource gives AWS's resourceType and resource of a Task's events
// from its parsed Resource: arn:aws:states:::lambda:invoke is ("lambda",
// "invoke"), arn:aws:states:::aws-sdk:s3:getObject.waitForTaskToken is
// ("aws-sdk", "s3:getObject.waitForTaskToken"); a resource that is no
// service integration keeps its whole ARN.
func taskResource(resource string, in asl.Integration) (string, string) {
	if in.Service == "" || in.Lambda || in.Activity {
		return "", resource
	}
	typ, sub, _ := strings.Cut(in.Service, ":")
	res := in.Action
	if sub != "" {
		res = sub + ":" + res
	}
	return typ, res + patternSuffix[in.Pattern]
}

// patternSuffix is how a Resource spells its integration pattern.
var patternSuffix = map[asl.Pattern]string{asl.Sync: ".sync", asl.Sync2: ".sync:2", asl.WaitForTaskToken: ".waitForTaskToken"}
