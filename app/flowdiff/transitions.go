package flowdiff

import (
	"strconv"
	"strings"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// edge is one connection of a version, named by state names (B's names
// for version A, through the rename map), so the two sets compare.
type edge struct {
	kind, from, to string
}

type edgeInfo struct {
	fromID, toID, label, from, to string
	order                         int
}

// edges lists the connections of v: each machine's StartAt, then every
// transition of every state. A target that does not exist is skipped, as
// the diagram skips it. ren maps a name to its name in B (nil for B).
func edges(v *version, ren map[string]string) (map[edge][]edgeInfo, []edge) {
	name := func(n string) string {
		if m, ok := ren[n]; ok {
			return m
		}
		return n
	}
	out := map[edge][]edgeInfo{}
	var order []edge
	put := func(e edge, info edgeInfo) {
		if _, ok := out[e]; !ok {
			order = append(order, e)
		}
		info.order = len(order)
		out[e] = append(out[e], info)
	}
	for _, mr := range v.machines {
		if t := v.byName[mr.m.StartAt]; t != nil && mr.m.State(mr.m.StartAt) != nil {
			from, fromName := "start", ""
			if mr.owner != "" {
				from, fromName = mr.owner, mr.oname
			}
			put(edge{"StartAt", name(fromName), name(t.s.Name)}, edgeInfo{fromID: from, toID: t.id, label: mr.label, from: fromName, to: t.s.Name})
		}
		for _, s := range mr.m.States {
			fromID := mr.base + asl.Pointer("States", s.Name)
			for _, t := range s.Transitions() {
				if mr.m.State(t.Target) == nil {
					continue
				}
				label := ""
				switch t.Kind {
				case asl.ViaChoice:
					label = "Choices " + strconv.Itoa(t.Index+1)
				case asl.ViaCatch:
					label = "Catch " + strconv.Itoa(t.Index+1) + " (" + strings.Join(t.Errors, ", ") + ")"
				}
				put(edge{string(t.Kind), name(s.Name), name(t.Target)},
					edgeInfo{fromID: fromID, toID: mr.base + asl.Pointer("States", t.Target), label: label, from: s.Name, to: t.Target})
			}
		}
	}
	return out, order
}

// transitionDiff lists the connections only A has (removed) and only B has
// (added). Rules are matched by kind and ends, not by index, so inserting a
// Choice rule does not report every later rule's connection as new.
func transitionDiff(a, b *version, rename map[string]string) []TransitionDiff {
	ea, orderA := edges(a, rename)
	eb, orderB := edges(b, nil)
	var added, removed []TransitionDiff
	for _, e := range orderB {
		infos := eb[e]
		for _, info := range infos[min(len(infos), len(ea[e])):] {
			added = append(added, TransitionDiff{Op: OpAdded, Kind: e.kind, From: info.from, To: info.to, FromID: info.fromID, ToID: info.toID, Label: info.label})
		}
	}
	for _, e := range orderA {
		infos := ea[e]
		for _, info := range infos[min(len(infos), len(eb[e])):] {
			removed = append(removed, TransitionDiff{Op: OpRemoved, Kind: e.kind, From: info.from, To: info.to, FromID: info.fromID, ToID: info.toID, Label: info.label})
		}
	}
	return append(added, removed...)
}
