package engine

import (
	"context"
	"math"
	"time"
)

// maxWait is the longest delay AWS accepts: a Wait may not end more than a
// year (in practice 99999999 s) after it starts.
const maxWaitSeconds = 99999999

// wait delays for Seconds or until Timestamp (or their paths) on the run's
// clock, then passes its input on.
func (st *stepCtx) wait(ctx context.Context) (any, error) {
	n := st.n
	in := st.input
	var err error
	if !n.jsonata {
		if in, err = st.inputPath(ctx); err != nil {
			return nil, err
		}
	}
	until, err := st.waitUntil(ctx, in)
	if err != nil {
		return nil, err
	}
	if d := until.Sub(st.sc.now()); d > 0 {
		if err := st.sc.sleep(ctx, d); err != nil {
			return nil, err
		}
	}
	if n.jsonata {
		return st.finishJSONata(ctx, st.input, nil, false)
	}
	if err := st.assignJSONPath(ctx, n.assign, in); err != nil {
		return nil, err
	}
	return st.outputPath(ctx, in)
}

func (st *stepCtx) waitUntil(ctx context.Context, in any) (time.Time, error) {
	n := st.n
	now := st.entered
	seconds := func(v any) (time.Time, error) {
		// As with a Timestamp: AWS refuses a delay over its limit.
		if s := v.(int64); s > maxWaitSeconds {
			return time.Time{}, st.runtimeErr(errRuntime, "Wait state delay is too long.")
		}
		return now.Add(wholeSeconds(v.(int64))), nil
	}
	switch {
	case n.seconds.set:
		v := n.seconds.v
		if n.jsonata {
			var err error
			if v, err = st.jsonataValue(ctx, v, "Seconds", st.statesVar(nil, nil)); err != nil {
				return time.Time{}, err
			}
			f, ok := number(v)
			if !ok || f != math.Trunc(f) || f < 0 || f > maxWaitSeconds {
				return time.Time{}, st.runtimeErr(errQueryEvaluation, "The Seconds field must evaluate to a non-negative integer no greater than %d, but was %s", maxWaitSeconds, EncodeJSON(v))
			}
			return seconds(int64(f))
		}
		if _, ok := v.(int64); !ok {
			return time.Time{}, st.runtimeErr(errRuntime, "The Seconds field must be an integer: %s", EncodeJSON(v))
		}
		return seconds(v)
	case n.secondsPath.set:
		p, _ := n.secondsPath.v.(string)
		v, err := st.pathField(ctx, p, in)
		if err != nil {
			return time.Time{}, err
		}
		i, ok := v.(int64)
		if !ok {
			return time.Time{}, st.runtimeErr(errRuntime, "The SecondsPath parameter cannot be parsed as a long value: %s == %s", p, EncodeJSON(v))
		}
		if i < 0 {
			return time.Time{}, st.runtimeErr(errRuntime, "The SecondsPath parameter references a negative value: %s == %d", p, i)
		}
		return seconds(i)
	case n.timestamp.set:
		v := n.timestamp.v
		if n.jsonata {
			var err error
			if v, err = st.jsonataValue(ctx, v, "Timestamp", st.statesVar(nil, nil)); err != nil {
				return time.Time{}, err
			}
		}
		s, _ := v.(string)
		t, err := parseWaitTimestamp(s)
		if err != nil {
			if n.jsonata {
				return time.Time{}, st.runtimeErr(errQueryEvaluation, "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: %s", s)
			}
			return time.Time{}, st.runtimeErr(errRuntime, "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: %s", s)
		}
		return st.limitWait(t)
	case n.timestampPath.set:
		p, _ := n.timestampPath.v.(string)
		v, err := st.pathField(ctx, p, in)
		if err != nil {
			return time.Time{}, err
		}
		s, ok := v.(string)
		t, perr := parseWaitTimestamp(s)
		if !ok || perr != nil {
			return time.Time{}, st.runtimeErr(errRuntime, "The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: %s == %s", p, plain(v))
		}
		return st.limitWait(t)
	}
	return now, nil
}

func (st *stepCtx) limitWait(t time.Time) (time.Time, error) {
	if t.Sub(st.entered) > wholeSeconds(maxWaitSeconds) {
		return time.Time{}, st.runtimeErr(errRuntime, "Wait state delay is too long.")
	}
	return t, nil
}

// parseWaitTimestamp accepts RFC 3339 with an upper-case T and a zone, with
// up to nanosecond fractions.
func parseWaitTimestamp(s string) (time.Time, error) {
	return parseTimestamp(s)
}

// plain renders a value as AWS does in messages: strings bare, others JSON.
func plain(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return EncodeJSON(v)
}
