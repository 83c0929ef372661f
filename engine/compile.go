package engine

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// Query languages.
const (
	JSONPath = "JSONPath"
	JSONata  = "JSONata"
)

// Machine is a compiled state machine, ready to run any number of times.
// It holds no run state, so concurrent runs never share counters.
type Machine struct {
	name      string
	root      *graph
	names     []string // every state's name, at any depth, sorted
	timeout   int64    // TimeoutSeconds of the machine, 0 for none
	paths     pathCache
	templates templateCache
	calls     callCache
	jsonata   jsonataCache
}

// graph is a set of states with a start: the machine, a Parallel branch or
// a Map item processor.
type graph struct {
	startAt string
	states  map[string]*node
}

// field is an optional definition value; set tells absent from null.
type field struct {
	set bool
	v   any
}

func (f field) str() (string, bool) {
	s, ok := f.v.(string)
	return s, f.set && ok
}

// node is one compiled state.
type node struct {
	name string
	typ  string
	// enteredType and exitedType name the state's events, built once.
	enteredType, exitedType string
	jsonata                 bool
	next                    string
	end                     bool
	raw                     map[string]any

	// data flow
	inputPath, outputPath, resultPath  field
	parameters, resultSelector, result field
	arguments, output, assign          field

	retry []retrier
	catch []catcher

	// Choice
	choices     []*choiceRule
	defaultNext string

	// Wait
	seconds, secondsPath, timestamp, timestampPath field

	// Fail
	errName, errPath, cause, causePath field

	// Task
	resource                               string
	credentials                            field
	timeoutSeconds, timeoutSecondsPath     field
	heartbeatSeconds, heartbeatSecondsPath field

	// Parallel
	branches []*graph

	// Map
	processor                                    *graph
	processorTasks, processorWaits               bool // Tasks or Waits inside: worth many goroutines
	distributed                                  bool
	itemsPath, items, itemSelector               field
	maxConcurrency, maxConcurrencyPath           field
	toleratedCount, toleratedCountPath           field
	toleratedPercentage, toleratedPercentagePath field
	itemBatcher, itemReader, resultWriter, label field
}

type retrier struct {
	errorEquals []string
	interval    float64
	maxAttempts int64
	backoffRate float64
	maxDelay    float64
	hasMaxDelay bool
	jitterFull  bool
}

type catcher struct {
	errorEquals []string
	next        string
	resultPath  field
	output      field
	assign      field
}

// CompileDefinition compiles a decoded definition (the plain JSON value of
// an ASL document). name names the state machine in the context object
// and in ARNs.
func CompileDefinition(name string, def any) (*Machine, error) {
	root, ok := def.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("compile: definition is %s, not an object", jsonType(def))
	}
	ql, _ := root["QueryLanguage"].(string)
	if ql == "" {
		ql = JSONPath
	}
	g, err := compileGraph(root, ql, "")
	if err != nil {
		return nil, err
	}
	m := &Machine{name: name, root: g}
	g.collectNames(&m.names)
	slices.Sort(m.names)
	if t, ok := root["TimeoutSeconds"].(int64); ok {
		m.timeout = t
	}
	return m, nil
}

func compileGraph(obj map[string]any, ql, where string) (*graph, error) {
	start, _ := obj["StartAt"].(string)
	states, _ := obj["States"].(map[string]any)
	if start == "" || states == nil {
		return nil, fmt.Errorf("compile%s: StartAt and States are required", where)
	}
	g := &graph{startAt: start, states: make(map[string]*node, len(states))}
	for name, raw := range states {
		st, ok := raw.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("compile: state %q is not an object", name)
		}
		n, err := compileNode(name, st, ql)
		if err != nil {
			return nil, err
		}
		g.states[name] = n
	}
	if _, ok := g.states[start]; !ok {
		return nil, fmt.Errorf("compile%s: StartAt %q names no state", where, start)
	}
	return g, nil
}

func opt(m map[string]any, key string) field {
	v, ok := m[key]
	return field{set: ok, v: v}
}

