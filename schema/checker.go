package schema

import (
	"fmt"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// checker collects the diagnostics of one validation.
type checker struct {
	doc   *asl.Document
	opts  Options
	diags []Diagnostic
	seen  map[string]bool // code+location already reported, to avoid repeats
	// assigned holds every variable name some Assign sets.
	assigned map[string]bool
	// names holds every state name seen so far, machine-wide (made by
	// semantics).
	names map[string]bool
	// allStates holds every state name of the definition, built on first
	// need; suggested counts did-you-mean searches.
	allStates map[string]bool
	suggested int
	// reuse, when set, holds the previous text's per-state results.
	reuse *reuseRun
	// values recycles the values runSchema hands gojsonschema.
	values valueArena
}

func newChecker(doc *asl.Document, opts Options) *checker {
	return &checker{doc: doc, opts: opts, seen: map[string]bool{}}
}

func (c *checker) report(sev Severity, ptr string, r asl.Range, code, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	key := code + "\x00" + ptr + "\x00" + msg
	if c.seen[key] {
		return
	}
	c.seen[key] = true
	c.diags = append(c.diags, Diagnostic{Severity: sev, Code: code, Message: msg, Location: ptr, Range: r})
}

// errorAt reports an error on node n (or, when n is nil, on the nearest
// existing node of ptr).
func (c *checker) errorAt(ptr string, n *asl.Node, code, format string, args ...any) {
	c.report(Error, ptr, c.rangeOf(ptr, n), code, format, args...)
}

func (c *checker) warnAt(ptr string, n *asl.Node, code, format string, args ...any) {
	c.report(Warning, ptr, c.rangeOf(ptr, n), code, format, args...)
}

// errorKey reports an error on the key of the field at ptr (a state name,
// an unknown field), which reads better than the whole value.
func (c *checker) errorKey(ptr string, code, format string, args ...any) {
	c.report(Error, ptr, c.keyRange(ptr), code, format, args...)
}

func (c *checker) rangeOf(ptr string, n *asl.Node) asl.Range {
	if n != nil {
		return n.Range
	}
	return c.keyRange(ptr)
}

// keyRange is the range of the key holding the value at ptr, else of the
// nearest existing value.
func (c *checker) keyRange(ptr string) asl.Range {
	if _, f, ok := c.doc.Root.Lookup(ptr); ok && f != nil {
		return f.KeyRange
	}
	n := c.doc.Root.Nearest(ptr)
	if n.Is(asl.KindObject) || n.Is(asl.KindArray) {
		// A whole object: show its first line rather than every line.
		return asl.Range{Start: n.Range.Start, End: n.Range.Start}
	}
	return n.Range
}
