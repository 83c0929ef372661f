package engine

import (
	"context"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
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
	if st.staging() {
		st.stage("Wait", map[string]any{"Until": timestamp(until)})
	}
	if d := until.Sub(st.sc.now()); d > 0 {
		if err := st.sc.sleep(ctx, d); err != nil {
			return nil, err
		}
	}
	if n.jsonata {
		return st.finishJSONata(ctx, st.input, nil, false)
	}
	if err := st.assignJSONPath(ctx, n.assign, in, ""); err != nil {
		return nil, err
	}
	return st.outputPath(ctx, in)
}

func (st *stepCtx) waitUntil(ctx context.Context, in any) (time.Time, error) {
	n := st.n
	now := st.entered
	// seconds is the end of a wait of v seconds given by the field at.
	seconds := func(at *source, v int64) (time.Time, error) {
		// As with a Timestamp: AWS refuses a delay over its limit.
		if v > maxWaitSeconds {
			return time.Time{}, st.runtimeErr(at, errRuntime, "Wait state delay is too long.")
		}
		return now.Add(wholeSeconds(v)), nil
	}
	switch {
	case n.seconds.set:
		f := n.seconds
		v := f.v
		if n.jsonata {
			var err error
			if v, err = st.jsonataValue(ctx, f, "Seconds", st.statesVar(nil, nil)); err != nil {
				return time.Time{}, err
			}
			x, ok := jsonvalue.Float(v)
			if !ok || x != math.Trunc(x) || x < 0 || x > maxWaitSeconds {
				return time.Time{}, st.runtimeErr(f.src, errQueryEvaluation, "The Seconds field must evaluate to a non-negative integer no greater than %d, but was %s", maxWaitSeconds, EncodeJSON(v))
			}
			return seconds(f.src, int64(x))
		}
		i, ok := v.(int64)
		if !ok {
			return time.Time{}, st.runtimeErr(f.src, errRuntime, "The Seconds field must be an integer: %s", EncodeJSON(v))
		}
		return seconds(f.src, i)
	case n.secondsPath.set:
		f := n.secondsPath
		p, _ := f.v.(string)
		v, err := st.pathField(ctx, f.src, p, in)
		if err != nil {
			return time.Time{}, err
		}
		i, ok := v.(int64)
		if !ok {
			return time.Time{}, st.runtimeErr(f.src, errRuntime, "The SecondsPath parameter cannot be parsed as a long value: %s == %s", p, EncodeJSON(v))
		}
		if i < 0 {
			return time.Time{}, st.runtimeErr(f.src, errRuntime, "The SecondsPath parameter references a negative value: %s == %d", p, i)
		}
		return seconds(f.src, i)
	case n.timestamp.set:
		f := n.timestamp
		v := f.v
		if n.jsonata {
			var err error
			if v, err = st.jsonataValue(ctx, f, "Timestamp", st.statesVar(nil, nil)); err != nil {
				return time.Time{}, err
			}
		}
		s, _ := v.(string)
		t, err := parseWaitTimestamp(s)
		if err != nil {
			if n.jsonata {
				return time.Time{}, st.runtimeErr(f.src, errQueryEvaluation, "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: %s", s)
			}
			return time.Time{}, st.runtimeErr(f.src, errRuntime, "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: %s", s)
		}
		return st.limitWait(f.src, t)
	case n.timestampPath.set:
		f := n.timestampPath
		p, _ := f.v.(string)
		v, err := st.pathField(ctx, f.src, p, in)
		if err != nil {
			return time.Time{}, err
		}
		s, ok := v.(string)
		t, perr := parseWaitTimestamp(s)
		if !ok || perr != nil {
			return time.Time{}, st.runtimeErr(f.src, errRuntime, "The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: %s == %s", p, plain(v))
		}
		return st.limitWait(f.src, t)
	}
	return now, nil
}

// limitWait refuses a wait until t, given by the field at, that AWS would
// refuse.
func (st *stepCtx) limitWait(at *source, t time.Time) (time.Time, error) {
	if t.Sub(st.entered) > wholeSeconds(maxWaitSeconds) {
		return time.Time{}, st.runtimeErr(at, errRuntime, "Wait state delay is too long.")
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
