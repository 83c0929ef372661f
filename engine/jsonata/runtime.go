package jsonata

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"sync"
	"time"

	"github.com/recolabs/gnata"

	"github.com/stepstudio/stepstudio/engine/fault"
	"github.com/stepstudio/stepstudio/engine/intrinsic"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// Runtime holds what expressions of one run share: AWS's extra functions,
// whose randomness comes from the run's intrinsic.Source. Create one per
// run; it is safe for concurrent use.
type Runtime struct {
	funcs  map[string]any // gnata function values, bound beside $states
	limits Limits
}

// Option configures a Runtime.
type Option func(*runtimeConfig)

type runtimeConfig struct {
	now    func() time.Time
	limits Limits
}

// WithClock makes $now() and $millis() read now (the engine's virtual or
// fixed clock) instead of the wall clock.
func WithClock(now func() time.Time) Option {
	return func(c *runtimeConfig) { c.now = now }
}

// NewRuntime returns a Runtime whose $random and $uuid draw from src
// (intrinsic.RandomSource() when nil).
func NewRuntime(src intrinsic.Source, opts ...Option) *Runtime {
	if src == nil {
		src = intrinsic.RandomSource()
	}
	cfg := runtimeConfig{now: time.Now, limits: DefaultLimits}
	for _, o := range opts {
		o(&cfg)
	}
	custom := map[string]gnata.CustomFunc{
		"now":       now(cfg.now),
		"millis":    func([]any, any) (any, error) { return float64(cfg.now().UnixMilli()), nil },
		"partition": partition,
		"range":     rangeFn,
		"hash":      hashFn(src),
		"parse":     parse,
		"uuid":      func([]any, any) (any, error) { return src.UUID(), nil },
		"random":    random(src),
	}
	// gnata only calls functions of its own (internal) type; a custom
	// environment makes them, and its bindings are read back here so they
	// can be bound per evaluation beside $states.
	env := gnata.NewCustomEnv(custom)
	r := &Runtime{funcs: make(map[string]any, len(custom)+1), limits: cfg.limits}
	// AWS disables $eval: calling it is calling a non-function (T1006).
	r.funcs["eval"] = "eval is disabled"
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

// partition is AWS's $partition(array, size): chunks of size, the last
// holding the rest. A size below 1 or an empty array gives undefined, and
// a fractional size is truncated, as AWS does.
func partition(args []any, _ any) (any, error) {
	if len(args) != 2 {
		return nil, fmt.Errorf("$partition takes 2 arguments, got %d", len(args))
	}
	arr, ok := args[0].([]any)
	if !ok {
		return nil, fmt.Errorf("$partition: the first argument must be an array")
	}
	size, ok := toFloat(args[1])
	if !ok {
		return nil, fmt.Errorf("$partition: the chunk size must be a number")
	}
	n := int(math.Trunc(size))
	if n < 1 || len(arr) == 0 {
		return nil, nil
	}
	out := make([]any, 0, (len(arr)+n-1)/n)
	for i := 0; i < len(arr); i += n {
		out = append(out, append([]any{}, arr[i:min(i+n, len(arr))]...))
	}
	return out, nil
}

// maxRange is the longest $range AWS builds (its memory bound).
const maxRange = 360145

// rangeFn is AWS's $range(start, end, step): start to end, inclusive when
// a step lands on end. A missing step or one pointing away from end gives
// undefined; one element collapses to the bare number.
func rangeFn(args []any, _ any) (any, error) {
	if len(args) < 3 {
		return nil, nil
	}
	var n [3]float64
	for i := range n {
		f, ok := toFloat(args[i])
		if !ok {
			return nil, fmt.Errorf("$range: argument %d must be a number", i+1)
		}
		n[i] = math.Trunc(f)
	}
	start, end, step := n[0], n[1], n[2]
	if step == 0 || (end-start)*step < 0 {
		return nil, nil
	}
	count := math.Floor((end-start)/step) + 1
	if count > maxRange {
		return nil, fmt.Errorf("Expression evaluation memory limit exceeded")
	}
	out := make([]any, 0, int(count))
	for i := 0; i < int(count); i++ {
		out = append(out, start+float64(i)*step)
	}
	if len(out) == 1 {
		return out[0], nil
	}
	return out, nil
}

// hashFn is AWS's $hash(data, algorithm), sharing States.Hash's rules; no
// algorithm gives undefined.
func hashFn(src intrinsic.Source) gnata.CustomFunc {
	return func(args []any, _ any) (any, error) {
		if len(args) < 2 {
			return nil, nil
		}
		in := make([]any, 2)
		for i := range in {
			v, err := fromGnata(args[i])
			if err != nil {
				return nil, err
			}
			in[i] = v
		}
		out, err := intrinsic.Call("Hash", in, src)
		if err != nil {
			if fe, ok := fault.As(err); ok {
				return nil, errors.New(fe.Cause)
			}
			return nil, err
		}
		return out, nil
	}
}

// fromMillis is gnata's own $fromMillis, which formats pictures, looked
// up on first use (a gnata environment is not built at every start-up).
var fromMillis = sync.OnceValue(func() reflect.Value {
	fn, ok := gnata.NewCustomEnv(nil).Lookup("fromMillis")
	if !ok {
		panic("jsonata: gnata has no $fromMillis")
	}
	return reflect.ValueOf(fn)
})

// now is $now([picture [, timezone]]) on the given clock. Without a
// picture it prints milliseconds, as jsonata-js (hence AWS) does.
func now(clock func() time.Time) gnata.CustomFunc {
	return func(args []any, focus any) (any, error) {
		t := clock().UTC()
		if len(args) == 0 || args[0] == nil {
			return t.Format("2006-01-02T15:04:05.000Z"), nil
		}
		in := append([]any{float64(t.UnixMilli())}, args...)
		out := fromMillis().Call([]reflect.Value{reflect.ValueOf(in), reflect.ValueOf(&focus).Elem()})
		if err, _ := out[1].Interface().(error); err != nil {
			return nil, err
		}
		return out[0].Interface(), nil
	}
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
