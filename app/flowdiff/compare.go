package flowdiff

import (
	"errors"
	"fmt"
	"math"

	"github.com/stepstudio/stepstudio/engine/asl"
)

// Options are the extras of a comparison.
type Options struct {
	// LayoutA and LayoutB are the pinned positions of each version's
	// sidecar (NAME.studio.json), keyed by state name; nil when it has none.
	LayoutA, LayoutB Layout
}

// ErrNotAMachine is returned for a document that is no state machine.
var ErrNotAMachine = errors.New("not a state machine (a JSON or YAML object with States)")

// CompareSources parses two definitions (JSON or YAML, each by its name's
// extension or content) and compares them.
func CompareSources(nameA string, srcA []byte, nameB string, srcB []byte, o Options) (*Result, error) {
	a, err := parse(nameA, srcA)
	if err != nil {
		return nil, err
	}
	b, err := parse(nameB, srcB)
	if err != nil {
		return nil, err
	}
	return Compare(a, b, o), nil
}

func parse(name string, src []byte) (*asl.StateMachine, error) {
	doc, err := asl.Parse(name, src)
	if err != nil {
		return nil, err
	}
	if doc.Machine == nil {
		return nil, fmt.Errorf("%s: %w", name, ErrNotAMachine)
	}
	return doc.Machine, nil
}

// Compare compares version a (old) with version b (new).
func Compare(a, b *asl.StateMachine, o Options) *Result {
	va, vb := index(a), index(b)
	var removed, added []string
	for _, r := range va.states {
		if vb.byName[r.s.Name] == nil && va.byName[r.s.Name] == r {
			removed = append(removed, r.s.Name)
		}
	}
	for _, r := range vb.states {
		if va.byName[r.s.Name] == nil && vb.byName[r.s.Name] == r {
			added = append(added, r.s.Name)
		}
	}
	renames := findRenames(va, vb, removed, added)
	rename := make(map[string]string, len(renames))
	similarity := map[string]float64{}
	for _, p := range renames {
		rename[p.old] = p.new
		similarity[p.new] = p.score
	}
	oldName := make(map[string]string, len(rename))
	for o, n := range rename {
		oldName[n] = o
	}

	res := &Result{Machine: []Change{}, States: []StateDiff{}, Transitions: []TransitionDiff{}}
	md := &fieldDiff{rename: rename}
	md.object(a.Node, b.Node, nil, "", true)
	res.Machine = append(res.Machine, md.changes...)

	for _, rb := range vb.states {
		if vb.byName[rb.s.Name] != rb {
			continue // a duplicate name (invalid): the first one stands for it
		}
		nameA := rb.s.Name
		if o, ok := oldName[nameA]; ok {
			nameA = o
		}
		ra := va.byName[nameA]
		if ra == nil {
			res.States = append(res.States, StateDiff{Status: Added, Name: rb.s.Name, ID: rb.id, Type: rb.s.Type, Parent: rb.parent, ParentName: rb.pname})
			continue
		}
		sd := StateDiff{Name: rb.s.Name, ID: rb.id, Type: rb.s.Type, Parent: rb.parent, ParentName: rb.pname}
		if ra.id != rb.id {
			sd.OldID = ra.id
		}
		fd := &fieldDiff{rename: rename}
		fd.object(ra.s.Node, rb.s.Node, nil, "", false)
		if ra.parent != rb.parent {
			// Moved into another container (or out of one): say where.
			fd.changes = append([]Change{{Op: OpChanged, Path: "(place)", Old: place(ra), New: place(rb)}}, fd.changes...)
		}
		sd.Changes = fd.changes
		sd.From, sd.To, sd.PositionMoved = positions(o.LayoutA, o.LayoutB, nameA, rb.s.Name)
		switch {
		case nameA != rb.s.Name:
			sd.Status, sd.OldName, sd.Similarity = Renamed, nameA, round(similarity[rb.s.Name])
			sd.Edited = len(sd.Changes) > 0
		case len(sd.Changes) > 0:
			sd.Status = Changed
		case sd.PositionMoved:
			sd.Status = Moved
		default:
			continue
		}
		if !sd.PositionMoved {
			sd.From, sd.To = nil, nil
		}
		res.States = append(res.States, sd)
	}
	for _, ra := range va.states {
		if va.byName[ra.s.Name] != ra {
			continue
		}
		if _, gone := rename[ra.s.Name]; !gone && vb.byName[ra.s.Name] == nil {
			res.States = append(res.States, StateDiff{Status: Removed, Name: ra.s.Name, ID: ra.id, Type: ra.s.Type, Parent: ra.parent, ParentName: ra.pname})
		}
	}
	// Appended, so "no connection changed" is [] in JSON, never null.
	res.Transitions = append(res.Transitions, transitionDiff(va, vb, rename)...)
	res.count()
	return res
}

// place names where a state sits: "top level" or its container's id.
func place(r *stateRef) string {
	if r.parent == "" {
		return "top level"
	}
	return r.pname + " (" + r.parent + ")"
}

// positions returns the pinned positions of a state in A and B and
// whether they differ (pinned on one side only counts as a difference).
func positions(la, lb Layout, nameA, nameB string) (from, to *Point, moved bool) {
	if p, ok := la[nameA]; ok {
		from = &p
	}
	if p, ok := lb[nameB]; ok {
		to = &p
	}
	switch {
	case from == nil && to == nil:
		return nil, nil, false
	case from == nil || to == nil:
		return from, to, true
	}
	moved = math.Abs(from.X-to.X) > 0.01 || math.Abs(from.Y-to.Y) > 0.01
	return from, to, moved
}

func round(f float64) float64 { return math.Round(f*100) / 100 }

// count fills Counts, Same, LayoutOnly and Summary.
func (r *Result) count() {
	c := &r.Counts
	for _, s := range r.States {
		switch s.Status {
		case Added:
			c.Added++
		case Removed:
			c.Removed++
		case Changed:
			c.Changed++
		case Moved:
			c.Moved++
		case Renamed:
			c.Renamed++
			if s.Edited {
				c.Changed++
			}
		}
	}
	for _, t := range r.Transitions {
		if t.Op == OpAdded {
			c.TransitionsAdded++
		} else {
			c.TransitionsRemoved++
		}
	}
	c.MachineChanges = len(r.Machine)
	r.Same = len(r.States) == 0 && len(r.Transitions) == 0 && len(r.Machine) == 0
	r.LayoutOnly = !r.Same && c.Moved == len(r.States) && len(r.Transitions) == 0 && len(r.Machine) == 0
	r.Summary = summary(*c)
}
