package suite

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/stepstudio/stepstudio/engine/sample"
)

// This file makes data for a real-world definition nobody wrote tests
// for, so the benchmark's runs go where the definition goes instead of
// failing at the first path it reads: the input holds every path the
// definition names (typed by how it is used: a Choice's comparison, a
// Wait's SecondsPath, a Map's ItemsPath, an intrinsic's argument), and a
// MockConfigFile answers every Task with the same kind of document, so
// the paths after each ResultPath resolve too. Variants take turns among
// the values the Choice rules compare with, so scenarios and polling
// loops take different branches.

// shape is what a definition reads from one document: a tree of the paths
// it names.
type shape struct {
	fields map[string]*shape
	order  []string
	item   *shape // the items of an array (ItemsPath, [*], [0])
	kind   string // "", "string", "number", "bool", "timestamp", "array", "json", "object"
	cands  []any  // values a Choice compares with; absent stands for "leave it out"
}

type absentValue struct{}

var absent any = absentValue{}

func newShape() *shape { return &shape{fields: map[string]*shape{}} }

func (s *shape) field(name string) *shape {
	if c, ok := s.fields[name]; ok {
		return c
	}
	c := newShape()
	s.fields[name] = c
	s.order = append(s.order, name)
	return c
}

func (s *shape) items() *shape {
	if s.item == nil {
		s.item = newShape()
	}
	return s.item
}

// segRE reads one step of a JSONPath: .name, ['name'], [n] or [*].
var segRE = regexp.MustCompile(`^(?:\.([A-Za-z_][\w-]*)|\['([^']+)'\]|\[(\d+|\*)\])`)

// at walks the path from s, making the shape as it goes; nil for a path
// that is not a plain one from the document ($$, filters, variables).
func (s *shape) at(path string) *shape {
	if !strings.HasPrefix(path, "$") || strings.HasPrefix(path, "$$") {
		return nil
	}
	rest, cur := path[1:], s
	for rest != "" {
		g := segRE.FindStringSubmatch(rest)
		if g == nil {
			return nil
		}
		switch {
		case g[1] != "":
			cur = cur.field(g[1])
		case g[2] != "":
			cur = cur.field(g[2])
		default:
			cur = cur.items()
		}
		rest = rest[len(g[0]):]
	}
	return cur
}

func (s *shape) setKind(k string) {
	if s != nil && s.kind == "" {
		s.kind = k
	}
}

func (s *shape) addCand(v any) {
	if s != nil && !slices.Contains(s.cands, v) {
		s.cands = append(s.cands, v)
	}
}

// task is one Task state: its name, the document its result lands in and
// where (ResultPath), and its Resource.
type task struct {
	name, resource string
	scope          *shape
	resultPath     string
	items          bool // a Map with an ItemReader: it returns a list of scope's
}

// reads walks a definition's states and gathers the shape of its input
// and its Tasks.
type reads struct {
	root  *shape
	tasks []task
}

func readsOf(def map[string]any) *reads {
	r := &reads{root: newShape()}
	r.states(def, r.root)
	return r
}

var (
	pathRE      = regexp.MustCompile(`\$(?:\.[A-Za-z_][\w-]*|\['[^']+'\]|\[(?:\d+|\*)\])+`)
	intrinsicRE = regexp.MustCompile(`States\.(\w+)\(`)
	jsonataRE   = regexp.MustCompile(`\$states\.(?:input|result)((?:\.[A-Za-z_]\w*)+)`)
)

// states reads the States of a machine or branch whose input is scope.
func (r *reads) states(m map[string]any, scope *shape) {
	states, _ := m["States"].(map[string]any)
	for _, name := range sortedKeys(states) {
		st, _ := states[name].(map[string]any)
		r.state(name, st, scope)
	}
}

