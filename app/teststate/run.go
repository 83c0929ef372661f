package teststate

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/asl"
	"github.com/stepstudio/stepstudio/engine/fault"
	"github.com/stepstudio/stepstudio/schema"
)

// Run answers one TestState request. The error is an *APIError when AWS
// would refuse the request; a state that fails is a response (FAILED),
// not an error.
func Run(ctx context.Context, req Request) (*Response, error) {
	level := req.InspectionLevel
	if level == "" {
		level = Info
	}
	if level != Info && level != Debug && level != Trace {
		return nil, validation("inspectionLevel must be INFO, DEBUG or TRACE, not %q", level)
	}
	t, err := pick(&req)
	if err != nil {
		return nil, err
	}
	if err := checkConfiguration(req.StateConfiguration, t); err != nil {
		return nil, err
	}
	if sc := req.StateConfiguration; sc != nil && len(sc.MapItemReaderData) > 0 {
		if t.readerItems, err = document(sc.MapItemReaderData, nil); err != nil {
			return nil, validation("mapItemReaderData is not valid JSON: %v", err)
		}
	}
	if err := checkMock(req.Mock, t); err != nil {
		return nil, err
	}
	input, err := engineDocument(req.Input, map[string]any{})
	if err != nil {
		return nil, validation("input is not valid JSON: %v", err)
	}
	vars, err := engineDocument(req.Variables, nil)
	if err != nil {
		return nil, validation("variables is not valid JSON: %v", err)
	}
	varsMap, _ := vars.(map[string]any)
	if vars != nil && varsMap == nil {
		return nil, validation("variables must be a JSON object")
	}
	cobj, err := engineDocument(req.Context, nil)
	if err != nil {
		return nil, validation("context is not valid JSON: %v", err)
	}
	cmap, _ := cobj.(map[string]any)

	// The definition as given must be valid (targets stand in as Succeed
	// states, so a lone state with Next validates).
	src, err := t.machine(t.raw)
	if err != nil {
		return nil, err
	}
	if res := schema.Validate("", src, schema.Options{}); !res.Valid() {
		for _, d := range res.Diagnostics {
			if d.Severity == schema.Error {
				return nil, invalidDefinition("%s", ownName(d.Message, req.StateName))
			}
		}
	}
	state, err := t.runnable()
	if err != nil {
		return nil, err
	}
	src, err = t.machine(state)
	if err != nil {
		return nil, err
	}
	doc, err := asl.Parse("TestState.asl.json", src)
	if err != nil {
		return nil, invalidDefinition("%v", err)
	}
	m, err := engine.Compile(doc)
	if err != nil {
		return nil, invalidDefinition("%v", err)
	}

	rec := &recording{}
	mk, err := newMocker(req.Mock, t, req.StateConfiguration, input)
	if err != nil {
		return nil, err
	}
	inv := engine.InvokerFunc(func(_ context.Context, tr engine.TaskRequest) (any, error) {
		rec.setParams(tr.Input)
		out, err := mk.answer(tr.Input)
		if err == nil {
			rec.setResult(out)
		}
		return out, err
	})
	opts := []engine.Option{
		engine.WithInvoker(inv), engine.WithObserver(rec), engine.WithoutHistory(),
		engine.WithContextObject(contextObject(cmap, input, req.RoleArn)),
		engine.WithStartAt(testedName, varsMap),
	}
	result, err := m.Run(ctx, input, opts...)
	if err != nil {
		return nil, validation("%v", err)
	}
	if level != Info {
		rec.selected, rec.batches = mapStages(ctx, t, input, []engine.Option{
			engine.WithoutHistory(), engine.WithContextObject(contextObject(cmap, input, req.RoleArn)),
			engine.WithStartAt(testedName, varsMap),
		})
	}
	return respond(t, &req, level, input, varsMap, result, rec)
}

