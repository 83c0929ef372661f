package jsonata

import (
	"fmt"
	"math/rand/v2"
	"sync"

	"github.com/recolabs/gnata"

	"github.com/stepstudio/stepstudio/engine/intrinsic"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// Runtime holds what expressions of one run share: AWS's extra functions,
// whose randomness comes from the run's intrinsic.Source. Create one per
// run; it is safe for concurrent use.
type Runtime struct {
	funcs map[string]any // gnata function values, bound beside $states
}

// NewRuntime returns a Runtime whose $random and $uuid draw from src
// (intrinsic.RandomSource() when nil).
func NewRuntime(src intrinsic.Source) *Runtime {
	if src == nil {
		src = intrinsic.RandomSource()
	}
	custom := map[string]gnata.CustomFunc{
		"partition": viaIntrinsic("ArrayPartition", src, 2, false),
		"range":     viaIntrinsic("ArrayRange", src, 3, true),
		"hash":      viaIntrinsic("Hash", src, 2, false),
		"parse":     parse,
		"uuid":      func([]any, any) (any, error) { return src.UUID(), nil },
		"random":    random(src),
	}
	// gnata only calls functions of its own (internal) type; a custom
	// environment makes them, and its bindings are read back here so they
	// can be bound per evaluation beside $states.
	env := gnata.NewCustomEnv(custom)
	r := &Runtime{funcs: make(map[string]any, len(custom))}
	for name := range custom {
		fn, ok := env.Lookup(name)
		if !ok {
			panic("jsonata: gnata lost custom function " + name)
		}
		r.funcs[name] = fn
	}
	return r
}

var (
	defaultOnce    sync.Once
	defaultRuntime *Runtime
)

func defaultRT() *Runtime {
	defaultOnce.Do(func() { defaultRuntime = NewRuntime(nil) })
	return defaultRuntime
}

// viaIntrinsic exposes an intrinsic function to JSONata. collapse applies
// JSONata's singleton rule to the result ([x] becomes x), which AWS's
// $range shows and $partition does not.
func viaIntrinsic(name string, src intrinsic.Source, nargs int, collapse bool) gnata.CustomFunc {
	return func(args []any, _ any) (any, error) {
		if len(args) != nargs {
			return nil, fmt.Errorf("$%s takes %d arguments, got %d", lowerFirst(name), nargs, len(args))
		}
		in := make([]any, len(args))
		for i, a := range args {
			v, err := fromGnata(a)
			if err != nil {
				return nil, err
			}
			in[i] = v
		}
		out, err := intrinsic.Call(name, in, src)
		if err != nil {
			return nil, err
		}
		if arr, ok := out.([]any); ok && collapse && len(arr) == 1 {
			out = arr[0]
		}
		return toGnata(out), nil
	}
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]|0x20) + s[1:]
}

// parse is AWS's $parse: a JSON text to its value.
func parse(args []any, _ any) (any, error) {
	if len(args) != 1 {
		return nil, fmt.Errorf("$parse takes 1 argument, got %d", len(args))
	}
	s, ok := args[0].(string)
	if !ok {
		return nil, fmt.Errorf("$parse: the argument must be a string")
	}
	v, err := jsonvalue.Unmarshal([]byte(s))
	if err != nil {
		return nil, fmt.Errorf("$parse: %w", err)
	}
	return toGnata(v), nil
}

// random is AWS's $random([seed]): a number in [0, 1); with a seed the
// number depends only on the seed.
func random(src intrinsic.Source) gnata.CustomFunc {
	return func(args []any, _ any) (any, error) {
		switch len(args) {
		case 0:
			return float64(src.Int64N(1<<53)) / (1 << 53), nil
		case 1:
			seed, ok := toFloat(args[0])
			if !ok {
				return nil, fmt.Errorf("$random: the seed must be a number")
			}
			r := rand.New(rand.NewPCG(uint64(int64(seed)), 0))
			return r.Float64(), nil
		}
		return nil, fmt.Errorf("$random takes at most 1 argument, got %d", len(args))
	}
}
