package jsonpath

import (
	"fmt"
	"github.com/stepstudio/stepstudio/engine/jsonvalue"
	"math"
	"strconv"
	"strings"
)

// Get evaluates the path against doc, whatever root the path has: use it
// when the caller has already picked the document (e.g. InputPath on the
// state input).
func (p *Path) Get(doc any) (any, error) {
	if p.length {
		return p.lengthOf(doc)
	}
	return p.get(doc)
}

func (p *Path) get(doc any) (any, error) {
	if !p.definite {
		return walk(p.frags, doc, doc, []any{}), nil
	}
	cur := doc
	for i, s := range p.steps {
		if s.isIndex {
			arr, ok := cur.([]any)
			if !ok {
				if cur == nil {
					return nil, p.notFound("The path %s is null", p.norm(i))
				}
				return nil, p.notFound("Filter: [%d] can only be applied to arrays. Current context is: %s", s.index, javaString(cur))
			}
			idx := s.index
			if idx < 0 {
				idx += len(arr)
			}
			if idx < 0 || idx >= len(arr) {
				return nil, p.missing("No results for path: %s", p.norm(len(p.steps)))
			}
			cur = arr[idx]
			continue
		}
		obj, ok := cur.(map[string]any)
		if !ok {
			return nil, p.notFound("Expected to find an object with property %s in path %s but found '%s'. This is not a json object according to the JsonProvider: 'com.jayway.jsonpath.spi.json.JsonSmartJsonProvider'.", s.fragment(), p.norm(i), javaClass(cur))
		}
		if s.merge != nil {
			return mergeKeys(obj, s.merge), nil
		}
		v, ok := obj[s.key]
		if !ok {
			if i == len(p.steps)-1 {
				return nil, p.missing("No results for path: %s", p.norm(len(p.steps)))
			}
			return nil, p.missing("Missing property in path %s", p.norm(i+1))
		}
		cur = v
	}
	return cur, nil
}

// Eval evaluates the path against the document its root names.
func (p *Path) Eval(s Scope) (any, error) {
	switch p.root {
	case Context:
		return p.Get(s.Context)
	case Variable:
		var v any
		ok := false
		if s.Vars != nil {
			v, ok = s.Vars.Lookup(p.varName)
		}
		if !ok {
			return nil, &NotFoundError{Path: p.src, Detail: fmt.Sprintf("The variable '$%s' is not defined", p.varName), Missing: true}
		}
		return p.Get(v)
	}
	return p.Get(s.Input)
}

func (p *Path) notFound(format string, args ...any) error {
	return &NotFoundError{Path: p.src, Detail: fmt.Sprintf(format, args...)}
}

func (p *Path) missing(format string, args ...any) error {
	return &NotFoundError{Path: p.src, Detail: fmt.Sprintf(format, args...), Missing: true}
}

// norm renders the first n steps as Jayway normalises paths: $['a'][0].
func (p *Path) norm(n int) string {
	var b strings.Builder
	b.WriteByte('$')
	for _, s := range p.steps[:n] {
		if s.merge != nil {
			b.WriteString(s.fragment())
			continue
		}
		if s.isIndex {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.index))
			b.WriteByte(']')
		} else {
			b.WriteString("['")
			b.WriteString(s.key)
			b.WriteString("']")
		}
	}
	return b.String()
}

// javaClass names the Java class Jayway reports for a value.
func javaClass(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case string:
		return "java.lang.String"
	case bool:
		return "java.lang.Boolean"
	case int64:
		if v >= math.MinInt32 && v <= math.MaxInt32 {
			return "java.lang.Integer"
		}
		return "java.lang.Long"
	case float64:
		return "java.lang.Double"
	case []any:
		return "net.minidev.json.JSONArray"
	}
	return "net.minidev.json.JSONObject"
}

// javaString prints a value roughly as Java's toString would.
func javaString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case nil:
		return "null"
	}
	return fmt.Sprint(v)
}

// fragment renders a name step as Jayway does: ['a'] or ['a', 'b'].
func (s step) fragment() string {
	keys := s.merge
	if keys == nil {
		keys = []string{s.key}
	}
	return "['" + strings.Join(keys, "', '") + "']"
}

// mergeKeys builds the object Jayway returns for $['a','b']: the names
// that are present, with their values.
func mergeKeys(obj map[string]any, keys []string) map[string]any {
	out := make(map[string]any, len(keys))
	present := make([]string, 0, len(keys))
	for _, k := range keys {
		if v, ok := obj[k]; ok {
			if _, dup := out[k]; !dup {
				present = append(present, k)
			}
			out[k] = v
		}
	}
	jsonvalue.SetKeyOrder(out, present)
	return out
}
