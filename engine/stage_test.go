package engine_test

import (
	"context"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/fault"
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
			[]string{`T InputPath {"id":7}`, `T ResultSelector {"ok":true}`, `T ResultPath {"list":[1,2],"order":{"id":7},"result":{"ok":true}}`}},
		{"pass with none", `{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}`, nil},
		{"pass with a result path", `{"StartAt":"P","States":{"P":{"Type":"Pass","Result":1,"ResultPath":"$.one","End":true}}}`,
			[]string{`P Result 1`, `P ResultPath {"list":[1,2],"order":{"id":7},"one":1}`}},
		{"pass with parameters and assign", `{"StartAt":"P","States":{"P":{"Type":"Pass","InputPath":"$.order","Parameters":{"n.$":"$.id"},
			"Assign":{"seen.$":"$.n"},"End":true}}}`,
			[]string{`P InputPath {"id":7}`, `P Parameters {"n":7}`, `P Assign {"seen":7}`}},
		{"caught with a result path", `{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
			"Parameters":{"fail":true},"Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.error","Next":"H"}],"End":true},
			"H":{"Type":"Succeed"}}}`,
			[]string{`T Catch {"ErrorEquals":["States.ALL"],"Next":"H","ResultPath":"$.error"}`,
				`T ErrorOutput {"Error":"Boom","Cause":"no"}`, `T Catch.ResultPath {"list":[1,2],"order":{"id":7},"error":{"Error":"Boom","Cause":"no"}}`}},
		{"jsonata task", `{"QueryLanguage":"JSONata","StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
			"Arguments":{"id":"{% $states.input.order.id %}"},"Assign":{"ok":"{% $states.result.Payload.ok %}","at":"{% $states.context.State.Name %}"},
			"Output":"{% $states.result.Payload %}","End":true}}}`,
			[]string{`T Context {"Execution":`, `T Assign {"at":"T","ok":true}`, `T Output {"ok":true}`}},
		{"jsonata caught", `{"QueryLanguage":"JSONata","StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
			"Arguments":{"fail":true},"Catch":[{"ErrorEquals":["Boom"],"Output":"{% $states.errorOutput.Error %}","Next":"H"}],"End":true},
			"H":{"Type":"Succeed"}}}`,
			[]string{`T Catch {"ErrorEquals":["Boom"],"Next":"H","Output":"{% $states.errorOutput.Error %}"}`,
				`T ErrorOutput {"Error":"Boom","Cause":"no"}`, `T Catch.Output "Boom"`}},
		{"choice", `{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.order.id","NumericEquals":1,"Next":"A"}],
			"Default":"B"},"A":{"Type":"Succeed"},"B":{"Type":"Succeed"}}}`,
			[]string{`C Choice {"Default":"B"}`}},
		{"map", `{"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.list","ItemSelector":{"v.$":"$$.Map.Item.Value"},
			"ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"ResultSelector":{"n.$":"States.ArrayLength($)"},"End":true}}}`,
			[]string{`M Items [1,2]`, `M ItemSelector #0 {"v":1}`, `M ItemSelector #1 {"v":2}`, `M Result [{"v":1},{"v":2}]`, `M ResultSelector {"n":2}`}},
		{"parallel", `{"QueryLanguage":"JSONata","StartAt":"L","States":{"L":{"Type":"Parallel","Branches":[
			{"StartAt":"A","States":{"A":{"Type":"Pass","Output":1,"End":true}}}],"Output":"{% $states.result[0] %}","End":true}}}`,
			[]string{`A Output 1`, `L Result [1]`, `L Output 1`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := &stageRecorder{}
			inv := engine.InvokerFunc(func(_ context.Context, req engine.TaskRequest) (any, error) {
				if m, _ := req.Input.(map[string]any); m["fail"] == true {
					return nil, fault.New("Boom", "no")
				}
				return map[string]any{"Payload": map[string]any{"ok": true}}, nil
			})
			in := map[string]any{"order": map[string]any{"id": int64(7)}, "list": []any{int64(1), int64(2)}}
			res, err := compile(t, c.def).Run(context.Background(), in, engine.WithObserver(rec), engine.WithInvoker(inv))
			if err != nil || res.Status != engine.StatusSucceeded {
				t.Fatalf("%v %+v", err, res)
			}
			sort.Strings(rec.stages) // a Map's iterations and Parallel's branches report in any order
			want := append([]string(nil), c.want...)
			sort.Strings(want)
			if !sameStages(rec.stages, want) {
				t.Errorf("stages\n got %q\nwant %q", rec.stages, want)
			}
		})
	}
}

// sameStages compares stage lines; a want ending in ":" (the context
// object, with its times and ids) matches a line by its prefix.
func sameStages(got, want []string) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if got[i] != want[i] && !(strings.HasSuffix(want[i], ":") && strings.HasPrefix(got[i], want[i])) {
			return false
		}
	}
	return true
}
