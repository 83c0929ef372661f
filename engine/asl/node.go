package asl

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// Kind is the JSON type of a Node.
type Kind uint8

// The JSON kinds. KindInvalid is the zero value and never produced by Parse.
const (
	KindInvalid Kind = iota
	KindNull
	KindBool
	KindNumber
	KindString
	KindArray
	KindObject
)

var kindNames = [...]string{"invalid", "null", "boolean", "number", "string", "array", "object"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// Node is one JSON value of the source with its range. Objects keep every
// field in source order, duplicates and unknown keys included.
type Node struct {
	Kind   Kind
	Bool   bool // KindBool
	Range  Range
	Str    string   // KindString: the decoded string
	Num    string   // KindNumber: the literal text, e.g. "1.50" or "1e3"
	Items  []*Node  // KindArray
	Fields []*Field // KindObject, in source order (append or remove freely; do not rename keys in place)

	// index locates keys in large objects (a States map of thousands),
	// built by Parse; nil for the rest, which keeps Node small (a
	// definition has tens of thousands).
	index *keyIndex
}

// keyIndex maps keys to positions in Fields. It is trusted only while
// Fields still has the length it was built for and the entry still matches.
type keyIndex struct {
	pos map[string]int
	n   int
}

// indexThreshold is the object size from which Parse indexes the keys.
const indexThreshold = 32

// buildIndex indexes the keys of a large object (first occurrence wins).
func (n *Node) buildIndex() {
	if len(n.Fields) < indexThreshold {
		return
	}
	pos := make(map[string]int, len(n.Fields))
	for i, f := range n.Fields {
		if _, dup := pos[f.Key]; !dup {
			pos[f.Key] = i
		}
	}
	n.index = &keyIndex{pos: pos, n: len(n.Fields)}
}

// Field is one key of an object with the key's own range.
type Field struct {
	Key      string
	KeyRange Range
	Value    *Node
}

// Field returns the first field named key, or nil. It is nil-safe.
func (n *Node) Field(key string) *Field {
	if n == nil || n.Kind != KindObject {
		return nil
	}
	if n.index != nil && n.index.n == len(n.Fields) {
		i, ok := n.index.pos[key]
		if !ok {
			return nil
		}
		if n.Fields[i].Key == key {
			return n.Fields[i]
		}
	}
	for _, f := range n.Fields {
		if f.Key == key {
			return f
		}
	}
	return nil
}

// Get returns the value of the first field named key, or nil when n is not
// an object or has no such key. It is nil-safe, so lookups chain.
func (n *Node) Get(key string) *Node {
	if f := n.Field(key); f != nil {
		return f.Value
	}
	return nil
}

// Has reports whether the object n has a field named key.
func (n *Node) Has(key string) bool { return n.Field(key) != nil }

// Index returns the i-th item of an array, or nil.
func (n *Node) Index(i int) *Node {
	if n == nil || n.Kind != KindArray || i < 0 || i >= len(n.Items) {
		return nil
	}
	return n.Items[i]
}

// Is reports whether n is non-nil and of kind k.
func (n *Node) Is(k Kind) bool { return n != nil && n.Kind == k }

// Int returns the value of an integral number literal that fits in int64.
func (n *Node) Int() (int64, bool) {
	if !n.Is(KindNumber) {
		return 0, false
	}
	if i, err := strconv.ParseInt(n.Num, 10, 64); err == nil {
		return i, true
	}
	// 1e3 or 10.0 are integral too.
	f, err := strconv.ParseFloat(n.Num, 64)
	if err != nil || f != math.Trunc(f) || math.Abs(f) > 1<<53 {
		return 0, false
	}
	return int64(f), true
}

// Float returns the value of a number node.
func (n *Node) Float() (float64, bool) {
	if !n.Is(KindNumber) {
		return 0, false
	}
	f, err := strconv.ParseFloat(n.Num, 64)
	if err != nil && !isRangeErr(err) {
		return 0, false
	}
	return f, true
}

func isRangeErr(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

// Value converts n to plain Go JSON values: map[string]any, []any, string,
// bool, nil, and numbers as int64 when the literal is an integer in range,
// else float64. With duplicate keys the last one wins, as in encoding/json.
func (n *Node) Value() any {
	if n == nil {
		return nil
	}
	switch n.Kind {
	case KindBool:
		return n.Bool
	case KindNumber:
		if i, err := strconv.ParseInt(n.Num, 10, 64); err == nil {
			return i
		}
		f, _ := strconv.ParseFloat(n.Num, 64)
		return f
	case KindString:
		return n.Str
	case KindArray:
		out := make([]any, len(n.Items))
		for i, it := range n.Items {
			out[i] = it.Value()
		}
		return out
	case KindObject:
		out := make(map[string]any, len(n.Fields))
		keys := make([]string, 0, len(n.Fields))
		for _, f := range n.Fields {
			if _, dup := out[f.Key]; !dup {
				keys = append(keys, f.Key)
			}
			out[f.Key] = f.Value.Value()
		}
		// AWS prints objects in the order they were written.
		jsonvalue.SetKeyOrder(out, keys)
		return out
	}
	return nil
}

// Mentions reports whether a string in n contains sub — with keys, an
// object key too — not looking into the object fields named in skip
// (e.g. a state's nested states).
func (n *Node) Mentions(sub string, keys bool, skip ...string) bool {
	if n == nil {
		return false
	}
	switch n.Kind {
	case KindString:
		return strings.Contains(n.Str, sub)
	case KindArray:
		for _, it := range n.Items {
			if it.Mentions(sub, keys, skip...) {
				return true
			}
		}
	case KindObject:
		for _, f := range n.Fields {
			if slices.Contains(skip, f.Key) {
				continue
			}
			if (keys && strings.Contains(f.Key, sub)) || f.Value.Mentions(sub, keys, skip...) {
				return true
			}
		}
	}
	return false
}

// HasDuplicateKeys reports whether the object n has some key twice. On a
// large object as Parse built it, the key index answers without a pass.
func (n *Node) HasDuplicateKeys() bool {
	if n == nil || n.Kind != KindObject {
		return false
	}
	if n.index != nil && n.index.n == len(n.Fields) && !n.index.stale(n.Fields) {
		return len(n.index.pos) != len(n.Fields)
	}
	for i, f := range n.Fields {
		for _, g := range n.Fields[:i] {
			if f.Key == g.Key {
				return true
			}
		}
	}
	return false
}

// stale reports whether some field is not where the index says: Fields
// was edited in place since the index was built.
func (x *keyIndex) stale(fields []*Field) bool {
	for k, i := range x.pos {
		if fields[i].Key != k {
			return true
		}
	}
	return false
}
