package fieldtable

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// Check reads a definition with nothing but the table: which fields each
// object has, their types, bounds and enums, which are required, which
// exclude each other, which query language and Map mode they belong to,
// and which name a state. It is the yardstick of the table itself (how
// far the table alone agrees with the labelled corpus) and never reports
// to users: the validator (package schema) does, with its own messages.

// Problem is one rule of the table a definition breaks.
type Problem struct {
	Ptr  string // JSON pointer of the value or field
	Rule string // the rule, in a few words
}

// CheckOptions tune Check as schema.Options tune the validator.
type CheckOptions struct {
	// Placeholders accepts an IaC substitution (${Name}) for any scalar.
	Placeholders bool
}

// Check returns the problems the table finds in root.
func Check(root *asl.Node, opts CheckOptions) []Problem {
	w := walker{opts: opts}
	if !root.Is(asl.KindObject) {
		return []Problem{{"", "definition is not an object"}}
	}
	ql := JSONPath
	if v := root.Get("QueryLanguage"); v.Is(asl.KindString) {
		ql = v.Str
	}
	w.object("Machine", root, "", ctx{ql: ql, states: root.Get("States")})
	return w.problems
}

// ctx is what a field's rules depend on beyond its own object.
type ctx struct {
	ql          string    // the query language in force
	distributed bool      // inside a Map whose ProcessorConfig Mode is DISTRIBUTED
	states      *asl.Node // the States of the enclosing machine, for state names
	state       *asl.Node // the enclosing state
	object      string    // the object being walked
	nested      bool      // an object inside one of its own kind (a Choice rule in And, Or, Not)
}

type walker struct {
	opts     CheckOptions
	problems []Problem
}

func (w *walker) add(ptr, format string, args ...any) {
	w.problems = append(w.problems, Problem{ptr, fmt.Sprintf(format, args...)})
}

// lookup returns object's field named name.
func lookup(object, name string) (Field, bool) {
	for _, f := range Objects()[object] {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

func (w *walker) object(object string, n *asl.Node, ptr string, c ctx) {
	if !n.Is(asl.KindObject) {
		w.add(ptr, "%s is not an object", object)
		return
	}
	c.object = object
	groups := map[string]int{}
	inForce := map[string]bool{}
	for _, fl := range Objects()[object] {
		required := fl.Required || fl.RequiredIn == c.ql || fl.RequiredIn == Distributed && c.distributed
		if required && !n.Has(fl.Name) {
			w.add(ptr, "%s requires %s", object, fl.Name)
		}
		if fl.OneOf != "" {
			if n.Has(fl.Name) {
				groups[fl.OneOf]++
			}
			inForce[fl.OneOf] = inForce[fl.OneOf] || fl.QueryLanguage == "" || fl.QueryLanguage == c.ql
		}
	}
	for g, ok := range inForce {
		if ok && groups[g] != 1 {
			w.add(ptr, "%s needs exactly one field of group %s, has %d", object, g, groups[g])
		}
	}
	for _, kv := range n.Fields {
		fp := asl.Append(ptr, kv.Key)
		fl, ok := lookup(object, kv.Key)
		if !ok {
			w.add(fp, "%s has no field %s", object, kv.Key)
			continue
		}
		if fl.QueryLanguage != "" && fl.QueryLanguage != c.ql {
			w.add(fp, "%s is %s-only", kv.Key, fl.QueryLanguage)
		}
		if fl.MapMode == Distributed && !c.distributed && !fl.InlineIgnored {
			w.add(fp, "%s is distributed-only", kv.Key)
		}
		for _, x := range fl.Excludes {
			if n.Has(x) && kv.Key < x {
				w.add(fp, "%s excludes %s", kv.Key, x)
			}
		}
		for _, need := range fl.Needs {
			if !n.Has(need) {
				w.add(fp, "%s needs %s", kv.Key, need)
			}
		}
		if x, ok := kv.Value.Float(); ok && fl.Below != "" {
			if y, ok := n.Get(fl.Below).Float(); ok && x >= y {
				w.add(fp, "%s is not below %s", kv.Key, fl.Below)
			}
		}
		if fl.TopLevelOnly && c.nested {
			w.add(fp, "%s only at the top level", kv.Key)
		}
		w.value(fl, kv.Value, fp, c)
	}
}

var identRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[\p{L}_][\p{L}\p{N}_]*$`) })
var placeholderRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\$\{[^}]+\}$`) })

