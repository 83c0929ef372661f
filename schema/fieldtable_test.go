package schema

import (
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"testing"

	"github.com/stepstudio/stepstudio/engine/asl"
	"github.com/stepstudio/stepstudio/schema/fieldtable"
)

// operators are the JSONPath-only fields of a Choice rule other than
// Variable, And, Or and Not.
func operators(jsonPathOnly map[string]bool) []string {
	var out []string
	for f := range jsonPathOnly {
		if f != "Variable" && f != "And" && f != "Or" && f != "Not" {
			out = append(out, f)
		}
	}
	slices.Sort(out)
	return out
}

// TestSchemaHasEveryStateType holds the validator's per-type definitions
// (stateTypes, which the studio compiles one by one) equal to the table's
// state types, from which asl.schema.json is generated: a type added to
// the table without a definition to validate it against fails here.
func TestSchemaHasEveryStateType(t *testing.T) {
	var doc struct{ Definitions map[string]map[string]any }
	if err := json.Unmarshal(aslSchema, &doc); err != nil {
		t.Fatal(err)
	}
	if got, want := slices.Sorted(maps.Keys(stateTypes)), slices.Sorted(slices.Values(fieldtable.StateTypes)); !slices.Equal(got, want) {
		t.Fatalf("validator types %v, table types %v", got, want)
	}
	for typ, def := range stateTypes {
		d := doc.Definitions[def]
		if d == nil {
			t.Errorf("%s: no definitions/%s in asl.schema.json", typ, def)
			continue
		}
		props, _ := d["properties"].(map[string]any)
		if len(props) != len(fieldtable.Objects()[typ]) {
			t.Errorf("definitions/%s has %d fields, the table's %s %d", def, len(props), typ, len(fieldtable.Objects()[typ]))
		}
	}
}

// TestTableRules holds what the Go checks derive from the field table
// (tablerules.go) to what the table says, field by field: a rule moved,
// renamed or dropped in the table shows here.
func TestTableRules(t *testing.T) {
	r := tableRules()
	pairs := func(ps []exclusivePair) []string {
		var out []string
		for _, p := range ps {
			out = append(out, p.first+"/"+p.second)
		}
		slices.Sort(out)
		return out
	}
	nested := map[string][]string{}
	for at, object := range r.nested {
		if ps := r.nestedPairs[object]; len(ps) > 0 {
			nested[at] = pairs(ps)
		}
	}
	sorted := func(s []string) []string { return slices.Sorted(slices.Values(s)) }
	tests := []struct {
		name      string
		got, want any
	}{
		{"exclusive", pairs(r.exclusive), []string{"Cause/CausePath", "Error/ErrorPath", "HeartbeatSeconds/HeartbeatSecondsPath",
			"ItemProcessor/Iterator", "ItemSelector/Parameters", "ItemsPath/Items", "MaxConcurrency/MaxConcurrencyPath",
			"TimeoutSeconds/TimeoutSecondsPath", "ToleratedFailureCount/ToleratedFailureCountPath",
			"ToleratedFailurePercentage/ToleratedFailurePercentagePath"}},
		{"nested exclusive", nested, map[string][]string{
			"ItemReader/ReaderConfig": {"MaxItems/MaxItemsPath"},
			"ItemBatcher":             {"MaxInputBytesPerBatch/MaxInputBytesPerBatchPath", "MaxItemsPerBatch/MaxItemsPerBatchPath"}}},
		{"JSONPath only", slices.Sorted(maps.Keys(r.jsonPathOnly)), []string{"CausePath", "ErrorPath", "HeartbeatSecondsPath",
			"InputPath", "ItemsPath", "MaxConcurrencyPath", "OutputPath", "Parameters", "Result", "ResultPath", "ResultSelector",
			"SecondsPath", "TimeoutSecondsPath", "TimestampPath", "ToleratedFailureCountPath", "ToleratedFailurePercentagePath"}},
		{"JSONata only", r.jsonataOnly, map[string]string{"Arguments": "use Parameters",
			"Output": "use ResultSelector, ResultPath and OutputPath", "Items": "use ItemsPath"}},
		{"InputPath instead", r.jsonPathOnly["InputPath"], "use $states.input in Arguments or Output"},
		{"numeric", sorted(r.numeric), []string{"HeartbeatSeconds", "MaxConcurrency", "Seconds", "TimeoutSeconds",
			"ToleratedFailureCount", "ToleratedFailurePercentage"}},
		{"distributed only", r.distributedOnly, []string{"ItemReader", "ItemBatcher", "ResultWriter"}},
		{"distributed, ignored inline", sorted(r.distributedIgnored), []string{"Label", "ToleratedFailureCount",
			"ToleratedFailureCountPath", "ToleratedFailurePercentage", "ToleratedFailurePercentagePath"}},
		{"payload objects", r.payloadObjects, []string{"ItemReader", "ResultWriter"}},
		{"wait fields", r.waitFields, []string{"Seconds", "SecondsPath", "Timestamp", "TimestampPath"}},
		{"label", *r.label, fieldtable.TextRule{Min: 1, Max: 40, Forbidden: "<>{}[]?*\"#%\\^|~`$&,;:/", NoSpace: true}},
		{"state names", *r.stateNames, fieldtable.TextRule{Min: 1, Max: 80}},
		{"below", r.below, map[string][][2]string{"Task": {{"HeartbeatSeconds", "TimeoutSeconds"}}}},
		{"required in a Distributed Map", r.distributedRequired, map[string][]string{
			"ItemProcessor/ProcessorConfig": {"ExecutionType"}, "Iterator/ProcessorConfig": {"ExecutionType"}}},
		{"Choice rule combinators", r.choiceCombinators, []string{"And", "Or", "Not"}},
		// The table's operators are the engine's (asl.ChoiceOperators).
		{"Choice rule operators", operators(r.choiceJSONPath), slices.Sorted(maps.Keys(asl.ChoiceOperators))},
	}
	for _, tc := range tests {
		if !reflect.DeepEqual(tc.got, tc.want) {
			t.Errorf("%s: derived %v, want %v", tc.name, tc.got, tc.want)
		}
	}
}
