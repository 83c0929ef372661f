package intrinsic

import (
	"maps"
	"slices"
	"strings"

	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// stringToJSON is States.StringToJson; an empty or blank string gives
// null, as AWS records.
func stringToJSON(in *invocation) (any, error) {
	s, err := in.str(0)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	v, err := jsonvalue.Unmarshal([]byte(s))
	if err != nil {
		return nil, in.fail("the argument is not valid JSON: %s", s)
	}
	return v, nil
}

func jsonToString(in *invocation) (any, error) {
	b, err := jsonvalue.Marshal(in.args[0])
	if err != nil {
		return nil, in.fail("%v", err)
	}
	return string(b), nil
}

// jsonMerge is States.JsonMerge; AWS supports only the shallow mode, where
// keys of the second object replace those of the first.
func jsonMerge(in *invocation) (any, error) {
	a, ok := in.args[0].(map[string]any)
	if !ok {
		return nil, in.fail("argument 1 must be an object, got %s", jsonvalue.String(in.args[0]))
	}
	b, ok := in.args[1].(map[string]any)
	if !ok {
		return nil, in.fail("argument 2 must be an object, got %s", jsonvalue.String(in.args[1]))
	}
	deep, ok := in.args[2].(bool)
	if !ok {
		return nil, in.fail("argument 3 must be a boolean, got %s", jsonvalue.String(in.args[2]))
	}
	if deep {
		return nil, in.fail("deep merging is not supported; pass false")
	}
	out := make(map[string]any, len(a)+len(b))
	maps.Copy(out, a)
	maps.Copy(out, b)
	// The first object's keys keep their places; new ones follow in order.
	keys := slices.Clone(jsonvalue.Keys(a))
	for _, k := range jsonvalue.Keys(b) {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	jsonvalue.SetKeyOrder(out, keys)
	return out, nil
}