func isJSONata(s string) bool {
	return len(s) >= 4 && strings.HasPrefix(s, "{%") && strings.HasSuffix(s, "%}")
}

// value checks one field's value against the field.
func (w *walker) value(fl Field, v *asl.Node, ptr string, c ctx) {
	if w.opts.Placeholders && fl.Type != "object" && fl.Type != "array" && isPlaceholder(v) {
		return
	}
	// "…|jsonata": a {% %} expression in place of the value, in JSONata.
	base, orJSONata := strings.CutSuffix(fl.Type, "|jsonata")
	if orJSONata && c.ql == JSONata && v.Is(asl.KindString) && isJSONata(v.Str) {
		return
	}
	switch fl.Shape {
	case shapeAny:
		return
	case shapeNullablePath:
		if !v.Is(asl.KindString) && !v.Is(asl.KindNull) {
			w.add(ptr, "%s is a path or null", fl.Name)
		}
		return
	case shapeResource:
		if !v.Is(asl.KindString) || v.Str == "" {
			w.add(ptr, "%s is a non-empty string", fl.Name)
		}
		return
	case shapeErrorEquals:
		if !v.Is(asl.KindArray) || len(v.Items) == 0 {
			w.add(ptr, "%s is a non-empty array", fl.Name)
			return
		}
		for _, it := range v.Items {
			if !it.Is(asl.KindString) || it.Str == "" {
				w.add(ptr, "%s holds non-empty strings", fl.Name)
			}
		}
		return
	case shapeStates:
		if v.Is(asl.KindObject) && fl.Keys != nil {
			for _, kv := range v.Fields {
				w.text(fl.Keys, kv.Key, asl.Append(ptr, kv.Key), "state name")
			}
		}
		w.states(v, ptr, c)
		return
	}
	if !kindOK(base, v) {
		w.add(ptr, "%s is %s", fl.Name, fl.Type)
		return
	}
	if len(fl.Enum) > 0 && !(v.Is(asl.KindString) && slices.Contains(fl.Enum, v.Str)) {
		w.add(ptr, "%s is one of %v", fl.Name, fl.Enum)
	}
	if x, ok := v.Float(); ok {
		if fl.Minimum != nil && x < *fl.Minimum || fl.Maximum != nil && x > *fl.Maximum {
			w.add(ptr, "%s out of range", fl.Name)
		}
	}
	if v.Is(asl.KindObject) && fl.Keys != nil {
		for _, kv := range v.Fields {
			w.text(fl.Keys, kv.Key, asl.Append(ptr, kv.Key), fl.Name+" key")
		}
	}
	// ASL spec, Paths: "a Path is a string, beginning with $"; $$ reads
	// the context object.
	if base == "path" && v.Is(asl.KindString) && !strings.HasPrefix(v.Str, "$") &&
		!(fl.Format == formatPathOrIntrinsic && strings.HasPrefix(v.Str, "States.")) {
		w.add(ptr, "%s is not a path", fl.Name)
	}
	if v.Is(asl.KindString) && fl.Text != nil {
		w.text(fl.Text, v.Str, ptr, fl.Name)
	}
	if fl.Format == formatTimestamp && v.Is(asl.KindString) && !(c.ql == JSONata && isJSONata(v.Str)) {
		if _, err := time.Parse(time.RFC3339Nano, v.Str); err != nil {
			w.add(ptr, "%s is not an RFC 3339 timestamp", fl.Name)
		}
	}
	if fl.StateName && v.Is(asl.KindString) && c.states != nil && !c.states.Has(v.Str) {
		w.add(ptr, "%s names no state", fl.Name)
	}
	switch base {
	case "object":
		if fl.Object != "" {
			w.nested(fl.Object, v, ptr, c)
		}
	case "array":
		if len(v.Items) < fl.MinItems {
			w.add(ptr, "%s has fewer than %d items", fl.Name, fl.MinItems)
		}
		if fl.Items == "" {
			return
		}
		for i, it := range v.Items {
			ip := asl.AppendIndex(ptr, i)
			if _, isObject := Objects()[fl.Items]; !isObject {
				if !kindOK(fl.Items, it) {
					w.add(ip, "%s items are %s", fl.Name, fl.Items)
				}
				continue
			}
			for _, r := range fl.ItemsRequire {
				if it.Is(asl.KindObject) && !it.Has(r) {
					w.add(ip, "%s items require %s", fl.Name, r)
				}
			}
			w.nested(fl.Items, it, ip, c)
		}
	}
}

