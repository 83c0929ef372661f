package schema

import (
	"encoding/json"
	"slices"

	"github.com/xeipuuv/gojsonreference"
	"github.com/xeipuuv/gojsonschema"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// nodeLoader hands gojsonschema the already-parsed tree, skipping the JSON
// round trip its Go loader makes. Numbers are json.Number, as it expects.
// A machine is converted with its states cut down to their Type and a state
// with its nested machines cut down likewise, since each state is validated
// on its own; payloads, which the schema only type-checks, are cut to their
// outer shape. This keeps validation linear in the size of the definition.
// Objects are filled from their last field to their first, so the first of
// duplicate keys wins, as Get does, without a lookup per field.
type nodeLoader struct {
	root    *asl.Node
	isState bool
	conv    converter
}

func (l nodeLoader) JsonSource() any { return l.root }
func (l nodeLoader) LoadJSON() (any, error) {
	if l.isState {
		return l.conv.state(l.root), nil
	}
	return l.conv.machine(l.root), nil
}
func (l nodeLoader) LoaderFactory() gojsonschema.JSONLoaderFactory {
	return gojsonschema.DefaultJSONLoaderFactory{}
}
func (l nodeLoader) JsonReference() (gojsonreference.JsonReference, error) {
	return gojsonreference.NewJsonReference("#")
}

// payloadField reports whether the field key holds free-form JSON the
// schema checks only the type of. A switch, unlike a map, hashes nothing:
// this runs for every field handed to gojsonschema.
func payloadField(key string) bool {
	switch key {
	case "Parameters", "ResultSelector", "Arguments", "Output", "Assign",
		"Result", "ItemSelector", "Credentials", "BatchInput":
		return true
	}
	return false
}

// converter turns nodes into gojsonschema's values for one schema part,
// shaped by what the part does with each field name (uses). A state's
// objects and arrays come from arena.
type converter struct {
	uses  map[string]fieldUse
	arena *valueArena
}

// fieldUse says what a schema part does with the fields of one name.
type fieldUse uint8

const (
	// blindString: every string is alike to the part there, so strings
	// are handed over as "" (see stringBlindFields).
	blindString fieldUse = 1 << iota
	// unchecked: at the top of the part, the field is not looked at, so
	// it is left out (see topFields).
	unchecked
	// stringsAccepted: at the top of the part, any string is accepted
	// there and nothing else looks at the field, so a string is left out
	// (see topFields).
	stringsAccepted
)

// valueArena recycles the objects and arrays of the states handed to
// gojsonschema: it keeps no reference once Validate returns, and runSchema
// reads the result before it converts the next state, so one state's
// containers serve the next instead of thousands being allocated per run.
type valueArena struct {
	objects []map[string]any
	arrays  [][]any
	no, na  int // in use since reset
}

// reset makes every container available again.
func (a *valueArena) reset() { a.no, a.na = 0, 0 }

func (a *valueArena) object() map[string]any {
	if a.no == len(a.objects) {
		a.objects = append(a.objects, map[string]any{})
	}
	m := a.objects[a.no]
	if len(m) > maxRecycled {
		// clear costs the map's capacity: one huge object must not
		// slow every later state down.
		m = map[string]any{}
		a.objects[a.no] = m
	}
	a.no++
	clear(m)
	return m
}

// maxRecycled is the size above which an object is not recycled.
const maxRecycled = 64

func (a *valueArena) array(n int) []any {
	if a.na == len(a.arrays) {
		a.arrays = append(a.arrays, nil)
	}
	s := a.arrays[a.na]
	if cap(s) < n {
		s = make([]any, n)
		a.arrays[a.na] = s
	}
	a.na++
	return s[:n]
}

// blindString reports whether f holds a string the schema cannot tell
// apart from "".
func (c converter) blindString(f *asl.Field) bool {
	return f.Value.Kind == asl.KindString && c.uses[f.Key]&blindString != 0
}

func (c converter) machine(n *asl.Node) any {
	if !n.Is(asl.KindObject) {
		return schemaValue(n)
	}
	out := make(map[string]any, len(n.Fields))
	for _, f := range slices.Backward(n.Fields) {
		if c.blindString(f) {
			out[f.Key] = ""
			continue
		}
		if f.Key == "States" && f.Value.Is(asl.KindObject) {
			states := make(map[string]any, len(f.Value.Fields))
			shapes := map[string]any{}
			for _, s := range slices.Backward(f.Value.Fields) {
				states[s.Key] = stateShape(s.Value, shapes)
			}
			out[f.Key] = states
			continue
		}
		out[f.Key] = schemaValue(f.Value)
	}
	return out
}

// stateShape is a state reduced to what a machine's schema checks. States
// of the same string Type share one shape, kept in shapes: gojsonschema
// only reads it.
func stateShape(n *asl.Node, shapes map[string]any) any {
	if !n.Is(asl.KindObject) {
		return schemaValue(n)
	}
	t := n.Get("Type")
	switch {
	case t == nil:
		return emptyObject
	case t.Kind != asl.KindString:
		return map[string]any{"Type": schemaValue(t)}
	}
	shape, ok := shapes[t.Str]
	if !ok {
		shape = map[string]any{"Type": t.Str}
		shapes[t.Str] = shape
	}
	return shape
}

func (c converter) state(n *asl.Node) any {
	out := c.arena.object()
	for _, f := range slices.Backward(n.Fields) {
		use := c.uses[f.Key]
		switch {
		case use&unchecked != 0, use&stringsAccepted != 0 && f.Value.Kind == asl.KindString:
		case use&blindString != 0 && f.Value.Kind == asl.KindString:
			out[f.Key] = ""
		case payloadField(f.Key):
			out[f.Key] = shallowValue(f.Value)
		case f.Key == "Branches" && f.Value.Is(asl.KindArray):
			bs := make([]any, len(f.Value.Items))
			for i, b := range f.Value.Items {
				bs[i] = c.machine(b)
			}
			out[f.Key] = bs
		case f.Key == "ItemProcessor" || f.Key == "Iterator":
			out[f.Key] = c.machine(f.Value)
		default:
			out[f.Key] = c.payloadsShallow(f.Value)
		}
	}
	return out
}

// payloadsShallow converts n fully except payload fields inside it (a
// Catch rule's Assign, an ItemReader's Parameters).
func (c converter) payloadsShallow(n *asl.Node) any {
	switch n.Kind {
	case asl.KindArray:
		out := c.arena.array(len(n.Items))
		for i, it := range n.Items {
			out[i] = c.payloadsShallow(it)
		}
		return out
	case asl.KindObject:
		out := c.arena.object()
		for _, f := range slices.Backward(n.Fields) {
			switch {
			case c.blindString(f):
				out[f.Key] = ""
			case payloadField(f.Key):
				out[f.Key] = shallowValue(f.Value)
			default:
				out[f.Key] = c.payloadsShallow(f.Value)
			}
		}
		return out
	}
	return schemaValue(n)
}

// shallowValue keeps a value's type but not its contents. The empty
// object and array are shared: gojsonschema only reads them.
func shallowValue(n *asl.Node) any {
	switch n.Kind {
	case asl.KindArray:
		return emptyArray
	case asl.KindObject:
		return emptyObject
	}
	return schemaValue(n)
}

var emptyArray, emptyObject any = []any{}, map[string]any{}

func schemaValue(n *asl.Node) any {
	switch n.Kind {
	case asl.KindBool:
		return n.Bool
	case asl.KindNumber:
		return json.Number(n.Num)
	case asl.KindString:
		return n.Str
	case asl.KindArray:
		out := make([]any, len(n.Items))
		for i, it := range n.Items {
			out[i] = schemaValue(it)
		}
		return out
	case asl.KindObject:
		out := make(map[string]any, len(n.Fields))
		for _, f := range slices.Backward(n.Fields) {
			out[f.Key] = schemaValue(f.Value)
		}
		return out
	}
	return nil
}
