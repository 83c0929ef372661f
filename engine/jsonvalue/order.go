package jsonvalue

import (
	"maps"
	"runtime"
	"slices"
	"sync"
	"unsafe"
)

// Go maps keep no key order, but AWS prints objects in the order their
// keys were written (States.JsonToString, States.Format, every output).
// The order of an object is therefore kept beside it: Unmarshal records
// it, Keys and the encoder use it, and code that builds objects can record
// one with SetKeyOrder. An object without a recorded order (or whose keys
// changed since) is printed with its keys sorted.
//
// The record is keyed by the map's identity and dropped when the map is
// collected, so it costs nothing to callers that never look at it.

type orderEntry struct{ keys []string }

var orders sync.Map // map identity (uintptr) -> *orderEntry

func identity(m map[string]any) unsafe.Pointer {
	return *(*unsafe.Pointer)(unsafe.Pointer(&m))
}

// SetKeyOrder records the order of m's keys. keys must hold each key of m
// once; an order that is already sorted is not recorded (sorted is what an
// unrecorded object prints as).
func SetKeyOrder(m map[string]any, keys []string) {
	p := identity(m)
	if p == nil || len(keys) < 2 || slices.IsSorted(keys) {
		return
	}
	r := orderRecord{id: uintptr(p), entry: &orderEntry{keys: keys}}
	orders.Store(r.id, r.entry)
	runtime.AddCleanup((*byte)(p), forget, r)
}

// orderRecord identifies one recorded order for its cleanup.
type orderRecord struct {
	id    uintptr
	entry *orderEntry
}

// forget drops a collected map's order. Its address may already belong to
// a new map, so only the map's own entry is removed.
func forget(r orderRecord) { orders.CompareAndDelete(r.id, r.entry) }

// Keys returns m's keys in their recorded order, or sorted.
func Keys(m map[string]any) []string {
	if len(m) > 1 {
		if v, ok := orders.Load(uintptr(identity(m))); ok {
			keys := v.(*orderEntry).keys
			if sameKeys(keys, m) {
				return keys
			}
		}
	}
	return slices.Sorted(maps.Keys(m))
}

func sameKeys(keys []string, m map[string]any) bool {
	if len(keys) != len(m) {
		return false
	}
	for _, k := range keys {
		if _, ok := m[k]; !ok {
			return false
		}
	}
	return true
}

// With returns a copy of m with key set to v, keeping m's key order (a new
// key goes last). m is not modified.
func With(m map[string]any, key string, v any) map[string]any {
	out := make(map[string]any, len(m)+1)
	maps.Copy(out, m)
	_, existed := m[key]
	out[key] = v
	if len(out) > 1 {
		keys := Keys(m)
		if !existed {
			keys = append(slices.Clip(keys), key)
		}
		SetKeyOrder(out, keys)
	}
	return out
}
