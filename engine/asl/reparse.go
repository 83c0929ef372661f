package asl

import (
	"bytes"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// Reparse turns doc, parsed from old, into what Parse would give for src,
// in place, when the two texts differ only inside one state's object (the
// usual edit in an editor): it parses and decodes that state alone,
// splices it in and moves every position after it. It reports false,
// leaving doc as it was, when it cannot (YAML, an edit reaching past one
// state's braces, a state that no longer parses); the caller parses src
// from scratch then, which also finds the syntax error.
//
// doc must be used by nobody else during the call, and what held a node of
// the edited state sees the old one: the caller owns doc outright.
func Reparse(doc *Document, old, src []byte) bool {
	if doc == nil || doc.Format != JSON || doc.Machine == nil || doc.Root == nil {
		return false
	}
	p := commonPrefix(old, src)
	if p == len(old) && p == len(src) {
		return true
	}
	s := commonSuffix(old[p:], src[p:])
	e0, e1 := len(old)-s, len(src)-s // the edit is old[p:e0], now src[p:e1]
	m, i, depth := editedState(doc.Machine, doc.Root, p, e0)
	if m == nil {
		return false
	}
	st := m.States[i]
	field := stateField(m, st)
	if field == nil {
		return false
	}
	start, end0 := st.Node.Range.Start, st.Node.Range.End.Offset
	end1 := end0 + len(src) - len(old)
	if end1 > len(src) || !utf8.Valid(src[start.Offset:end1]) {
		return false // Parse locates the first byte that is not UTF-8
	}
	n, ok := parseValueAt(doc.Name, src, start, end1, depth)
	if !ok || n.Kind != KindObject {
		return false
	}

	// Where the edit ended, before and after: positions from there on move.
	at0 := (&cursor{src: old, pos: start}).at(e0)
	at1 := (&cursor{src: src, pos: start}).at(e1)
	sh := shift{from: e0, delta: len(src) - len(old), line: at0.Line, lines: at1.Line - at0.Line, cols: at1.Column - at0.Column}
	sh.tree(doc.Root, p, st.Node)
	field.Value = n
	ns := decodeState(field)
	m.States[i] = ns
	if m.byName[ns.Name] == st {
		m.byName[ns.Name] = ns
	}
	sh.machine(doc.Machine, ns)
	return true
}

// commonPrefix and commonSuffix compare in chunks, where bytes.Equal is
// fast, then byte by byte.
func commonPrefix(a, b []byte) int {
	n := min(len(a), len(b))
	i := 0
	for i+64 <= n && bytes.Equal(a[i:i+64], b[i:i+64]) {
		i += 64
	}
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

func commonSuffix(a, b []byte) int {
	n := min(len(a), len(b))
	i := 0
	for i+64 <= n && bytes.Equal(a[len(a)-i-64:len(a)-i], b[len(b)-i-64:len(b)-i]) {
		i += 64
	}
	for i < n && a[len(a)-1-i] == b[len(b)-1-i] {
		i++
	}
	return i
}

// editedState finds the innermost state whose object holds the edit
// old[p:e0] strictly inside its braces: the machine, the state's index
// there and how many objects and arrays enclose the state's object (the
// parser's depth before it). m is nil when no state holds the edit.
func editedState(top *StateMachine, root *Node, p, e0 int) (m *StateMachine, i, depth int) {
	inside := func(n *Node) bool {
		return n != nil && n.Kind == KindObject && n.Range.Start.Offset < p && n.Range.End.Offset > e0
	}
	for mm := top; mm != nil; {
		var next *StateMachine
		for j, st := range mm.States {
			if !inside(st.Node) {
				continue
			}
			m, i = mm, j
			for _, b := range st.Branches {
				if b != nil && b.Node != nil && b.Node.Range.Start.Offset < p && b.Node.Range.End.Offset > e0 {
					next = b
				}
			}
			if pr := st.ItemProcessor; pr != nil && pr.Node != nil && pr.Node.Range.Start.Offset < p && pr.Node.Range.End.Offset > e0 {
				next = pr
			}
			break
		}
		mm = next
	}
	if m == nil {
		return nil, 0, 0
	}
	depth, ok := depthOf(root, m.States[i].Node)
	if !ok {
		return nil, 0, 0
	}
	return m, i, depth
}

// depthOf counts the objects and arrays that enclose target, walking down
// from root by position.
func depthOf(root, target *Node) (int, bool) {
	off := target.Range.Start.Offset
	depth := 0
	for n := root; n != nil; {
		if n == target {
			return depth, true
		}
		depth++
		var next *Node
		switch n.Kind {
		case KindObject:
			for _, f := range n.Fields {
				if f.Value != nil && f.Value.Range.Start.Offset <= off && off < f.Value.Range.End.Offset {
					next = f.Value
					break
				}
			}
		case KindArray:
			for _, it := range n.Items {
				if it != nil && it.Range.Start.Offset <= off && off < it.Range.End.Offset {
					next = it
					break
				}
			}
		}
		n = next
	}
	return 0, false
}

// stateField is the field of m's States object whose value is st's object.
func stateField(m *StateMachine, st *State) *Field {
	for _, f := range m.Node.Get("States").Fields {
		if f.Value == st.Node {
			return f
		}
	}
	return nil
}

// parseValueAt parses the one JSON value of src that starts at start and
// must end exactly at end, as parseJSON would inside the whole text at
// that depth. Its strings are copies: they hold no part of src.
func parseValueAt(name string, src []byte, start Pos, end, depth int) (*Node, bool) {
	if end > len(src) || start.Offset >= end {
		return nil, false
	}
	p := &jsonParser{src: src[:end], text: unsafe.String(unsafe.SliceData(src), end), cur: &cursor{src: src, pos: start}, name: name, depth: depth}
	p.i = start.Offset
	n := p.value()
	if p.err != nil || n == nil || p.i != end {
		return nil, false
	}
	cloneStrings(n)
	return n, true
}

// cloneStrings copies the strings of n's tree that share the parsed text.
func cloneStrings(n *Node) {
	n.Str, n.Num = strings.Clone(n.Str), strings.Clone(n.Num)
	for _, f := range n.Fields {
		f.Key = strings.Clone(f.Key)
		cloneStrings(f.Value)
	}
	for _, it := range n.Items {
		cloneStrings(it)
	}
}

// shift moves positions at or after from (an offset of the old text) to
// where the same bytes are in the new one.
type shift struct {
	from, delta int
	line        int // the old line the edit ended on: its later columns move
	lines, cols int
}

func (s *shift) pos(p *Pos) {
	if p.Offset < s.from {
		return
	}
	p.Offset += s.delta
	if p.Line == s.line {
		p.Column += s.cols
	}
	p.Line += s.lines
}

func (s *shift) rng(r *Range) {
	s.pos(&r.Start)
	s.pos(&r.End)
}

// tree moves the positions of n's tree, skipping what ends before p (the
// edit's start) and the edited state's old object, which is replaced.
func (s *shift) tree(n *Node, p int, edited *Node) {
	if n == nil || n == edited || n.Range.End.Offset <= p {
		return
	}
	s.rng(&n.Range)
	for _, f := range n.Fields {
		s.rng(&f.KeyRange)
		s.tree(f.Value, p, edited)
	}
	for _, it := range n.Items {
		s.tree(it, p, edited)
	}
}

// machine moves the states' key ranges, all but fresh's (decoded from the
// moved tree, so already right) and those inside it.
func (s *shift) machine(m *StateMachine, fresh *State) {
	if m == nil {
		return
	}
	for _, st := range m.States {
		if st == fresh {
			continue
		}
		s.rng(&st.NameRange)
		for _, b := range st.Branches {
			s.machine(b, fresh)
		}
		s.machine(st.ItemProcessor, fresh)
	}
}
