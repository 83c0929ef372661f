package schema

import (
	"bytes"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/xeipuuv/gojsonschema"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// Validator validates the successive texts of documents being edited,
// reusing each state's results from the previous text of the same name
// when the state's source bytes and everything its checks read beyond
// them are unchanged. Its results are those of Validate, byte for byte:
// an edit re-runs the cross-state checks (StartAt, names, transitions,
// reachability, duplicate keys, variables) and the per-state checks of
// the states that changed. It keeps one previous document per name, for
// a bounded number of names, and is safe for concurrent use.
type Validator struct {
	mu    sync.Mutex
	docs  map[string]*stateCache
	order []string // names, least recently stored first
}

// NewValidator returns a Validator with nothing cached.
func NewValidator() *Validator { return &Validator{docs: map[string]*stateCache{}} }

// Bounds of what a Validator keeps.
const (
	// maxCachedNames is the number of documents kept (an editor has a few
	// open: the document, a compared version).
	maxCachedNames = 8
	// maxCachedSource is the largest text whose states are kept.
	maxCachedSource = 8 << 20
)

// Validate is Validate reusing what did not change since the last text
// validated under name. The result's Document is the caller's.
func (v *Validator) Validate(name string, src []byte, opts Options) Result {
	res, _ := v.validate(name, src, opts)
	return res
}

// Analyze is Validate for an editor: it calls use with the result before
// it returns, and keeps the parsed document afterwards, so that the next
// text of name, when it differs only inside one state, is not parsed
// whole again but updated in place (asl.Reparse). The result's Document
// is therefore valid only during use. Calls for one name may overlap: a
// call that finds the document in use parses its text from scratch.
func (v *Validator) Analyze(name string, src []byte, opts Options, use func(Result)) {
	res, kept := v.validate(name, src, opts)
	use(res)
	if kept != nil {
		v.mu.Lock()
		if c := v.docs[name]; c != nil {
			c.parsed = kept
		}
		v.mu.Unlock()
	}
}

// validate is Validate, also returning the parsed document with a copy of
// its text when its per-state results were kept (JSON), for Analyze to
// keep for the next text.
func (v *Validator) validate(name string, src []byte, opts Options) (Result, *parsedDoc) {
	if len(src) == 0 {
		return Validate(name, src, opts), nil
	}
	v.mu.Lock()
	prev := v.docs[name]
	var pd *parsedDoc
	if prev != nil {
		pd, prev.parsed = prev.parsed, nil // ours until given back
	}
	v.mu.Unlock()
	var doc *asl.Document
	if pd != nil && asl.Reparse(pd.doc, pd.src, src) {
		doc = pd.doc
	} else {
		var err error
		if doc, err = asl.Parse(name, src); err != nil {
			return Result{Diagnostics: []Diagnostic{syntaxDiagnostic(err)}}, nil
		}
	}
	if !reusable(doc, src) {
		v.store(name, nil)
		return ValidateDocument(doc, opts), nil
	}
	if prev == nil {
		prev = &stateCache{}
	}
	r := &reuseRun{src: src, prev: prev, next: stateCache{
		schema:    make(map[string]*cachedState, len(prev.schema)),
		semantics: make(map[string]*cachedState, len(prev.semantics)),
	}}
	res := validateDocument(doc, opts, r)
	v.store(name, &r.next)
	return res, &parsedDoc{src: bytes.Clone(src), doc: doc}
}

// store keeps c as name's previous document (nil forgets it), dropping
// the oldest name beyond the bound.
func (v *Validator) store(name string, c *stateCache) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if i := slices.Index(v.order, name); i >= 0 {
		v.order = slices.Delete(v.order, i, i+1)
	}
	if c == nil {
		delete(v.docs, name)
		return
	}
	v.docs[name] = c
	v.order = append(v.order, name)
	for len(v.order) > maxCachedNames {
		delete(v.docs, v.order[0])
		v.order = v.order[1:]
	}
}

