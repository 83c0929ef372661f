package asl

// Lenient field readers: a missing or wrongly typed field gives the zero
// value; the validator reports the type problem from the Node tree.

func str(n *Node, key string) string {
	if v := n.Get(key); v.Is(KindString) {
		return v.Str
	}
	return ""
}

func boolean(n *Node, key string) bool {
	v := n.Get(key)
	return v.Is(KindBool) && v.Bool
}

func intPtr(n *Node, key string) *int64 {
	if i, ok := n.Get(key).Int(); ok {
		return &i
	}
	return nil
}

func floatPtr(n *Node, key string) *float64 {
	if f, ok := n.Get(key).Float(); ok {
		return &f
	}
	return nil
}

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

func pathPtr(n *Node, key string) *PathValue {
	v := n.Get(key)
	switch {
	case v.Is(KindNull):
		return &PathValue{Node: v, Null: true}
	case v.Is(KindString):
		return &PathValue{Node: v, Path: v.Str}
	}
	return nil
}

// object returns the field if it is an object, else nil.
func object(n *Node, key string) *Node {
	if v := n.Get(key); v.Is(KindObject) {
		return v
	}
	return nil
}
