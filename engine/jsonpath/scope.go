package jsonpath

// Vars resolves ASL variables by name (without the leading "$").
type Vars interface {
	Lookup(name string) (any, bool)
}

// VarMap is the simplest Vars.
type VarMap map[string]any

// Lookup returns the variable's value.
func (m VarMap) Lookup(name string) (any, bool) {
	v, ok := m[name]
	return v, ok
}

// Scope is what a path can read: the input ("$"), the context object ("$$")
// and the variables ("$name"). Vars may be nil when no variable is set.
type Scope struct {
	Input   any
	Context any
	Vars    Vars
}
