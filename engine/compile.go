package engine

import (
	"fmt"
	"path"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/stepstudio/stepstudio/engine/asl"
	"github.com/stepstudio/stepstudio/engine/fault"
	"github.com/stepstudio/stepstudio/engine/intrinsic"
	"github.com/stepstudio/stepstudio/engine/jsonata"
	"github.com/stepstudio/stepstudio/engine/jsonpath"
)

// Query languages.
const (
	JSONPath = asl.JSONPath
	JSONata  = asl.JSONata
)

// Machine is a compiled state machine, ready to run any number of times.
// It holds no run state, so concurrent runs never share counters.
type Machine struct {
	name    string
	root    *graph
	names   []string // every state's name, at any depth, sorted
	timeout int64    // TimeoutSeconds of the machine, 0 for none
}

// graph is a set of states with a start: the machine, a Parallel branch or
// a Map item processor.
type graph struct {
	startAt string
	states  map[string]*node
}

// field is an optional definition value, converted from the model's node
// once, at compile time; set tells absent from null. src places it in the
// source for the errors raised while evaluating it, and keeps it compiled;
// every set field has one.
type field struct {
	set bool
	v   any
	src *source
}

func (f field) str() (string, bool) {
	s, ok := f.v.(string)
	return s, f.set && ok
}

// source is one part of the definition as the engine uses it: where it
// is, for the errors raised there (its location, and its value node to
// place keys inside it), and its value compiled on first use, whichever
// run asks first, as the state that holds it evaluates it: as a path, a
// payload template, an intrinsic call or a JSONata template. A value that
// does not compile is compiled again, and fails, at each use, as AWS fails
// the state each time.
type source struct {
	loc  fault.Location
	node *asl.Node

	path    atomic.Pointer[jsonpath.Path]
	tpl     atomic.Pointer[compiledTemplate]
	call    atomic.Pointer[intrinsic.Expr]
	jsonata atomic.Pointer[jsonata.Template]
}

// location returns where s is, as a new Location; rel, a JSON pointer
// inside s's value (a template's key), narrows it to that key when it
// resolves. It is nil-safe: a missing source places nothing.
func (s *source) location(rel string) *fault.Location {
	if s == nil {
		return nil
	}
	l := s.loc
	if rel != "" {
		if v, f, ok := s.node.Lookup(rel); ok {
			l.Pointer += rel
			l.Range = v.Range
			if f != nil {
				l.Range.Start = f.KeyRange.Start
			}
		}
	}
	return &l
}

// node is one compiled state.
type node struct {
	name string
	typ  string
	src  *source // the whole state, from its name
	// enteredType and exitedType name the state's events, built once.
	enteredType, exitedType string
	jsonata                 bool
	readsContext            bool // its JSONata reads $states.context: worth a stage record
	next                    string
	end                     bool

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
	integration                            asl.Integration
	resourceSrc                            *source
	credentials                            field
	timeoutSeconds, timeoutSecondsPath     field
	heartbeatSeconds, heartbeatSecondsPath field

	// Parallel
	branches []*graph

	// Map
	processor                                    *graph
	processorTasks, processorWaits               bool // Tasks or Waits inside: worth many goroutines
	distributed                                  bool
	expressChildren                              bool // a distributed Map's children are EXPRESS runs
	itemsPath, items, itemSelector               field
	maxConcurrency, maxConcurrencyPath           field
	toleratedCount, toleratedCountPath           field
	toleratedPercentage, toleratedPercentagePath field
	itemBatcher                                  *batcher
	itemReader                                   *itemReader
	resultWriter                                 *resultWriter
	label                                        string
}

// batcher is a Map's ItemBatcher.
type batcher struct {
	maxItems, maxItemsPath, maxBytes, maxBytesPath field
	batchInput                                     field
}

// itemReader is a distributed Map's ItemReader.
type itemReader struct {
	resource              string
	parameters, arguments field
	maxItems              *int64 // ReaderConfig.MaxItems
	config                *asl.ReaderConfig
	src                   *source
}

