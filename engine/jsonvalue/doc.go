// Package jsonvalue reads and writes the engine's plain JSON values (nil,
// bool, string, int64, float64, []any, map[string]any) the way AWS Step
// Functions (Jackson) prints them: compact, no HTML escaping, non-ASCII
// kept as is, control characters as \n, \t or \u00XX, int64 as integers
// and float64 as Java's Double.toString prints them ("2.0", "1.0E7").
// Object keys are written in the order recorded for the object (Unmarshal
// records the order of the text; see SetKeyOrder), else sorted.
package jsonvalue
