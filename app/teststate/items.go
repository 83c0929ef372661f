package teststate

import (
	"context"
	"encoding/json"
	"slices"

	"github.com/stepstudio/stepstudio/engine"
	"github.com/stepstudio/stepstudio/engine/asl"
)

// mapStages computes a tested Map's afterItemSelector and afterItemBatcher
// (API reference, InspectionData): TestState never runs the iterations,
// so the Map's item settings run again in a Map of their own whose item
// processor is a Pass state: its result is then exactly what each
// iteration would have been given. The first run leaves the batcher out
// (the items after the selector), the second keeps it (the batches, as
// the engine builds them from the selected items). Each is nil when the
// Map has no such field, or when the settings fail (the tested run
// already reports that failure). A Map with an ItemReader is left out:
// its items come from the reader, not from the input.
func mapStages(ctx context.Context, t *tested, input any, opts []engine.Option) (selected, batches *string) {
	if t.typ() != "Map" || has(t.state, "ItemReader") {
		return nil, nil
	}
	_, hasSelector := t.state["ItemSelector"]
	if !hasSelector && t.queryLanguage() != "JSONata" {
		_, hasSelector = t.state["Parameters"] // the legacy name
	}
	if hasSelector {
		selected = echoItems(ctx, t, input, false, opts)
	}
	if has(t.state, "ItemBatcher") {
		batches = echoItems(ctx, t, input, true, opts)
	}
	return selected, batches
}

// itemFields are the fields that decide a Map's iteration inputs.
var itemFields = []string{"QueryLanguage", "InputPath", "ItemsPath", "Items", "ItemSelector", "Parameters", "ItemBatcher"}

// echoItems runs the Map's item settings with a Pass item processor and
// returns its result: the iterations' inputs.
func echoItems(ctx context.Context, t *tested, input any, batcher bool, opts []engine.Option) *string {
	// The fields keep the order written: an ItemSelector's keys are the
	// order of each item's input.
	ms, err := members(t.raw)
	if err != nil {
		return nil
	}
	var out []member
	for _, m := range ms {
		if slices.Contains(itemFields, m.key) && (batcher || m.key != "ItemBatcher") {
			out = append(out, m)
		}
	}
	proc := map[string]any{"StartAt": "Echo", "States": map[string]any{"Echo": map[string]any{"Type": "Pass", "End": true}}}
	if p, ok := t.state["ItemProcessor"].(map[string]any); ok {
		if c, ok := p["ProcessorConfig"]; ok {
			proc["ProcessorConfig"] = c
		}
	}
	pb, err := json.Marshal(proc)
	if err != nil {
		return nil
	}
	out = append(out, member{"Type", json.RawMessage(`"Map"`)}, member{"End", json.RawMessage("true")}, member{"ItemProcessor", pb})
	state := json.RawMessage(encodeMembers(out))
	m := map[string]any{"StartAt": testedName, "States": map[string]any{testedName: state}}
	if t.ql != "" {
		m["QueryLanguage"] = t.ql
	}
	src, err := json.Marshal(m)
	if err != nil {
		return nil
	}
	doc, err := asl.Parse("TestState.items.asl.json", src)
	if err != nil {
		return nil
	}
	machine, err := engine.Compile(doc)
	if err != nil {
		return nil
	}
	res, err := machine.Run(ctx, input, opts...)
	if err != nil || res.Status != engine.StatusSucceeded {
		return nil
	}
	return text(res.Output)
}