// engineDocument reads a JSON document (text or a string holding it) as
// the engine's values, keeping the key order it was written in.
func engineDocument(raw json.RawMessage, def any) (any, error) {
	raw, err := docText(raw)
	if err != nil {
		return nil, err
	}
	if len(raw) == 0 || string(raw) == "null" {
		return def, nil
	}
	return engine.DecodeJSON(raw)
}

// contextObject is the context the state sees: an express execution of a
// machine made up for the call, with the request's context set over it.
func contextObject(given map[string]any, input any, roleArn string) map[string]any {
	const account, region, sm, exec = "111111111111", "us-east-1", "TestStateMachine", "TestStateExecution"
	// Without a roleArn the run shows a local role, as `stepstudio run`
	// does (AWS shows null).
	var role any = "arn:aws:iam::" + account + ":role/StepstudioTestState"
	if roleArn != "" {
		role = roleArn
	}
	start := time.Now().UTC().Format("2006-01-02T15:04:05.000Z")
	c := map[string]any{
		"Execution": map[string]any{
			"Id":    "arn:aws:states:" + region + ":" + account + ":express:" + sm + ":" + exec,
			"Input": input, "Name": exec, "RoleArn": role, "StartTime": start,
		},
		"StateMachine": map[string]any{"Id": "arn:aws:states:" + region + ":" + account + ":stateMachine:" + sm, "Name": sm},
	}
	// A part the request gives replaces the made-up one whole, as in AWS
	// (an empty object stays empty).
	for _, part := range []string{"Execution", "StateMachine", "State", "Task"} {
		if g, ok := given[part].(map[string]any); ok {
			c[part] = g
		}
	}
	return c
}

// recording keeps what the run showed of the tested state: its stages,
// the task's parameters and result, the state entered next.
type recording struct {
	mu        sync.Mutex
	stages    map[string]any
	params    any
	hasParams bool
	result    any
	hasResult bool
	next      string
	// A Map's iteration inputs, computed apart (see mapStages).
	selected, batches *string
}

func (r *recording) OnEvent(e engine.Event) {
	if d := e.StateEnteredEventDetails; d != nil && d.Name != testedName {
		r.mu.Lock()
		if r.next == "" {
			r.next = d.Name
		}
		r.mu.Unlock()
	}
}

func (r *recording) OnStage(s engine.Stage) {
	if s.State != testedName {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.stages == nil {
		r.stages = map[string]any{}
	}
	if _, seen := r.stages[s.Step]; !seen {
		r.stages[s.Step] = s.Value
	}
}

func (r *recording) stage(step string) (any, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	v, ok := r.stages[step]
	return v, ok
}

func (r *recording) setParams(v any) {
	r.mu.Lock()
	r.params, r.hasParams = v, true
	r.mu.Unlock()
}

func (r *recording) setResult(v any) {
	r.mu.Lock()
	r.result, r.hasResult = v, true
	r.mu.Unlock()
}

// failure is the error the state raised: caught (its ErrorOutput stage)
// or ending the run.
func failure(result engine.Result, rec *recording) (name, cause string, caught, failed bool) {
	if v, ok := rec.stage("ErrorOutput"); ok {
		m, _ := v.(map[string]any)
		name, _ = m["Error"].(string)
		cause, _ = m["Cause"].(string)
		return name, cause, true, true
	}
	if result.Status != engine.StatusSucceeded {
		if result.Error != nil {
			name = *result.Error
		}
		if result.Cause != nil {
			cause = *result.Cause
		}
		return name, cause, false, true
	}
	return "", "", false, false
}

func isFault(err error, name string) bool {
	var f *fault.Error
	return errors.As(err, &f) && f.Name == name
}

func upper(s string) string { return strings.ToUpper(s) }

// ownName puts the state's own name back into a message about the
// machine TestState made up around it.
func ownName(msg, name string) string {
	if name == "" {
		return strings.ReplaceAll(msg, `State "`+testedName+`"`, "The state")
	}
	return strings.ReplaceAll(msg, `"`+testedName+`"`, strconv.Quote(name))
}
