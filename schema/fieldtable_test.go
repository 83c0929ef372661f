package schema

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/schema/fieldtable"
)

// TestFieldTableMatchesSchema holds schema/fieldtable equal to the
// embedded asl.schema.json: per object, the same allowed fields and the
// same required ones (a state's Type is required by stateShape). It is
// what lets a later change generate the schema from the table safely.
func TestFieldTableMatchesSchema(t *testing.T) {
	var doc struct{ Definitions map[string]map[string]any }
	if err := json.Unmarshal(aslSchema, &doc); err != nil {
		t.Fatal(err)
	}
	defs := doc.Definitions
	prop := func(def map[string]any, names ...string) map[string]any {
		for _, n := range names {
			def = def["properties"].(map[string]any)[n].(map[string]any)
		}
		return def
	}
	where := map[string]map[string]any{
		"Machine":         defs["machine"],
		"Retrier":         defs["retrier"],
		"Catcher":         defs["catcher"],
		"ChoiceRule":      defs["choiceRule"],
		"Branch":          defs["branch"],
		"ItemProcessor":   defs["processor"],
		"ProcessorConfig": prop(defs["processor"], "ProcessorConfig"),
		"ItemReader":      prop(defs["map"], "ItemReader"),
		"ReaderConfig":    prop(defs["map"], "ItemReader", "ReaderConfig"),
		"ItemBatcher":     prop(defs["map"], "ItemBatcher"),
		"ResultWriter":    prop(defs["map"], "ResultWriter"),
		"WriterConfig":    prop(defs["map"], "ResultWriter", "WriterConfig"),
	}
	for _, typ := range fieldtable.StateTypes {
		where[typ] = defs[strings.ToLower(typ)]
	}
	if got := slices.Sorted(maps.Keys(fieldtable.Objects)); !slices.Equal(got, slices.Sorted(maps.Keys(where))) {
		t.Fatalf("table objects %v, schema objects %v", got, slices.Sorted(maps.Keys(where)))
	}
	shapeType := defs["stateShape"]["properties"].(map[string]any)["Type"].(map[string]any)["enum"]
	if !slices.Equal(strs(shapeType), fieldtable.StateTypes) {
		t.Errorf("state types: schema %v, table %v", shapeType, fieldtable.StateTypes)
	}
	for obj, def := range where {
		if def["additionalProperties"] != false {
			t.Errorf("%s: the schema allows any field; the table cannot match it", obj)
		}
		allowed := slices.Sorted(maps.Keys(def["properties"].(map[string]any)))
		required := strs(def["required"])
		if slices.Contains(fieldtable.StateTypes, obj) {
			required = append(required, strs(defs["stateShape"]["required"])...)
		}
		slices.Sort(required)
		var tAllowed, tRequired []string
		for _, f := range fieldtable.Objects[obj] {
			tAllowed = append(tAllowed, f.Name)
			if f.Required {
				tRequired = append(tRequired, f.Name)
			}
		}
		slices.Sort(tAllowed)
		slices.Sort(tRequired)
		if !slices.Equal(allowed, tAllowed) {
			t.Errorf("%s allowed fields:\n schema %v\n table  %v", obj, allowed, tAllowed)
		}
		if !slices.Equal(required, tRequired) {
			t.Errorf("%s required fields: schema %v, table %v", obj, required, tRequired)
		}
		for _, f := range fieldtable.Objects[obj] {
			if e := strs(prop(def, f.Name)["enum"]); e != nil && !slices.Equal(e, f.Enum) {
				t.Errorf("%s.%s enum: schema %v, table %v", obj, f.Name, e, f.Enum)
			}
		}
	}
}

// TestFieldTableQueryLanguages holds the table's query-language marks on
// state fields equal to the lists the validator reports from (fields.go).
func TestFieldTableQueryLanguages(t *testing.T) {
	for _, typ := range fieldtable.StateTypes {
		for _, f := range fieldtable.Objects[typ] {
			_, pathOnly := jsonPathOnly[f.Name]
			_, ataOnly := jsonataOnly[f.Name]
			want := ""
			switch {
			case pathOnly:
				want = fieldtable.JSONPath
			case ataOnly:
				want = fieldtable.JSONata
			}
			if f.QueryLanguage != want {
				t.Errorf("%s.%s: table says %q, the validator %q", typ, f.Name, f.QueryLanguage, want)
			}
		}
	}
	for _, pair := range exclusivePairs {
		for _, typ := range fieldtable.StateTypes {
			for _, f := range fieldtable.Objects[typ] {
				if f.Name == pair[0] && !slices.Contains(f.Excludes, pair[1]) {
					t.Errorf("%s.%s: the validator excludes %s, the table does not", typ, f.Name, pair[1])
				}
			}
		}
	}
}

func strs(v any) []string {
	a, _ := v.([]any)
	if a == nil {
		return nil
	}
	out := make([]string, len(a))
	for i, x := range a {
		out[i], _ = x.(string)
	}
	return out
}
