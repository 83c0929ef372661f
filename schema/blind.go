package schema

import "strings"

// gojsonschema boxes a string into an interface four times per value it
// checks, an allocation each, and most strings of a definition (Next,
// Variable, ResultPath, …) are checked only for being strings. Such a
// field is handed over as "", which boxes for free: the schema accepts or
// rejects every string alike there, so no verdict or error changes. Which
// fields qualify is read from the schema document, per part.

// stringBlindFields returns the field names that, anywhere under the
// schema s, only have schemas that cannot tell one string from another.
// It returns nil when a schema there could see a field's string through
// something other than properties: a schema for any key
// (additionalProperties, patternProperties) that is not blind, or an enum,
// const or uniqueItems comparing whole objects or arrays.
func stringBlindFields(defs map[string]any, s any) map[string]bool {
	w := blindWalk{defs: defs, names: map[string]bool{}, walked: map[string]bool{}}
	w.walk(s)
	if w.giveUp {
		return nil
	}
	blind := map[string]bool{}
	for name, ok := range w.names {
		if ok {
			blind[name] = true
		}
	}
	return blind
}

type blindWalk struct {
	defs   map[string]any
	names  map[string]bool // field name: blind under every schema given for it
	walked map[string]bool // definitions already walked
	giveUp bool
}

func (w *blindWalk) walk(s any) {
	m, ok := s.(map[string]any)
	if !ok {
		return // true or false
	}
	if ref, ok := m["$ref"].(string); ok { // gojsonschema ignores its siblings
		name, local := refName(ref)
		if !local {
			w.giveUp = true
		} else if !w.walked[name] {
			w.walked[name] = true
			w.walk(w.defs[name])
		}
		return
	}
	if props, ok := m["properties"].(map[string]any); ok {
		for name, p := range props {
			blind := w.blind(p, 0)
			if prev, seen := w.names[name]; seen {
				blind = blind && prev
			}
			w.names[name] = blind
			w.walk(p)
		}
	}
	if pp, ok := m["patternProperties"].(map[string]any); ok {
		for _, p := range pp {
			w.anyKey(p)
		}
	}
	if ap, ok := m["additionalProperties"]; ok {
		w.anyKey(ap)
	}
	enum, _ := m["enum"].([]any)
	for _, v := range enum {
		w.giveUpUnlessScalar(v)
	}
	if c, ok := m["const"]; ok {
		w.giveUpUnlessScalar(c)
	}
	if u, _ := m["uniqueItems"].(bool); u {
		w.giveUp = true
	}
	deps, _ := m["dependencies"].(map[string]any)
	for _, d := range deps {
		w.walk(d) // lists of names are not walked
	}
	for _, k := range []string{"items", "additionalItems", "contains", "not", "if", "then", "else", "anyOf", "oneOf", "allOf"} {
		switch v := m[k].(type) {
		case []any:
			for _, s := range v {
				w.walk(s)
			}
		default:
			w.walk(v)
		}
	}
}

func (w *blindWalk) giveUpUnlessScalar(v any) {
	switch v.(type) {
	case []any, map[string]any:
		w.giveUp = true
	}
}

func (w *blindWalk) anyKey(s any) {
	if !w.blind(s, 0) {
		w.giveUp = true
	}
	w.walk(s)
}

// blind reports whether s accepts or rejects every string alike, with the
// same errors. depth bounds $ref cycles, which count as not blind.
func (w *blindWalk) blind(s any, depth int) bool {
	m, ok := s.(map[string]any)
	if !ok {
		return true // true or false
	}
	if depth > 32 {
		return false
	}
	if ref, ok := m["$ref"].(string); ok {
		name, local := refName(ref)
		return local && w.blind(w.defs[name], depth+1)
	}
	if t, ok := m["type"]; ok && !allowsString(t) {
		return true // the type check fails first, the same for every string
	}
	for _, k := range []string{"enum", "const", "pattern", "minLength", "maxLength", "format"} {
		if _, ok := m[k]; ok {
			return false
		}
	}
	for _, k := range []string{"not", "if", "then", "else"} {
		if sub, ok := m[k]; ok && !w.blind(sub, depth+1) {
			return false
		}
	}
	for _, k := range []string{"anyOf", "oneOf", "allOf"} {
		subs, _ := m[k].([]any)
		for _, sub := range subs {
			if !w.blind(sub, depth+1) {
				return false
			}
		}
	}
	return true
}

func allowsString(t any) bool {
	switch t := t.(type) {
	case string:
		return t == "string"
	case []any:
		for _, x := range t {
			if x == "string" {
				return true
			}
		}
	}
	return false
}

// refName is the definition a local "#/definitions/name" reference names.
func refName(ref string) (name string, local bool) {
	return strings.CutPrefix(ref, "#/definitions/")
}

// topFields returns what the object schema s does with its own fields,
// for those it does little with: unchecked when it accepts whatever they
// hold ({}: a state's Type, which the machine checks, and payloads such as
// Parameters), stringsAccepted when it accepts any string ({"type":
// "string"}: Next, Comment, ResultPath, …), provided that nothing else in
// s looks at their presence. Leaving such a field (or such a string) out
// of the value changes no result and saves gojsonschema a visit. It
// returns nil when s looks at its keys as a whole (minProperties,
// dependencies, anyOf, …).
func topFields(defs map[string]any, s any) map[string]fieldUse {
	m := resolve(defs, s)
	if m == nil {
		return nil
	}
	for k := range m {
		if !annotation(k) && k != "type" && k != "properties" && k != "required" && k != "additionalProperties" {
			return nil
		}
	}
	required := map[string]bool{}
	reqs, _ := m["required"].([]any)
	for _, r := range reqs {
		if name, ok := r.(string); ok {
			required[name] = true
		}
	}
	props, _ := m["properties"].(map[string]any)
	out := map[string]fieldUse{}
	for name, p := range props {
		switch {
		case required[name]:
		case acceptsAnything(p):
			out[name] = unchecked
		case acceptsAnyString(resolve(defs, p)):
			out[name] = stringsAccepted
		}
	}
	return out
}

// resolve follows local $refs from s to the schema object they name; nil
// for a boolean schema, a remote reference or a cycle.
func resolve(defs map[string]any, s any) map[string]any {
	m, _ := s.(map[string]any)
	for depth := 0; m != nil; depth++ {
		ref, ok := m["$ref"].(string)
		if !ok {
			return m
		}
		name, local := refName(ref)
		if !local || depth == 32 {
			return nil
		}
		m, _ = defs[name].(map[string]any)
	}
	return nil
}

// acceptsAnyString reports whether the schema m only says "type" with
// string among the types.
func acceptsAnyString(m map[string]any) bool {
	if m == nil || !allowsString(m["type"]) {
		return false
	}
	for k := range m {
		if !annotation(k) && k != "type" {
			return false
		}
	}
	return true
}

// acceptsAnything reports whether the schema s is true or validates nothing.
func acceptsAnything(s any) bool {
	switch s := s.(type) {
	case bool:
		return s
	case map[string]any:
		for k := range s {
			if !annotation(k) {
				return false
			}
		}
		return true
	}
	return false
}

// annotation reports whether a schema keyword only documents.
func annotation(k string) bool {
	switch k {
	case "title", "description", "$comment", "default", "examples":
		return true
	}
	return false
}
