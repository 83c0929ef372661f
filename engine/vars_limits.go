package engine

import (
	"fmt"
	"maps"
	"slices"
)

// AWS's limits on Variables (developer guide, "Passing data between states
// with variables", Variable size limits): a single variable's value is at
// most 256 KiB, all the variables one Assign field sets together at most
// 256 KiB, and all stored variables of an execution at most 10 MiB. The
// sizes are of the values' JSON text, as for payloads. A state that would
// pass a limit fails with States.DataLimitExceeded, the error AWS uses for
// its size quotas, before any variable is set.
const (
	maxVariableSize    = 256 * 1024
	maxAssignSize      = 256 * 1024
	maxAllVariableSize = 10 * 1024 * 1024
)

// checkAssign measures the variables m would set in scope v. It returns
// the sizes of m's values, for the scope's account, or the fault.
func checkAssign(v *vars, m map[string]any) (map[string]int, error) {
	sizes := make(map[string]int, len(m))
	total := 0
	for _, k := range slices.Sorted(maps.Keys(m)) {
		n := jsonSize(m[k], maxVariableSize+1)
		if n > maxVariableSize {
			return nil, newFault(errDataLimitExceeded, fmt.Sprintf(
				"The variable '%s' has a size exceeding the maximum number of bytes service limit (256 KiB).", k))
		}
		sizes[k] = n
		total += n
	}
	if total > maxAssignSize {
		return nil, newFault(errDataLimitExceeded,
			"The variables assigned by the state have a combined size exceeding the maximum number of bytes service limit (256 KiB per Assign).")
	}
	if stored := v.storedSize(sizes); stored > maxAllVariableSize {
		return nil, newFault(errDataLimitExceeded,
			"The variables of the execution would have a combined size exceeding the maximum number of bytes service limit (10 MiB).")
	}
	return sizes, nil
}

// storedSize is the size of every variable visible from v once the given
// ones are set in v (replacing those of the same names in v).
func (v *vars) storedSize(set map[string]int) int {
	total := 0
	for s := v; s != nil; s = s.parent {
		s.mu.RLock()
		total += s.bytes
		if s == v {
			for k, n := range set {
				total += n - s.sizes[k]
			}
		}
		s.mu.RUnlock()
	}
	return total
}
