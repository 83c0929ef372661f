package jsonata

import "testing"

// TestOrderedLayout fails when gnata's ordered map no longer matches the
// layout built over it: conversions would still be right (through JSON
// text) but much slower.
func TestOrderedLayout(t *testing.T) {
	if orderedType() == nil {
		t.Fatal("gnata's OrderedMap layout changed; toGnata falls back to JSON text")
	}
	om, ok := newOrderedMap([]string{"z", "a"}, map[string]any{"z": 1.0, "a": 2.0}).(orderedMap)
	if !ok || om.Keys()[0] != "z" {
		t.Fatalf("newOrderedMap built %v", om)
	}
	// The fallback path gives the same value.
	fb, ok := viaJSON([]string{"z", "a"}, map[string]any{"z": 1.0, "a": 2.0}).(orderedMap)
	if !ok || len(fb.Keys()) != 2 || fb.Keys()[0] != "z" {
		t.Fatalf("viaJSON built %v", fb)
	}
}
