// Package jsonpath evaluates the JSONPath dialect of AWS Step Functions:
// paths on the state input ("$.a.b"), on the context object ("$$.Execution.Id")
// and on variables ("$name", "$name.field").
//
// Compile once, evaluate many times. A definite path (only names and single
// indexes) yields the value it names, or a *NotFoundError when the value is
// absent; an indefinite path (wildcards, slices, unions, filters, "..")
// always yields a []any, which is empty when nothing matched, as AWS does.
// Error texts follow the Jayway library AWS runs, e.g.
// "No results for path: $['a']['b']".
//
// Filters know Jayway's operators (==, <, =~, in, nin, subsetof, anyof,
// noneof, size, empty; filter_ops.go) and the length() function, also at
// the end of a path ("$.items.length()"). A $ path inside a filter reads
// the element filtered, not the document (ojg's Match has no root).
//
// Filters, slices and descent are evaluated by github.com/ohler55/ojg/jp;
// names and indexes are walked here, on the hot path, without allocating.
// Values are plain Go JSON values: nil, bool, string, int64, float64, []any
// and map[string]any.
package jsonpath
