package fieldtable

import (
	"slices"
	"strings"
	"testing"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// TestCheck runs the table alone on small definitions, one rule each.
func TestCheck(t *testing.T) {
	const proc = `"ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}`
	tests := []struct {
		name, def string
		opts      CheckOptions
		want      []string // rules found, each as "pointer: words"
	}{
		{"valid", `{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}`, CheckOptions{}, nil},
		{"unknown field", `{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true, "Foo": 1}}}`, CheckOptions{},
			[]string{"/States/A/Foo: Pass has no field Foo"}},
		{"next and end", `{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true, "Next": "A"}}}`, CheckOptions{},
			[]string{"/States/A: Pass needs exactly one field of group transition, has 2", "/States/A/End: End excludes Next"}},
		{"wait without duration", `{"StartAt": "A", "States": {"A": {"Type": "Wait", "End": true}}}`, CheckOptions{},
			[]string{"/States/A: Wait needs exactly one field of group duration, has 0"}},
		{"JSONata expression in a JSONPath state", `{"StartAt": "A", "States": {"A": {"Type": "Wait", "Seconds": "{% 1 %}", "End": true}}}`, CheckOptions{},
			[]string{"/States/A/Seconds: Seconds is integer|jsonata"}},
		{"JSONata expression in a JSONata state", `{"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Wait", "Seconds": "{% 1 %}", "End": true}}}`, CheckOptions{}, nil},
		{"JSONPath field in JSONata", `{"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "InputPath": "$", "End": true}}}`, CheckOptions{},
			[]string{"/States/A/InputPath: InputPath is JSONPath-only"}},
		{"timestamp", `{"StartAt": "A", "States": {"A": {"Type": "Wait", "Timestamp": "2026-01-01T00:00:00", "End": true}}}`, CheckOptions{},
			[]string{"/States/A/Timestamp: Timestamp is not an RFC 3339 timestamp"}},
		{"inline Map ignores ToleratedFailureCount", `{"StartAt": "M", "States": {"M": {"Type": "Map", "ToleratedFailureCount": 1, ` + proc + `, "End": true}}}`, CheckOptions{}, nil},
		{"inline Map refuses ItemBatcher", `{"StartAt": "M", "States": {"M": {"Type": "Map", "ItemBatcher": {}, ` + proc + `, "End": true}}}`, CheckOptions{},
			[]string{"/States/M/ItemBatcher: ItemBatcher is distributed-only"}},
		{"Label", `{"StartAt": "M", "States": {"M": {"Type": "Map", "Label": "a b", ` + proc + `, "End": true}}}`, CheckOptions{},
			[]string{"/States/M/Label: Label holds the character U+0020"}},
		{"nested Next", `{"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Not": {"Variable": "$.a", "IsNull": true, "Next": "C"}, "Next": "C"}]}}}`, CheckOptions{},
			[]string{"/States/C/Choices/0/Not/Next: Next only at the top level"}},
		{"operator without Variable", `{"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"IsNull": true, "Next": "C"}]}}}`, CheckOptions{},
			[]string{"/States/C/Choices/0/IsNull: IsNull needs Variable"}},
		{"ErrorPath takes an intrinsic", `{"StartAt": "F", "States": {"F": {"Type": "Fail", "ErrorPath": "States.Format('a')"}}}`, CheckOptions{}, nil},
		{"placeholder", `{"StartAt": "A", "States": {"A": {"Type": "Wait", "Seconds": "${S}", "End": true}}}`, CheckOptions{Placeholders: true}, nil},
		{"heartbeat below timeout", `{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "TimeoutSeconds": 5, "HeartbeatSeconds": 5, "End": true}}}`, CheckOptions{},
			[]string{"/States/A/HeartbeatSeconds: HeartbeatSeconds is not below TimeoutSeconds"}},
		{"distributed needs ExecutionType", `{"StartAt": "M", "States": {"M": {"Type": "Map", "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED"}, "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}}}`, CheckOptions{},
			[]string{"/States/M/ItemProcessor/ProcessorConfig: ProcessorConfig requires ExecutionType"}},
		{"variable name", `{"StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"a-b": 1}, "End": true}}}`, CheckOptions{},
			[]string{`/States/A/Assign/a-b: Assign key "a-b" is not an identifier`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := asl.Parse("def.json", []byte(tc.def))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range Check(doc.Root, tc.opts) {
				got = append(got, p.Ptr+": "+p.Rule)
			}
			slices.Sort(got)
			slices.Sort(tc.want)
			if !slices.Equal(got, tc.want) {
				t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(tc.want, "\n\t"))
			}
		})
	}
}

// TestRuleColumns holds the rule columns to what the validator needs of
// them: a field of one query language says what the other uses, the
// fields of an exactly-one group exclude each other, Needs names a field
// of the same object, and every field with a rule column cites a source.
func TestRuleColumns(t *testing.T) {
	for obj, fields := range Objects() {
		has := func(name string) bool {
			return slices.ContainsFunc(fields, func(f Field) bool { return f.Name == name })
		}
		for _, f := range fields {
			if slices.Contains(StateTypes, obj) && f.QueryLanguage != "" && f.Instead == "" {
				t.Errorf("%s.%s: %s only, with no Instead", obj, f.Name, f.QueryLanguage)
			}
			for _, n := range f.Needs {
				if !has(n) {
					t.Errorf("%s.%s needs %s, which %s does not have", obj, f.Name, n, obj)
				}
			}
			if f.OneOf != "" && obj != "ChoiceRule" { // a rule's operators are counted, not listed as excluding
				for _, g := range fields {
					if g.OneOf == f.OneOf && g.Name != f.Name && !slices.Contains(f.Excludes, g.Name) {
						t.Errorf("%s.%s and %s are one of group %s but do not exclude each other", obj, f.Name, g.Name, f.OneOf)
					}
				}
			}
			ruled := f.OneOf != "" || f.Instead != "" || f.InlineIgnored || f.Format != "" || f.Text != nil || f.Keys != nil ||
				f.TopLevelOnly || f.RequiredIn != "" || len(f.Needs) > 0 || f.MapMode != "" || f.Below != ""
			if ruled && f.Source == "" {
				t.Errorf("%s.%s has a rule but no Source", obj, f.Name)
			}
		}
	}
}
