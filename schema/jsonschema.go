package schema

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/xeipuuv/gojsonschema"

	"github.com/stepstudio/stepstudio/engine/asl"
)

//go:embed asl.schema.json
var aslSchema []byte

// schemaID is the $id of asl.schema.json.
const schemaID = "https://stepstudio.dev/schema/asl.json"

// schemaSet compiles the parts of asl.schema.json on first use: the
// machine and one schema per state type. A process that runs one small
// definition compiles only the types it uses (a full compile costs
// several milliseconds, a fifth of a short `stepstudio run`). Validating
// each state against its own type's schema, instead of an if/then per
// type, keeps gojsonschema from building (and formatting) seven failed
// "if" results for every state. gojsonschema schemas are safe for
// concurrent use; the loader is not, hence the mutex.
type schemaSet struct {
	mu     sync.Mutex
	loader *gojsonschema.SchemaLoader // holds the decoded document, parsed once
	defs   map[string]any             // the document's definitions, for stringBlindFields
	err    error
	byName map[string]*schemaPart
}

// schemaPart is one compiled definition with the converter for its
// values (its arena is set per run).
type schemaPart struct {
	schema *gojsonschema.Schema
	conv   converter
}

var schemas schemaSet

// get returns the compiled schema of definitions/name.
func (s *schemaSet) get(name string) (*schemaPart, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.loader == nil && s.err == nil {
		// The document is decoded once, for gojsonschema (which wants
		// json.Number) and for the field analysis alike: decoding it twice
		// cost 1.4 ms of every `stepstudio run`.
		// gojsonschema rewrites the document it is given ($refs made
		// absolute), so the analysis reads a copy taken before.
		var doc map[string]any
		s.err = decodeSchema(aslSchema, &doc)
		s.defs, _ = cloneJSON(doc["definitions"]).(map[string]any)
		s.loader = gojsonschema.NewSchemaLoader()
		if s.err == nil {
			s.err = s.loader.AddSchemas(gojsonschema.NewRawLoader(doc))
		}
		s.byName = map[string]*schemaPart{}
	}
	if s.err != nil {
		return nil, s.err
	}
	if p := s.byName[name]; p != nil {
		return p, nil
	}
	sc, err := s.loader.Compile(gojsonschema.NewReferenceLoader(schemaID + "#/definitions/" + name))
	if err != nil {
		return nil, fmt.Errorf("definitions/%s: %w", name, err)
	}
	uses := map[string]fieldUse{}
	for f := range stringBlindFields(s.defs, s.defs[name]) {
		uses[f] |= blindString
	}
	for f, use := range topFields(s.defs, s.defs[name]) {
		uses[f] |= use
	}
	p := &schemaPart{schema: sc, conv: converter{uses: uses}}
	s.byName[name] = p
	return p, nil
}

// contextSep joins gojsonschema's context segments; state names may hold
// any printable character, so a control character keeps segments apart.
const contextSep = "\x1f"

// schema runs the JSON Schema and reports its errors as diagnostics.
func (c *checker) schema() {
	machine, err := schemas.get("machine")
	if err != nil {
		// A build defect that every test catches; reported, never a crash.
		c.errorAt("", c.doc.Root, CodeSchema, "Internal error: the embedded ASL schema does not compile: %v.", err)
		return
	}
	if c.reuse != nil {
		c.machineSchemaReused(machine)
	} else {
		c.runSchema(machine, "", c.doc.Root, false)
	}
	jobs, err := collectStates("", c.doc.Machine, nil)
	if err != nil {
		c.errorAt("", c.doc.Root, CodeSchema, "Internal error: the embedded ASL schema does not compile: %v.", err)
		return
	}
	workers := min(runtime.GOMAXPROCS(0), len(jobs)/parallelStates)
	if c.reuse != nil {
		c.schemaReused(jobs, workers)
		return
	}
	if workers < 2 {
		for _, j := range jobs {
			c.runSchema(j.schema, j.ptr, j.node, true)
		}
		return
	}
	// Large definitions: states are independent, so validate them in
	// chunks side by side, each chunk reporting into its own checker.
	parts := make([]*checker, workers)
	var wg sync.WaitGroup
	for w := range workers {
		parts[w] = newChecker(c.doc, c.opts)
		chunk := jobs[w*len(jobs)/workers : (w+1)*len(jobs)/workers]
		wg.Go(func() {
			for _, j := range chunk {
				parts[w].runSchema(j.schema, j.ptr, j.node, true)
			}
		})
	}
	wg.Wait()
	for _, p := range parts {
		c.diags = append(c.diags, p.diags...)
	}
}

