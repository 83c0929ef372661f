package asl

// Lenient field readers: a missing or wrongly typed field gives the zero
// value; the validator reports the type problem from the Node tree. The
// …Of forms read a value already looked up, the others look up key in n.

func strOf(v *Node) string {
	if v.Is(KindString) {
		return v.Str
	}
	return ""
}

func str(n *Node, key string) string { return strOf(n.Get(key)) }

func boolOf(v *Node) bool { return v.Is(KindBool) && v.Bool }

func intOf(v *Node) *int64 {
	if i, ok := v.Int(); ok {
		return &i
	}
	return nil
}

func intPtr(n *Node, key string) *int64 { return intOf(n.Get(key)) }

func floatOf(v *Node) *float64 {
	if f, ok := v.Float(); ok {
		return &f
	}
	return nil
}

func floatPtr(n *Node, key string) *float64 { return floatOf(n.Get(key)) }

func strList(n *Node, key string) []string {
	v := n.Get(key)
	if !v.Is(KindArray) {
		return nil
	}
	out := make([]string, 0, len(v.Items))
	for _, it := range v.Items {
		if it.Is(KindString) {
			out = append(out, it.Str)
		}
	}
	return out
}

// PathValue is an optional path-valued field such as ResultPath. A nil
// *PathValue means the key is absent; Null means it holds JSON null.
type PathValue struct {
	Node *Node
	Null bool
	Path string
}

func pathOf(v *Node) *PathValue {
	switch {
	case v.Is(KindNull):
		return &PathValue{Node: v, Null: true}
	case v.Is(KindString):
		return &PathValue{Node: v, Path: v.Str}
	}
	return nil
}

func pathPtr(n *Node, key string) *PathValue { return pathOf(n.Get(key)) }

// objectOf returns v if it is an object, else nil.
func objectOf(v *Node) *Node {
	if v.Is(KindObject) {
		return v
	}
	return nil
}

// object returns the field if it is an object, else nil.
func object(n *Node, key string) *Node { return objectOf(n.Get(key)) }