// nested walks an object a field holds; a Branch or ItemProcessor opens
// a machine of its own.
func (w *walker) nested(object string, v *asl.Node, ptr string, c ctx) {
	c.nested = object == c.object
	switch object {
	case "Branch", "ItemProcessor":
		c.states = v.Get("States")
		c.distributed = false
		if object == "ItemProcessor" {
			mode := v.Get("ProcessorConfig").Get("Mode")
			c.distributed = mode.Is(asl.KindString) && mode.Str == Distributed
		}
	}
	w.object(object, v, ptr, c)
}

// states walks each state of a States object as its Type says.
func (w *walker) states(v *asl.Node, ptr string, c ctx) {
	if !v.Is(asl.KindObject) || len(v.Fields) == 0 {
		w.add(ptr, "States is a non-empty object")
		return
	}
	c.states = v
	for _, kv := range v.Fields {
		sp := asl.Append(ptr, kv.Key)
		s := kv.Value
		t := s.Get("Type")
		if !s.Is(asl.KindObject) || !t.Is(asl.KindString) || !slices.Contains(StateTypes, t.Str) {
			w.add(sp, "a state needs a known Type")
			continue
		}
		sc := c
		sc.state = s
		if q := s.Get("QueryLanguage"); q.Is(asl.KindString) {
			sc.ql = q.Str
		}
		if t.Str == "Map" {
			mode := s.Get("ItemProcessor").Get("ProcessorConfig").Get("Mode")
			if !mode.Is(asl.KindString) {
				mode = s.Get("Iterator").Get("ProcessorConfig").Get("Mode")
			}
			sc.distributed = mode.Is(asl.KindString) && mode.Str == Distributed
		}
		w.object(t.Str, s, sp, sc)
	}
}

// text checks a name against its rule.
func (w *walker) text(r *TextRule, s, ptr, what string) {
	if n := utf8.RuneCountInString(s); n < r.Min || r.Max > 0 && n > r.Max {
		w.add(ptr, "%s is %d characters long", what, n)
		return
	}
	if r.Identifier && !identRE().MatchString(strings.TrimSuffix(s, ".$")) {
		w.add(ptr, "%s %q is not an identifier", what, s)
		return
	}
	for _, ch := range s {
		if unicode.IsControl(ch) || r.NoSpace && (unicode.IsSpace(ch) || ch >= 0x7f && ch <= 0x9f || ch == utf8.RuneError) || strings.ContainsRune(r.Forbidden, ch) {
			w.add(ptr, "%s holds the character %U", what, ch)
			return
		}
	}
}

// isPlaceholder: an IaC substitution, ${Name} or a CloudFormation
// intrinsic object ({"Ref": …}, {"Fn::GetAtt": …}).
func isPlaceholder(v *asl.Node) bool {
	if v.Is(asl.KindString) {
		return placeholderRE().MatchString(v.Str)
	}
	return v.Is(asl.KindObject) && len(v.Fields) == 1 && (v.Fields[0].Key == "Ref" || strings.HasPrefix(v.Fields[0].Key, "Fn::"))
}

// kindOK reports whether v has the plain type typ.
func kindOK(typ string, v *asl.Node) bool {
	switch typ {
	case "string":
		return v.Is(asl.KindString)
	case "boolean":
		return v.Is(asl.KindBool)
	case "number":
		return v.Is(asl.KindNumber)
	case "integer":
		_, ok := v.Int()
		return ok
	case "array":
		return v.Is(asl.KindArray)
	case "object", "template":
		return v.Is(asl.KindObject)
	case "path":
		return v.Is(asl.KindString)
	}
	return true // any
}