func (r *reads) state(name string, st map[string]any, outer *shape) {
	typ, _ := st["Type"].(string)
	if p, ok := st["OutputPath"].(string); ok {
		outer.at(p)
	}
	// What the state reads is relative to its InputPath.
	scope := outer
	if p, ok := st["InputPath"].(string); ok {
		if s := outer.at(p); s != nil {
			scope = s
		}
	}
	for _, k := range []string{"SecondsPath", "MaxConcurrencyPath", "ToleratedFailureCountPath", "ToleratedFailurePercentagePath", "TimeoutSecondsPath", "HeartbeatSecondsPath"} {
		if p, ok := st[k].(string); ok {
			scope.at(p).setKind("number")
		}
	}
	if p, ok := st["TimestampPath"].(string); ok {
		scope.at(p).setKind("timestamp")
	}
	for _, k := range []string{"Parameters", "Arguments", "ResultSelector", "Output", "Assign", "ItemSelector", "Comment", "Seconds", "Timestamp", "Items"} {
		if v, ok := st[k]; ok && k != "Comment" {
			r.payload(v, scope)
		}
	}
	switch typ {
	case "Task":
		res, _ := st["Resource"].(string)
		rp, _ := st["ResultPath"].(string)
		r.tasks = append(r.tasks, task{name: name, resource: res, scope: outer, resultPath: rp})
	case "Choice":
		rules, _ := st["Choices"].([]any)
		for _, rule := range rules {
			r.rule(rule, scope)
		}
	case "Parallel":
		branches, _ := st["Branches"].([]any)
		for _, b := range branches {
			if bm, ok := b.(map[string]any); ok {
				r.states(bm, scope)
			}
		}
	case "Map":
		item := newShape()
		if _, ok := st["ItemReader"]; ok {
			// A local run cannot read S3: the Map itself is mocked, its
			// Return the items.
			r.tasks = append(r.tasks, task{name: name, scope: item, items: true})
		} else if p, ok := st["ItemsPath"].(string); ok {
			if s := scope.at(p); s != nil {
				s.setKind("array")
				item = s.items()
			}
		} else if e, ok := st["Items"].(string); ok {
			if g := jsonataRE.FindStringSubmatch(e); g != nil {
				s := scope.at("$" + g[1])
				s.setKind("array")
				item = s.items()
			}
		}
		inner := item
		if _, ok := st["ItemSelector"]; ok {
			inner = newShape() // the iterations read what the selector built
		} else if _, ok := st["Parameters"]; ok {
			inner = newShape()
		}
		for _, k := range []string{"ItemProcessor", "Iterator"} {
			if p, ok := st[k].(map[string]any); ok {
				r.states(p, inner)
			}
		}
		r.itemRefs(st, item)
	}
}

// itemRefs reads $$.Map.Item.Value paths in a Map's selector: they name
// the item's fields.
func (r *reads) itemRefs(v any, item *shape) {
	switch v := v.(type) {
	case string:
		if rest, ok := strings.CutPrefix(v, "$$.Map.Item.Value"); ok && item != nil {
			item.at("$" + rest)
		}
	case map[string]any:
		for k, x := range v {
			if k != "ItemProcessor" && k != "Iterator" {
				r.itemRefs(x, item)
			}
		}
	case []any:
		for _, x := range v {
			r.itemRefs(x, item)
		}
	}
}

// payload reads the paths a payload template names: "k.$" values,
// intrinsic functions' arguments (typed by the function), and JSONata's
// $states.input.
func (r *reads) payload(v any, scope *shape) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if s, ok := x.(string); ok && strings.HasSuffix(k, ".$") {
				r.expression(s, scope)
				continue
			}
			r.payload(x, scope)
		}
	case []any:
		for _, x := range v {
			r.payload(x, scope)
		}
	case string:
		for _, g := range jsonataRE.FindAllStringSubmatch(v, -1) {
			scope.at("$" + g[1])
		}
	}
}

// intrinsicKinds types an intrinsic function's path arguments.
var intrinsicKinds = map[string]string{
	"ArrayLength": "array", "ArrayContains": "array", "ArrayGetItem": "array", "ArrayPartition": "array",
	"ArrayUnique": "array", "MathAdd": "number", "StringToJson": "json", "JsonToString": "object", "JsonMerge": "object",
}

func (r *reads) expression(s string, scope *shape) {
	if !strings.HasPrefix(s, "States.") {
		r.path(s, scope).setKind("")
		return
	}
	calls := intrinsicRE.FindAllStringSubmatchIndex(s, -1)
	for _, loc := range pathRE.FindAllStringIndex(s, -1) {
		fn := ""
		for _, c := range calls {
			if c[0] < loc[0] {
				fn = s[c[2]:c[3]]
			}
		}
		p := s[loc[0]:loc[1]]
		if loc[0] > 0 && s[loc[0]-1] == '$' {
			p = "$" + p // a context path
		}
		r.path(p, scope).setKind(intrinsicKinds[fn])
	}
}

// path is the shape a path read in scope names: the execution's input
// ($$.Execution.Input) is the root document wherever it is read; other
// context paths name nothing (nil).
func (r *reads) path(p string, scope *shape) *shape {
	if rest, ok := strings.CutPrefix(p, "$$.Execution.Input"); ok {
		return r.root.at("$" + rest)
	}
	return scope.at(p)
}

