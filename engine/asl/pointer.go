package asl

import (
	"strconv"
	"strings"
)

// Pointer builds an RFC 6901 JSON pointer from raw segments, escaping "~"
// and "/": Pointer("States", "A/B", "Next") is "/States/A~1B/Next".
func Pointer(segments ...string) string { return Append("", segments...) }

// Append returns the pointer p extended by the given segments. It
// allocates once (unless a segment needs escaping): the validator builds
// several pointers per state.
func Append(p string, segments ...string) string {
	n := len(p)
	for _, s := range segments {
		n += 1 + len(s)
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteString(p)
	for _, s := range segments {
		b.WriteByte('/')
		b.WriteString(escapeSegment(s))
	}
	return b.String()
}

// AppendIndex returns the pointer p extended by an array index.
func AppendIndex(p string, i int) string { return p + "/" + strconv.Itoa(i) }

var segEscaper = strings.NewReplacer("~", "~0", "/", "~1")
var segUnescaper = strings.NewReplacer("~1", "/", "~0", "~")

func escapeSegment(s string) string {
	// Two byte searches are cheaper than ContainsAny's set for short names.
	if strings.IndexByte(s, '~') < 0 && strings.IndexByte(s, '/') < 0 {
		return s
	}
	return segEscaper.Replace(s)
}

// SplitPointer returns the unescaped segments of a JSON pointer ("" is the
// root and has none).
func SplitPointer(p string) []string {
	if p == "" {
		return nil
	}
	parts := strings.Split(strings.TrimPrefix(p, "/"), "/")
	for i, s := range parts {
		if strings.Contains(s, "~") {
			parts[i] = segUnescaper.Replace(s)
		}
	}
	return parts
}

// Lookup resolves a JSON pointer from n. It returns the node and, when the
// last segment is an object key, that field (whose KeyRange locates the
// key). ok is false when a segment does not exist.
func (n *Node) Lookup(pointer string) (node *Node, field *Field, ok bool) {
	node = n
	for _, seg := range SplitPointer(pointer) {
		switch {
		case node.Is(KindObject):
			field = node.Field(seg)
			if field == nil {
				return nil, nil, false
			}
			node = field.Value
		case node.Is(KindArray):
			i, err := strconv.Atoi(seg)
			if err != nil || node.Index(i) == nil {
				return nil, nil, false
			}
			node, field = node.Index(i), nil
		default:
			return nil, nil, false
		}
	}
	return node, field, node != nil
}

// Nearest resolves as much of pointer as exists and returns the deepest node
// found, so a problem about a missing field can be shown on its parent.
func (n *Node) Nearest(pointer string) *Node {
	node := n
	for _, seg := range SplitPointer(pointer) {
		var next *Node
		switch {
		case node.Is(KindObject):
			next = node.Get(seg)
		case node.Is(KindArray):
			if i, err := strconv.Atoi(seg); err == nil {
				next = node.Index(i)
			}
		}
		if next == nil {
			return node
		}
		node = next
	}
	return node
}