// reusable reports whether per-state results of doc may be reused: JSON
// only (a YAML state's meaning can depend on anchors defined elsewhere),
// of bounded size, and with no state name twice in a machine (the
// second state's pointer would lead to the first one's bytes). Other
// duplicate keys are harmless: the model and pointers both take the first.
func reusable(doc *asl.Document, src []byte) bool {
	if doc.Format != asl.JSON || len(src) > maxCachedSource || doc.Machine == nil || !doc.Root.Is(asl.KindObject) {
		return false
	}
	return distinctKeys(doc.Root) && distinctMachine(doc.Machine)
}

func distinctMachine(m *asl.StateMachine) bool {
	if m == nil {
		return true
	}
	if !distinctKeys(m.Node) || !distinctKeys(m.Node.Get("States")) {
		return false
	}
	for _, s := range m.States {
		for _, b := range s.Branches {
			if !distinctMachine(b) {
				return false
			}
		}
		if !distinctMachine(s.ItemProcessor) {
			return false
		}
	}
	return true
}

// distinctKeys reports whether the object n (if one) has no key twice.
func distinctKeys(n *asl.Node) bool { return !n.HasDuplicateKeys() }

// stateCache is one document's per-state results, by cache key. Once
// stored it is only read, but for parsed, which is read and written under
// Validator.mu.
type stateCache struct {
	schema, semantics map[string]*cachedState
	machine           *machineResult
	parsed            *parsedDoc // the last text Analyze gave back, nil while in use
}

// parsedDoc is a parsed text, kept for asl.Reparse: src is a copy, so
// that a caller reusing its buffer cannot change it.
type parsedDoc struct {
	src []byte
	doc *asl.Document
}

// cachedState is what one state's checks reported, with the position of
// the state's key when they ran, so the ranges can be moved to where the
// same bytes are now.
type cachedState struct {
	anchor asl.Pos
	diags  []Diagnostic
}

// reuseRun is one validation's view of the previous results and the
// results it keeps for the next. The schema and semantic passes run side
// by side, each writing only its own map.
type reuseRun struct {
	src  []byte
	prev *stateCache
	next stateCache
	// context is what the semantic checks of a state read beyond its
	// bytes and pointer, apart from its query language (set by semantics).
	context string
	size    [2]int // bytes of keys kept by pass, for the size bound
}

// stateKey is the cache key of state s at ptr: its pointer, ctx and its
// source from the key's first byte to the value's last. ok is false when
// the state has no usable range.
func (r *reuseRun) stateKey(ctx, ptr string, s *asl.State) (key string, anchor asl.Pos, ok bool) {
	start, end := s.NameRange.Start.Offset, s.Node.Range.End.Offset
	if s.NameRange.IsZero() || start < 0 || end > len(r.src) || start >= end {
		return "", asl.Pos{}, false
	}
	var b strings.Builder
	b.Grow(len(ctx) + len(ptr) + 2 + end - start)
	b.WriteString(ctx)
	b.WriteByte(0)
	b.WriteString(ptr)
	b.WriteByte(0)
	b.Write(r.src[start:end])
	return b.String(), s.NameRange.Start, true
}

// lookup returns the diagnostics cached under key in prev, moved to
// anchor, and keeps the entry for the next run.
func (r *reuseRun) lookup(prev, next map[string]*cachedState, pass int, key string, anchor asl.Pos) ([]Diagnostic, bool) {
	c, ok := prev[key]
	if !ok {
		return nil, false
	}
	r.keep(next, pass, key, c)
	return moved(c.diags, c.anchor, anchor), true
}

// save keeps diags (found with the state's key at anchor) under key when
// they all lie inside the state's source [anchor, end); a diagnostic
// placed elsewhere depends on more than the state's bytes.
func (r *reuseRun) save(next map[string]*cachedState, pass int, key string, anchor asl.Pos, end int, diags []Diagnostic) {
	for _, d := range diags {
		if d.Range.Start.Offset < anchor.Offset || d.Range.End.Offset > end || d.Range.IsZero() {
			return
		}
	}
	r.keep(next, pass, key, &cachedState{anchor: anchor, diags: slices.Clip(diags)})
}

