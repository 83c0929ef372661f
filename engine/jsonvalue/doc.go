// Package jsonvalue reads and writes the engine's plain JSON values (nil,
// bool, string, int64, float64, []any, map[string]any) the way AWS Step
// Functions (Jackson) prints them: compact, no HTML escaping, non-ASCII
// kept as is, control characters as \n, \t or \u00XX, int64 as integers
// and float64 as Java's Double.toString prints them ("2.0", "1.0E7").
//
// Objects print in the order their keys were written, as AWS prints them,
// although Go maps keep no order: Unmarshal records each object's key
// order beside it (see SetKeyOrder; the record goes away with the map),
// With and Clone copy objects with their order, and RegisterShape gives
// an order to every object with a given key set (payload templates use it
// so that their outputs cost nothing extra). An object with no known
// order prints with its keys sorted.
package jsonvalue
