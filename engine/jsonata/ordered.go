package jsonata

import (
	"reflect"
	"sync"

	"github.com/recolabs/gnata"

	"github.com/stepstudio/stepstudio/engine/jsonvalue"
)

// gnata keeps object key order in its own ordered map, whose type is
// internal to it: values of it come only from gnata.DecodeJSON. Building
// them through JSON text for every evaluation costs more than the
// evaluation, so they are built directly over the same memory layout. The
// layout is checked once against gnata's type (pinned at v0.2.2); if it
// ever differs, values go through JSON text instead, which is slower but
// always right.

// orderedLayout mirrors gnata's OrderedMap.
type orderedLayout struct {
	keys []string
	data map[string]any
}

// orderedType is checked on first use, not at start-up.
var orderedType = sync.OnceValue(func() reflect.Type {
	v, err := gnata.DecodeJSON([]byte("{}"))
	if err != nil {
		return nil
	}
	t := reflect.TypeOf(v)
	if t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct {
		return nil
	}
	st := t.Elem()
	want := reflect.TypeOf(orderedLayout{})
	if st.Size() != want.Size() || st.NumField() != want.NumField() {
		return nil
	}
	for i := range st.NumField() {
		a, b := st.Field(i), want.Field(i)
		if a.Name != b.Name || a.Type != b.Type || a.Offset != b.Offset {
			return nil
		}
	}
	// Round trip one value through gnata's own methods.
	probe := reflect.New(st)
	l := (*orderedLayout)(probe.UnsafePointer())
	l.keys, l.data = []string{"b", "a"}, map[string]any{"b": 1.0, "a": 2.0}
	om, ok := probe.Interface().(orderedMap)
	if !ok || len(om.Keys()) != 2 || om.Keys()[0] != "b" {
		return nil
	}
	if got, ok := om.Get("a"); !ok || got != 2.0 {
		return nil
	}
	return st
})

// newOrderedMap returns a gnata ordered map holding data in keys' order.
func newOrderedMap(keys []string, data map[string]any) any {
	if orderedType() == nil {
		return viaJSON(keys, data)
	}
	p := reflect.New(orderedType())
	l := (*orderedLayout)(p.UnsafePointer())
	l.keys, l.data = keys, data
	return p.Interface()
}

// viaJSON builds the ordered map through gnata's decoder.
func viaJSON(keys []string, data map[string]any) any {
	m := make(map[string]any, len(data))
	for k, v := range data {
		c, err := fromGnata(v)
		if err != nil {
			return jsonNull
		}
		m[k] = c
	}
	jsonvalue.SetKeyOrder(m, keys)
	b, err := jsonvalue.Marshal(m)
	if err != nil {
		return jsonNull
	}
	v, err := gnata.DecodeJSON(b)
	if err != nil {
		return jsonNull
	}
	return v
}
