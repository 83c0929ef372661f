// Package jsonata evaluates the JSONata side of ASL on
// github.com/recolabs/gnata: strings of the form "{% expr %}" and
// templates (Arguments, Output, Assign, Items, Condition, ...) whose
// string leaves may be such expressions.
//
// Expressions see $states (input, context, and where the state has them,
// result and errorOutput), the ASL variables they mention ($name), and
// AWS's extra functions $partition, $range, $hash, $random, $uuid and
// $parse. Values cross the boundary as the engine's plain values (int64
// for integral numbers).
//
// Errors are *fault.Error named States.QueryEvaluationError, with the
// causes AWS records, e.g. "The JSONata expression '$x' specified for the
// field 'Output/result' returned nothing (undefined)." and "... threw an
// error during evaluation. T1006: Attempted to invoke a non-function"
// (gnata's error codes carry jsonata-js's messages).
//
// Every evaluation is bounded (Limits, DefaultLimits: 10 s and 128 MiB of
// allocations): past either it fails with States.QueryEvaluationError
// saying which limit it hit ("... threw an error during evaluation.
// Expression evaluation memory limit exceeded: the expression allocated
// more than 128 MiB"), and cancelling the context stops it.
package jsonata