// rule reads a Choice rule: the variable's type from the operator, and
// the values that make it match.
func (r *reads) rule(v any, scope *shape) {
	m, _ := v.(map[string]any)
	for _, k := range []string{"And", "Or"} {
		if list, ok := m[k].([]any); ok {
			for _, x := range list {
				r.rule(x, scope)
			}
		}
	}
	if n, ok := m["Not"]; ok {
		r.rule(n, scope)
	}
	vp, _ := m["Variable"].(string)
	s := scope.at(vp)
	if s == nil {
		return
	}
	for op, c := range m {
		if strings.HasSuffix(op, "Path") && op != "Variable" {
			if p, ok := c.(string); ok {
				scope.at(p)
			}
		}
		switch {
		case strings.HasPrefix(op, "String") && !strings.HasSuffix(op, "Path"):
			s.setKind("string")
			if str, ok := c.(string); ok {
				if op == "StringMatches" {
					str = strings.ReplaceAll(str, "*", "x")
				}
				s.addCand(str)
				s.addCand(str + "-other")
			}
		case strings.HasPrefix(op, "Numeric") && !strings.HasSuffix(op, "Path"):
			s.setKind("number")
			if f, ok := c.(float64); ok {
				switch {
				case strings.Contains(op, "LessThan"):
					s.addCand(f - 1)
				case strings.Contains(op, "GreaterThan"):
					s.addCand(f + 1)
				default:
					s.addCand(f)
				}
			}
		case op == "BooleanEquals":
			s.setKind("bool")
			if b, ok := c.(bool); ok {
				s.addCand(b)
				s.addCand(!b)
			}
		case strings.HasPrefix(op, "Timestamp") && !strings.HasSuffix(op, "Path"):
			s.setKind("timestamp")
			if str, ok := c.(string); ok {
				s.addCand(str)
			}
		case op == "IsPresent":
			s.addCand(absent)
		case op == "IsNull":
			s.addCand(nil)
		case op == "IsNumeric":
			s.setKind("number")
		case op == "IsBoolean":
			s.setKind("bool")
		case op == "IsTimestamp":
			s.setKind("timestamp")
		}
	}
}

// value is the document for variant k: every field named, each leaf a
// value of its kind, a Choice variable taking its k-th candidate.
func (s *shape) value(k, depth int) any {
	if len(s.cands) > 0 && len(s.fields) == 0 {
		c := s.cands[k%len(s.cands)]
		if c != absent {
			return c
		}
		// "left out" where the rule asks IsPresent: the caller drops it.
		return absent
	}
	if s.kind == "array" || s.item != nil {
		if depth > 6 {
			return []any{}
		}
		n := 2 + k%3
		out := make([]any, n)
		for i := range out {
			if s.item != nil {
				out[i] = s.item.value(k+i, depth+1)
			} else {
				out[i] = fmt.Sprintf("item-%d", i)
			}
		}
		return out
	}
	if len(s.fields) > 0 || s.kind == "object" {
		out := map[string]any{}
		for _, name := range s.order {
			if v := s.fields[name].value(k, depth+1); v != absent {
				out[name] = v
			}
		}
		return out
	}
	switch s.kind {
	case "number":
		return float64(1 + k%3)
	case "bool":
		return k%2 == 0
	case "timestamp":
		return "2026-01-01T00:00:00Z"
	case "json":
		return `{"ok":true}`
	}
	return fmt.Sprintf("value-%d", k)
}

// input is the execution input of variant k.
func (r *reads) input(k int) any {
	v := r.root.value(k, 0)
	if v == absent {
		return map[string]any{}
	}
	return v
}

// answer is what task t returns on its n-th invocation in variant k: the
// service's response shape (engine/sample) with the task's document laid
// over it, and the part under its ResultPath lifted to the top, so paths
// read after the ResultPath find their fields.
func (r *reads) answer(t task, k, n int) any {
	if t.items {
		return (&shape{kind: "array", item: t.scope}).value(k+n, 0)
	}
	doc, _ := t.scope.value(k+n, 0).(map[string]any)
	out, _ := sample.Answer(t.name, t.resource, map[string]any{}).(map[string]any)
	if out == nil {
		out = map[string]any{}
	}
	for key, v := range doc {
		out[key] = v
	}
	if t.resultPath != "" {
		if sub, ok := t.scope.at(t.resultPath).value(k+n, 0).(map[string]any); ok {
			for key, v := range sub {
				out[key] = v
			}
		}
	}
	return out
}

// mockConfig is a MockConfigFile for machine with one test case per
// variant: each Task answers invocations 0..calls-1 in turn with the next
// variant's answer, then keeps the last one.
func (r *reads) mockConfig(machine string, variants, calls int) map[string]any {
	cases := map[string]any{}
	responses := map[string]any{}
	for k := range variants {
		tc := map[string]any{}
		for _, t := range r.tasks {
			resp := fmt.Sprintf("%s#%d", t.name, k)
			tc[t.name] = resp
			steps := map[string]any{}
			for n := range calls - 1 {
				steps[fmt.Sprint(n)] = map[string]any{"Return": r.answer(t, k, n)}
			}
			steps[fmt.Sprintf("%d-%d", calls-1, 100_000)] = map[string]any{"Return": r.answer(t, k, calls-1)}
			responses[resp] = steps
		}
		cases[fmt.Sprintf("variant%d", k)] = tc
	}
	return map[string]any{
		"StateMachines":   map[string]any{machine: map[string]any{"TestCases": cases}},
		"MockedResponses": responses,
	}
}

func sortedKeys(m map[string]any) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
