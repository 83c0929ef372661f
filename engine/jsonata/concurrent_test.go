package jsonata_test

import (
	"context"
	"sync"
	"testing"

	"github.com/stepstudio/stepstudio/engine/intrinsic"
	"github.com/stepstudio/stepstudio/engine/jsonata"
	"github.com/stepstudio/stepstudio/engine/jsonpath"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// TestConcurrentEval evaluates one template and one runtime from many
// goroutines, as Parallel branches and Map iterations do; run with -race.
func TestConcurrentEval(t *testing.T) {
	tmpl, err := jsonata.CompileTemplate("Output", map[string]any{
		"n":    "{% $states.input.n + $v %}",
		"id":   "{% $uuid() %}",
		"r":    "{% $random() %}",
		"list": []any{"{% $partition([1,2,3], 2) %}"},
	})
	if err != nil {
		t.Fatal(err)
	}
	rt := jsonata.NewRuntime(intrinsic.SeededSource(9))
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			env := &jsonata.Env{
				States:  map[string]any{"input": map[string]any{"n": int64(i)}},
				Vars:    jsonpath.VarMap{"v": int64(100)},
				Runtime: rt,
			}
			for range 50 {
				got, err := tmpl.Eval(context.Background(), env)
				if err != nil {
					errs <- err
					return
				}
				if n := got.(map[string]any)["n"]; !jsonvalue.Equal(n, int64(100+i)) {
					t.Errorf("goroutine %d: n = %v", i, n)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
