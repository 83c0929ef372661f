package jsonvalue

import (
	"maps"
	"runtime"
	"slices"
	"strings"
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

// orders maps a map's identity to its entry. It is sharded by address so
// that concurrent branches rarely contend.
var orders [64]struct {
	sync.Mutex
	m map[uintptr]*orderEntry
}

func shard(id uintptr) *struct {
	sync.Mutex
	m map[uintptr]*orderEntry
} {
	return &orders[(id>>4)%uintptr(len(orders))]
}

func storeOrder(id uintptr, e *orderEntry) {
	s := shard(id)
	s.Lock()
	if s.m == nil {
		s.m = make(map[uintptr]*orderEntry)
	}
	s.m[id] = e
	s.Unlock()
}

func loadOrder(id uintptr) (*orderEntry, bool) {
	s := shard(id)
	s.Lock()
	e, ok := s.m[id]
	s.Unlock()
	return e, ok
}

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
	storeOrder(r.id, r.entry)
	runtime.AddCleanup((*byte)(p), forget, r)
}

// orderRecord identifies one recorded order for its cleanup.
type orderRecord struct {
	id    uintptr
	entry *orderEntry
}

// forget drops a collected map's order. Its address may already belong to
// a new map, so only the map's own entry is removed.
func forget(r orderRecord) {
	s := shard(r.id)
	s.Lock()
	if s.m[r.id] == r.entry {
		delete(s.m, r.id)
	}
	s.Unlock()
}

// shapes holds key orders by key set, for objects built on hot paths that
// record no order of their own (payload template outputs): the template
// registers its shape once, and any unrecorded object with that key set
// prints in that order. Keys are the sorted key set joined by NUL; a plain
// map lets lookups build that key on the stack.
var shapes struct {
	sync.RWMutex
	m map[string][]string
}

// RegisterShape records keys' order for every object that has exactly
// these keys and no order of its own. It costs nothing per object, unlike
// SetKeyOrder; the last shape registered for a key set wins.
func RegisterShape(keys []string) {
	if len(keys) < 2 || slices.IsSorted(keys) {
		return
	}
	sorted := slices.Sorted(slices.Values(keys))
	if len(slices.Compact(slices.Clone(sorted))) != len(sorted) {
		return // a repeated key is no shape
	}
	shapes.Lock()
	if shapes.m == nil {
		shapes.m = map[string][]string{}
	}
	shapes.m[strings.Join(sorted, "\x00")] = slices.Clone(keys)
	shapes.Unlock()
}

// shapeOf returns the registered order of the sorted key set, if any.
func shapeOf(sorted []string) ([]string, bool) {
	var buf [256]byte
	b := buf[:0]
	for i, k := range sorted {
		if i > 0 {
			b = append(b, 0)
		}
		b = append(b, k...)
	}
	shapes.RLock()
	keys, ok := shapes.m[string(b)] // no allocation: the compiler reads b in place
	shapes.RUnlock()
	return keys, ok
}

// Keys returns m's keys in their recorded order, else in the order of a
// registered shape with the same keys, else sorted.
func Keys(m map[string]any) []string {
	var scratch [8]string
	keys := orderedKeys(m, scratch[:0])
	if len(keys) > 0 && &keys[0] == &scratch[0] {
		return slices.Clone(keys)
	}
	return keys
}

// orderedKeys is Keys for callers that do not keep the result: unless the
// order is recorded or registered, the keys are sorted into scratch.
func orderedKeys(m map[string]any, scratch []string) []string {
	if len(m) > 1 {
		if e, ok := loadOrder(uintptr(identity(m))); ok && sameKeys(e.keys, m) {
			return e.keys
		}
	}
	sorted := scratch[:0]
	for k := range m {
		sorted = append(sorted, k)
	}
	slices.Sort(sorted)
	if len(sorted) > 1 {
		if keys, ok := shapeOf(sorted); ok {
			return keys
		}
	}
	return sorted
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

// Clone deep-copies v, keeping every object's recorded key order, so that
// a copy prints as the original does.
func Clone(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = Clone(e)
		}
		if len(x) > 1 {
			if e, ok := loadOrder(uintptr(identity(x))); ok && sameKeys(e.keys, x) {
				SetKeyOrder(m, e.keys)
			}
		}
		return m
	case []any:
		s := make([]any, len(x))
		for i, e := range x {
			s[i] = Clone(e)
		}
		return s
	}
	return v
}
