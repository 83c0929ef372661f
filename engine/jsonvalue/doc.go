// Package jsonvalue reads and writes the engine's plain JSON values (nil,
// bool, string, int64, float64, []any, map[string]any) the way AWS Step
// Functions prints them: compact, no HTML escaping, non-ASCII kept as is,
// control characters as \n, \t or \u00XX, integral numbers without a
// fraction. Object keys are written sorted, since Go maps keep no order.
package jsonvalue
