// Package intrinsic parses and evaluates the intrinsic functions of the
// Amazon States Language (States.Format, States.MathAdd, ... all 18), as
// they appear in JSONPath-mode payload templates ("key.$": "States.X(...)").
//
// Compile once; Eval against a jsonpath.Scope. Arguments are string
// literals ('it\'s'), numbers, true/false/null, paths ($.x, $$.x, $var.x)
// and nested calls. In string literals \' \{ \} and \\ are escapes; in
// States.Format an unescaped {} is a placeholder.
//
// Errors are *fault.Error: States.IntrinsicFailure for a function that
// cannot run on its arguments, States.Runtime for a path argument that
// names nothing (as AWS records it). Randomness (States.MathRandom,
// States.UUID) comes from a Source, so runs can be made reproducible.
package intrinsic
