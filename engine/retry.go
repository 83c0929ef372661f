package engine

import (
	"context"
	"math"
	"slices"
	"time"

	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// work is a state's body, run once per attempt.
type work func(ctx context.Context) (out any, next string, err error)

// withRetry runs w, retrying per the state's Retry and catching per its
// Catch. Counters are per retrier and per state entry: nothing is shared
// between entries or runs.
func (st *stepCtx) withRetry(ctx context.Context, w work) (any, string, error) {
	n := st.n
	attempts := make([]int64, len(n.retry))
	for {
		out, next, err := w(ctx)
		if err == nil {
			return out, next, nil
		}
		if st.sc.ex.alive(ctx) != nil {
			return nil, "", st.sc.ex.alive(ctx)
		}
		fe, isFault := asFaultStrict(err)
		if !isFault {
			return nil, "", err
		}
		if i := st.matchRetrier(fe.Name); i >= 0 {
			r := n.retry[i]
			if attempts[i] < r.maxAttempts {
				// A retry attempt is a transition: a retry storm ends at
				// the cap like a runaway loop.
				if err := st.sc.ex.transition(); err != nil {
					return nil, "", err
				}
				if st.failed != nil {
					// The next attempt follows the failed one's last event.
					st.sc.setLast(st.failedPrev)
					st.failed = nil
				}
				delay := r.delay(attempts[i], st.sc.ex.Float64)
				attempts[i]++
				st.retryCount++
				if err := st.sc.sleep(ctx, delay); err != nil {
					return nil, "", err
				}
				continue
			}
		}
		if st.failed != nil {
			st.sc.emitAfter(st.failedPrev, *st.failed)
			st.failed = nil
		}
		for _, c := range n.catch {
			if matches(c.errorEquals, fe.Name, n.typ) {
				return st.caught(ctx, c, fe.Name, fe.Cause)
			}
		}
		return nil, "", err
	}
}

// matchRetrier returns the first retrier whose ErrorEquals names the error.
func (st *stepCtx) matchRetrier(name string) int {
	for i, r := range st.n.retry {
		if matches(r.errorEquals, name, st.n.typ) {
			return i
		}
	}
	return -1
}

// matches applies ASL's rules: States.ALL matches every error but
// States.Runtime and States.DataLimitExceeded (terminal); States.TaskFailed
// matches every Task error but States.Timeout.
func matches(equals []string, name, stateType string) bool {
	if slices.Contains(equals, name) {
		return true
	}
	terminal := name == errRuntime || name == errDataLimitExceeded
	if slices.Contains(equals, errALL) && !terminal {
		return true
	}
	if stateType == "Task" && slices.Contains(equals, errTaskFailed) && !terminal && name != errTimeout {
		return true
	}
	return false
}

// delay is the wait before retry number attempt+1: IntervalSeconds *
// BackoffRate^attempt, capped by MaxDelaySeconds, with FULL jitter drawing
// uniformly below it.
func (r retrier) delay(attempt int64, random func() float64) time.Duration {
	secs := r.interval * math.Pow(r.backoffRate, float64(attempt))
	if r.hasMaxDelay && secs > r.maxDelay {
		secs = r.maxDelay
	}
	if r.jitterFull {
		secs *= random()
	}
	return secondsDuration(secs) // BackoffRate^attempt may pass any Duration
}

var errorOutputKeys = []string{"Error", "Cause"}

// caught builds the output of a Catch: the error output {Error, Cause}
// placed by the catcher's ResultPath (JSONPath) or Output (JSONata).
func (st *stepCtx) caught(ctx context.Context, c catcher, name, cause string) (any, string, error) {
	eo := map[string]any{"Error": name, "Cause": cause}
	jsonvalue.SetKeyOrder(eo, errorOutputKeys) // AWS prints Error first
	var errOut any = eo
	st.stageCatch(c, errOut)
	if st.n.jsonata {
		states := st.statesVar(nil, &errOut)
		out, err := st.outputAndAssign(ctx, c.output, c.assign, errOut, states, "Catch.")
		return out, c.next, err
	}
	if err := st.assignJSONPath(ctx, c.assign, errOut, "Catch."); err != nil {
		return nil, "", err
	}
	out, err := st.resultPath(ctx, c.resultPath, errOut)
	if err == nil {
		st.stage("Catch.ResultPath", out)
	}
	return out, c.next, err
}

// asFaultStrict returns the ASL error in err; context ends are not ASL
// errors and must not be caught.
func asFaultStrict(err error) (*faultError, bool) {
	if err == nil || err == context.Canceled || err == context.DeadlineExceeded || err == errAborted || err == errTimedOut || err == errBranchCancelled {
		return nil, false
	}
	if _, ok := err.(*limitError); ok {
		return nil, false
	}
	return asFault(err), true
}
