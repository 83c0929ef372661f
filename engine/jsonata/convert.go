package jsonata

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"strconv"

	"github.com/recolabs/gnata"

	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// errUnsupported marks a result that is not JSON (a function, a regex).
var errUnsupported = errors.New("jsonata: unsupported result type")

// toGnata converts an engine value for gnata: numbers become float64 (what
// JSONata computes with) and null becomes gnata's null.
func toGnata(v any) any {
	switch v := v.(type) {
	case nil:
		return jsonNull
	case int64:
		if v > 1<<53 || v < -(1<<53) {
			// Past 2^53 a float64 loses digits; gnata keeps json.Number
			// exact, as AWS keeps integers that fit in a long.
			return json.Number(strconv.FormatInt(v, 10))
		}
		return float64(v)
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[k] = toGnata(e)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = toGnata(e)
		}
		return out
	}
	return v
}

// fromGnata converts a gnata result to an engine value: integral numbers
// become int64, as AWS prints them without a fraction.
func fromGnata(v any) (any, error) {
	return fromNormalized(gnata.NormalizeValue(v))
}

func fromNormalized(v any) (any, error) {
	switch v := v.(type) {
	case nil, bool, string:
		return v, nil
	case float64:
		return fromFloat(v), nil
	case int64:
		return v, nil
	case int:
		return int64(v), nil
	case json.Number:
		n, err := jsonvalue.Number(string(v))
		if err != nil {
			return nil, err
		}
		if f, ok := n.(float64); ok {
			return fromFloat(f), nil
		}
		return n, nil
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			c, err := fromNormalized(e)
			if err != nil {
				return nil, err
			}
			out[k] = c
		}
		return out, nil
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			c, err := fromNormalized(e)
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	}
	return nil, errUnsupported
}

// fromFloat keeps JavaScript's view of numbers: 3.0 is the integer 3, and
// AWS writes non-finite numbers as the strings JavaScript names them by.
func fromFloat(f float64) any {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	}
	if f == math.Trunc(f) && math.Abs(f) <= 1<<53 {
		return int64(f)
	}
	return f
}

func toFloat(v any) (float64, bool) {
	switch v := v.(type) {
	case float64:
		return v, true
	case int64:
		return float64(v), true
	case json.Number:
		f, err := v.Float64()
		return f, err == nil
	}
	return 0, false
}

// jsonNull is gnata's null value.
var jsonNull = func() any {
	e, err := gnata.Compile("null")
	if err != nil {
		panic(err)
	}
	v, err := e.Eval(context.Background(), nil)
	if err != nil || !gnata.IsNull(v) {
		panic("jsonata: cannot obtain gnata's null")
	}
	return v
}()
