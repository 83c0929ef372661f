package jsonata

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"slices"
	"strconv"

	"github.com/recolabs/gnata"

	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// errUnsupported marks a result that is not JSON (a function, a regex).
var errUnsupported = errors.New("jsonata: unsupported result type")

// toGnata converts an engine value for gnata: objects become gnata's
// ordered maps in the engine's key order (so $keys, $each, $string and
// constructed objects follow AWS's order), integers become float64 (what
// JSONata computes with; past 2^53 an exact json.Number) and null becomes
// gnata's null.
func toGnata(v any) any {
	switch v := v.(type) {
	case nil:
		return jsonNull
	case int64:
		if v > 1<<53 || v < -(1<<53) {
			return json.Number(strconv.FormatInt(v, 10))
		}
		return float64(v)
	case map[string]any:
		keys := jsonvalue.Keys(v)
		data := make(map[string]any, len(v))
		for _, k := range keys {
			data[k] = toGnata(v[k])
		}
		return newOrderedMap(keys, data)
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = toGnata(e)
		}
		return out
	}
	return v
}

// orderedMap is what gnata's (internal) ordered object offers.
type orderedMap interface {
	Keys() []string
	Get(key string) (any, bool)
}

// fromGnata converts a gnata result to an engine value: integral numbers
// become int64, as AWS prints them without a fraction, and objects keep
// their key order.
func fromGnata(v any) (any, error) {
	switch x := v.(type) {
	case nil, bool, string:
		return v, nil
	case float64:
		return fromFloat(x), nil
	case int64:
		return x, nil
	case int:
		return int64(x), nil
	case json.Number:
		n, err := jsonvalue.Number(string(x))
		if err != nil {
			return nil, err
		}
		if f, ok := n.(float64); ok {
			return fromFloat(f), nil
		}
		return n, nil
	case orderedMap:
		keys := x.Keys()
		out := make(map[string]any, len(keys))
		for _, k := range keys {
			e, _ := x.Get(k)
			c, err := fromGnata(e)
			if err != nil {
				return nil, err
			}
			out[k] = c
		}
		jsonvalue.SetKeyOrder(out, keys)
		return out, nil
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			c, err := fromGnata(e)
			if err != nil {
				return nil, err
			}
			out[k] = c
		}
		return out, nil
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			c, err := fromGnata(e)
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	}
	if gnata.IsNull(v) {
		return nil, nil
	}
	if seq, ok := collapse(v); ok {
		return fromGnata(seq)
	}
	return nil, errUnsupported
}

// collapse applies gnata's sequence rules (a sequence of one is its item,
// of none is undefined) to its internal sequence type, read by field name.
func collapse(v any) (any, bool) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return nil, false
	}
	s := rv.Elem()
	vals, keep := s.FieldByName("Values"), s.FieldByName("KeepSingleton")
	if !vals.IsValid() || !keep.IsValid() || keep.Kind() != reflect.Bool {
		return nil, false
	}
	items, ok := vals.Interface().([]any)
	if !ok {
		return nil, false
	}
	switch {
	case len(items) == 0:
		return nil, true
	case len(items) == 1 && !keep.Bool():
		return items[0], true
	}
	return slices.Clip(items), true
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