// parallelStates is the number of states per worker below which running
// the schema on several goroutines costs more than it saves.
const parallelStates = 128

// stateJob is one state to validate against its type's schema.
type stateJob struct {
	schema *schemaPart
	ptr    string
	node   *asl.Node
	state  *asl.State
}

// collectStates lists every state of m and of its nested machines with
// the schema of the state's Type. States of an unknown Type have none:
// the machine schema reports them.
func collectStates(ptr string, m *asl.StateMachine, jobs []stateJob) ([]stateJob, error) {
	if m == nil {
		return jobs, nil
	}
	for _, st := range m.States {
		sp := asl.Append(ptr, "States", st.Name)
		if def := stateTypes[st.Type]; def != "" && st.Node.Is(asl.KindObject) {
			ts, err := schemas.get(def)
			if err != nil {
				return nil, err
			}
			jobs = append(jobs, stateJob{ts, sp, st.Node, st})
		}
		var err error
		for i, b := range st.Branches {
			if jobs, err = collectStates(asl.AppendIndex(sp+"/Branches", i), b, jobs); err != nil {
				return nil, err
			}
		}
		if st.ItemProcessor != nil {
			key := "/ItemProcessor"
			if st.LegacyIterator {
				key = "/Iterator"
			}
			if jobs, err = collectStates(sp+key, st.ItemProcessor, jobs); err != nil {
				return nil, err
			}
		}
	}
	return jobs, nil
}

// stateTypes maps the Types with a definition of their own in the schema
// to that definition's name.
var stateTypes = map[string]string{
	asl.TypeTask: "task", asl.TypePass: "pass", asl.TypeChoice: "choice", asl.TypeWait: "wait",
	asl.TypeSucceed: "succeed", asl.TypeFail: "fail", asl.TypeParallel: "parallel", asl.TypeMap: "map",
}

// runSchema validates the value n, found at ptr, and reports the errors.
func (c *checker) runSchema(p *schemaPart, ptr string, n *asl.Node, isState bool) {
	c.values.reset() // the previous result has been read
	conv := p.conv
	conv.arena = &c.values
	res, err := p.schema.Validate(nodeLoader{root: n, isState: isState, conv: conv})
	if err != nil {
		c.errorAt(ptr, n, CodeSchema, "%s could not be checked against the schema: %v.", subjectOf(ptr).String(), err)
		return
	}
	c.reportSchema(ptr, res.Errors())
}

// reportSchema reports the errors gojsonschema found in the value at ptr.
func (c *checker) reportSchema(ptr string, errs []gojsonschema.ResultError) {
	reported := map[string]bool{}
	for _, e := range errs {
		switch e.Type() {
		case "condition_then", "condition_else", "number_all_of":
			continue // wrappers: the specific errors are reported too
		}
		ptr := ptr + contextPointer(e.Context())
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

// decodeSchema decodes the embedded schema as gojsonschema's own loaders
// do: numbers as json.Number.
func decodeSchema(src []byte, v *map[string]any) error {
	d := json.NewDecoder(bytes.NewReader(src))
	d.UseNumber()
	return d.Decode(v)
}

// cloneJSON deep-copies a decoded JSON value.
func cloneJSON(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = cloneJSON(e)
		}
		return m
	case []any:
		a := make([]any, len(x))
		for i, e := range x {
			a[i] = cloneJSON(e)
		}
		return a
	}
	return v
}

// Prepare decodes the embedded JSON Schema and compiles its machine part,
// which the first validation of a process otherwise does (a millisecond).
// A command that will validate soon can start it on another goroutine
// while it reads its files.
func Prepare() { _, _ = schemas.get("machine") }
