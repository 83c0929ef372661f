package flowdiff

import (
	"strconv"
	"strings"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// sep joins the steps of a readable path.
const sep = " › "

// fieldDiff walks two JSON trees and collects their differences as Changes.
// rename maps an old state name to its new one, so a Next that points at a
// renamed state is not reported as a change of its own.
type fieldDiff struct {
	rename  map[string]string
	changes []Change
}

// targetKeys hold state names: compared through the rename map.
var targetKeys = map[string]bool{"Next": true, "Default": true, "StartAt": true}

// object compares two objects key by key (A's order, then keys only B has).
// In a machine (a Parallel branch, a Map processor, the top level) the
// States are skipped: nested states are compared as states of their own.
func (d *fieldDiff) object(a, b *asl.Node, path []string, ptr string, machine bool) {
	seen := make(map[string]bool, len(a.Fields))
	for _, f := range a.Fields {
		if seen[f.Key] || (machine && f.Key == "States") {
			continue
		}
		seen[f.Key] = true
		d.value(f.Key, f.Value, b.Get(f.Key), append(path, f.Key), asl.Append(ptr, f.Key), false)
	}
	for _, f := range b.Fields {
		if seen[f.Key] || (machine && f.Key == "States") {
			continue
		}
		seen[f.Key] = true
		d.add(OpAdded, append(path, f.Key), asl.Append(ptr, f.Key), nil, f.Value)
	}
}

// value compares the values of key in A and B (either may be nil: absent).
// machine says the values are machines (a Parallel branch, a processor).
func (d *fieldDiff) value(key string, a, b *asl.Node, path []string, ptr string, machine bool) {
	switch {
	case a == nil && b == nil:
		return
	case a == nil:
		d.add(OpAdded, path, ptr, nil, b)
		return
	case b == nil:
		d.add(OpRemoved, path, ptr, a, nil)
		return
	case a.Kind != b.Kind:
		d.add(OpChanged, path, ptr, a, b)
		return
	}
	switch a.Kind {
	case asl.KindObject:
		switch key {
		case "ItemProcessor", "Iterator":
			machine = true
		}
		d.object(a, b, path, ptr, machine)
	case asl.KindArray:
		d.array(key, a, b, path, ptr)
	case asl.KindString:
		if targetKeys[key] {
			if mapped, ok := d.rename[a.Str]; ok && mapped == b.Str {
				return
			}
		}
		if a.Str != b.Str {
			d.add(OpChanged, path, ptr, a, b)
		}
	default:
		if !scalarEqual(a, b) {
			d.add(OpChanged, path, ptr, a, b)
		}
	}
}

// array compares two arrays. Arrays of plain values (ErrorEquals, a list of
// numbers) read best as one value. Arrays of objects (Choices, Retry,
// Catch, Branches, payload lists) are aligned first, so inserting a rule at
// the top reports one added rule, not every rule after it as changed.
func (d *fieldDiff) array(key string, a, b *asl.Node, path []string, ptr string) {
	if scalars(a) && scalars(b) {
		if !deepEqual(a, b, nil) {
			d.add(OpChanged, path, ptr, a, b)
		}
		return
	}
	machine := key == "Branches"
	item := func(i int) []string {
		p := append([]string(nil), path...)
		p[len(p)-1] += " " + strconv.Itoa(i+1)
		return p
	}
	if len(path) == 0 {
		item = func(i int) []string { return []string{strconv.Itoa(i + 1)} }
	}
	for _, st := range align(a.Items, b.Items, d.rename) {
		switch {
		case st.a < 0:
			d.add(OpAdded, item(st.b), asl.AppendIndex(ptr, st.b), nil, b.Items[st.b])
		case st.b < 0:
			d.add(OpRemoved, item(st.a), asl.AppendIndex(ptr, st.a), a.Items[st.a], nil)
		default:
			d.value("", a.Items[st.a], b.Items[st.b], item(st.b), asl.AppendIndex(ptr, st.b), machine)
		}
	}
}

func (d *fieldDiff) add(op Op, path []string, ptr string, a, b *asl.Node) {
	d.changes = append(d.changes, Change{
		Op: op, Path: strings.Join(path, sep), Pointer: ptr,
		Old: show(a), New: show(b), JSONata: isJSONata(a) || isJSONata(b),
	})
}

func scalars(n *asl.Node) bool {
	for _, it := range n.Items {
		if it.Kind == asl.KindArray || it.Kind == asl.KindObject {
			return false
		}
	}
	return true
}

// scalarEqual compares null, booleans and numbers; numbers by value, so
// YAML's and JSON's spelling of one number are the same.
func scalarEqual(a, b *asl.Node) bool {
	switch a.Kind {
	case asl.KindBool:
		return a.Bool == b.Bool
	case asl.KindNumber:
		if a.Num == b.Num {
			return true
		}
		x, errA := strconv.ParseFloat(a.Num, 64)
		y, errB := strconv.ParseFloat(b.Num, 64)
		return errA == nil && errB == nil && x == y
	}
	return true // null
}

// deepEqual compares two trees, target names through rename (may be nil).
func deepEqual(a, b *asl.Node, rename map[string]string) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a.Kind != b.Kind {
		return false
	}
	switch a.Kind {
	case asl.KindString:
		return a.Str == b.Str
	case asl.KindArray:
		if len(a.Items) != len(b.Items) {
			return false
		}
		for i := range a.Items {
			if !deepEqual(a.Items[i], b.Items[i], rename) {
				return false
			}
		}
		return true
	case asl.KindObject:
		if len(a.Fields) != len(b.Fields) {
			return false
		}
		for _, f := range a.Fields {
			g := b.Get(f.Key)
			if targetKeys[f.Key] && f.Value.Is(asl.KindString) && g.Is(asl.KindString) {
				if mapped, ok := rename[f.Value.Str]; ok && mapped == g.Str {
					continue
				}
			}
			if !deepEqual(f.Value, g, rename) {
				return false
			}
		}
		return true
	}
	return scalarEqual(a, b)
}