// resultWriter is a distributed Map's ResultWriter.
type resultWriter struct {
	resource                   string
	parameters, arguments      field
	outputType, transformation string // WriterConfig
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

// CompileError is a definition Compile cannot run, placed in the source.
type CompileError struct {
	Location fault.Location
	Msg      string
}

func (e *CompileError) Error() string {
	return "compile: " + e.Location.String() + ": " + e.Msg
}

func compileErr(src *source, format string, args ...any) error {
	e := &CompileError{Msg: fmt.Sprintf(format, args...)}
	if l := src.location(""); l != nil {
		e.Location = *l
	}
	return e
}

// Compile compiles a parsed definition from its typed model. Validate it
// first (schema): Compile only refuses what it cannot run.
func Compile(doc *asl.Document) (*Machine, error) {
	if doc == nil || doc.Root == nil {
		return nil, fmt.Errorf("compile: empty document")
	}
	if doc.Machine == nil {
		return nil, compileErr(&source{loc: fault.Location{Range: doc.Root.Range}}, "the definition is %s, not an object", doc.Root.Kind)
	}
	name := strings.TrimSuffix(path.Base(doc.Name), path.Ext(doc.Name))
	ql := doc.Machine.QueryLanguage
	if ql == "" {
		ql = JSONPath
	}
	g, err := compileGraph(doc.Machine, ql, "", "")
	if err != nil {
		return nil, err
	}
	m := &Machine{name: strings.TrimSuffix(name, ".asl"), root: g}
	g.collectNames(&m.names)
	slices.Sort(m.names)
	if t := doc.Machine.TimeoutSeconds; t != nil {
		m.timeout = *t
	}
	return m, nil
}

// compileGraph compiles a machine, a branch or an item processor, whose
// JSON pointer is ptr; state names it for messages ("" at the top).
func compileGraph(m *asl.StateMachine, ql, ptr, state string) (*graph, error) {
	at := locator{state: state, ptr: ptr, obj: m.Node}
	if m.StartAt == "" || m.States == nil {
		return nil, compileErr(at.whole(), "StartAt and States are required")
	}
	g := &graph{startAt: m.StartAt, states: make(map[string]*node, len(m.States))}
	for _, s := range m.States {
		if _, dup := g.states[s.Name]; dup {
			continue // the first wins, as in the model (the validator reports it)
		}
		n, err := compileNode(s, ql, asl.Append(ptr, "States", s.Name))
		if err != nil {
			return nil, err
		}
		g.states[s.Name] = n
	}
	if _, ok := g.states[m.StartAt]; !ok {
		return nil, compileErr(at.src("StartAt"), "StartAt %q names no state", m.StartAt)
	}
	return g, nil
}

func compileNode(s *asl.State, ql, ptr string) (*node, error) {
	n := &node{name: s.Name, typ: s.Type}
	n.src = &source{loc: fault.Location{State: s.Name, Pointer: ptr, Range: asl.Range{Start: s.NameRange.Start, End: s.Node.Range.End}}, node: s.Node}
	if !s.Node.Is(asl.KindObject) {
		return nil, compileErr(n.src, "state %q is not an object", s.Name)
	}
	at := locator{state: s.Name, ptr: ptr, obj: s.Node}
	n.enteredType, n.exitedType = n.typ+"StateEntered", n.typ+"StateExited"
	if s.QueryLanguage != "" {
		ql = s.QueryLanguage
	}
	n.jsonata = ql == JSONata
	n.readsContext = n.jsonata && s.Node.Mentions("$states.context", false, "ItemProcessor", "Iterator", "Branches")
	n.next, n.end = s.Next, s.End
	n.inputPath = at.path("InputPath", s.InputPath)
	n.outputPath = at.path("OutputPath", s.OutputPath)
	n.resultPath = at.path("ResultPath", s.ResultPath)
	n.parameters = at.json("Parameters", s.Parameters)
	n.resultSelector = at.json("ResultSelector", s.ResultSelector)
	n.result = at.json("Result", s.Result)
	n.arguments = at.json("Arguments", s.Arguments)
	n.output = at.json("Output", s.Output)
	n.assign = at.json("Assign", s.Assign)
	n.retry = compileRetry(s.Retry)
	n.catch = compileCatch(s.Catch, at)

	switch s.Type {
	case asl.TypeChoice:
		n.defaultNext = s.Default
		for i, r := range s.Choices {
			c, err := compileChoiceRule(r, true, at.item("Choices", i, r.Node))
			if err != nil {
				return nil, err
			}
			n.choices = append(n.choices, c)
		}
	case asl.TypeWait:
		n.seconds = at.number("Seconds")
		n.secondsPath = at.str("SecondsPath", s.SecondsPath)
		n.timestamp = at.str("Timestamp", s.Timestamp)
		n.timestampPath = at.str("TimestampPath", s.TimestampPath)
	case asl.TypeFail:
		n.errName = at.str("Error", s.Error)
		n.errPath = at.str("ErrorPath", s.ErrorPath)
		n.cause = at.str("Cause", s.Cause)
		n.causePath = at.str("CausePath", s.CausePath)
	case asl.TypeTask:
		n.resource, n.integration, n.resourceSrc = s.Resource, s.Integration, at.src("Resource")
		n.credentials = at.json("Credentials", s.Credentials)
		n.timeoutSeconds = at.number("TimeoutSeconds")
		n.timeoutSecondsPath = at.str("TimeoutSecondsPath", s.TimeoutSecondsPath)
		n.heartbeatSeconds = at.number("HeartbeatSeconds")
		n.heartbeatSecondsPath = at.str("HeartbeatSecondsPath", s.HeartbeatSecondsPath)
	case asl.TypeParallel:
		// The model keeps the branches that are objects; one that is not
		// cannot run.
		if list := s.Field("Branches"); list.Is(asl.KindArray) && len(list.Items) != len(s.Branches) {
			for i, b := range list.Items {
				if !b.Is(asl.KindObject) {
					return nil, compileErr(at.item("Branches", i, b).whole(), "Parallel state %q: branch %d is not an object", s.Name, i)
				}
			}
		}
		for i, b := range s.Branches {
			g, err := compileGraph(b, ql, asl.AppendIndex(asl.Append(ptr, "Branches"), i), s.Name)
			if err != nil {
				return nil, err
			}
			n.branches = append(n.branches, g)
		}
	case asl.TypeMap:
		if err := compileMap(n, s, at, ql); err != nil {
			return nil, err
		}
	case asl.TypePass, asl.TypeSucceed:
	default:
		return nil, compileErr(at.src("Type").or(n.src), "state %q has unknown Type %q", s.Name, s.Type)
	}
	return n, nil
}

func compileMap(n *node, s *asl.State, at locator, ql string) error {
	if s.ItemProcessor == nil {
		return compileErr(n.src, "Map state %q needs an ItemProcessor", s.Name)
	}
	key := "ItemProcessor"
	if s.LegacyIterator {
		key = "Iterator"
	}
	g, err := compileGraph(s.ItemProcessor, ql, asl.Append(at.ptr, key), s.Name)
	if err != nil {
		return err
	}
	n.processor = g
	n.processorTasks = g.has(asl.TypeTask)
	n.processorWaits = g.has(asl.TypeWait)
	n.distributed = s.Distributed()
	if pc := s.ItemProcessor.ProcessorConfig; pc != nil && pc.ExecutionType == "EXPRESS" {
		n.expressChildren = true
	}
	n.itemsPath = at.path("ItemsPath", s.ItemsPath)
	n.items = at.json("Items", s.Items)
	if s.Field("ItemSelector") == nil && s.ItemSelector != nil {
		// Legacy Map: Parameters plays ItemSelector's part (the model
		// gives it as ItemSelector).
		n.itemSelector, n.parameters = at.json("Parameters", s.ItemSelector), field{}
	} else {
		n.itemSelector = at.json("ItemSelector", s.ItemSelector)
	}
	n.maxConcurrency = at.number("MaxConcurrency")
	n.maxConcurrencyPath = at.str("MaxConcurrencyPath", s.MaxConcurrencyPath)
	n.toleratedCount = at.number("ToleratedFailureCount")
	n.toleratedCountPath = at.str("ToleratedFailureCountPath", s.ToleratedFailureCountPath)
	n.toleratedPercentage = at.number("ToleratedFailurePercentage")
	n.toleratedPercentagePath = at.str("ToleratedFailurePercentagePath", s.ToleratedFailurePercentagePath)
	n.label = s.Label
	if b := s.ItemBatcher; b != nil {
		bat := at.object("ItemBatcher", b.Node)
		n.itemBatcher = &batcher{
			maxItems: bat.number("MaxItemsPerBatch"), maxItemsPath: bat.str("MaxItemsPerBatchPath", b.MaxItemsPerBatchPath),
			maxBytes: bat.number("MaxInputBytesPerBatch"), maxBytesPath: bat.str("MaxInputBytesPerBatchPath", b.MaxInputBytesPerBatchPath),
			batchInput: bat.json("BatchInput", b.BatchInput),
		}
	}
	if r := s.ItemReader; r != nil {
		rd := at.object("ItemReader", r.Node)
		n.itemReader = &itemReader{resource: r.Resource, parameters: rd.json("Parameters", r.Parameters),
			arguments: rd.json("Arguments", r.Arguments), src: rd.whole()}
		if c := r.ReaderConfig; c != nil {
			n.itemReader.maxItems = c.MaxItems
			n.itemReader.config = c
		}
	}
	if w := s.ResultWriter; w != nil {
		wr := at.object("ResultWriter", w.Node)
		n.resultWriter = &resultWriter{resource: w.Resource, parameters: wr.json("Parameters", w.Parameters), arguments: wr.json("Arguments", w.Arguments)}
		if c := w.WriterConfig; c != nil {
			n.resultWriter.outputType, _ = c.Get("OutputType").Value().(string)
			n.resultWriter.transformation, _ = c.Get("Transformation").Value().(string)
		}
	}
	return nil
}

func compileRetry(rs []*asl.Retrier) []retrier {
	out := make([]retrier, 0, len(rs))
	for _, x := range rs {
		r := retrier{errorEquals: x.ErrorEquals, interval: 1, maxAttempts: 3, backoffRate: 2}
		if x.IntervalSeconds != nil {
			r.interval = float64(*x.IntervalSeconds)
		}
		if x.MaxAttempts != nil {
			r.maxAttempts = *x.MaxAttempts
		}
		if x.BackoffRate != nil {
			r.backoffRate = *x.BackoffRate
		}
		if x.MaxDelaySeconds != nil {
			r.maxDelay, r.hasMaxDelay = float64(*x.MaxDelaySeconds), true
		}
		r.jitterFull = x.JitterStrategy == "FULL"
		out = append(out, r)
	}
	return out
}

func compileCatch(cs []*asl.Catcher, state locator) []catcher {
	out := make([]catcher, 0, len(cs))
	for i, x := range cs {
		at := state.item("Catch", i, x.Node)
		out = append(out, catcher{
			errorEquals: x.ErrorEquals, next: x.Next,
			resultPath: at.path("ResultPath", x.ResultPath),
			output:     at.json("Output", x.Output),
			assign:     at.json("Assign", x.Assign),
		})
	}
	return out
}

// locator places the fields of one object of the definition (a state, a
// Choice or Catch rule, an ItemReader, …) for the errors raised there, and
// converts their values once.
type locator struct {
	state string    // the state the object belongs to
	ptr   string    // the object's JSON pointer
	obj   *asl.Node // the object
}

// whole is the object itself.
func (l locator) whole() *source {
	return &source{loc: fault.Location{State: l.state, Pointer: l.ptr, Range: l.obj.Range}, node: l.obj}
}

// src is the object's field key, from the key to the end of its value;
// nil when absent.
func (l locator) src(key string) *source {
	f := l.obj.Field(key)
	if f == nil {
		return nil
	}
	loc := fault.Location{State: l.state, Pointer: asl.Append(l.ptr, key), Range: asl.Range{Start: f.KeyRange.Start, End: f.Value.Range.End}}
	return &source{loc: loc, node: f.Value}
}

// or is s, or else def.
func (s *source) or(def *source) *source {
	if s == nil {
		return def
	}
	return s
}

// item is the i-th element v of the object's array field key.
func (l locator) item(key string, i int, v *asl.Node) locator {
	return locator{state: l.state, ptr: asl.AppendIndex(asl.Append(l.ptr, key), i), obj: v}
}

// object is the object v held by the field key.
func (l locator) object(key string, v *asl.Node) locator {
	return locator{state: l.state, ptr: asl.Append(l.ptr, key), obj: v}
}

// json is a JSON-valued field, which the model keeps as its node v (nil
// when absent).
func (l locator) json(key string, v *asl.Node) field {
	if v == nil {
		return field{}
	}
	return field{set: true, v: v.Value(), src: l.src(key)}
}

// path is a path field (nil: absent; Null: JSON null). A value of another
// type is kept as it is, so that evaluating it fails as before.
func (l locator) path(key string, p *asl.PathValue) field {
	src := l.src(key)
	switch {
	case src == nil:
		return field{}
	case p == nil:
		return field{set: true, v: src.node.Value(), src: src}
	case p.Null:
		return field{set: true, src: src}
	}
	return field{set: true, v: p.Path, src: src}
}

// str is a string field the model decoded as s; a value of another type
// is kept as it is, for the error evaluating it gives.
func (l locator) str(key, s string) field {
	src := l.src(key)
	switch {
	case src == nil:
		return field{}
	case !src.node.Is(asl.KindString):
		return field{set: true, v: src.node.Value(), src: src}
	}
	return field{set: true, v: s, src: src}
}

// number is a number field which in a JSONata state may hold a "{% … %}"
// expression instead: the model types only a literal number, and leaves
// the rest at the node, whose value is read here (see asl.State).
func (l locator) number(key string) field {
	src := l.src(key)
	if src == nil {
		return field{}
	}
	return field{set: true, v: src.node.Value(), src: src}
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
