package engine_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/fault"
)

// TestVariableSizeLimits checks AWS's Variables limits (developer guide,
// "Passing data between states with variables", Variable size limits):
// "The maximum size of a single variable is 256KiB", "The maximum combined
// size for all variables in a single Assign field is also 256KiB" ("you
// could assign X and Y to 128KiB, but you could not assign both X and Y to
// 256KiB in the same Assign field") and "The total size of all stored
// variables cannot exceed 10MiB per execution". Sizes are of JSON text: a
// string of n ASCII letters takes n+2 bytes.
func TestVariableSizeLimits(t *testing.T) {
	const kib = 1024
	str := func(jsonBytes int) string { return strings.Repeat("x", jsonBytes-2) }
	// many assigns `states` Pass states, each setting its own variable to
	// $.s, in one execution.
	many := func(states int) string {
		var b strings.Builder
		b.WriteString(`{"StartAt":"S0","States":{`)
		for i := range states {
			next := fmt.Sprintf(`"Next":"S%d"`, i+1)
			if i == states-1 {
				next = `"End":true`
			}
			fmt.Fprintf(&b, `"S%d":{"Type":"Pass","Assign":{"v%d.$":"$.s"},%s},`, i, i, next)
		}
		return strings.TrimSuffix(b.String(), ",") + `}}`
	}
	tests := []struct {
		name      string
		def       string
		input     map[string]any
		wantError string // "" for success
		throwBig  bool   // the task fails with a 200 KiB cause
	}{
		{"one variable of exactly 256 KiB", `{"StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"x.$":"States.Format('{}{}', $.s, $.s)"},"End":true}}}`,
			map[string]any{"s": str(128*kib + 1)}, "", false},
		{"one variable over 256 KiB", `{"StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"x.$":"States.Format('{}{}', $.s, $.s)"},"End":true}}}`,
			map[string]any{"s": str(128*kib + 2)}, "States.DataLimitExceeded", false},
		{"X and Y of 128 KiB in one Assign", `{"StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"x.$":"$.s","y.$":"$.s"},"End":true}}}`,
			map[string]any{"s": str(128 * kib)}, "", false},
		{"X and Y over 256 KiB together", `{"StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"x.$":"$.s","y.$":"$.s"},"End":true}}}`,
			map[string]any{"s": str(128*kib + 1)}, "States.DataLimitExceeded", false},
		{"JSONata: X and Y over 256 KiB together", `{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"x":"{% $states.input.s %}","y":"{% $states.input.s %}"},"End":true}}}`,
			map[string]any{"s": str(200 * kib)}, "States.DataLimitExceeded", false},
		{"a Catch's Assign too", `{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
		  "Catch":[{"ErrorEquals":["States.ALL"],"Assign":{"x.$":"$.Cause","y.$":"$.Cause"},"Next":"B"}],"End":true},"B":{"Type":"Succeed"}}}`,
			map[string]any{}, "States.DataLimitExceeded", true},
		{"stored variables up to 10 MiB", many(50), map[string]any{"s": str(200 * kib)}, "", false},
		{"stored variables over 10 MiB", many(52), map[string]any{"s": str(200 * kib)}, "States.DataLimitExceeded", false},
		{"reassigning one variable does not add up", regexp.MustCompile(`"v\d+\.\$"`).ReplaceAllString(many(60), `"same.$$"`), map[string]any{"s": str(200 * kib)}, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var opts []engine.Option
			if tt.throwBig {
				big := str(200 * kib)
				opts = append(opts, engine.WithInvoker(engine.InvokerFunc(func(ctx context.Context, req engine.TaskRequest) (any, error) {
					return nil, fault.New("Boom", big)
				})))
			}
			res, err := compile(t, tt.def).Run(context.Background(), tt.input, opts...)
			if err != nil {
				t.Fatal(err)
			}
			if tt.wantError == "" {
				if res.Status != engine.StatusSucceeded {
					t.Fatalf("status %s %v %v, want SUCCEEDED", res.Status, res.Error, res.Cause)
				}
				return
			}
			if res.Status != engine.StatusFailed || res.Error == nil || *res.Error != tt.wantError {
				t.Fatalf("status %s error %v, want FAILED %s", res.Status, res.Error, tt.wantError)
			}
		})
	}
}
