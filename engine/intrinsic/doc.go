// Package intrinsic parses and evaluates the intrinsic functions of the
// Amazon States Language (States.Format, States.MathAdd, ... all 18), as
// they appear in JSONPath-mode payload templates ("key.$": "States.X(...)").
//
// Compile once; Eval against a jsonpath.Scope. Arguments are string
// literals ('it\'s'), numbers, true/false/null, paths ($.x, $$.x, $var.x)
// and nested calls. In string literals \' \{ \} and \\ are escapes; in
// States.Format an unescaped {} is a placeholder.
//
// Errors are *fault.Error whose cause reads as AWS's: "The function
// 'States.Format('{}', $.x)' had the following error: ...", naming the
// whole expression as written. A path argument that names nothing is
// States.Runtime ("The JsonPath argument for the field '$.x' could not be
// found in the input '...'"); a function that cannot run on its arguments
// is States.IntrinsicFailure. Randomness (States.MathRandom, States.UUID)
// comes from a Source, so runs can be made reproducible.
package intrinsic
