package fieldtable

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// The JSON Schema of ASL (schema/asl.schema.json) is written from the
// table: which fields each object has, their value shapes, what is
// required, enums and descriptions. Only the shared value shapes below
// are written by hand.
//
// The document serves two readers. The studio compiles definitions one by
// one (schema/jsonschema.go): the machine, whose states are checked only
// for a known Type (stateShape), and one definition per state type, each
// state validated against its own. Editors outside the studio (VS Code's
// JSON and YAML plugins) validate from the root, which reaches every
// state through the definition "state": an if/then per Type, plus what the
// Go checks add that a schema can say (fields that exclude each other).

// member is one key of a schema object; obj keeps its keys in the order
// written, so the generated file reads like the table.
type member struct {
	key   string
	value any
}

type obj []member

func (o obj) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(m.key)
		if err != nil {
			return nil, err
		}
		v, err := marshal(m.value)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", m.key, err)
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// marshal encodes without escaping <, > and &, which descriptions use.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

func ref(def string) obj { return obj{{"$ref", "#/definitions/" + def}} }

// defName is the definition an object of the table is written as:
// "Machine" as machine, "ChoiceRule" as choiceRule.
func defName(object string) string {
	return strings.ToLower(object[:1]) + object[1:]
}

// shapes are the shared value shapes, by the name a field's Shape (or
// Type, for path and template) gives; "any" is written in place as {}.
func shapes() []member {
	return []member{
		{"jsonata", obj{{"description", "A JSONata expression: a string in {% %}."}, {"type", "string"}, {"pattern", `^\{%[\s\S]*%\}$`}}},
		{"path", obj{{"description", "A JSONPath or reference path, e.g. $.order.id; the Go checks read it."}, {"type", "string"}}},
		{shapeNullablePath, obj{{"description", "A path, or null for none."}, {"type", []string{"string", "null"}}}},
		{"template", obj{{"description", "A JSON object; keys ending in .$ take a path or intrinsic function."}, {"type", "object"}}},
		{shapeResource, obj{{"description", "An ARN, never empty."}, {"type", "string"}, {"minLength", 1}}},
		{shapeErrorEquals, obj{{"description", "Error names, at least one."}, {"type", "array"}, {"minItems", 1}, {"items", obj{{"type", "string"}, {"minLength", 1}}}}},
		{shapeStates, obj{
			{"description", "States by name; each is checked here only for a known Type, then against its type's definition."},
			{"type", "object"}, {"minProperties", 1}, {"additionalProperties", ref("stateShape")},
		}},
		{"stateShape", obj{
			{"type", "object"}, {"required", []string{"Type"}},
			{"properties", obj{{"Type", obj{{"description", typeField.Doc}, {"enum", StateTypes}}}}},
		}},
	}
}

// objectOrder is the order definitions are written in: the machine, the
// state types, then the objects they hold.
func objectOrder() []string {
	return append(append([]string{"Machine"}, StateTypes...), "Retrier", "Catcher", "ChoiceRule", "Branch",
		"ItemProcessor", "ProcessorConfig", "ItemReader", "ReaderConfig", "ItemBatcher", "ResultWriter", "WriterConfig")
}

