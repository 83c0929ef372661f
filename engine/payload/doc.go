// Package payload evaluates JSONPath-mode payload templates: Parameters,
// ItemSelector, ResultSelector and JSONPath-mode Assign. A template is a
// plain JSON value; an object key ending in ".$" takes its value from a
// path ("$.x", "$$.Map.Item.Value", "$var.f") or an intrinsic call
// ("States.Format(...)"), and loses the ".$" in the output.
//
// Compile once, then Eval many times. Results share the template's static
// parts (and values read from the input): treat every value as immutable,
// as the rest of the engine does. Errors are *fault.Error with the causes
// AWS records: a path that names nothing is States.Runtime "The JSONPath
// '$.x' specified for the field 'x.$' could not be found in the input '…'".
package payload
