package wasm

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
)

// Stepstudio patch (see STEPSTUDIO.md at the module root): upstream
// instantiated the WASM module in this package's init, costing ~40 ms and
// ~37 MiB in every process that links it, even one that never lays out a
// graph. The module is now instantiated on first use through module().

// lookupFuncs holds the callbacks gvc registers in its init, before the
// module exists; the module shares it once instantiated.
var lookupFuncs = &LookupFuncMap{}

var (
	instantiateOnce sync.Once
	instantiated    bool // instantiate returned, so mod is whole
	instantiations  atomic.Int64
)

// module returns the WASM module, instantiating it on the first call.
func module() *WasmModule {
	instantiateOnce.Do(func() {
		instantiations.Add(1)
		instantiate()
		instantiated = true
	})
	if !instantiated {
		// Upstream's init would have ended the process; here the first
		// use panicked with the cause and was recovered from.
		panic("go-graphviz: the WASM module failed to instantiate")
	}
	return mod
}

// Instantiations reports how many times this process has started to
// instantiate the WASM module: 0 until the first use, then 1.
func Instantiations() int64 {
	return instantiations.Load()
}

// checkEnumValue returns the module's value for the C constant name, which
// must be the value the variable was declared with (compiled): other
// packages copied that value in their init, before any module existed.
// The declarations in bind.go are written from graphviz.wasm by
// third_party/go-graphviz/patch; a mismatch means the copy was not
// regenerated after graphviz.wasm changed.
func (m *WasmModule) checkEnumValue(ctx context.Context, name string, compiled int) int {
	v := m.getEnumValue(ctx, name)
	if v != compiled {
		panic(fmt.Sprintf("go-graphviz: graphviz.wasm gives %s = %d but bind.go declares %d: run third_party/go-graphviz/patch/apply.sh", name, v, compiled))
	}
	return v
}
