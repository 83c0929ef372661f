package engine_test

import (
	"context"
	"reflect"
	"sync"
	"testing"

	"github.com/stepstudio/stepstudio/engine"
)

type stageRecorder struct {
	mu     sync.Mutex
	stages []string
}

func (r *stageRecorder) OnEvent(engine.Event) {}

func (r *stageRecorder) OnStage(s engine.Stage) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.stages = append(r.stages, s.State+" "+s.Step+" "+engine.EncodeJSON(s.Value))
}

// The values between processing steps reach a StageObserver, only for the
// steps a state has. ResultPath places the result into the raw input, not
// the InputPath's selection.
func TestStages(t *testing.T) {
	cases := []struct {
		name, def string
		want      []string
	}{
		{"task with every step", `{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
			"InputPath":"$.order","Parameters":{"id.$":"$.id"},"ResultSelector":{"ok.$":"$.Payload.ok"},
			"ResultPath":"$.result","OutputPath":"$.result","End":true}}}`,
			[]string{`T InputPath {"id":7}`, `T ResultSelector {"ok":true}`, `T ResultPath {"order":{"id":7},"result":{"ok":true}}`}},
		{"pass with none", `{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}`, nil},
		{"pass with a result path", `{"StartAt":"P","States":{"P":{"Type":"Pass","Result":1,"ResultPath":"$.one","End":true}}}`,
			[]string{`P ResultPath {"order":{"id":7},"one":1}`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := &stageRecorder{}
			inv := engine.InvokerFunc(func(_ context.Context, req engine.TaskRequest) (any, error) {
				return map[string]any{"Payload": map[string]any{"ok": true}}, nil
			})
			in := map[string]any{"order": map[string]any{"id": int64(7)}}
			res, err := compile(t, c.def).Run(context.Background(), in, engine.WithObserver(rec), engine.WithInvoker(inv))
			if err != nil || res.Status != engine.StatusSucceeded {
				t.Fatalf("%v %+v", err, res)
			}
			if !reflect.DeepEqual(rec.stages, c.want) {
				t.Errorf("stages\n got %q\nwant %q", rec.stages, c.want)
			}
		})
	}
}
