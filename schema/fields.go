package schema

import (
	"strings"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// exclusive reports fields the table says exclude each other (fixed
// value or path, older or newer name), on the state and inside the
// objects it holds (a Map's ItemReader.ReaderConfig, ItemBatcher).
func (c *checker) exclusive(s *asl.State, ptr string) {
	r := tableRules()
	check := func(obj *asl.Node, objPtr string, pairs []exclusivePair) {
		for _, p := range pairs {
			if obj.Has(p.first) && obj.Has(p.second) {
				c.errorKey(asl.Append(objPtr, p.second), CodeSchema,
					"%s may have only one of [%q, %q]. %s", subjectOf(objPtr).String(), p.first, p.second, p.hint)
			}
		}
	}
	check(s.Node, ptr, r.exclusive)
	for _, nc := range r.nestedChecks {
		if n := getPath(s.Node, nc.keys); n != nil {
			check(n, asl.Append(ptr, nc.keys...), nc.pairs)
		}
	}
}

// below reports a number that the table says must be smaller than
// another field's (HeartbeatSeconds below TimeoutSeconds).
func (c *checker) below(s *asl.State, ptr string) {
	for _, p := range tableRules().below[string(s.Type)] {
		h, ok1 := s.Field(p[0]).Int()
		t, ok2 := s.Field(p[1]).Int()
		if ok1 && ok2 && h >= t {
			c.errorAt(asl.Append(ptr, p[0]), s.Field(p[0]), CodeSchema,
				"%s state %q: %s (%d) must be smaller than %s (%d).", s.Type, s.Name, p[0], h, p[1], t)
		}
	}
}

func (c *checker) nestedPayloads(s *asl.State, ptr, ql string) {
	wrong, right := "Arguments", "Parameters"
	if ql == asl.JSONata {
		wrong, right = right, wrong
	}
	// The payloads of a Map's reader and writer: Parameters in JSONPath,
	// Arguments in JSONata.
	for _, obj := range tableRules().payloadObjects {
		if f := s.Node.Get(obj).Field(wrong); f != nil {
			c.report(Error, asl.Append(ptr, obj, wrong), f.KeyRange, CodeSchema,
				"State %q uses %s, so its %s takes %s, not %s.", s.Name, ql, obj, right, wrong)
		}
	}
}

func (c *checker) queryLanguageFields(s *asl.State, ptr, ql string) {
	if ql == asl.JSONata || ql == asl.JSONPath {
		c.nestedPayloads(s, ptr, ql)
	}
	if ql == asl.JSONata {
		for _, f := range s.Node.Fields {
			if fix, ok := tableRules().jsonPathOnly[f.Key]; ok {
				c.report(Error, asl.Append(ptr, f.Key), f.KeyRange, CodeSchema,
					"State %q uses JSONata, where the JSONPath field %q is not allowed: %s, or set QueryLanguage to JSONPath.", s.Name, f.Key, fix)
			}
		}
		for i, cat := range s.Catch {
			if f := cat.Node.Field("ResultPath"); f != nil {
				c.report(Error, asl.AppendIndex(asl.Append(ptr, "Catch"), i)+"/ResultPath", f.KeyRange, CodeSchema,
					"State %q uses JSONata, where Catch rules have no ResultPath: use Output (and Assign) in the Catch rule.", s.Name)
			}
		}
		return
	}
	if ql != asl.JSONPath {
		return // an invalid QueryLanguage is reported by the schema
	}
	for _, f := range s.Node.Fields {
		if fix, ok := tableRules().jsonataOnly[f.Key]; ok {
			c.report(Error, asl.Append(ptr, f.Key), f.KeyRange, CodeSchema,
				"State %q uses JSONPath, where the JSONata field %q is not allowed: %s, or set \"QueryLanguage\": \"JSONata\" on the state.", s.Name, f.Key, fix)
		}
	}
	for i, cat := range s.Catch {
		if f := cat.Node.Field("Output"); f != nil {
			c.report(Error, asl.AppendIndex(asl.Append(ptr, "Catch"), i)+"/Output", f.KeyRange, CodeSchema,
				"State %q uses JSONPath, where Catch rules have no Output: use ResultPath, or switch the state to JSONata.", s.Name)
		}
	}
	// A number field may hold a "{% … %}" string only in JSONata states.
	for _, name := range tableRules().numeric {
		if v := s.Field(name); v.Is(asl.KindString) && isJSONata(v.Str) {
			c.errorAt(asl.Append(ptr, name), v, CodeSchema,
				"State %q uses JSONPath, so %q cannot be a JSONata expression. Use %sPath with a path, or set \"QueryLanguage\": \"JSONata\" on the state.", s.Name, name, name)
		}
	}
}

func isJSONata(s string) bool {
	return strings.HasPrefix(s, "{%") && strings.HasSuffix(s, "%}") && len(s) >= 4
}
