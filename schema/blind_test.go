package schema

import (
	"encoding/json"
	"maps"
	"testing"
)

func TestStringBlindFields(t *testing.T) {
	defs := func(src string) map[string]any {
		var d map[string]any
		if err := json.Unmarshal([]byte(src), &d); err != nil {
			t.Fatal(err)
		}
		return d
	}
	d := defs(`{
		"root": {"properties": {
			"Plain": {"type": "string"}, "Any": {}, "Obj": {"type": "object"},
			"Enum": {"enum": ["A"]}, "Min": {"$ref": "#/definitions/min"},
			"Either": {"anyOf": [{"type": "integer"}, {"pattern": "^x"}]},
			"Twice": {"type": "string"},
			"Nested": {"items": {"properties": {"Twice": {"minLength": 1}, "Deep": {"type": ["string", "null"]}}}}
		}},
		"min": {"type": "string", "minLength": 1},
		"anyKey": {"properties": {"A": {}}, "additionalProperties": {"pattern": "^x"}},
		"objectEnum": {"properties": {"A": {}}, "enum": [{"A": "x"}]}
	}`)
	got := stringBlindFields(d, d["root"])
	for name, want := range map[string]bool{
		"Plain": true, "Any": true, "Obj": true, "Deep": true, "Nested": true,
		"Enum": false, "Min": false, "Either": false, "Twice": false,
	} {
		if got[name] != want {
			t.Errorf("%s: blind %v, want %v", name, got[name], want)
		}
	}
	for _, name := range []string{"anyKey", "objectEnum"} {
		if got := stringBlindFields(d, d[name]); got != nil {
			t.Errorf("%s: %v, want nil (nothing blind)", name, got)
		}
	}
}

// The embedded schema's constrained strings must reach gojsonschema.
func TestStringBlindFieldsOfASLSchema(t *testing.T) {
	for part, fields := range map[string][]string{
		"machine": {"QueryLanguage"},
		"task":    {"Resource", "QueryLanguage", "TimeoutSeconds", "JitterStrategy"},
		"choice":  {"Condition"},
		"map":     {"Type", "Items", "Mode", "InputType", "Resource"},
	} {
		p, err := schemas.get(part)
		if err != nil {
			t.Fatal(err)
		}
		if p.conv.uses["Next"]&blindString == 0 && part != "machine" {
			t.Errorf("%s: Next is not blind", part)
		}
		for _, f := range fields {
			if p.conv.uses[f]&blindString != 0 {
				t.Errorf("%s: %s is blind, but its schema checks its string", part, f)
			}
		}
	}
}

func TestTopFields(t *testing.T) {
	var d map[string]any
	if err := json.Unmarshal([]byte(`{
		"root": {"required": ["Needed"], "additionalProperties": false, "properties": {
			"Any": {}, "Doc": {"description": "free"}, "Needed": {}, "Ref": {"$ref": "#/definitions/any"},
			"Str": {"type": "string"}, "Path": {"$ref": "#/definitions/nullable"}, "Short": {"type": "string", "minLength": 1}
		}},
		"any": {},
		"nullable": {"type": ["string", "null"]},
		"viaRef": {"$ref": "#/definitions/root"},
		"counted": {"minProperties": 1, "properties": {"Any": {}}}
	}`), &d); err != nil {
		t.Fatal(err)
	}
	want := map[string]fieldUse{"Any": unchecked, "Doc": unchecked, "Str": stringsAccepted, "Path": stringsAccepted}
	for _, root := range []string{"root", "viaRef"} {
		if got := topFields(d, d[root]); !maps.Equal(got, want) {
			t.Errorf("%s: %v, want %v", root, got, want)
		}
	}
	if got := topFields(d, d["counted"]); got != nil {
		t.Errorf("counted: %v, want nil", got)
	}
}
