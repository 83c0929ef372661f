package jsonata_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stepstudio/stepstudio/engine/fault"
	"github.com/stepstudio/stepstudio/engine/intrinsic"
	"github.com/stepstudio/stepstudio/engine/jsonata"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// TestLimits: an evaluation past its time or memory limit fails with
// States.QueryEvaluationError naming the limit; one within them succeeds,
// and cancelling the context stops it without an ASL error.
func TestLimits(t *testing.T) {
	tests := []struct {
		name    string
		expr    string
		limits  jsonata.Limits
		want    string // the result's text, or the cause's tail for a failure
		wantErr bool
	}{
		{"memory", "$sum([1..5000000])", jsonata.Limits{Memory: 32 << 20}, "Expression evaluation memory limit exceeded: the expression allocated more than 32 MiB", true},
		{"memory of a doubling string", "($p := function($s, $n) { $n = 0 ? $s : $p($s & $s, $n - 1) }; $length($p('x', 30)))", jsonata.Limits{Memory: 32 << 20}, "memory limit exceeded", true},
		{"time", "$count([1..9999999].($ * 2))", jsonata.Limits{Time: 50 * time.Millisecond}, "Expression evaluation time limit exceeded: the expression ran longer than 50ms", true},
		{"a 10-million range, past the defaults", "$sum([1..10000000])", jsonata.DefaultLimits, "Expression evaluation memory limit exceeded: the expression allocated more than 128 MiB", true},
		{"the largest range AWS accepts, within the defaults", "$sum([1..873782])", jsonata.DefaultLimits, "381747928653", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tmpl, err := jsonata.CompileTemplate("Output", "{% "+tt.expr+" %}")
			if err != nil {
				t.Fatal(err)
			}
			env := &jsonata.Env{States: map[string]any{"input": map[string]any{}}, Runtime: jsonata.NewRuntime(intrinsic.SeededSource(1), jsonata.WithLimits(tt.limits))}
			start := time.Now()
			got, err := tmpl.Eval(context.Background(), env)
			took := time.Since(start)
			if !tt.wantErr {
				if err != nil || jsonvalue.String(got) != tt.want {
					t.Fatalf("got %v, %v; want %s", got, err, tt.want)
				}
				return
			}
			fe, ok := fault.As(err)
			if !ok || fe.Name != fault.QueryEvaluationError || !strings.Contains(fe.Cause, "specified for the field 'Output' threw an error during evaluation. ") || !strings.Contains(fe.Cause, tt.want) {
				t.Fatalf("got %v (after %s), want States.QueryEvaluationError saying %q", err, took, tt.want)
			}
			if took > 5*time.Second {
				t.Errorf("the limit stopped the evaluation only after %s", took)
			}
		})
	}
	t.Run("cancelled", func(t *testing.T) {
		tmpl, _ := jsonata.CompileTemplate("Output", "{% $count([1..9999999].($ * 2)) %}")
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
		defer cancel()
		// No limits: the context alone must stop it.
		_, err := tmpl.Eval(ctx, &jsonata.Env{States: map[string]any{}, Runtime: jsonata.NewRuntime(nil, jsonata.WithLimits(jsonata.Limits{}))})
		if _, isFault := fault.As(err); isFault || !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("err = %v, want the context's error, not an ASL error", err)
		}
	})
}
