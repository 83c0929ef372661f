package schema

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/xeipuuv/gojsonreference"
	"github.com/xeipuuv/gojsonschema"

	"github.com/stepstudio/stepstudio/engine/asl"
)

//go:embed asl.schema.json
var aslSchema []byte

// compiled is the embedded schema, compiled on first use and shared: a
// *gojsonschema.Schema is safe for concurrent Validate calls.
var compiled = sync.OnceValues(func() (*gojsonschema.Schema, error) {
	return gojsonschema.NewSchema(gojsonschema.NewBytesLoader(aslSchema))
})

// nodeLoader hands gojsonschema the already-parsed tree, skipping the JSON
// round trip its Go loader makes. Numbers are json.Number, as it expects.
type nodeLoader struct{ root *asl.Node }

func (l nodeLoader) JsonSource() any        { return l.root }
func (l nodeLoader) LoadJSON() (any, error) { return schemaValue(l.root), nil }
func (l nodeLoader) LoaderFactory() gojsonschema.JSONLoaderFactory {
	return gojsonschema.DefaultJSONLoaderFactory{}
}
func (l nodeLoader) JsonReference() (gojsonreference.JsonReference, error) {
	return gojsonreference.NewJsonReference("#")
}

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
		for _, f := range n.Fields {
			if _, dup := out[f.Key]; !dup { // the first of duplicate keys, as Get does
				out[f.Key] = schemaValue(f.Value)
			}
		}
		return out
	}
	return nil
}

// contextSep joins gojsonschema's context segments; state names may hold
// any printable character, so a control character keeps segments apart.
const contextSep = "\x1f"

// schema runs the JSON Schema and reports its errors as diagnostics.
func (c *checker) schema() {
	s, err := compiled()
	if err != nil {
		// A build defect that every test catches; reported, never a crash.
		c.errorAt("", c.doc.Root, CodeSchema, "Internal error: the embedded ASL schema does not compile: %v.", err)
		return
	}
	res, err := s.Validate(nodeLoader{c.doc.Root})
	if err != nil {
		c.errorAt("", c.doc.Root, CodeSchema, "The definition could not be checked against the schema: %v.", err)
		return
	}
	reported := map[string]bool{}
	for _, e := range res.Errors() {
		switch e.Type() {
		case "condition_then", "condition_else", "number_all_of":
			continue // wrappers: the specific errors are reported too
		}
		ptr := contextPointer(e.Context())
		if c.opts.Placeholders && c.placeholderValue(ptr) {
			continue
		}
		// One problem per value: a null Credentials fails both anyOf and
		// type, and the first says it best. Missing or extra fields of an
		// object are each worth reporting.
		if t := e.Type(); t != "required" && t != "additional_property_not_allowed" {
			if reported[ptr] {
				continue
			}
			reported[ptr] = true
		}
		c.schemaError(ptr, e)
	}
}

func contextPointer(ctx *gojsonschema.JsonContext) string {
	segs := strings.Split(ctx.String(contextSep), contextSep)
	if len(segs) > 0 && segs[0] == gojsonschema.STRING_CONTEXT_ROOT {
		segs = segs[1:]
	}
	return asl.Pointer(segs...)
}

// placeholderValue reports whether the value at ptr is an IaC placeholder
// standing for a value of another type, e.g. "TimeoutSeconds": "${T}", or
// a CloudFormation intrinsic such as {"Fn::GetAtt": […]} or {"Ref": "F"}.
func (c *checker) placeholderValue(ptr string) bool {
	n, _, ok := c.doc.Root.Lookup(ptr)
	if !ok {
		return false
	}
	if n.Is(asl.KindString) {
		return isPlaceholder(n.Str)
	}
	return isIntrinsicObject(n)
}

func detailString(e gojsonschema.ResultError, key string) string {
	v, ok := e.Details()[key]
	if !ok {
		return ""
	}
	if s, ok := v.(string); ok {
		return s
	}
	return fmt.Sprint(v)
}

func quoteList(s string) string {
	s = strings.Trim(s, "[]")
	parts := strings.Split(s, ",")
	for i, p := range parts {
		p = strings.Trim(strings.TrimSpace(p), `"`)
		parts[i] = strconv.Quote(p)
	}
	return strings.Join(parts, ", ")
}
