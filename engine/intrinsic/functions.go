package intrinsic

import (
	"fmt"
	"math"

	"github.com/stepstudio/stepstudio/engine/fault"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// functions is the intrinsic set, by name without "States.". It is filled
// in init because the functions' own files register into it.
var functions = map[string]*function{}

func init() {
	for name, f := range map[string]*function{
		"Format":         {1, -1, format},
		"StringToJson":   {1, 1, stringToJSON},
		"JsonToString":   {1, 1, jsonToString},
		"Array":          {0, -1, array},
		"ArrayPartition": {2, 2, arrayPartition},
		"ArrayContains":  {2, 2, arrayContains},
		"ArrayRange":     {3, 3, arrayRange},
		"ArrayGetItem":   {2, 2, arrayGetItem},
		"ArrayLength":    {1, 1, arrayLength},
		"ArrayUnique":    {1, 1, arrayUnique},
		"Base64Encode":   {1, 1, base64Encode},
		"Base64Decode":   {1, 1, base64Decode},
		"Hash":           {2, 2, hashFn},
		"JsonMerge":      {3, 3, jsonMerge},
		"MathRandom":     {2, 3, mathRandom},
		"MathAdd":        {2, 2, mathAdd},
		"StringSplit":    {2, 2, stringSplit},
		"UUID":           {0, 0, uuidFn},
	} {
		functions[name] = f
	}
}

// Names lists the functions, e.g. for completion in the editor.
func Names() []string {
	out := make([]string, 0, len(functions))
	for n := range functions {
		out = append(out, "States."+n)
	}
	return out
}

func (in *invocation) fail(format string, args ...any) error {
	return fault.New(fault.IntrinsicFailure, in.call.name+": "+fmt.Sprintf(format, args...))
}

func (in *invocation) str(i int) (string, error) {
	s, ok := in.args[i].(string)
	if !ok {
		return "", in.fail("argument %d must be a string, got %s", i+1, jsonvalue.String(in.args[i]))
	}
	return s, nil
}

func (in *invocation) array(i int) ([]any, error) {
	a, ok := in.args[i].([]any)
	if !ok {
		return nil, in.fail("argument %d must be an array, got %s", i+1, jsonvalue.String(in.args[i]))
	}
	return a, nil
}

// maxInt bounds integer arguments so that sums and differences of two of
// them cannot overflow; JSON numbers past 2^53 are not exact anyway.
const maxInt = 1 << 53

// integer reads an integer argument; a float with no fraction counts.
func (in *invocation) integer(i int) (int64, error) {
	switch v := in.args[i].(type) {
	case int64:
		if v >= -maxInt && v <= maxInt {
			return v, nil
		}
	case float64:
		if v == math.Trunc(v) && math.Abs(v) < 1<<53 {
			return int64(v), nil
		}
	}
	return 0, in.fail("argument %d must be an integer within ±2^53, got %s", i+1, jsonvalue.String(in.args[i]))
}

// rounded reads a number as Java's Math.round does (half up), which is how
// AWS treats the operands of States.MathAdd and States.MathRandom.
func (in *invocation) rounded(i int) (int64, error) {
	switch v := in.args[i].(type) {
	case int64:
		if v >= -maxInt && v <= maxInt {
			return v, nil
		}
	case float64:
		if math.Abs(v) <= maxInt {
			return int64(math.Floor(v + 0.5)), nil
		}
	}
	return 0, in.fail("argument %d must be a number within ±2^53, got %s", i+1, jsonvalue.String(in.args[i]))
}