func (r *reuseRun) keep(next map[string]*cachedState, pass int, key string, c *cachedState) {
	// Nested states repeat inside their parents' keys: bound the total.
	if r.size[pass]+len(key) > 4*len(r.src)+1<<20 {
		return
	}
	r.size[pass] += len(key)
	next[key] = c
}

// moved returns diags shifted from a state whose key was at from to the
// same bytes at to. Columns move only on the key's own line: later lines
// start inside the state.
func moved(diags []Diagnostic, from, to asl.Pos) []Diagnostic {
	if from == to || len(diags) == 0 {
		return diags
	}
	out := make([]Diagnostic, len(diags))
	for i, d := range diags {
		d.Range.Start = movePos(d.Range.Start, from, to)
		d.Range.End = movePos(d.Range.End, from, to)
		out[i] = d
	}
	return out
}

func movePos(p, from, to asl.Pos) asl.Pos {
	if p.Line == from.Line {
		p.Column += to.Column - from.Column
	}
	p.Line += to.Line - from.Line
	p.Offset += to.Offset - from.Offset
	return p
}

// merge appends diags to c as report would have, one by one.
func (c *checker) merge(diags []Diagnostic) {
	for _, d := range diags {
		key := d.Code + "\x00" + d.Location + "\x00" + d.Message
		if c.seen[key] {
			continue
		}
		c.seen[key] = true
		c.diags = append(c.diags, d)
	}
}

// Passes, indexing reuseRun.size.
const (
	passSchema = iota
	passSemantics
)

// stateContext is what a state's semantic checks read beyond its own
// bytes, pointer and inherited query language: the options, the top
// machine's query language and every variable assigned anywhere.
func (c *checker) stateContext() string {
	names := c.assignedNames()
	slices.Sort(names)
	var b strings.Builder
	for _, f := range []bool{c.opts.Placeholders, c.opts.Express} {
		if f {
			b.WriteByte('1')
		} else {
			b.WriteByte('0')
		}
	}
	b.WriteString(c.doc.Machine.QueryLanguage)
	for _, n := range names {
		b.WriteByte(0)
		b.WriteString(n)
	}
	return b.String()
}

// stateReused runs the per-state semantic checks of s, or replays what
// they reported for the same bytes in the same context last time.
func (c *checker) stateReused(sc scope, s *asl.State, ptr string) {
	r := c.reuse
	if r == nil {
		c.state(sc, s, ptr)
		return
	}
	key, anchor, ok := r.stateKey(r.context+"\x00"+sc.ql, ptr, s)
	if !ok {
		c.state(sc, s, ptr)
		return
	}
	if diags, hit := r.lookup(r.prev.semantics, r.next.semantics, passSemantics, key, anchor); hit {
		c.merge(diags)
		return
	}
	// A checker of its own, so that what the state reports does not
	// depend on what was reported before it; merge then drops repeats as
	// report would have.
	sub := &checker{doc: c.doc, opts: c.opts, seen: map[string]bool{}, assigned: c.assigned, names: c.names}
	sub.state(sc, s, ptr)
	r.save(r.next.semantics, passSemantics, key, anchor, s.Node.Range.End.Offset, sub.diags)
	c.merge(sub.diags)
}

