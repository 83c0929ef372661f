package wasm

import (
	"context"
	"fmt"
	"sync"
)

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
