package graphviz

import "github.com/goccy/go-graphviz/internal/wasm"

// WASMInstantiations reports how many times this process has instantiated
// Graphviz's WASM module: 0 until the first graph is made, parsed, laid out
// or rendered, then 1. Stepstudio patch (STEPSTUDIO.md), not upstream's:
// it lets tests check that a program that never lays out a graph does not
// pay for the module.
func WASMInstantiations() int64 {
	return wasm.Instantiations()
}
