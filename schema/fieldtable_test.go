package schema

import (
	"encoding/json"
	"maps"
	"slices"
	"testing"

	"github.com/stepstudio/stepstudio/schema/fieldtable"
)

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
		if len(props) != len(fieldtable.Objects[typ]) {
			t.Errorf("definitions/%s has %d fields, the table's %s %d", def, len(props), typ, len(fieldtable.Objects[typ]))
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