// schemaReused is the per-state part of schema with reuse: each state's
// errors come from the previous text when its bytes are unchanged, else
// from its schema. They are merged in the chunks schema would have used,
// so repeats are dropped exactly as there.
func (c *checker) schemaReused(jobs []stateJob, workers int) {
	r := c.reuse
	lists := make([][]Diagnostic, len(jobs))
	var misses []int
	keys := make([]string, len(jobs))
	anchors := make([]asl.Pos, len(jobs))
	ctx := "0"
	if c.opts.Placeholders {
		ctx = "1"
	}
	for i, j := range jobs {
		key, anchor, ok := r.stateKey(ctx, j.ptr, j.state)
		if ok {
			keys[i], anchors[i] = key, anchor
			if diags, hit := r.lookup(r.prev.schema, r.next.schema, passSchema, key, anchor); hit {
				lists[i] = diags
				continue
			}
		}
		misses = append(misses, i)
	}
	// The states that changed, side by side when there are many.
	run := func(w *checker, idx []int) {
		for _, i := range idx {
			w.diags = nil
			clear(w.seen)
			w.runSchema(jobs[i].schema, jobs[i].ptr, jobs[i].node, true)
			lists[i] = w.diags
		}
	}
	n := min(runtime.GOMAXPROCS(0), len(misses)/parallelStates)
	if n < 2 {
		run(newChecker(c.doc, c.opts), misses)
	} else {
		var wg sync.WaitGroup
		for w := range n {
			idx := misses[w*len(misses)/n : (w+1)*len(misses)/n]
			wg.Go(func() { run(newChecker(c.doc, c.opts), idx) })
		}
		wg.Wait()
	}
	for _, i := range misses {
		if keys[i] != "" {
			r.save(r.next.schema, passSchema, keys[i], anchors[i], jobs[i].state.Node.Range.End.Offset, lists[i])
		}
	}
	if workers < 2 {
		for _, l := range lists {
			c.merge(l)
		}
		return
	}
	for w := range workers {
		part := newChecker(c.doc, c.opts)
		for _, l := range lists[w*len(jobs)/workers : (w+1)*len(jobs)/workers] {
			part.merge(l)
		}
		c.diags = append(c.diags, part.diags...)
	}
}

// machineResult is what gojsonschema found in the machine object with its
// states cut down to their Type (see converter.machine), for the
// signature of that cut-down machine. The errors are reported again on
// each document, so their locations follow the text.
type machineResult struct {
	sig  string
	errs []gojsonschema.ResultError
}

// machineSchemaReused runs the machine's schema unless the cut-down
// machine it reads is the one of the previous text.
func (c *checker) machineSchemaReused(p *schemaPart) {
	r := c.reuse
	sig := machineSignature(r.src, c.doc.Root)
	if m := r.prev.machine; m != nil && m.sig == sig {
		r.next.machine = m
		c.reportSchema("", m.errs)
		return
	}
	res, err := p.schema.Validate(nodeLoader{root: c.doc.Root, conv: p.conv})
	if err != nil {
		c.errorAt("", c.doc.Root, CodeSchema, "%s could not be checked against the schema: %v.", subjectOf("").String(), err)
		return
	}
	r.next.machine = &machineResult{sig: sig, errs: res.Errors()}
	c.reportSchema("", res.Errors())
}

// machineSignature identifies the machine value converter.machine builds
// from root: the source of every top-level field but States, and each
// state's name with what stateShape keeps of it. Only for JSON, where the
// source determines the value.
func machineSignature(src []byte, root *asl.Node) string {
	var b strings.Builder
	raw := func(n *asl.Node) {
		b.Write(src[n.Range.Start.Offset:n.Range.End.Offset])
	}
	for _, f := range root.Fields {
		b.WriteString(f.Key)
		b.WriteByte(0)
		if f.Key != "States" || !f.Value.Is(asl.KindObject) {
			raw(f.Value)
			b.WriteByte(0)
			continue
		}
		b.WriteByte('{')
		for _, s := range f.Value.Fields {
			b.WriteString(s.Key)
			b.WriteByte(0)
			t := s.Value.Get("Type")
			switch {
			case !s.Value.Is(asl.KindObject):
				b.WriteByte('v')
				raw(s.Value)
			case t == nil:
				b.WriteByte('-')
			case t.Kind == asl.KindString:
				b.WriteByte('s')
				b.WriteString(t.Str)
			default:
				b.WriteByte('t')
				raw(t)
			}
			b.WriteByte(0)
		}
		b.WriteByte('}')
	}
	return b.String()
}
