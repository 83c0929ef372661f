package engine

import "sync"

// vars is one scope of Variables. A Map iteration or a Parallel branch
// reads the variables of the scopes around it but assigns only its own,
// as AWS scopes them.
type vars struct {
	mu     sync.RWMutex
	parent *vars
	m      map[string]any
	sizes  map[string]int // JSON size of each value in m (vars_limits.go)
	bytes  int            // their sum
}

func newVars(parent *vars) *vars { return &vars{parent: parent} }

// Lookup finds a variable in this scope or the ones around it.
func (v *vars) Lookup(name string) (any, bool) {
	for s := v; s != nil; s = s.parent {
		s.mu.RLock()
		x, ok := s.m[name]
		s.mu.RUnlock()
		if ok {
			return x, true
		}
	}
	return nil, false
}

// set assigns a variable of this scope.
func (v *vars) set(name string, x any) { v.setSized(name, x, jsonSize(x, maxAllVariableSize+1)) }

// setSized assigns a variable whose JSON size n is known.
func (v *vars) setSized(name string, x any, n int) {
	v.mu.Lock()
	if v.m == nil {
		v.m = map[string]any{}
		v.sizes = map[string]int{}
	}
	v.m[name] = x
	v.bytes += n - v.sizes[name]
	v.sizes[name] = n
	v.mu.Unlock()
}
