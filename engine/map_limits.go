package engine

import (
	"context"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
	"math"
	"strconv"
)

// mapInt resolves MaxConcurrency-like integer fields and their paths.
func (st *stepCtx) mapInt(ctx context.Context, lit, path field, name string, in any) (int64, error) {
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
		if !ok || f != math.Trunc(f) {
			return 0, st.runtimeErr(lit.src, errQueryEvaluation, "The %s field must evaluate to an integer, but was %s", name, EncodeJSON(v))
		}
		return int64(f), nil
	case path.set:
		p, _ := path.v.(string)
		v, err := st.pathField(ctx, path.src, p, in)
		if err != nil {
			return 0, err
		}
		i, ok := v.(int64)
		if s, isStr := v.(string); isStr {
			// AWS parses numeric strings here ("1" works, "NoNumber" not).
			n, err := strconv.ParseInt(s, 10, 64)
			i, ok = n, err == nil
		}
		if !ok {
			return 0, st.runtimeErr(path.src, errRuntime, "The %sPath field refers to value %s which is not a valid integer: %s", name, quoted(v), p)
		}
		return i, nil
	}
	return 0, nil
}

func quoted(v any) string {
	if s, ok := v.(string); ok {
		return EncodeJSON(s)
	}
	return `"` + EncodeJSON(v) + `"`
}

// tolerance returns how many failed items the Map tolerates.
func (st *stepCtx) tolerance(ctx context.Context, in any, items int) (int, float64, error) {
	n := st.n
	count, err := st.mapInt(ctx, n.toleratedCount, n.toleratedCountPath, "ToleratedFailureCount", in)
	if err != nil {
		return 0, 0, err
	}
	if count < 0 {
		return 0, 0, st.runtimeErr(n.toleratedCount.src.or(n.toleratedCountPath.src), errRuntime, "ToleratedFailureCount cannot be negative.")
	}
	tolerated := 0
	if n.toleratedCount.set || n.toleratedCountPath.set {
		tolerated = int(count)
	}
	var pct float64
	pctSet := false
	switch {
	case n.toleratedPercentage.set:
		v := n.toleratedPercentage.v
		if _, ok := v.(string); ok && n.jsonata {
			if v, err = st.jsonataValue(ctx, n.toleratedPercentage, "ToleratedFailurePercentage", st.statesVar(nil, nil)); err != nil {
				return 0, 0, err
			}
		}
		pct, pctSet = jsonvalue.Float(v)
	case n.toleratedPercentagePath.set:
		p, _ := n.toleratedPercentagePath.v.(string)
		v, err := st.pathField(ctx, n.toleratedPercentagePath.src, p, in)
		if err != nil {
			return 0, 0, err
		}
		var ok bool
		if pct, ok = jsonvalue.Float(v); !ok {
			return 0, 0, st.runtimeErr(n.toleratedPercentagePath.src, errRuntime, "The ToleratedFailurePercentagePath field refers to value %s which is not a valid number: %s", quoted(v), p)
		}
		pctSet = true
	}
	if pctSet {
		if pct < 0 || pct > 100 {
			return 0, 0, st.runtimeErr(n.toleratedPercentage.src.or(n.toleratedPercentagePath.src), errRuntime, "ToleratedFailurePercentage must be between 0 and 100.")
		}
		byPct := int(math.Floor(pct / 100 * float64(items)))
		// With both thresholds, the Map fails when either is exceeded.
		if !(n.toleratedCount.set || n.toleratedCountPath.set) || byPct < tolerated {
			tolerated = byPct
		}
	}
	return tolerated, pct, nil
}
