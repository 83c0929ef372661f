package wasm

import "sync"

// Stepstudio patch (see STEPSTUDIO.md at the module root): upstream
// instantiated the WASM module in this package's init, costing ~40 ms and
// ~37 MiB in every process that links it, even one that never lays out a
// graph. The module is now instantiated on first use through module().

// lookupFuncs holds the callbacks gvc registers in its init, before the
// module exists; the module shares it once instantiated.
var lookupFuncs = &LookupFuncMap{}

var instantiateOnce sync.Once

// module returns the WASM module, instantiating it on the first call.
func module() *WasmModule {
	instantiateOnce.Do(instantiate)
	return mod
}