// Schema returns the JSON Schema of ASL, the content of
// schema/asl.schema.json.
func Schema() ([]byte, error) {
	order := objectOrder()
	if len(order) != len(Objects()) {
		return nil, fmt.Errorf("fieldtable: %d objects in the table, %d written to the schema", len(Objects()), len(order))
	}
	var defs obj
	for _, o := range order {
		fields, ok := Objects()[o]
		if !ok {
			return nil, fmt.Errorf("fieldtable: no object %s", o)
		}
		d, err := objectSchema(o, fields)
		if err != nil {
			return nil, err
		}
		defs = append(defs, member{defName(o), d})
	}
	defs = append(defs, shapes()...)
	full, machine, err := fullForm()
	if err != nil {
		return nil, err
	}
	defs = append(defs, full...)
	root := obj{
		{"$schema", "http://json-schema.org/draft-07/schema#"},
		{"$id", "https://stepstudio.dev/schema/asl.json"},
		{"$comment", "Generated from schema/fieldtable by `go test ./schema/fieldtable -run TestGenerate -update`. Do not edit."},
		{"title", "Amazon States Language state machine"},
		{"description", "Written for Stepstudio from the ASL specification and the AWS Step Functions developer guide. " +
			"Structure only: transitions, reachability, paths, intrinsics and JSONata are checked in Go. " +
			"From the root every state is validated against its Type's definition (definitions/state, an if/then per Type). " +
			"The studio instead compiles definitions/machine, which checks only that each state is an object with a known Type, " +
			"and validates each state against the definition named after its Type (definitions/task, definitions/pass, …), " +
			"which keeps validation linear and its errors specific."},
		{"allOf", []obj{ref("machine"), machine}},
		{"definitions", defs},
	}
	b, err := marshal(root)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, b, "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// objectSchema writes one object of the table. A state's Type is checked
// once, by stateShape, so each type's definition takes it as it is.
func objectSchema(object string, fields []Field) (obj, error) {
	isState := slices.Contains(StateTypes, object)
	var props obj
	var required []string
	for _, f := range fields {
		if isState && f.Name == "Type" {
			props = append(props, member{f.Name, obj{{"description", f.Doc}}})
			continue
		}
		v, err := valueSchema(f)
		if err != nil {
			return nil, fmt.Errorf("fieldtable: %s.%s: %w", object, f.Name, err)
		}
		props = append(props, member{f.Name, append(obj{{"description", f.Doc}}, v...)})
		if f.Required {
			required = append(required, f.Name)
		}
	}
	var s obj
	if !isState {
		s = append(s, member{"type", "object"}) // a state's is checked by stateShape
	}
	if len(required) > 0 {
		s = append(s, member{"required", required})
	}
	return append(s, member{"properties", props}, member{"additionalProperties", false}), nil
}

// valueSchema is what a field's value may be.
func valueSchema(f Field) (obj, error) {
	switch {
	case f.Shape == shapeAny:
		return obj{}, nil
	case f.Shape != "":
		if !slices.ContainsFunc(shapes(), func(m member) bool { return m.key == f.Shape }) {
			return nil, fmt.Errorf("unknown shape %q", f.Shape)
		}
		return ref(f.Shape), nil
	case len(f.Enum) > 0:
		return obj{{"enum", f.Enum}}, nil
	}
	base, jsonata := strings.CutSuffix(f.Type, "|jsonata")
	var s obj
	switch base {
	case "path", "template":
		s = ref(base)
	case "any":
		s = obj{}
	case "object":
		if f.Object != "" {
			if _, ok := Objects()[f.Object]; !ok {
				return nil, fmt.Errorf("no object %s", f.Object)
			}
			s = ref(defName(f.Object))
		} else {
			s = obj{{"type", "object"}}
		}
	case "array":
		s = obj{{"type", "array"}}
		if f.MinItems > 0 {
			s = append(s, member{"minItems", f.MinItems})
		}
		if f.Items != "" {
			items, err := itemSchema(f)
			if err != nil {
				return nil, err
			}
			s = append(s, member{"items", items})
		}
	case "string", "integer", "number", "boolean":
		s = obj{{"type", base}}
		if f.Minimum != nil {
			s = append(s, member{"minimum", *f.Minimum})
		}
		if f.Maximum != nil {
			s = append(s, member{"maximum", *f.Maximum})
		}
	default:
		return nil, fmt.Errorf("unknown type %q", f.Type)
	}
	if jsonata {
		return obj{{"anyOf", []obj{s, ref("jsonata")}}}, nil
	}
	return s, nil
}

func itemSchema(f Field) (obj, error) {
	if _, ok := Objects()[f.Items]; !ok {
		if len(f.ItemsRequire) > 0 {
			return nil, fmt.Errorf("items of type %s cannot require fields", f.Items)
		}
		return obj{{"type", f.Items}}, nil
	}
	s := ref(defName(f.Items))
	if len(f.ItemsRequire) > 0 {
		return obj{{"allOf", []obj{s, {{"required", f.ItemsRequire}}}}}, nil
	}
	return s, nil
}

// fullForm writes the definitions that validate a whole document from
// the root ("fullStates" and "state") and what the root adds to the
// machine's definition to reach them.
func fullForm() (defs []member, machine obj, err error) {
	if machine, err = overlay("Machine", map[string]bool{}); err != nil {
		return nil, nil, err
	}
	cases := []obj{ref("stateShape")}
	for _, t := range StateTypes {
		o, err := overlay(t, map[string]bool{})
		if err != nil {
			return nil, nil, err
		}
		then := ref(defName(t))
		if o != nil {
			then = obj{{"allOf", []obj{then, o}}}
		}
		cases = append(cases, obj{
			{"if", obj{{"properties", obj{{"Type", obj{{"const", t}}}}}, {"required", []string{"Type"}}}},
			{"then", then},
		})
	}
	defs = []member{
		{"fullStates", obj{
			{"description", "States by name, each validated in full (definitions/state)."},
			{"type", "object"}, {"minProperties", 1}, {"additionalProperties", ref("state")},
		}},
		{"state", obj{
			{"description", "One state validated in full: its Type picks its definition, and the states it holds are validated the same way. " +
				"For editors and generic validators; the studio validates each state on its own instead."},
			{"allOf", cases},
		}},
	}
	return defs, machine, nil
}

// overlay is what validating object in full adds to its definition: the
// fields it may not have together, and the same for the objects and
// states it holds. nil when it adds nothing; seen guards the cycle of
// Choice rules (which add nothing).
func overlay(object string, seen map[string]bool) (obj, error) {
	if seen[object] {
		return nil, nil
	}
	seen[object] = true
	defer delete(seen, object)
	fields := Objects()[object]
	var props obj
	for _, f := range fields {
		var sub obj
		switch {
		case f.Shape == shapeStates:
			sub = ref("fullStates")
		case f.Type == "object" && f.Object != "":
			o, err := overlay(f.Object, seen)
			if err != nil {
				return nil, err
			}
			sub = o
		case f.Type == "array" && f.Items != "":
			if _, ok := Objects()[f.Items]; !ok {
				continue
			}
			o, err := overlay(f.Items, seen)
			if err != nil {
				return nil, err
			}
			if o != nil {
				sub = obj{{"items", o}}
			}
		}
		if sub != nil {
			props = append(props, member{f.Name, sub})
		}
	}
	var nots []obj
	for i, f := range fields {
		for _, x := range f.Excludes {
			j := slices.IndexFunc(fields, func(g Field) bool { return g.Name == x })
			if j > i { // each pair once
				nots = append(nots, obj{{"not", obj{{"required", []string{f.Name, x}}}}})
			}
		}
	}
	var o obj
	if len(nots) > 0 {
		o = append(o, member{"allOf", nots})
	}
	if len(props) > 0 {
		o = append(o, member{"properties", props})
	}
	return o, nil
}
