package teststate

import (
	"math"
	"slices"
	"strings"

	"github.com/stepstudio/stepstudio/engine"
)

// respond turns the run into TestState's answer.
func respond(t *tested, req *Request, level string, input any, vars map[string]any, result engine.Result, rec *recording) (*Response, error) {
	r := &Response{}
	var details ErrorDetails
	name, cause, caught, failed := failure(result, rec)
	if req.StateName != "" && !mockedError(req) {
		// The engine's own messages name the state it ran: the tested
		// state runs as testedName; say the user's name instead.
		cause = strings.ReplaceAll(cause, "'"+testedName+"'", "'"+req.StateName+"'")
	}
	switch {
	case !failed:
		r.Status = Succeeded
		r.Output = text(result.Output)
		r.NextState = rec.next
	default:
		r.Error, r.Cause = name, cause
		if i, retrier, ok := matchRetrier(t, name); ok {
			details.RetryIndex = &i
			count := int64(0)
			if sc := req.StateConfiguration; sc != nil && sc.RetrierRetryCount != nil {
				count = *sc.RetrierRetryCount
			}
			if count < retrier.maxAttempts {
				b := retrier.backoff(count)
				details.RetryBackoffIntervalSeconds = &b
				r.Status = Retriable
				break
			}
		}
		if caught {
			r.Status = Caught(t, rec, &details)
			r.Output = text(result.Output)
			r.NextState = rec.next
		} else {
			r.Status = Failed
		}
	}
	if level != Info {
		r.InspectionData = inspect(t, level, input, vars, rec, r.Status)
		if details != (ErrorDetails{}) {
			r.InspectionData.ErrorDetails = &details
		}
	}
	return r, nil
}

// Caught fills the index of the catcher that matched and returns
// CAUGHT_ERROR.
func Caught(t *tested, rec *recording, d *ErrorDetails) string {
	v, _ := rec.stage("Catch")
	got, _ := v.(map[string]any)
	list, _ := t.state["Catch"].([]any)
	for i, c := range list {
		m, _ := c.(map[string]any)
		if m["Next"] == got["Next"] && sameNames(m["ErrorEquals"], got["ErrorEquals"]) {
			d.CatchIndex = &i
			break
		}
	}
	return CaughtError
}

func sameNames(a, b any) bool {
	as, _ := a.([]any)
	bs, _ := b.([]any)
	return slices.EqualFunc(as, bs, func(x, y any) bool { return x == y })
}

// retrier is one Retry entry with its defaults filled in.
type retrier struct {
	interval, maxAttempts int64
	rate                  float64
	maxDelay              int64 // 0: none
}

// backoff is the wait before retry number count+1, as AWS computes it:
// IntervalSeconds × BackoffRate^count, at most MaxDelaySeconds.
func (r retrier) backoff(count int64) int64 {
	d := float64(r.interval) * math.Pow(r.rate, float64(count))
	if r.maxDelay > 0 && d > float64(r.maxDelay) {
		d = float64(r.maxDelay)
	}
	return int64(d)
}

// matchRetrier finds the first retrier whose ErrorEquals matches name.
func matchRetrier(t *tested, name string) (int, retrier, bool) {
	if t.typ() == "Fail" {
		return 0, retrier{}, false
	}
	list, _ := t.state["Retry"].([]any)
	for i, e := range list {
		m, _ := e.(map[string]any)
		names, _ := m["ErrorEquals"].([]any)
		if !matches(names, name) {
			continue
		}
		r := retrier{interval: 1, maxAttempts: 3, rate: 2}
		if f, ok := number(m["IntervalSeconds"]); ok {
			r.interval = int64(f)
		}
		if f, ok := number(m["MaxAttempts"]); ok {
			r.maxAttempts = int64(f)
		}
		if f, ok := number(m["BackoffRate"]); ok {
			r.rate = f
		}
		if f, ok := number(m["MaxDelaySeconds"]); ok {
			r.maxDelay = int64(f)
		}
		return i, r, true
	}
	return 0, retrier{}, false
}

// matches applies ASL's error matching: the name itself, States.ALL for
// any error, States.TaskFailed for any but States.Timeout and the
// runtime's own.
func matches(names []any, name string) bool {
	for _, n := range names {
		switch n {
		case name, "States.ALL":
			return true
		case "States.TaskFailed":
			if name != "States.Timeout" && name != "States.Runtime" && !strings.HasPrefix(name, "States.") {
				return true
			}
		}
	}
	return false
}

// text is v as the JSON text the API returns.
func text(v any) *string {
	s := engine.EncodeJSON(v)
	return &s
}

// mockedError reports whether the request's mock raises the error, whose
// cause is the user's own text.
func mockedError(req *Request) bool { return req.Mock != nil && req.Mock.ErrorOutput != nil }
