package engine

import "strings"

// taskEvents records a Task's events as AWS names them: Task* for service
// integrations, LambdaFunction* when the resource is a function ARN.
type taskEvents struct {
	st         *stepCtx
	lambda     bool
	rtype, res string
	active     bool
}

func newTaskEvents(st *stepCtx) taskEvents {
	te := taskEvents{st: st, active: st.sc.rec.active()}
	te.lambda = strings.HasPrefix(st.n.resource, "arn:aws:lambda:")
	te.rtype, te.res = splitResource(st.n.resource)
	return te
}

func (te taskEvents) emit(e Event) {
	if te.active {
		te.st.sc.emit(e)
	}
}

func (te taskEvents) scheduled(in any, timeout, heartbeat int64) {
	if !te.active {
		return
	}
	if te.lambda {
		te.emit(Event{Type: "LambdaFunctionScheduled", LambdaFunctionScheduledEventDetails: &LambdaScheduledDetails{
			Resource: te.st.n.resource, Input: EncodeJSON(in), TimeoutInSeconds: timeout,
		}})
		te.emit(Event{Type: "LambdaFunctionStarted"})
		return
	}
	te.emit(Event{Type: "TaskScheduled", TaskScheduledEventDetails: &TaskScheduledDetails{
		ResourceType: te.rtype, Resource: te.res, Region: te.st.sc.ex.cfg.region, Parameters: EncodeJSON(in),
		TimeoutInSeconds: timeout, HeartbeatInSeconds: heartbeat,
	}})
	te.emit(Event{Type: "TaskStarted", TaskStartedEventDetails: &TaskDetails{ResourceType: te.rtype, Resource: te.res}})
}

// submitted marks a callback task whose request went out and whose answer
// will come with its token.
func (te taskEvents) submitted() {
	if !te.active || te.lambda {
		return
	}
	out := "{}"
	te.emit(Event{Type: "TaskSubmitted", TaskSubmittedEventDetails: &TaskDetails{
		ResourceType: te.rtype, Resource: te.res, Output: &out, OutputDetails: &Truncation{},
	}})
}

func (te taskEvents) succeeded(result any) {
	if !te.active {
		return
	}
	out := EncodeJSON(result)
	if te.lambda {
		te.emit(Event{Type: "LambdaFunctionSucceeded", LambdaFunctionSucceededEventDetails: &OutputDetails{Output: out}})
		return
	}
	te.emit(Event{Type: "TaskSucceeded", TaskSucceededEventDetails: &TaskDetails{
		ResourceType: te.rtype, Resource: te.res, Output: &out, OutputDetails: &Truncation{},
	}})
}

func (te taskEvents) failed(err error) {
	if !te.active {
		return
	}
	fe := asFault(err)
	timedOut := fe.Name == errTimeout || fe.Name == errHeartbeatTimeout
	if te.lambda {
		d := &FailureDetails{Error: strPtr(fe.Name), Cause: strPtr(fe.Cause)}
		if timedOut {
			te.emit(Event{Type: "LambdaFunctionTimedOut", LambdaFunctionTimedOutEventDetails: d})
		} else {
			te.emit(Event{Type: "LambdaFunctionFailed", LambdaFunctionFailedEventDetails: d})
		}
		return
	}
	d := &TaskDetails{ResourceType: te.rtype, Resource: te.res, Error: strPtr(fe.Name), Cause: strPtr(fe.Cause)}
	if timedOut {
		te.emit(Event{Type: "TaskTimedOut", TaskTimedOutEventDetails: d})
	} else {
		te.emit(Event{Type: "TaskFailed", TaskFailedEventDetails: d})
	}
}
