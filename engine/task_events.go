package engine

// taskEvents records a Task's events as AWS names them: Task* for service
// integrations, LambdaFunction* when the resource is a function ARN.
// Without a history or an observer the events are still counted (their
// ids show in error causes, and the history limit counts them), just
// without details.
type taskEvents struct {
	st         *stepCtx
	lambda     bool
	rtype, res string
	active     bool
}

func newTaskEvents(st *stepCtx) taskEvents {
	te := taskEvents{st: st, active: st.sc.rec.active()}
	te.lambda = st.n.integration.Lambda
	te.rtype, te.res = taskResource(st.n.resource, st.n.integration)
	return te
}

func (te taskEvents) emit(e Event) { te.st.sc.emit(e) }

func (te taskEvents) scheduled(in any, timeout, heartbeat int64) {
	if te.lambda {
		e := Event{Type: "LambdaFunctionScheduled"}
		if te.active {
			e.LambdaFunctionScheduledEventDetails = &LambdaScheduledDetails{
				Resource: te.st.n.resource, Input: EncodeJSON(in), TimeoutInSeconds: timeout,
			}
		}
		te.emit(e)
		te.emit(Event{Type: "LambdaFunctionStarted"})
		return
	}
	scheduled, started := Event{Type: "TaskScheduled"}, Event{Type: "TaskStarted"}
	if te.active {
		scheduled.TaskScheduledEventDetails = &TaskScheduledDetails{
			ResourceType: te.rtype, Resource: te.res, Region: te.st.sc.ex.cfg.region, Parameters: EncodeJSON(in),
			TimeoutInSeconds: timeout, HeartbeatInSeconds: heartbeat,
		}
		started.TaskStartedEventDetails = &TaskDetails{ResourceType: te.rtype, Resource: te.res}
	}
	te.emit(scheduled)
	te.emit(started)
}

// submitted marks a callback task whose request went out and whose answer
// will come with its token.
func (te taskEvents) submitted() { te.submittedOutput(map[string]any{}) }

// submittedOutput records TaskSubmitted with the answer to the request
// that started the work (a .sync job's start, "{}" for a callback).
func (te taskEvents) submittedOutput(v any) {
	if te.lambda {
		return
	}
	e := Event{Type: "TaskSubmitted"}
	if te.active {
		out := EncodeJSON(v)
		e.TaskSubmittedEventDetails = &TaskDetails{
			ResourceType: te.rtype, Resource: te.res, Output: &out, OutputDetails: &Truncation{},
		}
	}
	te.emit(e)
}

func (te taskEvents) succeeded(result any) {
	if te.lambda {
		e := Event{Type: "LambdaFunctionSucceeded"}
		if te.active {
			e.LambdaFunctionSucceededEventDetails = &OutputDetails{Output: EncodeJSON(result)}
		}
		te.emit(e)
		return
	}
	e := Event{Type: "TaskSucceeded"}
	if te.active {
		out := EncodeJSON(result)
		e.TaskSucceededEventDetails = &TaskDetails{
			ResourceType: te.rtype, Resource: te.res, Output: &out, OutputDetails: &Truncation{},
		}
	}
	te.emit(e)
}

func (te taskEvents) failed(err error) {
	fe := asFault(err)
	timedOut := fe.Name == errTimeout || fe.Name == errHeartbeatTimeout
	if te.lambda {
		e := Event{Type: "LambdaFunctionFailed"}
		if timedOut {
			e.Type = "LambdaFunctionTimedOut"
		}
		if te.active {
			d := &FailureDetails{Error: strPtr(fe.Name), Cause: strPtr(fe.Cause)}
			if timedOut {
				e.LambdaFunctionTimedOutEventDetails = d
			} else {
				e.LambdaFunctionFailedEventDetails = d
			}
		}
		te.emit(e)
		return
	}
	e := Event{Type: "TaskFailed"}
	if timedOut {
		e.Type = "TaskTimedOut"
	}
	if te.active {
		d := &TaskDetails{ResourceType: te.rtype, Resource: te.res, Error: strPtr(fe.Name), Cause: strPtr(fe.Cause)}
		if timedOut {
			e.TaskTimedOutEventDetails = d
		} else {
			e.TaskFailedEventDetails = d
		}
	}
	te.emit(e)
}
