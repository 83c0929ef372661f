package intrinsic

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/stepstudio/stepstudio/engine/fault"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// functions is the intrinsic set, by name without "States.". It is filled
// in init because the functions' own files register into it.
var functions = map[string]*function{}

func init() {
	for name, f := range map[string]*function{
		"Format":         {1, -1, "s*", format},
		"StringToJson":   {1, 1, "s", stringToJSON},
		"JsonToString":   {1, 1, "*", jsonToString},
		"Array":          {0, -1, "*", array},
		"ArrayPartition": {2, 2, "ai", arrayPartition},
		"ArrayContains":  {2, 2, "a*", arrayContains},
		"ArrayRange":     {3, 3, "iii", arrayRange},
		"ArrayGetItem":   {2, 2, "ai", arrayGetItem},
		"ArrayLength":    {1, 1, "a", arrayLength},
		"ArrayUnique":    {1, 1, "a", arrayUnique},
		"Base64Encode":   {1, 1, "s", base64Encode},
		"Base64Decode":   {1, 1, "s", base64Decode},
		"Hash":           {2, 2, "ss", hashFn},
		"JsonMerge":      {3, 3, "oob", jsonMerge},
		"MathRandom":     {2, 3, "nnn", mathRandom},
		"MathAdd":        {2, 2, "nn", mathAdd},
		"StringSplit":    {2, 2, "ss", stringSplit},
		"UUID":           {0, 0, "", uuidFn},
	} {
		functions[name] = f
	}
}

// Signature is what a static check needs of a function: how many
// arguments it takes and the kind of value each must be.
type Signature struct {
	Min, Max int // Max < 0: no maximum
	// Params has one letter per argument: s string, n number, i integer,
	// a array, o object, b boolean, * anything; the last letter stands for
	// all further arguments.
	Params string
}

// Param returns the kind letter of argument i (from 0).
func (s Signature) Param(i int) byte {
	if s.Params == "" {
		return '*'
	}
	return s.Params[min(i, len(s.Params)-1)]
}

// Lookup returns the signature of a function by its full name, e.g.
// "States.MathAdd".
func Lookup(name string) (Signature, bool) {
	short, ok := strings.CutPrefix(name, "States.")
	f := functions[short]
	if !ok || f == nil {
		return Signature{}, false
	}
	return Signature{Min: f.minArgs, Max: f.maxArgs, Params: f.params}, true
}

// HashAlgorithms are the algorithms States.Hash knows.
func HashAlgorithms() []string { return slices.Sorted(maps.Keys(hashes)) }

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