func compileNode(name string, st map[string]any, ql string) (*node, error) {
	n := &node{name: name, raw: st}
	n.typ, _ = st["Type"].(string)
	n.enteredType, n.exitedType = n.typ+"StateEntered", n.typ+"StateExited"
	if q, ok := st["QueryLanguage"].(string); ok {
		ql = q
	}
	n.jsonata = ql == JSONata
	n.next, _ = st["Next"].(string)
	n.end, _ = st["End"].(bool)
	n.inputPath = opt(st, "InputPath")
	n.outputPath = opt(st, "OutputPath")
	n.resultPath = opt(st, "ResultPath")
	n.parameters = opt(st, "Parameters")
	n.resultSelector = opt(st, "ResultSelector")
	n.result = opt(st, "Result")
	n.arguments = opt(st, "Arguments")
	n.output = opt(st, "Output")
	n.assign = opt(st, "Assign")

	var err error
	if n.retry, err = compileRetry(st["Retry"]); err != nil {
		return nil, fmt.Errorf("compile: state %q: %w", name, err)
	}
	n.catch = compileCatch(st["Catch"])

	switch n.typ {
	case "Choice":
		n.defaultNext, _ = st["Default"].(string)
		list, _ := st["Choices"].([]any)
		for _, c := range list {
			obj, _ := c.(map[string]any)
			r, err := compileChoiceRule(obj, true)
			if err != nil {
				return nil, fmt.Errorf("compile: state %q: %w", name, err)
			}
			n.choices = append(n.choices, r)
		}
	case "Wait":
		n.seconds = opt(st, "Seconds")
		n.secondsPath = opt(st, "SecondsPath")
		n.timestamp = opt(st, "Timestamp")
		n.timestampPath = opt(st, "TimestampPath")
	case "Fail":
		n.errName = opt(st, "Error")
		n.errPath = opt(st, "ErrorPath")
		n.cause = opt(st, "Cause")
		n.causePath = opt(st, "CausePath")
	case "Task":
		n.resource, _ = st["Resource"].(string)
		n.credentials = opt(st, "Credentials")
		n.timeoutSeconds = opt(st, "TimeoutSeconds")
		n.timeoutSecondsPath = opt(st, "TimeoutSecondsPath")
		n.heartbeatSeconds = opt(st, "HeartbeatSeconds")
		n.heartbeatSecondsPath = opt(st, "HeartbeatSecondsPath")
	case "Parallel":
		list, _ := st["Branches"].([]any)
		for i, b := range list {
			obj, _ := b.(map[string]any)
			g, err := compileGraph(obj, ql, fmt.Sprintf(" state %q branch %d", name, i))
			if err != nil {
				return nil, err
			}
			n.branches = append(n.branches, g)
		}
	case "Map":
		proc, _ := st["ItemProcessor"].(map[string]any)
		if proc == nil {
			proc, _ = st["Iterator"].(map[string]any)
		}
		if proc == nil {
			return nil, fmt.Errorf("compile: state %q: Map needs ItemProcessor", name)
		}
		if cfg, ok := proc["ProcessorConfig"].(map[string]any); ok {
			n.distributed = cfg["Mode"] == "DISTRIBUTED"
		}
		g, err := compileGraph(proc, ql, fmt.Sprintf(" state %q ItemProcessor", name))
		if err != nil {
			return nil, err
		}
		n.processor = g
		n.processorTasks = g.has("Task")
		n.processorWaits = g.has("Wait")
		n.itemsPath = opt(st, "ItemsPath")
		n.items = opt(st, "Items")
		n.itemSelector = opt(st, "ItemSelector")
		if !n.itemSelector.set && n.parameters.set {
			// Legacy Map: Parameters plays ItemSelector's part.
			n.itemSelector, n.parameters = n.parameters, field{}
		}
		n.maxConcurrency = opt(st, "MaxConcurrency")
		n.maxConcurrencyPath = opt(st, "MaxConcurrencyPath")
		n.toleratedCount = opt(st, "ToleratedFailureCount")
		n.toleratedCountPath = opt(st, "ToleratedFailureCountPath")
		n.toleratedPercentage = opt(st, "ToleratedFailurePercentage")
		n.toleratedPercentagePath = opt(st, "ToleratedFailurePercentagePath")
		n.itemBatcher = opt(st, "ItemBatcher")
		n.itemReader = opt(st, "ItemReader")
		n.resultWriter = opt(st, "ResultWriter")
		n.label = opt(st, "Label")
	case "Pass", "Succeed":
	default:
		return nil, fmt.Errorf("compile: state %q has unknown Type %q", name, n.typ)
	}
	return n, nil
}

func compileRetry(v any) ([]retrier, error) {
	list, _ := v.([]any)
	out := make([]retrier, 0, len(list))
	for _, e := range list {
		obj, _ := e.(map[string]any)
		r := retrier{interval: 1, maxAttempts: 3, backoffRate: 2}
		r.errorEquals = strList(obj["ErrorEquals"])
		if x, ok := number(obj["IntervalSeconds"]); ok {
			r.interval = x
		}
		if x, ok := obj["MaxAttempts"].(int64); ok {
			r.maxAttempts = x
		}
		if x, ok := number(obj["BackoffRate"]); ok {
			r.backoffRate = x
		}
		if x, ok := number(obj["MaxDelaySeconds"]); ok {
			r.maxDelay, r.hasMaxDelay = x, true
		}
		r.jitterFull = obj["JitterStrategy"] == "FULL"
		out = append(out, r)
	}
	return out, nil
}

func compileCatch(v any) []catcher {
	list, _ := v.([]any)
	out := make([]catcher, 0, len(list))
	for _, e := range list {
		obj, _ := e.(map[string]any)
		c := catcher{errorEquals: strList(obj["ErrorEquals"])}
		c.next, _ = obj["Next"].(string)
		c.resultPath = opt(obj, "ResultPath")
		c.output = opt(obj, "Output")
		c.assign = opt(obj, "Assign")
		out = append(out, c)
	}
	return out
}

func strList(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, e := range list {
		if s, ok := e.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func number(v any) (float64, bool) {
	switch x := v.(type) {
	case int64:
		return float64(x), true
	case float64:
		return x, true
	}
	return 0, false
}

func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case int64, float64:
		return "number"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", v)
}

// Compile compiles a parsed definition. Validate it first (schema): Compile
// only refuses what it cannot run.
func Compile(doc *asl.Document) (*Machine, error) {
	if doc == nil || doc.Root == nil {
		return nil, fmt.Errorf("compile: empty document")
	}
	name := strings.TrimSuffix(path.Base(doc.Name), path.Ext(doc.Name))
	return CompileDefinition(strings.TrimSuffix(name, ".asl"), doc.Root.Value())
}

// StateNames lists the names of the machine's states, at any depth
// (Parallel branches, Map item processors), sorted.
func (m *Machine) StateNames() []string { return slices.Clone(m.names) }

func (g *graph) collectNames(out *[]string) {
	for name, n := range g.states {
		*out = append(*out, name)
		if n.processor != nil {
			n.processor.collectNames(out)
		}
		for _, b := range n.branches {
			b.collectNames(out)
		}
	}
}

// has reports whether g holds a state of the type, at any depth.
func (g *graph) has(typ string) bool {
	for _, n := range g.states {
		if n.typ == typ || n.processor != nil && n.processor.has(typ) {
			return true
		}
		for _, b := range n.branches {
			if b.has(typ) {
				return true
			}
		}
	}
	return false
}
